import io
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import feedparser
import pytest
from feedgenerator import Atom1Feed, Rss201rev2Feed, get_tag_uri
from selectolax.lexbor import LexborHTMLParser

from feeds import absolute_links, clean_items, feed_links, reader_html, site_feed
from headings import anchor_headings

POST = "https://vavodic.rs/moj-post/"
CONTEXT = {"DEFAULT_LANG": "sr", "HTML_LANG": "sr-Latn"}


def test_relative_links_and_images_become_absolute():
    html = (
        '<a href="/kontakt/">k</a> <a href="#beleska">b</a> <img src="../images/a.svg" alt="">'
        ' <a href="https://example.org/x">e</a> <a href="mailto:a@b.rs">m</a> <a href="?a=1&amp;b=2">q</a>'
    )
    assert absolute_links(html, POST) == (
        '<a href="https://vavodic.rs/kontakt/">k</a> <a href="https://vavodic.rs/moj-post/#beleska">b</a>'
        ' <img src="https://vavodic.rs/images/a.svg" alt="">'
        ' <a href="https://example.org/x">e</a> <a href="mailto:a@b.rs">m</a>'
        ' <a href="https://vavodic.rs/moj-post/?a=1&amp;b=2">q</a>'
    )


def test_without_an_absolute_base_nothing_changes():
    assert absolute_links('<a href="/x/">x</a>', "/moj-post/") == '<a href="/x/">x</a>'
    assert absolute_links(None, POST) is None


def test_feed_items_are_rewritten_in_place():
    item = {
        "title": "Za šta služi\xa0koji </script>",
        "link": POST,
        "description": '<a href="/a/">a</a>',
        "content": None,
    }
    clean_items(CONTEXT, SimpleNamespace(feed={}, items=[item]))
    assert item["description"] == '<a href="https://vavodic.rs/a/">a</a>'
    assert item["title"] == "Za šta služi koji </script>"


# --- What a feed reader shows ---------------------------------------------------------

SHARE_CONTROLS = (
    '<div class="share" role="group" aria-label="Podelite: X"><p class="share-label">Podelite:</p>'
    '<ul class="share-list"><li><a class="share-link" href="https://wa.me/?text=x">WhatsApp</a></li>'
    '<li hidden><button type="button" class="share-link share-copy">Kopiraj link</button></li></ul>'
    '<p class="share-status" role="status"></p></div>'
)


def visible_text(html: str) -> str:
    return " ".join(LexborHTMLParser(html, is_fragment=True).text().split())


def test_heading_links_and_their_hidden_labels_are_left_out():
    page_html, _ = anchor_headings(
        '<p>Uvod.</p>\n<h2 id="korak-1">Korak&nbsp;1</h2>\n<p>Tekst <a href="#korak-1">gore</a>.</p>'
    )
    assert "Link do odeljka" in page_html  # what the page carries, hidden by CSS
    cleaned = reader_html(page_html, POST)
    assert cleaned == (
        f'<p>Uvod.</p>\n<h2 id="korak-1">Korak&nbsp;1</h2>\n<p>Tekst <a href="{POST}#korak-1">gore</a>.</p>'
    )
    assert visible_text(cleaned) == "Uvod. Korak 1 Tekst gore."


def test_share_copy_and_hidden_elements_are_left_out_and_the_rest_stays():
    html = (
        '<p>Pre <span class="visually-hidden">samo za čitač ekrana</span>posle.</p>'
        + SHARE_CONTROLS
        + '<button type="button" class="faq-copy" hidden>Kopiraj link</button><span aria-hidden="true">✓</span>'
        + '<figure><img src="../images/a.svg" srcset="a.svg 1x, /images/b.svg 2x" alt="Slika"></figure>'
    )
    cleaned = reader_html(html, POST)
    assert visible_text(cleaned) == "Pre posle."
    assert (
        '<figure><img src="https://vavodic.rs/images/a.svg" '
        'srcset="https://vavodic.rs/moj-post/a.svg 1x, https://vavodic.rs/images/b.svg 2x" alt="Slika"></figure>'
    ) in cleaned


def feed_with_one_post(feed_class):
    feed = feed_class(
        title="VA vodič", link="https://vavodic.rs/", description="Opis", feed_url="https://vavodic.rs/feeds/sve.xml"
    )
    date = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Europe/Belgrade"))
    page_html, _ = anchor_headings('<h2 id="a">Naslov</h2><p><a href="/kontakt/">Kontakt</a></p>')
    # As Pelican's writer adds an article (pelican/writers.py, _add_item_to_the_feed).
    feed.add_item(
        title="Moj\xa0post",
        link=POST,
        unique_id=get_tag_uri(POST, date),
        pubdate=date,
        description=page_html if feed_class is Rss201rev2Feed else "<p>Sažetak.</p>",
        content=None if feed_class is Rss201rev2Feed else page_html,
        author_name="Ana Petrović",
    )
    clean_items(CONTEXT, feed)
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue()


