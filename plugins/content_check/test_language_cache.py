"""The language warnings kept between builds are the ones a fresh check gives, and an edit is judged afresh."""

from types import SimpleNamespace

from content_check import language
from shared import Source
from shared.disk_cache import Store

POST = "Title: Naslov sa «navodnicima»\n\nPrvi red je u redu.\nDrugi red ima  dva razmaka i mejl.\n"


def judged(path, store):
    document = SimpleNamespace(metadata={"title": "Naslov sa «navodnicima»"})
    return language.check(document, Source(str(path), "content/posts/x.md"), store)


def test_kept_warnings_are_the_fresh_ones_and_an_edit_is_judged_again(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(POST, encoding="utf-8")
    store = Store(tmp_path / "cache")
    fresh = judged(path, None)
    assert {problem.line for problem in fresh} == {1, 4}
    assert judged(path, store) == fresh  # computed and kept
    assert len(store.names()) == 1
    assert judged(path, store) == fresh  # read back

    path = tmp_path / "edited.md"  # (a Source reads each path once per process, as one build does)
    path.write_text(POST.replace("  dva razmaka", " jedan razmak"), encoding="utf-8")
    edited = judged(path, store)
    assert edited == judged(path, None) != fresh
    assert not any("Dva razmaka" in problem.message for problem in edited)
