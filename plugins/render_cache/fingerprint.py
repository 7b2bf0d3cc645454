"""What a page's HTML depends on, as text to hash (plugins/render_cache).

The site's part is described once per build, from Pelican's context as the
templates get it: the settings and whatever plugins added, and each document
in it by all it shows in lists, links and metadata (`listing`: title,
address, date, status, summary, tags, neighbours, …) but not its body. A page
adds its template, its address and the bodies of the documents it shows (the
post or page, a list page's posts): what else the writer adds for a page is
Pelican's reading of what the site's part describes.

A value that is described differently from build to build (an object whose
repr is its memory address) only makes a page miss the cache, never a stale
page: test_render_cache.py checks that an unchanged site misses nothing.
"""

import json
from datetime import date, datetime
from pathlib import PurePath

from pelican.contents import Content, Static
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper

from shared.disk_cache import digest

BODY_KEYS = ("article", "page")
# A document's attributes that are its body, or not what it shows.
NOT_LISTED = frozenset({"_content", "_context", "settings", "_rendered"})


class Fingerprints:
    def __init__(self, context: dict):
        self.context = context
        self._listings: dict[int, str] = {}
        self._bodies: dict[int, tuple[Content, str]] = {}
        shown = {key: value for key, value in context.items() if not _where_not_what(key)}
        self.site = digest(json.dumps(self._described(shown), ensure_ascii=False))

    def page(self, template_name: str, localcontext: dict) -> str:
        """Everything the page rendered from `localcontext` depends on, as one string.

        What the writer adds for a page (the post, a list page's posts and
        paginator, a category) is Pelican's reading of the content and settings
        the site's part describes, named by the page's address; of it, only the
        bodies it shows are added."""
        shown = [localcontext.get(key) for key in BODY_KEYS]
        for key, value in localcontext.items():
            if key.endswith("_page") and isinstance(value, Page):  # a list page's posts
                shown += value.object_list
        bodies = [[item.source_path, self._body(item)] for item in shown if isinstance(item, Content)]
        return json.dumps([self.site, template_name, localcontext.get("output_file"), bodies], ensure_ascii=False)

    def _body(self, document: Content) -> str:
        """The digest of a document's body, once per build (a post is on many list pages)."""
        key = id(document)
        if key not in self._bodies:
            self._bodies[key] = (document, digest(document._content or ""))  # the document held: ids stay unique
        return self._bodies[key][1]

    def listing(self, document: Content) -> str:
        """A digest of all a document shows but its body (once per document and build)."""
        key = id(document)
        if key not in self._listings:
            shown = {name: value for name, value in vars(document).items() if name not in NOT_LISTED}
            for name in ("summary", "url", "save_as"):
                try:
                    shown[name] = getattr(document, name, None)
                except Exception:  # noqa: BLE001  (a static file has no summary to make)
                    shown[name] = None
            self._listings[key] = digest(json.dumps(self._described(shown, inside=document), ensure_ascii=False))
        return self._listings[key]

    def _described(self, value, inside: Content | None = None, seen: frozenset = frozenset()):
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        if isinstance(value, (datetime, date)):
            return value.isoformat()
        if isinstance(value, PurePath):
            return str(value)
        if isinstance(value, Content):
            if inside is not None:  # a neighbour or related post: it is listed on its own
                return ["document", value.source_path]
            return ["document", value.source_path, self.listing(value)]
        if isinstance(value, URLWrapper):
            return [type(value).__name__, value.name, value.url]
        if isinstance(value, Paginator):  # its pages say what a list page shows
            return ["paginator", value.num_pages, value.count]
        if isinstance(value, Page):
            return ["page", value.number, [self._described(item, inside, seen) for item in value.object_list]]
        if id(value) in seen:
            return ["cycle"]
        seen = seen | {id(value)}
        if isinstance(value, dict):
            items = sorted(value.items(), key=lambda pair: str(pair[0]))
            return [[str(key), self._described(item, inside, seen)] for key, item in items]
        if isinstance(value, (list, tuple)):
            if value and all(isinstance(item, Static) for item in value):  # Pelican lists them in set order
                value = sorted(value, key=lambda item: item.source_path)
            return [self._described(item, inside, seen) for item in value]
        if isinstance(value, (set, frozenset)):
            return sorted((self._described(item, inside, seen) for item in value), key=repr)
        if callable(value):
            return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
        if hasattr(value, "__dict__"):
            return [type(value).__name__, self._described(vars(value), inside, seen)]
        return repr(value)


def _where_not_what(setting: str) -> bool:
    """Settings that say where the build writes and keeps things, not what a page shows:
    `invoke publish` builds into a new folder every time."""
    return setting in ("OUTPUT_PATH", "CACHE_PATH") or setting.endswith("_CACHE")
