"""Results kept between builds: found by the sha256 of their inputs, in a
folder named by everything else they depend on (the plugins' code and data,
the package versions, the settings that shape them), so a change to any of
those starts an empty folder and the old ones are removed.

    store = build_store(settings, "CYRILLIC_CACHE", "cyrillic")  # None when turned off
    text = store.get_text(inputs) if store else None  # inputs: one string with all of them
    ...
    store.put_text(inputs, text)  # and, once the build has made everything, store.prune()

A setting (e.g. CYRILLIC_CACHE) moves a cache's root folder, "" turns it off;
by default it is cache/<name>/ beside the content folder. A cache that cannot
be written is only slower, never a failed build.
"""

import hashlib
import inspect
import json
import logging
import os
import shutil
import sqlite3
import sys
from contextlib import contextmanager
from functools import cache
from importlib import metadata
from pathlib import Path

from .modes import mode

PLUGINS = Path(__file__).resolve().parent.parent
PACKAGES = (
    "pelican",
    "markdown",
    "jinja2",
    "markupsafe",
    "typogrify",
    "smartypants",
    "selectolax",
    "minify-html",
    "pillow",
    "pagefind",
    "pagefind-bin",
)
# Data files plugins read as code: word lists, rules.
DATA_SUFFIXES = (".py", ".txt", ".json")


def code_key(*inputs) -> str:
    """A short hex key over `inputs` (settings, with the code of any function in them),
    every plugin's code and data files, Python's and the packages' versions."""
    files = set()

    def described(value):
        if callable(value):
            source = inspect.getsourcefile(value)
            if source:
                files.add(source)
            return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
        if isinstance(value, dict):
            return {str(key): described(item) for key, item in sorted(value.items(), key=lambda pair: str(pair[0]))}
        if isinstance(value, (list, tuple, set, frozenset)):
            items = [described(item) for item in value]
            return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
        return repr(value)

    shape = described(list(inputs))
    files |= {str(path) for path in PLUGINS.rglob("*") if path.suffix in DATA_SUFFIXES and not _is_test(path)}
    versions = [_version(name) for name in PACKAGES]
    key = [shape, sys.version, versions, [file_digest(path) for path in sorted(files)]]
    return hashlib.sha256(json.dumps(key).encode("utf-8")).hexdigest()[:16]


def _is_test(path: Path) -> bool:
    return any(part.startswith("test") for part in path.relative_to(PLUGINS).parts)


@cache
def file_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    """Text entries, each named by the sha256 of its inputs, in one SQLite file in `folder`.

    One file, not a file per entry: a first build of a large site makes some
    ten thousand entries, and creating that many files cost a fifth of it.
    WAL mode lets a build read while another writes; every error (a locked,
    unwritable or damaged file) only makes the cache miss."""

    FILE = "entries.sqlite"

    def __init__(self, folder: Path, track: bool = False):
        self.folder = Path(folder)
        self.used: set[str] | None = set() if track else None  # names read or written, for `prune`
        self._database: sqlite3.Connection | None | bool = None  # False: cannot be used

    def name(self, inputs: str) -> str:
        name = digest(inputs)
        if self.used is not None:
            self.used.add(name)
        return name

    def get_text(self, inputs: str) -> str | None:
        row = self._run("SELECT text FROM entries WHERE name = ?", (self.name(inputs),))
        return row[0][0] if row else None

    def put_text(self, inputs: str, text: str) -> None:
        self._run("INSERT OR REPLACE INTO entries (name, text) VALUES (?, ?)", (self.name(inputs), text))

    def names(self) -> set[str]:
        """Every entry's name."""
        if not (self.folder / self.FILE).is_file():
            return set()
        return {name for (name,) in self._run("SELECT name FROM entries") or []}

    def prune(self) -> None:
        """Remove the entries this run did not use (a store made with track=True)."""
        if self.used is None:
            return
        stale = [(name,) for name in self.names() - self.used]
        if stale:
            self._run("DELETE FROM entries WHERE name = ?", stale, many=True)

    def _run(self, sql: str, parameters=(), many: bool = False) -> list | None:
        database = self._connection()
        if database is None:
            return None
        try:
            if many:
                with database:
                    database.executemany(sql, parameters)
                return []
            return database.execute(sql, parameters).fetchall()
        except sqlite3.Error:
            return None

    def _connection(self) -> sqlite3.Connection | None:
        if self._database is None:
            self._database = self._open() or self._open(start_afresh=True) or False
        return self._database or None

    def _open(self, start_afresh: bool = False) -> sqlite3.Connection | None:
        path = self.folder / self.FILE
        try:
            if start_afresh:  # damaged (not a database): a cache can always be made again
                for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                    leftover.unlink(missing_ok=True)
            self.folder.mkdir(parents=True, exist_ok=True)
            database = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
            database.execute("PRAGMA journal_mode = WAL")
            database.execute("PRAGMA synchronous = NORMAL")  # a power cut may lose the last entries, never the file
            database.execute("CREATE TABLE IF NOT EXISTS entries (name TEXT PRIMARY KEY, text TEXT NOT NULL)")
            return database
        except (OSError, sqlite3.Error):
            return None


