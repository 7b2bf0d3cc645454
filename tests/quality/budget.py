"""The first-view weight of a built page, computed from files (no browser, no timing).

First view = the HTML document plus what the browser must fetch to render it:
stylesheets (and their @imports), fonts and images the CSS points at, preloads,
render-blocking scripts, and UI images such as a logo. Not counted:
- scripts with defer, async or type=module: they never hold up the first
  paint, and the site must be fully readable without them; they are measured
  and listed (`FirstView.deferred`) but are outside the budget;
- content images (files from the content's static folders, e.g. /images/,
  and their Cyrillic twins under /cir/images/): the budget excludes them by definition;
- <link rel="icon">, apple-touch-icon and the web manifest: Chromium asks for
  the favicon only after the load event, at idle priority, and fetches the
  manifest only for install prompts, so neither is needed for the first paint
  (their existence is checked by the link gate instead);
- og:image and other share-preview metadata: read by the sharing app, not the browser.
Sizes are gzip level 6 (zlib's and most servers' default; level 9 would be a
few bytes smaller, so 6 is the stricter reading), one stream per file, summed.
"""

import gzip
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from cyrillic.editions import PREFIX as CYRILLIC_PREFIX

from site_tools.links import Reference, Site, css_references, is_local, is_other_origin, references

BUDGET_BYTES = 14 * 1024
BUDGET_REQUESTS = 2
GZIP_LEVEL = 6
# JavaScript a page runs without a click: its inline scripts and the scripts it
# loads (deferred ones included). Lighthouse's blocking time says what running
# it costs on this machine's CPU and is not asserted (quality/lighthouse.py);
# this bounds how much of it there is. The heaviest page, search, has about 5 KB.
# Pagefind, which search.js loads to run a query (at once for an address with
# ?q=), is not counted here: tests/test_search.py budgets the first search.
SCRIPT_BUDGET_BYTES = 8 * 1024
# <script type=…> values the browser runs (HTML's JavaScript MIME types, and
# module); others (application/ld+json) are data.
JAVASCRIPT_TYPES = {
    "",
    "module",
    *(
        f"{kind}/{name}"
        for kind in ("application", "text")
        for name in ("javascript", "ecmascript", "x-javascript", "x-ecmascript")
    ),
    *(f"text/javascript{version}" for version in ("1.0", "1.1", "1.2", "1.3", "1.4", "1.5")),
    "text/jscript",
    "text/livescript",
}

FIRST_VIEW_LINK_RELS = {"stylesheet", "preload", "modulepreload"}
# <link> rels the browser never fetches (they name other documents).
NAVIGATION_LINK_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "me", "help", "search"}
NAVIGATION_TAGS = {"a", "area", "form", "meta"}
FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}", re.IGNORECASE)


@dataclass(frozen=True)
class Resource:
    url: str
    file: Path | None  # None when the build lacks it
    gzip_bytes: int


@dataclass
class FirstView:
    page: str
    resources: list[Resource]
    deferred: list[Resource] = field(default_factory=list)  # non-blocking scripts

    @property
    def gzip_bytes(self) -> int:
        return sum(resource.gzip_bytes for resource in self.resources)

    @property
    def requests(self) -> int:
        return len(self.resources)

    def __str__(self) -> str:
        listed = ", ".join(f"{urlsplit(r.url).path} {r.gzip_bytes} B" for r in self.resources)
        later = ", ".join(f"{urlsplit(r.url).path} {r.gzip_bytes} B" for r in self.deferred)
        return f"{self.page}: {self.gzip_bytes} B gzip in {self.requests} requests ({listed})" + (
            f"; deferred scripts, not counted: {later}" if later else ""
        )


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def fetched_by_document(reference: Reference, path: str, content_prefixes: tuple[str, ...]) -> bool:
    """Does loading the page make the browser fetch `reference` (whose resolved
    URL path is `path`) for the first view?"""
    if reference.url.startswith("data:"):
        return False
    if reference.tag == "link":
        return bool(reference.rel & FIRST_VIEW_LINK_RELS)
    if reference.tag in ("img", "source"):
        return not path.startswith(content_prefixes)
    return reference.tag not in NAVIGATION_TAGS


