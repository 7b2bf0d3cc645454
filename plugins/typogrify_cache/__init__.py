"""Typogrify's result for each text, kept between builds.

Pelican runs typogrify on every file's HTML, title and summary on every build
(a tenth of a warm build of 1000 posts), after the reader, so the Markdown
cache cannot keep it, and it offers no hook: it imports
`typogrify.filters.typogrify` each time it reads a file. So this plugin puts a
function with the same arguments in its place, which gives back what
typogrify gave for the same text, arguments and smartypants settings
(`smartypants.Attr.default`, set by Pelican from TYPOGRIFY_DASHES), found by
their sha256 in cache/typogrify/ (a folder per code and package versions,
typogrify's and smartypants' among them). TYPOGRIFY_CACHE moves it, ""
turns it off. Every text is typogrified while the files are read, so once
all are read the entries no text used are pruned.
"""

import json

import smartypants
import typogrify.filters
from pelican import signals

from shared.disk_cache import Store, build_store, kept

TYPOGRIFY = typogrify.filters.typogrify
_stores: list[Store] = []


def caching_typogrify(store: Store):
    """typogrify(text, ignore_tags=None, **filters), answered from `store` when it was asked before."""

    def cached(text, ignore_tags=None, **filters):
        inputs = json.dumps([text, ignore_tags, sorted(filters.items()), int(smartypants.Attr.default)])
        return kept(store, inputs, lambda: TYPOGRIFY(text, ignore_tags, **filters))

    cached.__wrapped__ = TYPOGRIFY
    return cached


def install(pelican) -> None:
    store = build_store(pelican.settings, "TYPOGRIFY_CACHE", "typogrify")
    typogrify.filters.typogrify = caching_typogrify(store) if store else TYPOGRIFY
    _stores[:] = [store] if store else []


def prune(_generators) -> None:
    for store in _stores:
        store.prune()


def register():
    signals.initialized.connect(install)
    signals.all_generators_finalized.connect(prune)
