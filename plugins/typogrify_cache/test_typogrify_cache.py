"""The typogrify cache gives what typogrify gives, from the cache once a text was seen."""

from types import SimpleNamespace

import typogrify.filters

import typogrify_cache
from shared.disk_cache import Store

TEXTS = [
    "<p>VA &amp; klijent -- dogovor... i jedna reč na kraju reda</p>",
    "Naslov & podnaslov",
    "<p>„Citat” u <code>kod -- ostaje</code> tekstu sa mnogo reči</p>",
]
ARGUMENTS = (["pre", "code"],)
FILTERS = {"smartypants": False, "caps": False}


def test_a_kept_result_is_typogrifys_and_is_read_back_without_it(tmp_path, monkeypatch):
    cached = typogrify_cache.caching_typogrify(Store(tmp_path))
    expected = [typogrify_cache.TYPOGRIFY(text, *ARGUMENTS, **FILTERS) for text in TEXTS]
    assert [cached(text, *ARGUMENTS, **FILTERS) for text in TEXTS] == expected

    calls = []
    monkeypatch.setattr(typogrify_cache, "TYPOGRIFY", lambda *args, **kwargs: calls.append(args) or "nov rezultat")
    assert [cached(text, *ARGUMENTS, **FILTERS) for text in TEXTS] == expected and calls == []
    assert cached(TEXTS[0], *ARGUMENTS, smartypants=False) == "nov rezultat", "other filters are another entry"
    assert cached("Tekst koji nije viđen", *ARGUMENTS, **FILTERS) == "nov rezultat" and len(calls) == 2


def test_it_stands_where_pelican_imports_typogrify_and_an_empty_setting_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setattr(typogrify.filters, "typogrify", typogrify.filters.typogrify)  # restored after the test
    settings = {"PATH": str(tmp_path / "content"), "SITEURL": "", "TYPOGRIFY_CACHE": str(tmp_path / "cache")}
    typogrify_cache.install(SimpleNamespace(settings=settings))
    from typogrify.filters import typogrify as imported  # as Pelican's reader imports it, for every file

    assert imported.__wrapped__ is typogrify_cache.TYPOGRIFY
    assert imported(TEXTS[0], *ARGUMENTS, **FILTERS) == typogrify_cache.TYPOGRIFY(TEXTS[0], *ARGUMENTS, **FILTERS)
    typogrify_cache.install(SimpleNamespace(settings={**settings, "TYPOGRIFY_CACHE": ""}))
    assert typogrify.filters.typogrify is typogrify_cache.TYPOGRIFY
