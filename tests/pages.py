"""Reading built pages in tests."""

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser


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
