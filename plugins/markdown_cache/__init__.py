"""Markdown's HTML for each content file, kept between builds (a large site converts thousands).

Only the conversions of a file's text and of its formatted headers (Summary)
are cached: Pelican still reads every file, parses its header (so „field
written twice” and every other header message is logged again), makes every
content object and sends every signal, so every plugin and the content check
see each page exactly as without the cache. An entry is found by the sha256 of the file's text, in a folder named
by everything else the HTML depends on (cache_key: the MARKDOWN settings with
the code of any function in them, every plugin's code, the package
versions), so an edited post, setting or plugin is converted afresh. A
conversion that logged anything is never cached, so no message is lost.
MARKDOWN_CACHE (a folder, default cache/markdown/ beside the content; ""
turns it off) says where.
"""

import json

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from shared.disk_cache import Store as TextStore
from shared.disk_cache import cache_root, code_key, open_folder, watching_log

__all__ = ["Store", "cache_key", "caching_reader", "open_store"]


def cache_key(markdown_settings: dict) -> str:
    """Everything but the text that shapes a file's HTML."""
    # The extensions as Pelican's Markdown reader completes the list (it adds to the settings when first made).
    extensions = {*markdown_settings.get("extensions", ()), *markdown_settings.get("extension_configs", {})}
    return code_key({**markdown_settings, "extensions": sorted(extensions | {"markdown.extensions.meta"})})


class Store(TextStore):
    """Entries by the sha256 of the text, in JSON: {"html": …, "meta": {name: [lines]} or null,
    "formatted": {a formatted header's text: its HTML}}."""

    def get(self, text: str) -> dict | None:
        try:
            return json.loads(self.get_text(text) or "")
        except ValueError:
            return None

    def put(self, text: str, entry: dict) -> None:
        self.put_text(text, json.dumps(entry, ensure_ascii=False))


def open_store(settings: dict) -> Store | None:
    root = cache_root(settings, "MARKDOWN_CACHE", "markdown")
    return Store(open_folder(root, cache_key(settings["MARKDOWN"]))) if root else None


class FormattedHeaders:
    """Stands in for the Markdown instance Pelican's `_parse_metadata` converts the formatted
    headers (FORMATTED_FIELDS: Summary) with: their HTML comes from the cache entry, and a
    Markdown instance (over half a millisecond's setup per file) is used only for one not
    kept, which is then recorded. `clean` stays true while no conversion logged anything."""

    def __init__(self, converted: dict[str, str], make_markdown):
        self.converted, self.clean = dict(converted), True
        self._make, self._markdown = make_markdown, None
        self.preprocessors = self  # Pelican calls _md.preprocessors.deregister("meta")

    def deregister(self, name: str) -> None:
        pass  # the real instance is made without it (below)

    def reset(self) -> "FormattedHeaders":
        return self

    def convert(self, text: str) -> str:
        if text not in self.converted:
            if self._markdown is None:
                self._markdown = self._make()
                self._markdown.preprocessors.deregister("meta", strict=False)  # no header inside a header
            with watching_log() as logged:
                self.converted[text] = self._markdown.reset().convert(text)
            self.clean = self.clean and not logged.count
        return self.converted[text]


def caching_reader(reader_class: type, store: Store) -> type:
    """`reader_class` (a MarkdownReader) with the conversions of the text and its formatted headers kept in `store`."""

    class CachingReader(reader_class):
        def read(self, source_path):
            self._source_path = source_path
            markdown = None  # the instance that converted the text, when it was not kept
            with pelican_open(source_path) as text:
                entry = store.get(text)
                if entry is None:
                    markdown = Markdown(**self.settings["MARKDOWN"])
                    entry = self._convert(markdown, text)  # (a kept entry is "clean")
            kept = entry.get("formatted", {})
            self._md = headers = FormattedHeaders(kept, lambda: markdown or Markdown(**self.settings["MARKDOWN"]))
            metadata = self._parse_metadata(entry["meta"]) if entry["meta"] is not None else {}
            made = "clean" in entry or headers.converted != kept
            if made and entry.get("clean", True) and headers.clean:
                store.put(text, {"html": entry["html"], "meta": entry["meta"], "formatted": headers.converted})
            return entry["html"], metadata

        def _convert(self, markdown: Markdown, text: str) -> dict:
            with watching_log() as logged:
                html = markdown.convert(text)
            return {"html": html, "meta": getattr(markdown, "Meta", None), "clean": not logged.count}

    CachingReader.__name__ = reader_class.__name__  # Pelican names the reader in metadata["reader"]
    return CachingReader


def use_caching_readers(readers):
    store = open_store(readers.settings)
    if store is None:
        return
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class and issubclass(reader_class, MarkdownReader):
            readers.reader_classes[extension] = caching_reader(reader_class, store)


def register():
    signals.readers_init.connect(use_caching_readers)
