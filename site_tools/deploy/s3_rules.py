"""How the S3 target sends each file: its Content-Type, its Cache-Control, and in which order.

Object storage has no atomic switch, so the order keeps the bucket consistent
at every moment: every page a visitor can reach points only at objects that
exist (new pages that link to each other, a post and its Cyrillic twin, go out
together, before any reachable page links to them).

1. files that pages use (images, CSS, JS, fonts, icons, the manifest): new and
   changed ones first, while the old pages still use the old names;
2. pages: new pages before the pages that link to them (a new post before the
   tag page that now lists it), then changed pages;
3. feeds, the sitemap and robots.txt, which point at the pages;
4. last, deletion of whatever the new site no longer has.
"""

import mimetypes
import re
from posixpath import normpath
from urllib.parse import unquote, urljoin, urlsplit

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
SHORT = "public, max-age=3600"

TEXT = "; charset=utf-8"
CONTENT_TYPES = {
    ".html": "text/html" + TEXT,
    ".xml": "application/xml" + TEXT,
    ".css": "text/css" + TEXT,
    ".js": "text/javascript" + TEXT,
    ".mjs": "text/javascript" + TEXT,
    ".json": "application/json" + TEXT,
    ".txt": "text/plain" + TEXT,
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".pdf": "application/pdf",
    ".wasm": "application/wasm",
    # Pagefind's index: compressed binary chunks its own loader reads.
    ".pagefind": "application/octet-stream",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
}
FEED_TYPES = {".atom.xml": "application/atom+xml" + TEXT, ".rss.xml": "application/rss+xml" + TEXT}
# A content hash in the name: site.86b5110b6b.css, o-meni.2b9578dd5b.png, en_3a1b2c4d.pf_fragment
HASHED_NAME = re.compile(r"[._-][0-9a-f]{8,}\.[A-Za-z0-9_]+$")
REVALIDATED_NAMES = {"sitemap.xml", "robots.txt", "manifest.webmanifest", "_headers"}
LAST_NAMES = {"sitemap.xml", "robots.txt", "_headers"}
LINK = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def content_type(path: str) -> str:
    name = path.rsplit("/", 1)[-1].lower()
    for suffix, kind in FEED_TYPES.items():
        if name.endswith(suffix):
            return kind
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    if suffix in CONTENT_TYPES:
        return CONTENT_TYPES[suffix]
    if name == "_headers":
        return "text/plain" + TEXT
    guessed = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return guessed + TEXT if guessed.startswith("text/") else guessed


def cache_control(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if kind(path) in ("page", "feed") or name in REVALIDATED_NAMES:
        return REVALIDATE
    if HASHED_NAME.search(name):
        return IMMUTABLE
    return SHORT


def kind(path: str) -> str:
    """"page" (HTML), "feed" (feeds, sitemap, robots.txt, _headers) or "asset" (what pages use)."""
    name = path.rsplit("/", 1)[-1].lower()
    if name.endswith(".html"):
        return "page"
    if name in LAST_NAMES or any(name.endswith(suffix) for suffix in FEED_TYPES):
        return "feed"
    return "asset"


def page_links(path: str, html: str, site_url: str) -> set[str]:
    """The site's own objects a page at `path` points at (href/src), as bucket paths."""
    base = site_url.rstrip("/") + "/" + path
    found = set()
    for match in LINK.finditer(html):
        target = next(group for group in match.groups() if group is not None)
        resolved = urljoin(base, target.strip())
        key = object_path(resolved, site_url)
        if key is not None:
            found.add(key)
    return found


def object_path(url: str, site_url: str) -> str | None:
    """"https://site/a/b/#x" → "a/b/index.html"; None for other sites or non-paths."""
    prefix = site_url.rstrip("/") + "/"
    plain = url.split("#", 1)[0].split("?", 1)[0]
    if not plain.startswith(prefix) and plain != prefix.rstrip("/"):
        return None
    relative = unquote(urlsplit(plain).path.removeprefix(urlsplit(prefix).path))
    if relative in ("", "/") or relative.endswith("/"):
        return (relative.strip("/") + "/index.html").lstrip("/")
    return normpath(relative).lstrip("/")


def upload_order(paths: list[str], new: set[str], links: dict[str, set[str]]) -> list[list[str]]:
    """`paths` to send, in groups: each group only after the groups before it are all in the bucket.

    `new` are the paths not in the bucket yet; `links[path]` what page `path` points at.
    """
    assets = sorted(p for p in paths if kind(p) == "asset")
    pages = [p for p in paths if kind(p) == "page"]
    feeds = sorted(p for p in paths if kind(p) == "feed")
    groups = [assets] if assets else []
    groups += _pages_in_layers(sorted(p for p in pages if p in new), links)
    changed = sorted(p for p in pages if p not in new)
    groups += [changed] if changed else []
    groups += [feeds] if feeds else []
    return groups


def _pages_in_layers(new_pages: list[str], links: dict[str, set[str]]) -> list[list[str]]:
    """New pages, each after the new pages it links to. Pages linking to each other (a new post and
    its Cyrillic twin) cannot both come first, so a cycle goes out together: for that moment one of
    them can point at the other not yet sent. No visitor can follow that link, because no page in
    the bucket links to a new page until the changed pages go, after every new one."""
    waiting = {page: links.get(page, set()) & set(new_pages) - {page} for page in new_pages}
    layers = []
    while waiting:
        ready = sorted(page for page, needs in waiting.items() if not needs)
        if not ready:
            ready = _first_cycle(waiting)  # pages that only wait for each other
        layers.append(ready)
        for page in ready:
            del waiting[page]
        for needs in waiting.values():
            needs.difference_update(ready)
    return layers


def _first_cycle(waiting: dict[str, set[str]]) -> list[str]:
    """A group of waiting pages that need only each other (a cycle that waits for nothing else)."""
    def reach(start: str) -> set[str]:
        seen, stack = set(), [start]
        while stack:
            for needed in waiting[stack.pop()]:
                if needed not in seen:
                    seen.add(needed)
                    stack.append(needed)
        return seen

    reaches = {page: reach(page) for page in waiting}
    for page in sorted(waiting):
        if all(page in reaches[other] for other in reaches[page]):
            return sorted(reaches[page] | {page})
    return sorted(waiting)
