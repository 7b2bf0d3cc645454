"""Sharing and discoverability, read from the production build the way
crawlers, chat apps and feed readers read it: preview cards, JSON-LD,
share links, feeds, sitemap and robots.txt."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit
from zoneinfo import ZoneInfo

import feedparser
import pytest
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT
from pages import html_of, meta, page_file, parse, sitemap, text
from sharing import by_type, json_ld, open_graph, shared_url, twitter, validation_issues
from site_tools.build import PROD_SETTINGS, build
from sitemap_xml import file_date

POST = "/moze-li-va-da-radi-iz-moje-kancelarije/"
FAQ = "/faq/mitovi-o-virtuelnim-asistentima/"
BELGRADE_OFFSET = re.compile(r"\+0[12]:00$")
BELGRADE = ZoneInfo("Europe/Belgrade")


def local_file(site: Path, base: str, url: str) -> Path:
    """The built file behind an absolute URL of this site."""
    assert url.startswith(base + "/"), f"{url} is not an absolute URL of {base}"
    path = urlsplit(url).path
    return site / path.lstrip("/") if Path(path).suffix else page_file(site, path)


def html_pages(site: Path) -> list[Path]:
    """The Latin edition's pages; their Cyrillic twins under cir/ are tests/test_cyrillic.py's."""
    return [
        path
        for path in sorted(site.rglob("*.html"))
        if "pagefind" not in path.parts and not path.relative_to(site).as_posix().startswith("cir/")
    ]


# --- Preview cards ------------------------------------------------------------------


def test_post_unfurls_into_a_full_card(prod_site, base):
    html = html_of(prod_site, POST)
    tree = parse(page_file(prod_site, POST))
    og, tw = open_graph(html), twitter(html)
    url = base + POST
    heading = text(tree.css_first("article h1"))
    description = meta(tree, "description")

    assert tree.css_first('link[rel="canonical"]').attributes["href"] == url
    assert og["og:url"] == [url] and og["og:type"] == ["article"]
    assert og["og:title"] == [heading] == [tw["twitter:title"]]
    assert og["og:description"] == [description] == [tw["twitter:description"]]
    assert 50 < len(description) <= 160
    assert og["og:locale"] == ["sr_RS"] and og["og:site_name"] == ["VA vodič"]
    assert tw["twitter:card"] == "summary_large_image"

    image = og["og:image"][0]
    assert tw["twitter:image"] == image
    with Image.open(local_file(prod_site, base, image)) as picture:
        assert picture.size == (1200, 630) and picture.format == "PNG"
    assert (og["og:image:width"], og["og:image:height"], og["og:image:type"]) == (["1200"], ["630"], ["image/png"])
    assert og["og:image:alt"] == [f"VA vodič: {heading}"] == [tw["twitter:image:alt"]]

    assert BELGRADE_OFFSET.search(og["article:published_time"][0])
    assert BELGRADE_OFFSET.search(og["article:modified_time"][0])
    visible_tags = [text(a).lstrip("#") for a in tree.css(".tag-list a")]
    assert og["article:tag"] == visible_tags and visible_tags


def test_post_structured_data_matches_the_page(prod_site, base):
    html = html_of(prod_site, POST)
    og = open_graph(html)
    items = by_type(json_ld(html))
    assert set(items) == {"WebSite", "Person", "BlogPosting", "BreadcrumbList"}

    posting = items["BlogPosting"]
    assert posting["headline"] == og["og:title"][0]
    assert posting["description"] == og["og:description"][0]
    assert posting["image"]["url"] == og["og:image"][0]
    assert posting["datePublished"] == og["article:published_time"][0]
    assert posting["dateModified"] == og["article:modified_time"][0]
    assert (
        posting["author"]["name"]
        == "Ana Petrović"
        == items["Person"]["name"]
        == meta(parse(page_file(prod_site, POST)), "author")
    )
    assert posting["publisher"]["@type"] == "Organization"
    assert posting["publisher"]["name"] == og["og:site_name"][0] == "VA vodič"
    assert posting["inLanguage"] == "sr-Latn"
    shown = [
        node.attributes["datetime"] for node in parse(page_file(prod_site, POST)).css(".post-header .post-meta time")
    ]
    assert shown[0] == posting["datePublished"] and shown[-1] == posting["dateModified"]
    assert posting["mainEntityOfPage"]["@id"] == base + POST

    crumbs = [text(li) for li in parse(page_file(prod_site, POST)).css(".breadcrumbs li")]
    trail = items["BreadcrumbList"]["itemListElement"]
    assert [item["name"] for item in trail] == crumbs
    assert trail[0]["item"] == base + "/" and trail[-1]["item"] == base + POST
    assert items["WebSite"]["url"] == base + "/"


def test_faq_page_has_its_card_and_faqpage_data(prod_site, base):
    html = html_of(prod_site, FAQ)
    og = open_graph(html)
    items = by_type(json_ld(html))
    assert {"WebSite", "Person", "BreadcrumbList", "FAQPage"} <= set(items)
    questions = parse(page_file(prod_site, FAQ)).css(".faq-item")
    assert len(items["FAQPage"]["mainEntity"]) == len(questions) > 0
    assert og["og:url"] == [base + FAQ] and og["og:type"] == ["article"]
    assert og["og:title"] == ["Mitovi o virtuelnim asistentima"]
    with Image.open(local_file(prod_site, base, og["og:image"][0])) as picture:
        assert picture.size == (1200, 630)
    assert twitter(html)["twitter:card"] == "summary_large_image"


@pytest.mark.parametrize("url_path", [FAQ, "/faq/kako-izgleda-saradnja-sa-va/"])
def test_faq_pages_name_their_author_and_dates_as_the_page_shows_them(prod_site, base, url_path):
    html = html_of(prod_site, url_path)
    tree, og, faq = parse(page_file(prod_site, url_path)), open_graph(html), by_type(json_ld(html))["FAQPage"]
    byline = tree.css_first("article .faq-byline")
    shown = [node.attributes["datetime"] for node in byline.css("time")]
    assert text(byline).startswith("Ana Petrović · ")
    assert faq["author"]["name"] == "Ana Petrović" == meta(tree, "author")
    assert faq["author"]["url"] == base + "/o-meni/" == og["article:author"][0]
    assert faq["datePublished"] == og["article:published_time"][0] == shown[0]
    assert faq["dateModified"] == og["article:modified_time"][0] == shown[-1]
    assert BELGRADE_OFFSET.search(faq["dateModified"])
    assert faq["publisher"]["name"] == og["og:site_name"][0] == "VA vodič"
    assert faq["name"] == og["og:title"][0] == text(tree.css_first("article h1"))
    assert faq["url"] == og["og:url"][0] == base + url_path


def publishers(data):
    """Every `publisher` value anywhere in a JSON-LD item."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "publisher":
                yield value
            yield from publishers(value)
    elif isinstance(data, list):
        for value in data:
            yield from publishers(value)


