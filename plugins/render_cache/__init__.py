"""Pages whose inputs did not change are not rendered again: their HTML is kept between builds.

Pelican still reads every file, every plugin still runs, and the writer still
writes every page and sends `content_written` for it (so the Cyrillic twin,
the sitemap and the rest see the same site): only the template's `render` is
skipped, when an earlier build rendered the same page from the same inputs
(and logged nothing meanwhile: a message must come again with every build).
The writer puts each file in place through shared/output.py's `write_page`: a
page whose file already holds exactly its HTML (the preview rebuilds into the
same folder) is not written again, and in production a page is finished and
hard-linked as plugins/security_headers asks.

A page's inputs (fingerprint.py) are the site's (everything in Pelican's
context, each document by all it shows in lists and links, but not its body),
the templates, the plugins' code, the page's address and template, and the
bodies it shows (the post; a list page's posts). So an edit to a post's text
renders that post and the list pages that show it; an edit to a title, date,
tag or status (which other pages show) renders every page again, as a full
build does. test_render_cache.py proves the result is the full build's.

The HTML is kept in cache/pages/ (PAGE_CACHE moves it, "" turns it off, and
pages are then rendered every time but still written as above), in a
folder per site address and build mode; a build that wrote the site removes
the entries it did not use, so the folder holds one site's worth.
"""

import os
from contextlib import contextmanager
from pathlib import Path

import pelican.writers
from pelican import signals
from pelican.writers import Writer

from shared.disk_cache import Store, build_store, file_digest, kept
from shared.output import UnlessSame

from .fingerprint import Fingerprints

THEME_TEMPLATES = "templates"


class _Cached:
    """The template, with `render` answered from the store when the page's inputs are unchanged."""

    def __init__(self, template, writer: "CachingWriter"):
        self.template, self.writer = template, writer

    def render(self, localcontext) -> str:
        inputs = self.writer.fingerprints.page(self.template.name, localcontext)
        return kept(self.writer.store, inputs, lambda: self.template.render(localcontext))

    def __getattr__(self, name):
        return getattr(self.template, name)


class CachingWriter(Writer):
    store: Store | None
    fingerprints: Fingerprints

    def write_file(self, name, template, context, *args, **kwargs):
        if not hasattr(self, "store"):  # the first page: every document is read and judged
            self.store = _open(self.settings)
            if self.store is not None:
                self.fingerprints = Fingerprints(context)
                _current.append(self.store)
        shown = _Cached(template, self) if self.store is not None else template
        return super().write_file(name, shown, context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        """Pelican's own checks (no page written twice), but a page that comes out as the file
        already holds is not written again: the preview rebuilds into the same folder."""
        if filename == os.devnull:
            return super()._open_w(filename, encoding, override)
        with _opening_unless_same():
            return super()._open_w(filename, encoding, override)


@contextmanager
def _opening_unless_same():
    """Pelican's writer module opens its files with `open(name, "w", encoding=…)`: for this call, UnlessSame does."""
    pelican.writers.open = UnlessSame
    try:
        yield
    finally:
        del pelican.writers.open


_current: list[Store] = []


def _open(settings) -> Store:
    templates = sorted(Path(settings["THEME"], THEME_TEMPLATES).rglob("*"))
    theme = [(path.as_posix(), file_digest(str(path))) for path in templates if path.is_file()]
    return build_store(settings, "PAGE_CACHE", "pages", theme)


def writer(pelican):
    """Ours with the cache off too: every page still goes through shared/output.py's `write_page`
    (the preview's problem banner and the production finishing are put in there)."""
    return CachingWriter


def prune(pelican):
    """Entries this build did not use are of pages as they no longer are."""
    for store in _current:
        store.prune()
    _current.clear()


def register():
    signals.get_writer.connect(writer)
    signals.finalized.connect(prune)
