"""Markdown's HTML for each content file, kept between builds (a large site converts thousands).

Only the conversion of a file's text is cached: Pelican still reads every
file, parses its header (so „field written twice” and every other header
message is logged again), makes every content object and sends every signal,
so every plugin and the content check see each page exactly as without the
cache. An entry is found by the sha256 of the file's text, in a folder named
by everything else the HTML depends on (cache_key: the MARKDOWN settings with
the code of any function in them, every plugin's code, the package
versions), so an edited post, setting or plugin is converted afresh. A
conversion that logged anything is never cached, so no message is lost.
MARKDOWN_CACHE (a folder, default cache/markdown/ beside the content; ""
turns it off) says where.
"""

import hashlib
import inspect
import json
import logging
import os
import shutil
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

PLUGINS = Path(__file__).resolve().parent.parent
PACKAGES = ("pelican", "markdown", "typogrify", "smartypants")


def cache_key(markdown_settings: dict) -> str:
    """Everything but the text that shapes a file's HTML."""
    code = set()

    def described(value):
        if callable(value):
            source = inspect.getsourcefile(value)
            if source:
                code.add(source)
            return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
        if isinstance(value, dict):
            return {str(key): described(item) for key, item in sorted(value.items(), key=lambda pair: str(pair[0]))}
        if isinstance(value, (list, tuple, set)):
            return [described(item) for item in value]
        return repr(value)

    # The extensions as Pelican's Markdown reader completes the list (it adds to the settings when first made).
    extensions = {*markdown_settings.get("extensions", ()), *markdown_settings.get("extension_configs", {})}
    shape = described({**markdown_settings, "extensions": sorted(extensions | {"markdown.extensions.meta"})})
    code |= {str(path) for path in PLUGINS.rglob("*.py")}
    inputs = [shape, sys.version, [_version(name) for name in PACKAGES], [_file_digest(path) for path in sorted(code)]]
    return hashlib.sha256(json.dumps(inputs).encode("utf-8")).hexdigest()[:16]


@cache
def _file_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


class Store:
    """One folder of entries, each `<sha256 of the text>.json`: {"html": …, "meta": {name: [lines]} or null}."""

    def __init__(self, folder: Path):
        self.folder = folder

    def get(self, text: str) -> dict | None:
        try:
            return json.loads((self.folder / f"{_digest(text)}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, text: str, entry: dict) -> None:
        path = self.folder / f"{_digest(text)}.json"
        try:  # a cache that cannot be written is only slower, never a failed build
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            partial.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
            partial.replace(path)
        except OSError:
            pass


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def open_store(settings: dict) -> Store | None:
    configured = settings.get("MARKDOWN_CACHE")
    if configured == "":
        return None
    root = Path(configured) if configured else Path(settings["PATH"]).parent / "cache" / "markdown"
    key = cache_key(settings["MARKDOWN"])
    if root.is_dir():
        for old in root.iterdir():  # entries made under other settings or code are never read again
            if old.name != key:
                shutil.rmtree(old, ignore_errors=True)
    return Store(root / key)


class _Logged(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record):
        if record.levelno >= logging.INFO:
            self.count += 1


def caching_reader(reader_class: type, store: Store) -> type:
    """`reader_class` (a MarkdownReader) with the text's conversion kept in `store`."""

    class CachingReader(reader_class):
        def read(self, source_path):
            self._source_path = source_path
            self._md = Markdown(**self.settings["MARKDOWN"])
            with pelican_open(source_path) as text:
                entry = store.get(text)
                if entry is None:
                    entry = self._convert(text)
            content, meta = entry["html"], entry["meta"]
            return content, (self._parse_metadata(meta) if meta is not None else {})

        def _convert(self, text: str) -> dict:
            logged = _Logged()
            logging.getLogger().addHandler(logged)
            try:
                html = self._md.convert(text)
            finally:
                logging.getLogger().removeHandler(logged)
            entry = {"html": html, "meta": getattr(self._md, "Meta", None)}
            if not logged.count:
                store.put(text, entry)
            return entry

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