def test_one_publisher_on_every_page_the_site_with_its_logo(prod_site, base):
    pages = html_pages(prod_site)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(prod_site).as_posix()
        found = list(publishers(json_ld(html)))
        assert found, where
        site_name = open_graph(html)["og:site_name"]
        for publisher in found:
            assert publisher["@type"] == "Organization", where
            assert [publisher["name"]] == site_name == ["VA vodič"], where
            assert publisher["url"] == base + "/", where
            logo = publisher["logo"]["url"]
            with Image.open(local_file(prod_site, base, logo)) as picture:
                assert picture.size == (publisher["logo"]["width"], publisher["logo"]["height"]) == (512, 512)


@pytest.mark.parametrize("url_path", [POST, FAQ, "/", "/o-meni/", "/faq/", "/kategorija/saradnja/", "/arhiva/"])
def test_structured_data_validator_finds_nothing_wrong(prod_site, url_path):
    items = json_ld(html_of(prod_site, url_path))
    assert items
    issues = validation_issues(items)
    assert issues == [], "\n".join(f"{i['severity']}: {i['issueMessage']} ({i.get('rootType')})" for i in issues)


def test_the_validator_does_report_broken_data():
    issues = validation_issues([{"@context": "https://schema.org", "@type": "BreadcrumbList"}])
    assert [issue["severity"] for issue in issues] == ["ERROR"]


def test_every_page_has_title_description_card_and_canonical(prod_site, base):
    pages = html_pages(prod_site)
    assert len(pages) > 20
    for path in pages:
        tree = parse(path)
        where = path.relative_to(prod_site).as_posix()
        assert text(tree.css_first("title")), where
        description = meta(tree, "description")
        assert description and len(description) <= 160, where
        assert meta(tree, "og:title") and meta(tree, "og:description") == description, where
        # A card says something its title does not (the home page once repeated its subtitle).
        assert description.rstrip(".") not in meta(tree, "og:title"), where
        assert (
            meta(
                tree,
                "og:image",
            ).startswith(base + "/share/")
            or where == "404.html"
        ), where
        assert local_file(prod_site, base, meta(tree, "og:image")).is_file(), where
        canonical = tree.css_first('link[rel="canonical"]')
        if where == "404.html":
            assert canonical is None
        else:
            own_url = base + "/" + where.removesuffix("index.html")
            assert canonical.attributes["href"] == own_url == meta(tree, "og:url"), where


