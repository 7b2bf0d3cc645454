"""Sharing and discoverability, read from the production build the way
crawlers, chat apps and feed readers read it: preview cards, JSON-LD,
share links, feeds, sitemap and robots.txt."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from PIL import Image

from pages import meta, page_file, parse, text
from sharing import by_type, json_ld, open_graph, shared_url, twitter, validation_issues

POST = "/moze-li-va-da-radi-iz-moje-kancelarije/"
FAQ = "/faq/mitovi-o-virtuelnim-asistentima/"
BELGRADE_OFFSET = re.compile(r"\+0[12]:00$")


@pytest.fixture(scope="module")
def base(prod_port) -> str:
    return f"http://127.0.0.1:{prod_port}"


def html_of(site: Path, url_path: str) -> str:
    return page_file(site, url_path).read_text(encoding="utf-8")


def local_file(site: Path, base: str, url: str) -> Path:
    """The built file behind an absolute URL of this site."""
    assert url.startswith(base + "/"), f"{url} is not an absolute URL of {base}"
    path = urlsplit(url).path
    return site / path.lstrip("/") if Path(path).suffix else page_file(site, path)


def html_pages(site: Path) -> list[Path]:
    return [path for path in sorted(site.rglob("*.html")) if "pagefind" not in path.parts]


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
    assert posting["author"]["name"] == "Ana Petrović" == items["Person"]["name"]
    assert posting["inLanguage"] == "sr-Latn"
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
    assert og["og:url"] == [base + FAQ] and og["og:type"] == ["website"]
    assert og["og:title"] == ["Mitovi o virtuelnim asistentima"]
    with Image.open(local_file(prod_site, base, og["og:image"][0])) as picture:
        assert picture.size == (1200, 630)
    assert twitter(html)["twitter:card"] == "summary_large_image"


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
        assert meta(tree, "og:image", ).startswith(base + "/share/") or where == "404.html", where
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
        hrefs = [a.attributes["href"] for a in question.css(".share a.share-link")]
        assert len(hrefs) == 7
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


def test_category_feeds_hold_only_their_category(prod_site):
    feed = feedparser.parse((prod_site / "feeds" / "kategorija-alati.atom.xml").read_bytes())
    all_posts = feedparser.parse((prod_site / "feeds" / "sve.atom.xml").read_bytes())
    assert 0 < len(feed.entries) < len(all_posts.entries)
    assert all(any(tag.term == "Alati" for tag in entry.tags) for entry in feed.entries)


def alternate_links(site: Path, url_path: str) -> dict[str, str]:
    links = parse(page_file(site, url_path)).css('link[rel="alternate"]')
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

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(site: Path) -> dict[str, str]:
    root = ET.parse(site / "sitemap.xml").getroot()
    return {url.findtext("s:loc", namespaces=SITEMAP_NS): url.findtext("s:lastmod", namespaces=SITEMAP_NS)
            for url in root.findall("s:url", SITEMAP_NS)}


def test_sitemap_lists_every_page_with_lastmod(prod_site, base):
    entries = sitemap(prod_site)
    pages = {base + "/" + p.relative_to(prod_site).as_posix().removesuffix("index.html")
             for p in html_pages(prod_site) if p.name != "404.html"}
    assert set(entries) == pages
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", lastmod) for lastmod in entries.values())
    assert BELGRADE_OFFSET.search(entries[base + POST])
    # A post's lastmod is its last change: `Modified` if it has one, else `Date`, as in its meta tags.
    modified = parse(page_file(prod_site, POST)).css_first('meta[property="article:modified_time"]')
    assert entries[base + POST] == modified.attributes["content"]


def test_robots_txt_points_at_the_sitemap(prod_site, base):
    robots = (prod_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {base}/sitemap.xml" in robots
    assert "User-agent: *" in robots and "Disallow: /nacrti/" in robots
