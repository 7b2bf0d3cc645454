"""Run Pagefind on the built site, keep only what our search page loads, and
check that exactly the expected pages went into the index.

Pagefind is the binary shipped in the pinned `pagefind[bin]` wheel, driven
through its Python API (`pagefind.index`): the site's HTML is indexed as the
CLI would index it, and each FAQ question is added as a record of its own.
Nothing is downloaded.
"""

import asyncio
import gzip
import json
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

BUNDLE_DIR = "pagefind"
# What theme/static/js/search.js loads: the API and its web worker (the search
# runs there, off the main thread), the entry file, each language's metadata
# and WebAssembly, the word index chunks, the result fragments and the filter
# index. Pagefind also writes its own UIs (Default, Modular, Component) and a
# highlighter; they are removed, so nothing loads them by mistake and no
# checker reads their CSS.
KEPT_FILES = {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json"}
KEPT_DIRS = {"index", "fragment", "filter"}
KEPT_SUFFIXES = (".pf_meta",)
# Inside the text templates mark with data-pagefind-body, these are not text:
# the „#” link beside every heading (plugins/headings; its hidden label repeats
# the heading) and share links.
EXCLUDE_SELECTORS = [".heading-anchor", ".share"]
# Word-index chunk size (Pagefind's default is 20000 positions, about 40 KB
# gzip a chunk here). 2000 gives chunks of about 4 KB, so a first search stays
# small however big the site grows: a query loads only the chunks its words
# fall in. Pagefind calls the variable unstable; tests/test_search.py measures
# the first search, so an upgrade that drops it shows up there.
CHUNK_SIZE_VARIABLE = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"
CHUNK_SIZE = "2000"
FRAGMENT_SIGNATURE = b"pagefind_dcd"


class SearchIndexError(SystemExit):
    """The index could not be built, or holds other pages than expected.

    A SystemExit, as plugins/faq does, so the build stops with exit code 1 and
    a plain message instead of a traceback.
    """


@dataclass(frozen=True)
class Record:
    """A search result that is not a page of its own (an FAQ question)."""

    url: str  # from the site root, e.g. "/faq/cene/#koliko-kosta"
    title: str
    text: str
    language: str  # as the page's <html lang>, lower-case: the same index as the page
    meta: dict[str, str] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)


@contextmanager
def _environment(name: str, value: str):
    """The Pagefind service reads its settings from the environment it starts in."""
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


async def _index(site: Path, bundle: Path, records: list[Record]) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(exclude_selectors=EXCLUDE_SELECTORS, output_path=str(bundle))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(path=str(site))
        for record in records:
            await index.add_custom_record(
                url=record.url,
                content=record.text,
                language=record.language,
                meta={"title": record.title, **record.meta},
                filters=record.filters,
            )


def build_index(site: Path, records: list[Record] = ()) -> Path:
    """Index `site` and `records` into site/pagefind/ (any earlier index is replaced whole)."""
    site = site.resolve()
    bundle = site / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)
    try:
        with _environment(CHUNK_SIZE_VARIABLE, CHUNK_SIZE):
            asyncio.run(_index(site, bundle, list(records)))
    except Exception as error:  # the service's errors come in several types
        raise SearchIndexError(f"Pretraga: Pagefind nije napravio indeks ({type(error).__name__}: {error}).") from error
    if not (bundle / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"Pretraga: Pagefind nije napravio indeks u {bundle}.")
    prune(bundle)
    return bundle


def prune(bundle: Path) -> None:
    """Delete the files of the bundle that search.js never loads."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    wasm = {f"wasm.{language['wasm']}.pagefind" for language in entry["languages"].values() if language.get("wasm")}
    for path in bundle.iterdir():
        if path.is_dir():
            if path.name not in KEPT_DIRS:
                shutil.rmtree(path)
        elif not (path.name in KEPT_FILES or path.name in wasm or path.name.endswith(KEPT_SUFFIXES)):
            path.unlink()


def read_fragment(path: Path) -> dict:
    """One result's stored record (gzip, a signature, then JSON), as Pagefind's JS reads it."""
    data = gzip.decompress(path.read_bytes())
    if data.startswith(FRAGMENT_SIGNATURE):
        data = data[len(FRAGMENT_SIGNATURE):]
    return json.loads(data)


def indexed(bundle: Path) -> dict[str, dict]:
    """Every result in the bundle, by URL from the site root (e.g. "/kontakt/")."""
    found = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        fragment = read_fragment(path)
        found[fragment["url"]] = fragment
    return found


def check_index(bundle: Path, expected: set[str]) -> None:
    """Stop the build unless the index holds exactly the `expected` URLs."""
    found = set(indexed(bundle))
    extra, missing = sorted(found - expected), sorted(expected - found)
    if extra or missing:
        lines = ["Pretraga: indeks ne sadrži tačno objavljene tekstove, stranice i česta pitanja."]
        lines += [f"  u indeksu, a ne bi smelo: {url}" for url in extra]
        lines += [f"  nedostaje u indeksu: {url}" for url in missing]
        lines.append("  (Stranica ulazi u indeks samo preko search_attributes() u šablonu; vidi plugins/search.)")
        raise SearchIndexError("\n".join(lines))