def css_first_view_urls(css: str) -> list[str]:
    """URLs a stylesheet makes the browser fetch: @imports, other url()s, and
    only the first source of each @font-face (the browser stops at the first
    format it supports, and every browser we serve supports the first, woff2)."""
    urls = []
    for face in FONT_FACE.findall(css):
        first = css_references(face)[:1]
        urls += [reference.url for reference in first]
    rest = FONT_FACE.sub("", css)
    urls += [reference.url for reference in css_references(rest)]
    return [url for url in urls if not url.startswith("data:")]


def content_paths(content_folders: list[str], root_path: str = "") -> tuple[str, ...]:
    """URL path prefixes of content files: the static folders, and their Cyrillic twins (cir/images/: drawings)."""
    return tuple(
        f"{root_path}/{edition}{folder.strip('/')}/" for folder in content_folders for edition in ("", CYRILLIC_PREFIX)
    )


def first_view(site: Site, page: Path, content_folders: list[str]) -> FirstView:
    """The first view of the built `page`; images from `content_folders`
    (the content's static folders, e.g. ["images"]) are content, not UI."""
    page_url = site.url_of(page)
    root_path = urlsplit(site.base).path.rstrip("/")
    content_prefixes = content_paths(content_folders, root_path)
    view = FirstView(urlsplit(page_url).path, [Resource(page_url, page, gzip_size(page.read_bytes()))])
    queue = []
    for reference in references(page.read_text(encoding="utf-8")):
        url = urljoin(page_url, reference.url)
        if reference.tag == "script" and reference.loading:
            view.deferred.append(resource(site, url))
        elif fetched_by_document(reference, urlsplit(url).path, content_prefixes):
            queue.append(url)
    seen = {page_url}
    while queue:
        url = queue.pop(0).split("#")[0]
        if url in seen:
            continue
        seen.add(url)
        view.resources.append(resource(site, url))
        file = view.resources[-1].file
        if file and file.suffix == ".css":
            css = file.read_text(encoding="utf-8")
            queue += [urljoin(url, found) for found in css_first_view_urls(css)]
    return view


def resource(site: Site, url: str) -> Resource:
    file = site.file_for(url) if is_local(url, site.site_url) else None
    return Resource(url, file, gzip_size(file.read_bytes()) if file else 0)


class InlineScripts(HTMLParser):
    """The text of each inline script a page runs (not its JSON-LD data)."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes:
            if (attributes.get("type") or "").strip().lower() in JAVASCRIPT_TYPES:
                self._open = []

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.found.append("".join(self._open))
            self._open = None


def script_bytes(site: Site, page: Path) -> tuple[int, list[str]]:
    """Gzip bytes of the JavaScript `page` runs without a click, and what they are."""
    html = page.read_text(encoding="utf-8")
    parser = InlineScripts()
    parser.feed(html)
    parts = [(f"inline script {number}", gzip_size(text.encode())) for number, text in enumerate(parser.found, 1)]
    page_url = site.url_of(page)
    for reference in references(html):
        if reference.tag == "script":
            loaded = resource(site, urljoin(page_url, reference.url))
            parts.append((urlsplit(loaded.url).path, loaded.gzip_bytes))
    return sum(size for _, size in parts), [f"{name} {size} B" for name, size in parts]


def third_party_references(site: Site, file: Path) -> list[str]:
    """URLs on other origins that the browser would fetch for this HTML or CSS file
    (plain links to other sites are navigation and are allowed)."""
    text = file.read_text(encoding="utf-8")
    if file.suffix == ".css":
        found = [(reference.line, reference.url) for reference in css_references(text)]
    else:
        found = [
            (reference.line, reference.url)
            for reference in references(text)
            if reference.tag not in NAVIGATION_TAGS and not reference.rel & NAVIGATION_LINK_RELS
        ]
    relative = file.relative_to(site.root).as_posix()
    return [f"{relative}:{line}: {url}" for line, url in found if is_other_origin(url, site.site_url)]