def test_rss_declares_its_language_and_that_the_guid_is_not_a_link():
    xml = feed_with_one_post(Rss201rev2Feed)
    assert "<language>sr</language>" in xml
    assert '<guid isPermaLink="false">tag:vavodic.rs,2026-03-10:/moj-post/</guid>' in xml
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0 and parsed.feed.language == "sr"
    entry = parsed.entries[0]
    assert entry.id == "tag:vavodic.rs,2026-03-10:/moj-post/" and entry.guidislink is False
    assert entry.link == POST and entry.title == "Moj post"
    assert "Link do odeljka" not in entry.summary and 'href="https://vavodic.rs/kontakt/"' in entry.summary


def test_atom_declares_its_language_on_the_feed():
    xml = feed_with_one_post(Atom1Feed)
    assert '<feed xml:lang="sr-Latn" xmlns="http://www.w3.org/2005/Atom">' in xml
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0 and parsed.feed.language == "sr-Latn"
    entry = parsed.entries[0]
    assert entry.content[0].language == "sr-Latn"
    assert "Link do odeljka" not in entry.content[0].value


def test_each_atom_feed_has_its_own_id_and_a_dashed_title():
    feed = Atom1Feed(
        title="VA vodič - Alati",
        link="https://vavodic.rs/",
        description="Opis",
        feed_url="https://vavodic.rs/feeds/kategorija-alati.atom.xml",
    )
    clean_items({**CONTEXT, "SITENAME": "VA vodič"}, feed)
    out = io.StringIO()
    feed.write(out, "utf-8")
    parsed = feedparser.parse(out.getvalue())
    assert parsed.feed.id == "https://vavodic.rs/feeds/kategorija-alati.atom.xml"
    assert parsed.feed.title == "VA vodič — Alati"


@pytest.mark.parametrize(
    "context, expected",
    [
        ({"DEFAULT_LANG": "sr", "HTML_LANG": "sr-Latn"}, ("sr", "sr-Latn")),
        ({"DEFAULT_LANG": "sr"}, ("sr", "sr")),
        (
            {"DEFAULT_LANG": "en", "HTML_LANG": "sr-Latn"},
            ("en", "en"),
        ),  # a tag that contradicts the articles is not used
    ],
)
def test_feed_language_comes_from_the_settings_pelican_gives_articles(context, expected):
    for feed_class, language in zip((Rss201rev2Feed, Atom1Feed), expected, strict=False):
        feed = feed_class(title="t", link="https://vavodic.rs/", description="d")
        clean_items(context, feed)
        assert feed.feed["language"] == language


def test_a_guid_that_is_the_link_says_so():
    feed = Rss201rev2Feed(title="t", link="https://vavodic.rs/", description="d")
    feed.add_item(title="t", link=POST, description="d", unique_id=POST)
    clean_items(CONTEXT, feed)
    assert feed.items[0]["unique_id_is_permalink"] is True


def test_head_links_name_the_site_feed_and_the_category_feed():
    context = {
        "SITENAME": "VA vodič",
        "SITEURL": "https://vavodic.rs",
        "FEED_DOMAIN": "https://vavodic.rs",
        "FEED_ALL_ATOM": "feeds/sve.atom.xml",
        "FEED_ALL_RSS": "feeds/sve.rss.xml",
        "CATEGORY_FEED_ATOM": "feeds/kategorija-{slug}.atom.xml",
        "CATEGORY_FEED_RSS": None,
        "category": SimpleNamespace(slug="osnove"),
    }
    links = feed_links(context)
    assert [(link.mime_type, link.url) for link in links] == [
        ("application/atom+xml", "https://vavodic.rs/feeds/sve.atom.xml"),
        ("application/rss+xml", "https://vavodic.rs/feeds/sve.rss.xml"),
        ("application/atom+xml", "https://vavodic.rs/feeds/kategorija-osnove.atom.xml"),
    ]
    assert links[0].title == "VA vodič: sve objave (Atom)"


def test_the_footer_links_the_all_posts_rss_feed_on_every_page():
    context = {
        "SITEURL": "https://vavodic.rs",
        "FEED_ALL_ATOM": "feeds/sve.atom.xml",
        "FEED_ALL_RSS": "feeds/sve.rss.xml",
        "FEED_ALL_RSS_URL": "rss/",
        "CATEGORY_FEED_RSS": "feeds/kategorija-{slug}.rss.xml",
        "category": SimpleNamespace(slug="osnove"),
    }
    feed = site_feed(context)
    assert (feed.mime_type, feed.url) == ("application/rss+xml", "https://vavodic.rs/rss/")  # Pelican's _URL wins
    assert site_feed({**context, "FEED_ALL_RSS": None}) is None  # Atom alone: only the head links it


def test_no_feeds_no_links():
    assert feed_links({"SITENAME": "VA vodič", "SITEURL": ""}) == []
    assert site_feed({"SITENAME": "VA vodič", "SITEURL": ""}) is None
