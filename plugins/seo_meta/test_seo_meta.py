from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Category, Tag

from breadcrumbs import Crumb
from seo_meta.description import LIMIT, describe, first_paragraph, shorten
from seo_meta.meta import content_meta, list_meta, page_url
from seo_meta.structured_data import blog_posting, breadcrumb_list, for_content

BELGRADE = ZoneInfo("Europe/Belgrade")
SITE = dict(
    DEFAULT_CONFIG,
    SITEURL="https://vavodic.rs",
    SITENAME="VA vodič",
    SITESUBTITLE="Kako zaista izgleda saradnja sa virtuelnim asistentom",
    AUTHOR="Ana Petrović",
    AUTHOR_EMAIL="kontakt@vavodic.rs",
    HTML_LANG="sr-Latn",
    OG_LOCALE="sr_RS",
    ARTICLE_URL="{slug}/",
    PAGE_URL="{slug}/",
)


def article(content="<p>Prvi pasus.</p>", **metadata):
    metadata = {
        "title": 'Može li <span class="caps">VA</span> da&nbsp;radi &amp; uči?',
        "slug": "moze-li",
        "date": datetime(2026, 3, 10, 9, 0, tzinfo=BELGRADE),
        "category": Category("Saradnja", SITE),
        "tags": [Tag("poverenje", SITE), Tag("alati", SITE)],
        **metadata,
    }
    return Article(content, metadata=metadata, settings=SITE, source_path="/site/content/posts/a.md")


# --- Description ----------------------------------------------------------------


def test_short_text_is_kept_whole():
    assert shorten("Kratak opis.") == "Kratak opis."


def test_long_text_is_cut_at_a_word_boundary_within_160_characters():
    text = "Virtuelni asistent preuzima poslove, " * 10
    short = shorten(text)
    kept = short.removesuffix("…")
    assert len(short) <= LIMIT and short.endswith("…")
    assert text.startswith(kept) and text[len(kept)] in " ,"  # cut between words
    assert not kept.endswith((" ", ","))


def test_a_word_ending_exactly_at_the_limit_is_kept():
    text = "a" * 158 + " bbb"
    assert shorten(text) == "a" * 158 + "…"


def test_summary_wins_and_is_plain_text():
    post = article(summary='<p>Opis &amp; <span class="caps">NDA</span> „ugovor”</p>')
    assert describe(post) == "Opis & NDA „ugovor”"


def test_without_summary_the_first_paragraph_with_words_is_used():
    html = '<p><img alt="slika" src="x.png"></p>\n<p>Prvi <em>pravi</em> pasus.</p><p>Drugi.</p>'
    assert first_paragraph(html) == "Prvi pravi pasus."
    assert describe(article(html)) == "Prvi pravi pasus."


# --- Meta of content and list pages ------------------------------------------------


def test_article_meta_is_plain_absolute_and_dated_in_belgrade_time():
    post = article(modified=datetime(2026, 7, 1, 12, 0, tzinfo=BELGRADE), summary="<p>Opis.</p>")
    meta = content_meta(post, SITE)
    assert meta.title == "Može li VA da radi & uči? — VA vodič"
    assert meta.headline == "Može li VA da radi & uči?"
    assert meta.url == "https://vavodic.rs/moze-li/"
    assert meta.type == "article"
    assert meta.published == "2026-03-10T09:00:00+01:00"
    assert meta.modified == "2026-07-01T12:00:00+02:00"
    assert meta.section == "Saradnja" and meta.tags == ["poverenje", "alati"]
    assert (meta.locale, meta.site_name, meta.robots) == ("sr_RS", "VA vodič", None)


def test_page_meta_is_a_website_without_article_times():
    page = Page(
        "<p>O meni.</p>",
        metadata={"title": "O meni", "slug": "o-meni"},
        settings=SITE,
        source_path="/site/content/pages/o-meni.md",
    )
    meta = content_meta(page, SITE)
    assert (meta.type, meta.published, meta.url) == ("website", None, "https://vavodic.rs/o-meni/")


def test_drafts_and_hidden_posts_are_not_indexed():
    assert content_meta(article(status="draft"), SITE).robots == "noindex"
    # A hidden post is on the site, reached only by its link: search engines leave it out too.
    assert content_meta(article(status="hidden"), SITE).robots == "noindex"


def test_list_pages_get_canonical_urls_and_numbered_titles():
    first = list_meta(
        SITE, "Kategorija: Osnove — VA vodič", "Objave u kategoriji Osnove.", "kategorija/osnove/index.html"
    )
    assert (first.title, first.headline, first.url) == (
        "Kategorija: Osnove — VA vodič",
        "Kategorija: Osnove",
        "https://vavodic.rs/kategorija/osnove/",
    )
    second = list_meta(SITE, "Kategorija: Osnove — VA vodič", "x", "kategorija/osnove/strana/2/index.html", 2)
    assert second.title == "Kategorija: Osnove — strana 2 — VA vodič"
    assert second.url == "https://vavodic.rs/kategorija/osnove/strana/2/"


def test_the_404_page_has_no_canonical():
    meta = list_meta(SITE, "Stranica nije pronađena — VA vodič", "Nema je.", "404.html")
    assert meta.url is None and meta.robots is None  # its 404 status already keeps it out