def test_every_visible_breadcrumb_trail_is_also_structured_data(prod_site, base):
    checked = 0
    for path in html_pages(prod_site):
        tree = parse(path)
        visible = [text(li) for li in tree.css(".breadcrumbs li")]
        lists = [item for item in json_ld(path.read_text(encoding="utf-8")) if item["@type"] == "BreadcrumbList"]
        where = path.relative_to(prod_site).as_posix()
        if not visible:
            assert not lists, where
            continue
        assert [item["name"] for item in lists[0]["itemListElement"]] == visible, where
        listed = re.sub(r"strana/\d+/$", "", where.removesuffix("index.html"))  # page 2 sits under its list
        assert lists[0]["itemListElement"][-1]["item"] == f"{base}/{listed}", where
        checked += 1
    assert checked > 20


def test_list_pages_have_distinct_titles(prod_site):
    titles = [text(parse(path).css_first("title")) for path in html_pages(prod_site)]
    repeated = {title for title in titles if titles.count(title) > 1}
    assert not repeated


# --- Share links ----------------------------------------------------------------------


def test_share_links_under_a_post_decode_to_its_address(prod_site, base):
    links = parse(page_file(prod_site, POST)).css(".post .share a.share-link")
    assert [text(a) for a in links] == ["Viber", "WhatsApp", "Telegram", "Facebook", "LinkedIn", "X", "E-pošta"]
    for link in links:
        assert shared_url(link.attributes["href"]) == base + POST, link.attributes["href"]


def test_every_faq_question_shares_its_own_address(prod_site, base):
    tree = parse(page_file(prod_site, FAQ))
    questions = tree.css(".faq-item")
    for question in questions:
        links = question.css(".share a.share-link")
        hrefs = [a.attributes["href"] for a in links]
        # Every service but X (bytes: plugins/share_links QUESTION_SERVICES).
        assert [a.text() for a in links] == ["Viber", "WhatsApp", "Telegram", "Facebook", "LinkedIn", "E-pošta"]
        for href in hrefs:
            assert shared_url(href) == f"{base}{FAQ}#{question.id}"
        whatsapp = parse_qs(urlsplit(hrefs[1]).query)["text"][0]
        assert whatsapp.startswith("Mit: ")  # a myth is never shared as if it were true


# --- Feeds ------------------------------------------------------------------------------


def feeds(site: Path) -> list[Path]:
    return sorted((site / "feeds").glob("*.xml"))


def test_all_posts_and_every_category_have_atom_and_rss(prod_site):
    names = {path.name for path in feeds(prod_site)}
    categories = {"osnove", "saradnja", "alati", "poverenje"}
    expected = {"sve.atom.xml", "sve.rss.xml"} | {
        f"kategorija-{slug}.{kind}.xml" for slug in categories for kind in ("atom", "rss")
    }
    assert names == expected


def test_feeds_are_valid_full_absolute_and_in_belgrade_time(prod_site, base):
    for path in feeds(prod_site):
        feed = feedparser.parse(path.read_bytes())
        assert feed.bozo == 0, f"{path.name}: {feed.get('bozo_exception')}"
        assert feed.entries, path.name
        self_links = [link.href for link in feed.feed.links if link.rel == "self"]
        assert self_links == [f"{base}/feeds/{path.name}"], path.name
        raw = path.read_text(encoding="utf-8")
        dates = re.findall(r"<(?:published|updated|pubDate)>([^<]+)<", raw)
        assert dates and all(re.search(r"(\+0[12]:?00)$", date) for date in dates), path.name
        for entry in feed.entries:
            page = parse(local_file(prod_site, base, entry.link))
            assert entry.title == text(page.css_first("article h1")), entry.link
            body = entry.content[0].value if "content" in entry else entry.summary
            assert len(body) > 1000, f"{entry.link}: not the full post"
            relative = re.findall(r'(?:href|src)="(?!https?://|mailto:)([^"]*)"', body)
            assert not relative, f"{path.name} {entry.link}: relative links {relative[:3]}"


def entry_body(entry) -> str:
    return entry.content[0].value if "content" in entry else entry.summary


def shown_post(site: Path, base: str, url: str):
    """The post's text as its page shows it: .post-content without what the site's CSS hides from sight."""
    body = parse(local_file(site, base, url)).css_first(".post-content")
    for node in body.css(".visually-hidden"):
        node.decompose()
    return body


