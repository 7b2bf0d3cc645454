"""A build tells the live line what it is doing: files read, pages written, share cards drawn."""

import json

from site_tools import build_progress
from site_tools.build import PROD_SETTINGS, run_pipeline


def test_a_build_reports_files_read_pages_written_and_cards_drawn(tmp_path):
    seen = []
    cards = tmp_path / "cards"
    output = tmp_path / "site"
    result = run_pipeline(
        "production", PROD_SETTINGS, output, {"SHARE_IMAGE_CACHE": str(cards)}, on_progress=seen.append
    )
    assert result.written and result.ok
    last = seen[-1]  # the counts when the build had finished
    assert last["read"] >= result.files  # every content file (and the static ones Pelican reads as content)
    assert 0 < last["written"] <= sum(1 for _ in output.rglob("*.html"))
    assert last["drawn"] == last["cards"] == len(list(cards.glob("*.png")))
    for earlier, later in zip(seen, seen[1:], strict=False):
        assert all(later[key] >= earlier.get(key, 0) for key in later)


def test_a_build_nobody_watches_keeps_no_counts(tmp_path, monkeypatch):
    monkeypatch.delenv(build_progress.VARIABLE, raising=False)
    assert build_progress.connect_from_environment() is None


def test_counts_are_saved_at_most_five_times_a_second_but_always_at_the_end(tmp_path, monkeypatch):
    clock = iter([100.0, 100.1, 100.15, 100.4])  # a loaded machine cannot stretch the interval
    monkeypatch.setattr(build_progress.time, "monotonic", lambda: next(clock))
    path = tmp_path / "progress.json"
    counter = build_progress.Counter(str(path))
    counter.read(None)
    counter.read(None)  # within the interval: not saved yet
    assert json.loads(path.read_text(encoding="utf-8"))["read"] == 1
    counter.finished(None)
    assert build_progress.read_counts(path)["read"] == 2
    counter.read(None)  # 0.25 s after the last save: saved again
    assert build_progress.read_counts(path)["read"] == 3
    assert build_progress.read_counts(tmp_path / "none.json") == {}


def test_counts_read_as_one_serbian_line():
    counts = {"read": 1021, "written": 842, "drawn": 300, "cards": 1022}
    assert build_progress.describe(counts) == "pročitano: 1021 fajl · napisano: 842 stranice · slike: 300/1022"
    done = {"read": 5, "written": 0, "drawn": 7, "cards": 7}
    assert build_progress.describe(done) == "pročitano: 5 fajlova"
    assert build_progress.describe({}) == ""
