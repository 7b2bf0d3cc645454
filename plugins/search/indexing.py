"""Run Pagefind on the built site, keep only what our search page loads, and
check that exactly the expected pages went into the index.

Pagefind is the binary shipped in the pinned `pagefind[bin]` wheel, run as
`python -m pagefind`: nothing is downloaded. Results that are not pages of
their own (FAQ questions) are written as small HTML records into a folder of
the site for the run, each naming its real address in the `url` metadata,
and removed again.

Each run's bundle can be kept (a `FolderStore` from shared/disk_cache.py, by the
bytes and paths of the files it indexes): an unchanged language is then
linked from the cache instead of indexed again, which is a third of a warm
build of a large site. The files are hard links; nothing writes to a bundle
file once Pagefind has made it (the entry file, which is rewritten, is not
linked).
"""

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape

from shared.disk_cache import FolderStore, link_or_copy

from . import chunks

BUNDLE_DIR = "pagefind"
RECORDS_DIR = "pagefind-records"  # exists only while Pagefind runs
# What theme/static/js/search.js loads: the API and its web worker (the search
# runs there, off the main thread), the entry file, each language's metadata
# and WebAssembly, the word index chunks and the result fragments (and filter
# indexes, should a template ever set data-pagefind-filter). Pagefind also
# writes its own UIs (Default, Modular, Component) and a highlighter; they are
# removed, so nothing loads them by mistake and no checker reads their CSS.
KEPT_FILES = {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json"}
KEPT_DIRS = {"index", "fragment", "filter"}
KEPT_SUFFIXES = (".pf_meta", chunks.SUFFIX)  # chunks.py writes the second
# Inside the text templates mark with data-pagefind-body, these are not text:
# the „#” link beside every heading (plugins/headings; its hidden label repeats
# the heading) and share links.
EXCLUDE_SELECTORS = [".heading-anchor", ".share"]
# Word-index chunk size (Pagefind's default is 20000 positions, about 40 KB
# gzip a chunk here). 1000 gives chunks of about 2 KB, so a first search stays
# small however big the site grows: a query loads only the chunks its words
# fall in (the metadata file lists every chunk, about 25 bytes each). Pagefind
# calls the variable unstable; tests/test_search.py measures the first search,
# so an upgrade that drops it shows up there.
CHUNK_SIZE_VARIABLE = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"
CHUNK_SIZE = "1000"
FRAGMENT_SIGNATURE = b"pagefind_dcd"
GLOB_SPECIAL_RE = re.compile(r"[\\{}\[\]*?,!]")


class SearchIndexError(RuntimeError):
    """The index could not be built, or holds other pages than expected; the
    build stops (site_tools/pipeline.py reports it as a failed build)."""


@dataclass(frozen=True)
class Record:
    """A search result that is not a page of its own (an FAQ question)."""

    url: str  # from the site root, e.g. "/faq/cene/#koliko-kosta"
    title: str
    text: str
    language: str  # as the page's <html lang>: the same index as the page
    meta: dict[str, str] = field(default_factory=dict)

    def html(self) -> str:
        """The record as a page for Pagefind: the title (its `title`), the text
        as the body, and the URL and other metadata as data attributes.
        (No filters: Pagefind 1.5.2 writes a filter's values in a different
        order from build to build, so the index would change every time.)"""
        tags = [f'<span data-pagefind-meta="url">{escape(self.url)}</span>']
        tags += [f'<span data-pagefind-meta="{escape(key)}">{escape(value)}</span>' for key, value in self.meta.items()]
        return (
            f'<!doctype html><html lang="{escape(self.language)}"><head><meta charset="utf-8"><title>{escape(self.title)}</title></head>'
            f"<body><h1>{escape(self.title)}</h1>{''.join(tags)}<div data-pagefind-body><p>{escape(self.text)}</p></div></body></html>"
        )


def pagefind_command(site: Path, output: Path | None = None) -> list[str]:
    site = site.resolve()
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--output-path",
        str((output or site / BUNDLE_DIR).resolve()),
        "--quiet",
    ]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return command


def build_index(
    site: Path,
    records: list[Record] = (),
    pages: dict[str, list[str]] | None = None,
    store: FolderStore | None = None,
    bundle: Path | None = None,
) -> Path:
    """Index `site` and `records` into `bundle`, site/pagefind/ unless given (any earlier index is replaced whole).

    `pages` (language → the site's files of that language to index, e.g.
    "cir/faq/index.html"), when given, limits Pagefind to those files, one run
    per language: it then parses no list page it would skip anyway, and holds
    one language's index in memory at a time (about half). `store`, when given,
    keeps each run's bundle by what it indexed."""
    bundle, records_dir = bundle or site / BUNDLE_DIR, site / RECORDS_DIR
    shutil.rmtree(bundle, ignore_errors=True)
    shutil.rmtree(records_dir, ignore_errors=True)
    runs = [None]  # None: every HTML file of the site
    if pages is not None:
        runs = [list(files) for files in pages.values()]
    entries = []
    try:
        for number, record in enumerate(records):
            page = records_dir / str(number) / "index.html"
            page.parent.mkdir(parents=True)
            page.write_text(record.html(), encoding="utf-8")
            if pages is not None:
                runs[list(pages).index(record.language)].append(page.relative_to(site).as_posix())
        entries = [_indexed(site, files, store, bundle) for files in runs if files != []]
    finally:
        shutil.rmtree(records_dir, ignore_errors=True)
    if not entries:  # nothing to index (a site without posts or pages yet): no index, nothing to find
        return bundle
    languages = {name: language for entry in entries for name, language in entry["languages"].items()}
    (bundle / "pagefind-entry.json").write_text(json.dumps({**entries[-1], "languages": languages}), encoding="utf-8")
    prune(bundle)
    steady_entry(bundle)
    return bundle