def words(node) -> str:
    """A node's words in order (the production page is minified, the feed is not: white space between tags differs)."""
    return " ".join(node.text(separator=" ").replace("\xa0", " ").split())


def headings(tree) -> list[tuple[str, str, str]]:
    return [(node.tag, node.id, text(node)) for node in tree.css("h2, h3, h4")]


def test_feed_items_hold_the_post_as_its_page_shows_it(prod_site, base):
    checked = 0
    for path in feeds(prod_site):
        raw = path.read_text(encoding="utf-8")
        for helper in ("heading-anchor", "visually-hidden", "Link do odeljka", "share-", "Kopirajte link", "<button"):
            assert helper not in raw, f"{path.name}: {helper}"
        for entry in feedparser.parse(path.read_bytes()).entries:
            where = f"{path.name} {entry.link}"
            item, page = LexborHTMLParser(entry_body(entry), is_fragment=True), shown_post(prod_site, base, entry.link)
            assert words(item) == words(page), where
            assert headings(item) == headings(page) and headings(page), where
            page_links = [urljoin(entry.link, a.attributes["href"]) for a in page.css("a[href]:not(.heading-anchor)")]
            assert [a.attributes["href"] for a in item.css("a[href]")] == page_links, where
            checked += 1
    assert checked >= 20


def test_feeds_declare_the_language_of_the_pages(prod_site):
    page_lang = parse(prod_site / "index.html").css_first("html").attributes["lang"]
    assert page_lang == "sr-Latn"
    for path in feeds(prod_site):
        feed = feedparser.parse(path.read_bytes())
        root = ET.parse(path).getroot()
        if path.name.endswith(".rss.xml"):
            assert feed.feed.language == "sr" == page_lang.split("-")[0], path.name
            assert root.findtext("channel/language") == "sr"
        else:
            assert feed.feed.language == page_lang, path.name
            assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == page_lang


def test_rss_guids_say_they_are_not_links_and_match_the_atom_ids(prod_site):
    for path in feeds(prod_site):
        if not path.name.endswith(".rss.xml"):
            continue
        guids = ET.parse(path).getroot().findall("channel/item/guid")
        rss = feedparser.parse(path.read_bytes())
        atom = feedparser.parse(path.with_name(path.name.replace(".rss.", ".atom.")).read_bytes())
        assert len(guids) == len(rss.entries) > 0, path.name
        assert all(guid.get("isPermaLink") == "false" and guid.text.startswith("tag:") for guid in guids), path.name
        assert all(entry.guidislink is False for entry in rss.entries), path.name
        assert [entry.id for entry in rss.entries] == [entry.id for entry in atom.entries], path.name


def test_category_feeds_hold_only_their_category(prod_site):
    feed = feedparser.parse((prod_site / "feeds" / "kategorija-alati.atom.xml").read_bytes())
    all_posts = feedparser.parse((prod_site / "feeds" / "sve.atom.xml").read_bytes())
    assert 0 < len(feed.entries) < len(all_posts.entries)
    assert all(any(tag.term == "Alati" for tag in entry.tags) for entry in feed.entries)


def alternate_links(site: Path, url_path: str) -> dict[str, str]:
    links = parse(page_file(site, url_path)).css('link[rel="alternate"][type]')  # not the hreflang editions
    return {link.attributes["href"]: link.attributes["type"] for link in links}


def test_feeds_are_linked_from_head(prod_site, base):
    home = alternate_links(prod_site, "/")
    assert home == {
        f"{base}/feeds/sve.atom.xml": "application/atom+xml",
        f"{base}/feeds/sve.rss.xml": "application/rss+xml",
    }
    category = alternate_links(prod_site, "/kategorija/alati/")
    assert f"{base}/feeds/kategorija-alati.atom.xml" in category
    assert f"{base}/feeds/kategorija-alati.rss.xml" in category
    for url in {**home, **category, **alternate_links(prod_site, POST)}:
        assert (prod_site / urlsplit(url).path.lstrip("/")).is_file(), url


# --- Sitemap and robots.txt -------------------------------------------------------------


