"""The preview's index, made by a process of its own after the build returns (search/background.py)."""

import logging
import shutil
import threading
import time
from pathlib import Path

import pytest

from content_check import pelican_log
from search import background, indexing, run_job
from search.small_site import RECORD, files
from shared import WARNING

PAGES = {"sr-latn": ["tekst/index.html"], "sr-cyrl": ["cir/tekst/index.html"]}
EXPECTED = ["/cir/tekst/", "/faq/x/#pitanje", "/tekst/"]


def job(expected=EXPECTED) -> dict:
    """What search.index_job() hands over, for the small site."""
    return {"records": [vars(RECORD)], "pages": PAGES, "expected": list(expected), "store": None}


@pytest.fixture
def site(small_site, tmp_path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(small_site, copy)
    shutil.rmtree(copy / indexing.BUNDLE_DIR)
    return copy


def leftovers(site: Path) -> list[str]:
    return sorted(path.name for path in site.iterdir() if path.name.startswith((".pagefind", indexing.RECORDS_DIR)))


def test_the_index_is_made_after_start_returns_and_is_the_one_a_build_makes(site, tmp_path):
    background.start(site, job())
    result = background.wait(site)
    assert result["ok"], result
    reference = tmp_path / "reference"
    shutil.copytree(site, reference, ignore=shutil.ignore_patterns(indexing.BUNDLE_DIR, *background.OWN_FILES))
    assert files(site / indexing.BUNDLE_DIR) == files(run_job(reference, job()))
    assert leftovers(site) == []


def test_of_a_burst_of_saves_the_last_one_is_what_the_index_holds(site):
    page = site / "tekst/index.html"
    for word in ("prvi", "drugi", "treći"):
        page.write_text(page.read_text(encoding="utf-8").replace("kancelarije", f"kancelarije {word}"), "utf-8")
        background.start(site, job())
    assert background.wait(site)["ok"]
    assert "treći" in indexing.indexed(site / indexing.BUNDLE_DIR)["/tekst/"]["content"]
    assert leftovers(site) == []


def test_a_failed_index_keeps_the_old_one_and_the_next_preview_says_why(site, caplog):
    background.start(site, job())
    assert background.wait(site)["ok"]
    before = files(site / indexing.BUNDLE_DIR)

    background.start(site, job(expected=[*EXPECTED, "/nestalo/"]))
    failed = background.wait(site)
    assert not failed["ok"] and "nedostaje u indeksu: /nestalo/" in failed["message"]
    assert files(site / indexing.BUNDLE_DIR) == before and leftovers(site) == []
    with caplog.at_level(logging.WARNING):
        background.report_last_failure(site)
    assert "Pretraga u pregledu nije osvežena: Pretraga: indeks ne sadrži" in caplog.text
    said = pelican_log.problems(caplog.records, None, set())
    assert [(p.path, p.severity) for p in said] == [("sajt", WARNING)], "the preview is built: a warning, not an error"

    background.start(site, job())
    assert background.wait(site)["ok"]
    caplog.clear()
    background.report_last_failure(site)
    assert caplog.text == "", "a failure is said until an index succeeds"


def test_only_the_preview_indexes_in_the_background():
    assert background.wanted({"CONTENT_CHECK_MODE": "preview"})
    assert not background.wanted({"CONTENT_CHECK_MODE": "production"})
    assert not background.wanted({"CONTENT_CHECK_MODE": "preview", "SEARCH_IN_BACKGROUND": False})


def test_without_a_job_there_is_nothing_to_wait_for_or_run(site):
    assert background.wait(site) is None
    background.run_latest(site)  # (a process started for a job that `invoke clean` removed)
    assert not (site / indexing.BUNDLE_DIR).exists()


def test_removing_the_output_lets_no_index_bring_it_back(site, small_site, tmp_path, monkeypatch):
    from site_tools.preview import remove_builds

    queued = background.start(site, job())  # most likely removed before its process begins
    remove_builds(site, tmp_path / "cache")
    queued.wait(timeout=60)
    assert not site.exists()

    shutil.copytree(small_site, site)
    hold = tmp_path / "hold"  # the indexer waits, its new bundle written, until the test lets it go
    hold.touch()
    monkeypatch.setenv(background.HOLD_ENV, str(hold))
    running = background.start(site, job())
    deadline = time.monotonic() + 60
    while not leftovers(site) and running.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert leftovers(site), "Pagefind has written the new bundle beside the old one"
    finished_while_held = []  # by order, not by time: a removal that waited ends after the hold is gone

    def remove():
        remove_builds(site, tmp_path / "cache")
        finished_while_held.append(hold.exists())

    remover = threading.Thread(target=remove)
    remover.start()
    remover.join(timeout=0.5)  # time for a removal that does not wait to finish
    hold.unlink()
    remover.join(timeout=60)
    running.wait(timeout=60)
    assert finished_while_held == [False], "the removal waits for the index being made"
    assert not site.exists()
