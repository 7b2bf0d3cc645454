"""Which built file is which kind of page, and one representative page per kind.

The gates test page *types*, not fixed URLs: the type of every built HTML file
is worked out from the production settings (list pages) and from what the build
says it made of each content file (posts, pages, FAQ pages: Pelican's own
`save_as` and template, site_tools.build.Document), so new content or a moved
URL needs no change here. The representative of a type is its largest page,
the worst case for weight and the most markup for the checkers.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cyrillic.editions import PREFIX as CYRILLIC_PREFIX
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_TYPES = {"article": "article", "page": "page", "faq": "faq-page"}  # a document's template → its page type

# The page types every gate covers, in the order tests are reported: the Latin
# edition's, then the same types in the Cyrillic edition under cir/ (plugins/cyrillic).
LATIN_TYPES = (
    *("home", "article", "page", "faq-page", "faq-index"),
    *("category", "category-list", "tag", "tag-list", "archives", "search", "404"),
)
CYRILLIC = "cir-"
PAGE_TYPES = LATIN_TYPES + tuple(CYRILLIC + kind for kind in LATIN_TYPES)
# A path nothing is built at: the server answers it with 404.html and status 404.
MISSING_PATH = "/ova-stranica-ne-postoji/"
# The search page is gated showing results (js/search.js runs the query in the address):
# in each edition's own script (Latin, Cyrillic).
SEARCH_QUERIES = ("kancelarija", "канцеларија")


@dataclass(frozen=True)
class SitePage:
    type: str
    path: str  # URL path the browser opens, e.g. "/kontakt/"
    file: Path  # the built file the server sends for it
    status: int = 200

    @property
    def kind(self) -> str:
        """The page type whatever the edition: "search" for "cir-search"."""
        return self.type.removeprefix(CYRILLIC)

    @property
    def edition(self) -> str:
        """The path prefix of the page's edition: "/" or "/cir/"."""
        return "/" + CYRILLIC_PREFIX if self.type.startswith(CYRILLIC) else "/"

    @property
    def lighthouse_path(self) -> str:
        # Lighthouse refuses to audit a document answered with an error status
        # (ERRORED_DOCUMENT_REQUEST), so the 404 page is audited at its own URL:
        # the same file the server sends for every missing path (of its edition).
        return f"{self.edition}404.html" if self.status == 404 else self.path


def production_settings() -> dict:
    return read_settings(str(ROOT / "publishconf.py"))


def url_path(site: Path, file: Path) -> str:
    relative = file.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def _folder(save_as: str) -> str:
    """'kategorija/{slug}/index.html' → 'kategorija/'."""
    return save_as.split("{", 1)[0]


def classify(site: Path, documents: Iterable, settings: dict | None = None) -> dict[str, list[Path]]:
    """Every built HTML file of `site`, grouped by page type ("other" for the rest); `documents`: the build's."""
    settings = settings or production_settings()
    pagination = re.search(r"\{base_name\}/(.+?)/\{number\}", settings["PAGINATION_PATTERNS"][-1][1])
    home_pages = re.compile(
        rf"^({re.escape(pagination.group(1))}/\d+/)?index\.html$" if pagination else r"^index\.html$"
    )
    exact = {
        settings["ARCHIVES_SAVE_AS"]: "archives",
        settings["CATEGORIES_SAVE_AS"]: "category-list",
        settings["TAGS_SAVE_AS"]: "tag-list",
        settings["SEARCH_SAVE_AS"]: "search",
        "404.html": "404",
    }
    folders = {_folder(settings["CATEGORY_SAVE_AS"]): "category", _folder(settings["TAG_SAVE_AS"]): "tag"}
    by_file = {document.save_as: TEMPLATE_TYPES.get(document.template) for document in documents}

    groups: dict[str, list[Path]] = {}
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        edition = CYRILLIC if relative.startswith(CYRILLIC_PREFIX) else ""
        relative = relative.removeprefix(CYRILLIC_PREFIX)
        kind = exact.get(relative)
        if kind is None and home_pages.match(relative):
            kind = "home"
        if kind is None:
            kind = next((name for folder, name in folders.items() if relative.startswith(folder)), None)
        if kind is None:
            kind = by_file.get(relative)  # a twin is at its Latin page's path under cir/
        groups.setdefault(edition + (kind or "other"), []).append(file)

    # The FAQ index is the page one level above the FAQ pages (e.g. /faq/),
    # unless they sit at the site root (of their edition).
    for edition, root in (("", site), (CYRILLIC, site / CYRILLIC_PREFIX)):
        for faq_page in groups.get(edition + "faq-page", []):
            index = faq_page.parent.parent / "index.html"
            if faq_page.parent.parent != root and index in groups.get(edition + "other", []):
                groups[edition + "other"].remove(index)
                groups.setdefault(edition + "faq-index", []).append(index)
    return {kind: files for kind, files in groups.items() if files}


def representatives(site: Path, documents: Iterable, settings: dict | None = None) -> dict[str, SitePage]:
    """One page per type: the largest built file of that type; 404 at a missing path."""
    groups = classify(site, documents, settings)
    chosen = {}
    for kind, files in groups.items():
        if kind.removeprefix(CYRILLIC) == "404":
            page = SitePage(kind, MISSING_PATH, files[0], status=404)
            chosen[kind] = SitePage(kind, page.edition + MISSING_PATH.lstrip("/"), files[0], status=404)
        elif kind.removeprefix(CYRILLIC) == "search":
            query = SEARCH_QUERIES[kind.startswith(CYRILLIC)]
            chosen[kind] = SitePage(kind, f"{url_path(site, files[0])}?q={query}", files[0])
        else:
            largest = max(files, key=lambda file: (file.stat().st_size, file.as_posix()))
            chosen[kind] = SitePage(kind, url_path(site, largest), largest)
    return chosen