def test_sitemap_lists_every_page_with_lastmod(prod_site, base):
    entries = sitemap(prod_site)
    pages = {
        base + "/" + p.relative_to(prod_site).as_posix().removesuffix("index.html")
        for p in html_pages(prod_site)
        if p.name != "404.html" and p.parent.name != "pretraga"  # a form, its results a query's
    }
    assert base + "/pretraga/" not in entries and base + "/cir/pretraga/" not in entries
    twins = {url.replace(base, base + "/cir", 1) for url in pages}  # plugins/cyrillic
    assert set(entries) == pages | twins
    for url, lastmod in entries.items():
        # W3C datetime to the second, in Belgrade time (+01:00 in winter, +02:00 in summer).
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00", lastmod or ""), url
        when = datetime.fromisoformat(lastmod)
        assert when.utcoffset() == when.astimezone(BELGRADE).utcoffset(), url
    # A post's lastmod is its last change: `Modified` if it has one, else `Date`, as in its meta tags.
    modified = parse(page_file(prod_site, POST)).css_first('meta[property="article:modified_time"]')
    assert entries[base + POST] == modified.attributes["content"]


def newest_shown(tree) -> str:
    """The newest date a page shows (its <time> elements), as written on the page."""
    return max((node.attributes["datetime"] for node in tree.css("main time")), key=datetime.fromisoformat)


def test_sitemap_dates_posts_and_faq_pages_by_their_modified_else_date(prod_site, prod_documents, base):
    entries, dated = sitemap(prod_site), 0
    for url, lastmod in entries.items():
        tree = parse(local_file(prod_site, base, url))
        card = meta(tree, "article:modified_time")
        if card:  # posts and FAQ pages: the card's modified time, the newest date the page shows
            assert lastmod == card == newest_shown(tree), url
            dated += 1
    # Each post and FAQ page twice: the Latin page and its Cyrillic twin (plugins/cyrillic).
    dated_documents = [d for d in prod_documents if d.template in ("article", "faq") and d.status == "published"]
    assert len(dated_documents) >= 15 and dated == 2 * len(dated_documents)


@pytest.mark.parametrize("url_path", ["/kontakt/", "/o-meni/", "/usluge/"])
def test_sitemap_dates_undated_pages_by_the_last_change_of_their_file(prod_site, base, url_path):
    lastmod = sitemap(prod_site)[base + url_path]
    assert meta(parse(page_file(prod_site, url_path)), "article:modified_time") is None
    source = ROOT / "content" / "pages" / f"{url_path.strip('/')}.md"
    # The date rule itself (last commit if unchanged since, else mtime) is pinned with fixed commit
    # dates in plugins/sitemap_xml/test_sitemap_xml.py; here, that undated pages are given it.
    assert datetime.fromisoformat(lastmod) == file_date(source, BELGRADE)


def test_sitemap_dates_list_pages_by_the_newest_content_they_list(prod_site, base):
    entries = sitemap(prod_site)
    lists = [url for url in entries if not meta(parse(local_file(prod_site, base, url)), "article:modified_time")]
    posts = {
        url: lastmod
        for url, lastmod in entries.items()
        if meta(parse(local_file(prod_site, base, url)), "og:type") == "article"
    }
    checked = 0
    for url in lists:
        tree = parse(local_file(prod_site, base, url))
        if tree.css("main .post-meta time"):  # home, its page 2, categories, tags, archives: the dates they show
            assert entries[url] == newest_shown(tree), url
            checked += 1
    assert checked >= 15
    newest_post = max((lastmod for url, lastmod in posts.items() if "/faq/" not in url), key=datetime.fromisoformat)
    assert entries[base + "/kategorije/"] == entries[base + "/oznake/"] == entries[base + "/"] == newest_post
    faq_pages = [lastmod for url, lastmod in posts.items() if "/faq/" in url]
    assert entries[base + "/faq/"] == max(faq_pages, key=datetime.fromisoformat)
    # Page 2 lists older posts only, so it is no newer than the home page.
    assert datetime.fromisoformat(entries[base + "/strana/2/"]) <= datetime.fromisoformat(entries[base + "/"])


def test_an_unchanged_site_builds_a_byte_identical_sitemap_and_feeds(prod_site, prod_port, share_image_cache, tmp_path):
    again = tmp_path / "again"
    build(
        PROD_SETTINGS,
        again,
        {"SITEURL": f"http://127.0.0.1:{prod_port}", "SHARE_IMAGE_CACHE": str(share_image_cache)},
        quiet=True,
    )
    for name in ["sitemap.xml", *(f"feeds/{path.name}" for path in feeds(prod_site))]:
        assert (again / name).read_bytes() == (prod_site / name).read_bytes(), name


def test_robots_txt_points_at_the_sitemap(prod_site, base):
    robots = (prod_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {base}/sitemap.xml" in robots
    assert "User-agent: *" in robots and "Disallow: /nacrti/" in robots
