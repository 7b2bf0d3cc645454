"""Check a built site's internal links: every local href/src and #fragment resolves.

`check_site(output, site_url)` reads every HTML, CSS and web-manifest file of a
build and returns one `BrokenLink` per reference that points at a file that was
not built, or at an `id` that the target page does not have. Links to other
sites are not followed (the checker works offline); `references()` is also used
by the page-weight budget to see what a page makes the browser fetch.
"""

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .plugins import disk_cache

# Attributes that hold one URL, per element; srcset is parsed separately.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src",),
    "script": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "source": ("src",),
    "track": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "input": ("src",),
    "object": ("data",),
    "form": ("action",),
}
# <meta> whose content is a URL of this site (share previews, canonical-like).
URL_METAS = {"og:image", "og:image:url", "og:image:secure_url", "og:url", "twitter:image"}
SKIPPED_SCHEMES = {"mailto", "tel", "sms", "javascript", "data", "blob", "about"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE)
ID_ATTRIBUTE = re.compile(r"""\sid\s*=\s*(['"])(.*?)\1""")
MANIFEST_NAMES = ("manifest.webmanifest", "manifest.json", "site.webmanifest")
# Why a link does not resolve, as `invoke publish` tells the author.
NO_FILE = "u izgrađenom sajtu nema tog fajla"


def no_id(fragment: str, page: str) -> str:
    return f"na stranici {page} nema dela sa id=„{fragment}”"


@dataclass(frozen=True)
class Reference:
    """One URL a document points at, where it was found."""

    line: int
    tag: str  # element name, "css" for url()/@import, "manifest" for manifest fields
    attribute: str
    url: str
    rel: frozenset[str] = frozenset()
    # How a script loads: "defer", "async" and/or "module" (none: render-blocking).
    loading: frozenset[str] = frozenset()


@dataclass
class Document:
    ids: set[str] = field(default_factory=set)
    references: list[Reference] = field(default_factory=list)


@dataclass(frozen=True)
class BrokenLink:
    source: str  # file path relative to the site root
    line: int
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.url} — {self.reason}"


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.document = Document()
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.in_style = tag == "style"
        attributes = {name: value or "" for name, value in attrs}
        line = self.getpos()[0]
        if "id" in attributes:
            self.document.ids.add(attributes["id"])
        if tag == "a" and "name" in attributes:
            self.document.ids.add(attributes["name"])
        rel = frozenset(attributes.get("rel", "").lower().split())
        loading = frozenset(name for name in ("defer", "async") if name in attributes) | (
            {"module"} if attributes.get("type", "").lower() == "module" else set()
        )
        add = self.document.references.append
        for attribute in URL_ATTRIBUTES.get(tag, ()):
            if attributes.get(attribute, "").strip():
                add(Reference(line, tag, attribute, attributes[attribute].strip(), rel, loading))
        for attribute in ("srcset", "imagesrcset"):
            if attribute in attributes:
                for url in srcset_urls(attributes[attribute]):
                    add(Reference(line, tag, attribute, url, rel))
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name") or ""
            if key.lower() in URL_METAS and attributes.get("content", "").strip():
                add(Reference(line, tag, key.lower(), attributes["content"].strip(), rel))
        if "style" in attributes:
            for url in css_urls(attributes.get("style", "")):
                add(Reference(line, "css", "style", url, rel))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        # Inline <style> blocks: url() inside them is fetched like a stylesheet's.
        if self.in_style:
            for url in css_urls(data):
                self.document.references.append(Reference(self.getpos()[0], "css", "style", url))


def srcset_urls(srcset: str) -> list[str]:
    """The URLs of a srcset ("a.png 1x, b.png 2x" → ["a.png", "b.png"])."""
    urls = []
    for candidate in srcset.split(","):
        parts = candidate.split()
        if parts:
            urls.append(parts[0])
    return urls


def css_urls(css: str) -> list[str]:
    """URLs in url() and @import, data: URIs included (callers skip them)."""
    return [(match.group(2) or match.group(4) or "").strip() for match in CSS_URL.finditer(css)]


def parse_html(html: str) -> Document:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.document


def references(html: str) -> list[Reference]:
    """Every URL an HTML document points at, in document order."""
    return parse_html(html).references


def css_references(css: str) -> list[Reference]:
    return [
        Reference(css.count("\n", 0, match.start()) + 1, "css", "url", (match.group(2) or match.group(4)).strip())
        for match in CSS_URL.finditer(css)
    ]


def manifest_references(text: str) -> list[Reference]:
    manifest = json.loads(text)
    found = [Reference(1, "manifest", key, manifest[key]) for key in ("start_url", "scope") if manifest.get(key)]
    for key in ("icons", "screenshots"):
        found += [Reference(1, "manifest", key, item["src"]) for item in manifest.get(key, []) if item.get("src")]
    return found


def is_local(url: str, site_url: str = "") -> bool:
    """True for URLs of this site: relative, root-relative or under `site_url`."""
    parts = urlsplit(url)
    if parts.scheme.lower() in SKIPPED_SCHEMES:
        return False
    if not parts.scheme and not parts.netloc:
        return True
    if not site_url:
        return False
    site = urlsplit(site_url)
    scheme_matches = parts.scheme.lower() in ("", site.scheme.lower())
    return (
        scheme_matches
        and parts.netloc.lower() == site.netloc.lower()
        and (parts.path.startswith(site.path.rstrip("/") + "/") or parts.path == site.path)
    )