def test_page_url_drops_index_html():
    assert page_url("index.html") == "" and page_url("arhiva/index.html") == "arhiva/"


# --- Structured data -------------------------------------------------------------


def test_blog_posting_has_what_google_reads():
    post = article(summary="<p>Opis.</p>")
    data = blog_posting(SITE, content_meta(post, SITE))
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Može li VA da radi & uči?"
    assert data["mainEntityOfPage"]["@id"] == data["url"] == "https://vavodic.rs/moze-li/"
    assert data["author"]["name"] == "Ana Petrović" and data["inLanguage"] == "sr-Latn"
    assert data["datePublished"] == "2026-03-10T09:00:00+01:00"


def test_breadcrumbs_become_an_absolute_breadcrumb_list():
    data = breadcrumb_list(SITE, [Crumb("Početna", ""), Crumb('Mit &amp; <span class="caps">VA</span>', "x/")])
    assert data["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Početna", "item": "https://vavodic.rs/"},
        {"@type": "ListItem", "position": 2, "name": "Mit & VA", "item": "https://vavodic.rs/x/"},
    ]


def test_every_page_names_the_site_and_its_author():
    post = article()
    types = [item["@type"] for item in for_content(post, content_meta(post, SITE), SITE)]
    assert types == ["WebSite", "Person", "BlogPosting"]
    person = for_content(post, content_meta(post, SITE), SITE)[1]
    assert person["name"] == "Ana Petrović" and person["url"] == "https://vavodic.rs/o-meni/"


@pytest.mark.parametrize("siteurl", ["", "https://vavodic.rs"])
def test_urls_follow_siteurl(siteurl):
    meta = content_meta(article(), {**SITE, "SITEURL": siteurl})
    assert meta.url == f"{siteurl}/moze-li/"


# --- One publisher; dated pages (FAQ pages) are authored like posts ---------------


def faq_page(**metadata):
    from faq.model import parse_faq

    page = Page(
        '<p>Uvod.</p>\n<h2 id="p">Pitanje?</h2>\n<p>Odgovor.</p>',
        metadata={"title": "Česta pitanja o radu", "slug": "pitanja", "summary": "<p>Opis.</p>", **metadata},
        settings=SITE,
        source_path="/site/content/faq/pitanja.md",
    )
    page.faq = parse_faq(page.content, "questions")
    return page


def test_the_publisher_is_the_site_on_every_page_and_the_author_stays_the_author():
    post = article(summary="<p>Opis.</p>")
    items = {item["@type"]: item for item in for_content(post, content_meta(post, SITE), SITE)}
    for publisher in (items["WebSite"]["publisher"], items["BlogPosting"]["publisher"]):
        assert publisher["@type"] == "Organization" and publisher["name"] == "VA vodič"
        assert publisher["url"] == "https://vavodic.rs/"
        assert publisher["logo"] == {
            "@type": "ImageObject",
            "url": "https://vavodic.rs/icon-512.png",
            "width": 512,
            "height": 512,
        }
    assert items["BlogPosting"]["author"] == {
        "@type": "Person",
        "@id": "https://vavodic.rs/#autor",
        "name": "Ana Petrović",
        "url": "https://vavodic.rs/o-meni/",
    }


def test_a_dated_faq_page_is_an_article_card_with_author_and_modified_time():
    page = faq_page(
        date=datetime(2026, 4, 1, 9, 0, tzinfo=BELGRADE), modified=datetime(2026, 11, 2, 8, 30, tzinfo=BELGRADE)
    )
    meta = content_meta(page, SITE)
    assert meta.type == "article"
    assert (meta.published, meta.modified) == ("2026-04-01T09:00:00+02:00", "2026-11-02T08:30:00+01:00")
    assert (meta.author, meta.author_url) == ("Ana Petrović", "https://vavodic.rs/o-meni/")
    assert meta.section is None and meta.tags == []


def test_without_modified_the_date_is_the_modified_time():
    meta = content_meta(faq_page(date=datetime(2026, 4, 1, 9, 0, tzinfo=BELGRADE)), SITE)
    assert meta.modified == meta.published == "2026-04-01T09:00:00+02:00"


def test_faq_page_structured_data_has_its_questions_author_dates_and_publisher():
    page = faq_page(date=datetime(2026, 4, 1, 9, 0, tzinfo=BELGRADE))
    items = for_content(page, content_meta(page, SITE), SITE)
    assert [item["@type"] for item in items] == ["WebSite", "Person", "FAQPage"]
    data = items[2]
    assert data["name"] == data["headline"] == "Česta pitanja o radu"
    assert data["url"] == "https://vavodic.rs/pitanja/"
    assert data["author"]["name"] == "Ana Petrović" and data["publisher"]["name"] == "VA vodič"
    assert data["datePublished"] == data["dateModified"] == "2026-04-01T09:00:00+02:00"
    assert [question["name"] for question in data["mainEntity"]] == ["Pitanje?"]


def test_another_author_is_named_without_the_site_authors_page():
    post = article(author=Author("Marko Marković", SITE))
    meta = content_meta(post, SITE)
    assert (meta.author, meta.author_url) == ("Marko Marković", None)
    assert blog_posting(SITE, meta)["author"] == {"@type": "Person", "name": "Marko Marković"}
    assert blog_posting(SITE, meta)["publisher"]["name"] == "VA vodič"