def kept(store: Store | None, inputs: str, make) -> str:
    """`make()`'s text, from `store` when the same `inputs` were seen before; kept unless
    something was logged while it was made (None: no store, always made)."""
    text = store.get_text(inputs) if store else None
    if text is None:
        with watching_log() as logged:
            text = make()
        if store and not logged.count:
            store.put_text(inputs, text)
    return text


def kept_json(store: Store | None, inputs: str, make):
    """`kept` for a JSON value: what `make()` returns, or the same read back from `store`."""
    made = []

    def text() -> str:
        made.append(make())
        return json.dumps(made[0], ensure_ascii=False)

    found = kept(store, inputs, text)
    return made[0] if made else json.loads(found)


def link_or_copy(source: Path, target: Path) -> None:
    """A hard link to a kept file (one call, no bytes copied), or a copy where a link cannot be
    made (another file system). Only for files nothing writes to once made."""
    try:
        os.link(source, target)
    except FileExistsError:
        pass
    except OSError:
        shutil.copyfile(source, target)


def cache_root(settings: dict, setting: str, name: str) -> Path | None:
    """The setting's folder, cache/<name>/ beside the content when unset, None when ""."""
    configured = settings.get(setting)
    if configured == "":
        return None
    return Path(configured) if configured else Path(settings["PATH"]).parent / "cache" / name


def entry_names(root: Path) -> set[str]:
    """The names of the entries of every text store under `root` (what a test counts)."""
    return {name for path in Path(root).rglob(Store.FILE) for name in Store(path.parent).names()}


class FolderStore(Store):
    """Entries that are folders of files in `folder`: `path(inputs)` names one, the caller fills it."""

    def path(self, inputs: str) -> Path:
        return self.folder / self.name(inputs)

    def names(self) -> set[str]:
        return {path.name for path in self.folder.iterdir()} if self.folder.is_dir() else set()

    def prune(self) -> None:
        if self.used is None:
            return
        for name in self.names() - self.used:
            stale = self.folder / name
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)


class FilePool(FolderStore):
    """Finished files named by the digest of their text, hard-linked into the output.

    On this machine writing a file into a new folder costs about 0.5 ms, and a
    hard link 0.01 ms (writing into the one folder of the pool is cheap too);
    a production build starts from an empty folder, so a page whose text was
    made before is linked, not written. A kept file is read and compared
    before it is linked (0.01 ms), so one changed in place through some output
    is replaced, never spread."""

    def place(self, target: Path, text: str) -> None:
        data = text.encode("utf-8")
        kept = self.path(text)
        target = Path(target)
        try:
            if not _holds(kept, data):
                kept.parent.mkdir(parents=True, exist_ok=True)
                made = kept.with_name(f".{kept.name}.{os.getpid()}.tmp")
                made.write_bytes(data)
                made.replace(kept)
            target.unlink(missing_ok=True)
            os.link(kept, target)
        except OSError:  # no cache folder, or another file system: the file itself
            target.unlink(missing_ok=True)
            target.write_bytes(data)

    def names(self) -> set[str]:
        return {name for name in super().names() if not name.startswith(".")}


def _holds(path: Path, data: bytes) -> bool:
    try:
        with open(path, "rb") as kept:
            return kept.read(len(data) + 1) == data
    except OSError:
        return False


def build_store(settings: dict, setting: str, name: str, *inputs, kind: type[Store] = Store) -> Store | None:
    """The store of one kind of result for this build: <root>/<code_key(inputs)>/<site address and mode>/.

    Tracked: once the build has made all its results, `prune` leaves only the
    ones it used, so the folder holds one site's worth whatever the edits."""
    root = cache_root(settings, setting, name)
    if root is None:
        return None
    variant = digest(repr((settings.get("SITEURL"), mode(settings))))[:16]
    return kind(open_folder(root, code_key(*inputs)) / variant, track=True)


def open_folder(root: Path, key: str) -> Path:
    """root/key, after removing the folders of other keys (never read again)."""
    if root.is_dir():
        for old in root.iterdir():
            if old.name != key:
                shutil.rmtree(old, ignore_errors=True)
    return root / key


class _Logged(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record):
        if record.levelno >= logging.INFO:
            self.count += 1


@contextmanager
def watching_log():
    """Count what is logged meanwhile (`.count`): a result made while something was
    logged is not kept, or the next build, reading it, would not log it again."""
    logged = _Logged()
    logging.getLogger().addHandler(logged)
    try:
        yield logged
    finally:
        logging.getLogger().removeHandler(logged)
