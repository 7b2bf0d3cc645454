"""The preview's search index, made after the preview build has returned.

After an edit, Pagefind indexing both editions again is the largest part of a
preview rebuild (about 3 s of 7 at 1,000 posts), and the author is waiting for
her page, not for search. So a preview build (`invoke build`, `make serve`)
hands the indexing to a process of its own and returns: the browser reloads
at once, and the index follows a few seconds later. Production builds
(`invoke publish`) index inside the build and stop it if the index is wrong.

- The build writes the job (search.index_job(): plain data) to JOB_FILE in the
  output, then starts `python -m search.background OUTPUT`.
- Jobs run one at a time (LOCK_FILE). A process runs whatever job is latest
  when its turn comes, so a burst of saves is indexed once more, not once each.
- The new bundle is made beside the old one and swapped in whole; the search
  page never loads half of one.
- The outcome goes to RESULT_FILE. If the latest job failed, the next preview
  build reports why (and the old index stays in place meanwhile).
- `paused(output)` holds the indexing off while the output is removed.
- `wait(output)` returns once the latest job has run, `site_files(output)` the
  site then (tests, the bench).

SEARCH_IN_BACKGROUND = False makes the preview index inside the build too.
"""

import fcntl
import json
import logging
import os
import shutil
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from .indexing import BUNDLE_DIR

logger = logging.getLogger(__name__)

JOB_FILE = ".pretraga-posao.json"  # the latest job a build asked for
RESULT_FILE = ".pretraga-rezultat.json"  # {"id", "ok", "message"} of the last job run to its end
LOCK_FILE = ".pretraga.lock"
OWN_FILES = {JOB_FILE, RESULT_FILE, LOCK_FILE}  # the indexer's bookkeeping, not part of the site
WORK_PREFIX = ".pagefind-"  # bundles being made or replaced, hidden beside pagefind/
PLUGINS = Path(__file__).resolve().parent.parent


def wanted(settings) -> bool:
    return settings.get("CONTENT_CHECK_MODE") == "preview" and settings.get("SEARCH_IN_BACKGROUND", True)


def start(output: Path, job: dict) -> subprocess.Popen:
    """Make `job` the latest and start a process that indexes it (the build does not wait for it)."""
    _write(output / JOB_FILE, {**job, "id": uuid.uuid4().hex})
    path = os.pathsep.join(filter(None, [str(PLUGINS), os.environ.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, "-m", "search.background", str(output)],
        env={**os.environ, "PYTHONPATH": path},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # Ctrl+C in `make serve` stops the server, not a half-written index
    )


def report_last_failure(output: Path) -> None:
    """Log (so the preview shows it) why the last background index failed, if it did."""
    result = _read(output / RESULT_FILE)
    if result and not result.get("ok"):
        logger.warning("Pretraga u pregledu nije osvežena: %s", result.get("message", ""))


def wait(output: Path, timeout: float = 300) -> dict | None:
    """The result of the latest job once it has run (None if no job was ever asked for)."""
    deadline = time.monotonic() + timeout
    while True:
        job = _read(output / JOB_FILE)
        if job is None:
            return None
        result = _read(output / RESULT_FILE)
        if result and result["id"] == job["id"]:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"the search index in {output} was not made within {timeout} s")
        time.sleep(0.05)


def site_files(output: Path) -> dict[str, bytes]:
    """The site in `output` once its index is in place: {path: bytes}, without this module's own files."""
    result = wait(output)
    if result is not None and not result["ok"]:
        raise RuntimeError(f"the search index of {output} failed: {result['message']}")
    files = (path for path in output.rglob("*") if path.is_file() and path.name not in OWN_FILES)
    return {path.relative_to(output).as_posix(): path.read_bytes() for path in files}


@contextmanager
def paused(output: Path):
    """While inside, no index is being made in `output`: one being made is finished first (`invoke clean`)."""
    if not output.is_dir():
        yield
        return
    with open(output / LOCK_FILE, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def run_latest(output: Path) -> None:
    """Index the latest job unless it has run already; one process at a time."""
    from . import run_job  # the package, which imports this module

    with open(output / LOCK_FILE, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        job = _read(output / JOB_FILE)
        done = _read(output / RESULT_FILE)
        if job is None or (done and done["id"] == job["id"]):
            return
        for leftover in output.glob(WORK_PREFIX + "*"):  # from a process that was killed
            shutil.rmtree(leftover, ignore_errors=True)
        made = output / f"{WORK_PREFIX}{job['id']}"
        try:
            run_job(output, job, made)
            _held_by_test()
            _swap(made, output / BUNDLE_DIR)
            result = {"id": job["id"], "ok": True, "message": ""}
        except Exception as error:  # whatever it is, the next preview build says it
            shutil.rmtree(made, ignore_errors=True)
            result = {"id": job["id"], "ok": False, "message": str(error) or type(error).__name__}
        latest = _read(output / JOB_FILE)
        if result["ok"] or (latest and latest["id"] == job["id"]):  # a failure of a superseded job is not news
            _write(output / RESULT_FILE, result)


HOLD_ENV = "VA_TEST_HOLD_INDEX"  # a file: while it exists, a made bundle waits to be swapped in (tests)


def _held_by_test() -> None:
    """Tests hold the indexer here, its new bundle written, to remove the output meanwhile."""
    hold = os.environ.get(HOLD_ENV)
    while hold and os.path.exists(hold):
        time.sleep(0.01)


def _swap(made: Path, bundle: Path) -> None:
    old = made.with_name(made.name + "-old")
    if bundle.exists():
        bundle.rename(old)
    made.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)


def _read(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write(path: Path, data: dict) -> None:
    """Whole or not at all: a reader never sees half a file."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)


if __name__ == "__main__":
    try:
        run_latest(Path(sys.argv[1]))
    except OSError:  # the output folder was removed meanwhile (`invoke clean`): nothing to index into
        pass
