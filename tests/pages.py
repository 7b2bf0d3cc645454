"""Reading built pages in tests."""

import xml.etree.ElementTree as ET
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def parse(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(Path(path).read_text(encoding="utf-8"))


def page_file(site: Path, url_path: str) -> Path:
    """The built file behind a pretty URL path such as "/kontakt/"."""
    target = site / url_path.strip("/")
    return target / "index.html" if not url_path.endswith(".html") else target


def meta(tree: LexborHTMLParser, name: str) -> str | None:
    node = tree.css_first(f'meta[name="{name}"], meta[property="{name}"]')
    return node.attributes.get("content") if node else None


def text(node) -> str:
    """A node's visible text with white space (and no-break spaces) folded."""
    return " ".join(node.text().replace("\xa0", " ").split())


def html_of(site: Path, url_path: str) -> str:
    return page_file(site, url_path).read_text(encoding="utf-8")


def sitemap(site: Path) -> dict[str, str | None]:
    """The site's sitemap.xml: each <loc> → its <lastmod>."""
    return {
        url.findtext("s:loc", namespaces=SITEMAP_NS): url.findtext("s:lastmod", namespaces=SITEMAP_NS)
        for url in ET.parse(site / "sitemap.xml").getroot().findall("s:url", SITEMAP_NS)
    }


def question_ids(site: Path, url_path: str) -> list[str]:
    """The ids of an FAQ page's questions, in order."""
    return [item.attributes["id"] for item in parse(page_file(site, url_path)).css(".faq-item")]