def is_other_origin(url: str, site_url: str = "") -> bool:
    """True for absolute URLs (http, https or protocol-relative) of another origin."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("", "http", "https") or not parts.netloc:
        return False
    return not is_local(url, site_url)


class Site:
    """A built site on disk, with the URL it was built for."""

    PLACEHOLDER = "http://site.invalid"

    def __init__(self, root: Path | str, site_url: str = ""):
        self.root = Path(root)
        self.site_url = site_url.rstrip("/")
        self.base = self.site_url or self.PLACEHOLDER
        self._ids: dict[Path, set[str]] = {}
        self._files: dict[str, Path | None] = {}
        self._problems: dict = {}

    def url_of(self, path: Path) -> str:
        """The URL the file at `path` is served under (pretty URL for index.html)."""
        relative = path.relative_to(self.root).as_posix()
        if relative == "index.html":
            relative = ""
        elif relative.endswith("/index.html"):
            relative = relative[: -len("index.html")]
        return f"{self.base}/{relative}"

    def file_for(self, url: str) -> Path | None:
        """The built file a local absolute URL is served from, or None."""
        path = unquote(urlsplit(url).path)
        if path not in self._files:  # a site's pages link to the same few hundred addresses
            self._files[path] = self._file_for_path(path)
        return self._files[path]

    def _file_for_path(self, path: str) -> Path | None:
        prefix = urlsplit(self.base).path.rstrip("/")
        relative = path[len(prefix) :].lstrip("/") if path.startswith(prefix) else path.lstrip("/")
        candidate = self.root / relative
        if candidate.is_file() and not path.endswith("/"):
            return candidate
        if (candidate / "index.html").is_file():
            return candidate / "index.html"
        return None

    def ids_in(self, path: Path) -> set[str]:
        if path not in self._ids:
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".html":
                self._ids[path] = parse_html(text).ids
            else:
                self._ids[path] = {match.group(2) for match in ID_ATTRIBUTE.finditer(text)}
        return self._ids[path]

    def problem(self, source: Path, reference: Reference) -> str | None:
        """Why `reference` (found in `source`) does not resolve, or None if it does."""
        url = reference.url
        # An absolute or root-relative address means the same from every page, and pages share most of theirs.
        key = url if url.startswith(("/", "http://", "https://")) and not url.startswith("//") else (source, url)
        if key not in self._problems:
            self._problems[key] = self._problem(source, reference)
        return self._problems[key]

    def _problem(self, source: Path, reference: Reference) -> str | None:
        if not is_local(reference.url, self.site_url):
            return None
        absolute = urljoin(self.url_of(source), reference.url)
        target = self.file_for(absolute)
        if target is None:
            return NO_FILE
        fragment = unquote(urlsplit(absolute).fragment)
        if not fragment or fragment.lower() == "top" or fragment.startswith(":~:"):
            return None
        if target.suffix not in (".html", ".svg", ".xml") or fragment in self.ids_in(target):
            return None
        return no_id(fragment, target.relative_to(self.root).as_posix())


def site_references(site_root: Path, ids: dict | None = None, store=None) -> dict[Path, list[Reference]]:
    """Every checkable file of a build and the references in it (and into `ids`, each page's ids: one parse).

    `store` (a shared.disk_cache.Store) keeps each page's parse between runs, by its text."""
    found: dict[Path, list[Reference]] = {}
    for path in sorted(site_root.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".html":
            document = _parsed(path.read_text(encoding="utf-8"), store)
            found[path] = document.references
            if ids is not None:
                ids[path] = document.ids
        elif path.suffix == ".css":
            found[path] = css_references(path.read_text(encoding="utf-8"))
        elif path.suffix == ".webmanifest" or path.name in MANIFEST_NAMES:
            found[path] = manifest_references(path.read_text(encoding="utf-8"))
    return found


def _parsed(html: str, store) -> Document:

    def parsed():
        document = parse_html(html)
        found = [
            [item.line, item.tag, item.attribute, item.url, sorted(item.rel), sorted(item.loading)]
            for item in document.references
        ]  # (not dataclasses.astuple: it deep-copies every field, a third of a first check)
        return [sorted(document.ids), found]

    ids, found = disk_cache.kept_json(store, html, parsed)
    return Document(set(ids), [Reference(*item[:4], frozenset(item[4]), frozenset(item[5])) for item in found])


def check_site(site_root: Path | str, site_url: str = "", store=None) -> list[BrokenLink]:
    """Every internal reference in the build at `site_root` that does not resolve.

    `site_url` is the SITEURL the site was built for; absolute links to it are
    internal. With "" only relative and root-relative links are checked.
    `store` keeps each page's parse between runs (see `site_references`).
    """
    site = Site(site_root, site_url)
    broken = []
    for source, found in site_references(site.root, site._ids, store).items():
        for reference in found:
            reason = site.problem(source, reference)
            if reason:
                relative = source.relative_to(site.root).as_posix()
                broken.append(BrokenLink(relative, reference.line, reference.url, reason))
    return broken
