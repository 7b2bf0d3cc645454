"""Where a page's twin in the other script is: `<path>` and `cir/<path>`.

Only the path changes, so slugs, heading ids and #fragments are the same in
both editions. Paths are Pelican's own: the file a page was written to
(`output_file`, "x/index.html") gives its URL ("x/") the way Pelican's
pretty URLs do, for every page type, including pages other plugins write.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

PREFIX = "cir/"
LATIN_LANG = "sr-Latn"
CYRILLIC_LANG = "sr-Cyrl"


@dataclass(frozen=True)
class Editions:
    latin: str
    cyrillic: str


def url_of(output_file: str) -> str:
    """'a/b/index.html' → 'a/b/', 'index.html' → '', '404.html' → '404.html'."""
    return re.sub(r"(^|/)index\.html$", r"\1", output_file)


def is_mirrored(output_file: str | None) -> bool:
    """An HTML page of the Latin edition (every one has a Cyrillic twin)."""
    return bool(output_file) and output_file.endswith(".html") and not output_file.startswith(PREFIX)


def editions(siteurl: str, output_file: str | None) -> Editions | None:
    """Both editions' URLs of the page written to `output_file`, or None for a file with no twin."""
    if not is_mirrored(output_file):
        return None
    url = url_of(output_file)
    return Editions(f"{siteurl}/{url}", f"{siteurl}/{PREFIX}{url}")


def mirrors(path: str) -> bool:
    """A site path (no leading slash) whose Cyrillic twin exists: pages and feeds."""
    if path.startswith(PREFIX) or path == PREFIX.rstrip("/"):
        return False
    last = path.rsplit("/", 1)[-1]
    return (
        path == ""
        or path.endswith("/")
        or last.endswith(".html")
        or (path.startswith("feeds/") and last.endswith(".xml"))
    )


def to_cyrillic_url(url: str, siteurl: str) -> str:
    """A same-site page or feed URL in the Cyrillic edition; any other URL unchanged."""
    if siteurl and url.startswith(siteurl + "/"):
        base, path = siteurl + "/", url[len(siteurl) + 1 :]
    elif url.startswith("/") and not url.startswith("//"):
        base, path = "/", url[1:]
    else:
        return url
    parts = urlsplit(path)
    return base + PREFIX + path if mirrors(parts.path) else url