def _indexed(site: Path, files: list[str] | None, store: FolderStore | None, bundle: Path) -> dict:
    """One run's entry file, its files linked into `bundle`: from `store` when it indexed
    the same files before, else made by Pagefind (and kept in `store`)."""
    if store is not None:
        names = sorted(files) if files is not None else _every_page(site)
        kept = store.path(
            json.dumps([[name, hashlib.sha256((site / name).read_bytes()).hexdigest()] for name in names])
        )
        try:
            if not (kept / "pagefind-entry.json").is_file():
                kept.parent.mkdir(parents=True, exist_ok=True)
                _keep(_run_pagefind(site, files, kept.with_name(f".{kept.name}.{os.getpid()}.tmp")), kept)
            return _linked(kept, bundle)
        except OSError:  # the cache cannot be written, or another build pruned it meanwhile: index without it
            pass  # (files already linked are Pagefind's same files: named by their content, or its scripts)
    with tempfile.TemporaryDirectory(prefix="va-pagefind-bundle-") as made:
        return _linked(_run_pagefind(site, files, Path(made) / BUNDLE_DIR), bundle)


def _keep(made: Path, kept: Path) -> None:
    """Move a finished bundle into its place in the cache (whole, so no build sees half of one)."""
    try:
        made.rename(kept)
    except OSError:  # another build kept the same bundle meanwhile, or a damaged one is in the way
        if not (kept / "pagefind-entry.json").is_file():
            shutil.rmtree(kept, ignore_errors=True)
            made.rename(kept)
    finally:
        shutil.rmtree(made, ignore_errors=True)


def _every_page(site: Path) -> list[str]:
    pages = (path.relative_to(site) for path in site.rglob("*.html"))
    return sorted(page.as_posix() for page in pages if page.parts[0] != BUNDLE_DIR)


def _linked(made: Path, bundle: Path) -> dict:
    """Link one run's files into `bundle` (the runs share Pagefind's scripts, written alike);
    its entry file's data (build_index writes the entry file for all runs)."""
    bundle.mkdir(parents=True, exist_ok=True)
    for path in sorted(made.rglob("*")):
        target = bundle / path.relative_to(made)
        if path.is_dir():
            target.mkdir(exist_ok=True)
        elif path.name != "pagefind-entry.json":
            link_or_copy(path, target)
    return json.loads((made / "pagefind-entry.json").read_text(encoding="utf-8"))


def _run_pagefind(site: Path, files: list[str] | None, output: Path) -> Path:
    """One Pagefind run of `files` (None: every page) into `output`."""
    environment = {**os.environ, CHUNK_SIZE_VARIABLE: CHUNK_SIZE}
    shutil.rmtree(output, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="va-pagefind-") as folder:
        if files is not None:  # a config file: thousands of paths are too long for one argument
            glob = "{" + ",".join(GLOB_SPECIAL_RE.sub(r"\\\g<0>", name) for name in files) + "}"
            Path(folder, "pagefind.json").write_text(json.dumps({"glob": glob}), encoding="utf-8")
        result = subprocess.run(
            pagefind_command(site, output), capture_output=True, text=True, env=environment, cwd=folder
        )
    if result.returncode != 0 or not (output / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"Pretraga: Pagefind nije napravio indeks.\n{result.stdout}{result.stderr}")
    try:
        chunks.write_chunk_lists(output)
    except (ValueError, TypeError, IndexError, EOFError, OSError) as error:  # another Pagefind's metadata
        raise SearchIndexError(f"Pretraga: spisak delova indeksa nije mogao da se napravi ({error}).") from error
    return output


def steady_entry(bundle: Path) -> None:
    """Write pagefind-entry.json with its keys in a fixed order.

    Pagefind lists the languages (here sr-latn and sr-cyrl) in whatever order
    its hash map gives, so the same site made a different file on every build:
    a publish with no change would upload it, and the site's files would differ
    from build to build. The JSON means the same in any order."""
    entry = bundle / "pagefind-entry.json"
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


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
        data = data[len(FRAGMENT_SIGNATURE) :]
    return json.loads(data)


def indexed(bundle: Path) -> dict[str, dict]:
    """Every result in the bundle, by the URL it links to from the site root
    (e.g. "/kontakt/"; a record's from its `url` metadata)."""
    found = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        fragment = read_fragment(path)
        found[fragment["meta"].get("url") or fragment["url"]] = fragment
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
