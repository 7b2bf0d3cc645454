"""`invoke bench`: how long our builds take at scale, against stock Pelican + typogrify (and Hugo).

    from site_tools.bench import run_bench
    result = run_bench(posts=1000)   # prints a table, returns (and writes) the JSON

N synthetic posts (posts.py) go into a temporary copy of the project, with a
local deploy target in it; the same content goes into a stock Pelican site
(stock.py) and, when a `hugo` binary exists, a Hugo site (hugo.py). Then,
interleaved so that a busy machine slows every side alike: a cold production
build (no caches), a warm one (caches from the cold one kept), `invoke build`
after editing one post (and when its search index, made after the build
returns, is ready), and `invoke publish --dry-run`, each with its wall
time and peak memory (measure.py). Nothing in the project itself is touched.
"""

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .. import ROOT
from .. import settings as site_settings
from ..plugins import search_background
from . import hugo, stock
from .measure import Run, timed
from .posts import edit_post, write_posts
from .table import format_table

ROWS = {
    "cold": "production build, no caches (cold)",
    "warm": "production build, caches kept (warm)",
    "edit": "`invoke build` after editing one post",
    "edit_search": "… and its search index updated (in the background)",
    "publish": "`invoke publish --dry-run`",
}
DEFAULT_JSON = ROOT / "cache" / "bench" / "latest.json"


def run_bench(
    posts: int = 1000,
    compare_stock: bool = True,
    stock_python: str | None = None,
    rounds: int = 1,
    json_path: Path | None = DEFAULT_JSON,
    say=print,
) -> dict:
    """Measure; print the table; write and return the JSON (`ok` is False if any build failed)."""
    categories = list(site_settings.load()["CATEGORIES"])
    with tempfile.TemporaryDirectory(prefix="va-bench-") as temporary:
        work = Path(temporary)
        ours = copy_project(work / "ours")
        edited = write_posts(ours / "content", posts, categories)[posts // 2]
        sides = {"ours": _Ours(ours, work / "ours-output", edited)}
        if compare_stock:
            python = stock_python
            if python is None:
                say("Installing stock Pelican + typogrify (requirements-bench.txt) into a temporary virtualenv…")
                python = stock.make_venv(work / "stock-venv")
            sides["stock"] = _Stock(stock.make_site(work / "stock", ours / "content"), python, work / "stock-output")
        if hugo.binary():
            sides["hugo"] = _Hugo(hugo.make_site(work / "hugo", posts, categories), work / "hugo-output")
        runs = {side: {row: [] for row in ROWS} for side in sides}
        for round_number in range(rounds):
            for row in ROWS:  # interleaved: each measurement on every side before the next one
                for name, side in sides.items():
                    measure = getattr(side, row, None)
                    if measure:
                        say(f"[{round_number + 1}/{rounds}] {ROWS[row]}: {name}…")
                        runs[name][row].append(measure())
    result = _result(posts, rounds, runs)
    say(format_table(result))
    for name, rows in result["sides"].items():
        for row, run in rows.items():
            if not run["ok"]:
                say(f"{name}, {ROWS[row]} failed:\n{run['detail']}")
    if json_path:
        json_path = Path(json_path)
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
        say(f"JSON: {json_path}")
    return result


def copy_project(copy: Path) -> Path:
    """The project's files (not its builds, caches, installs or deploy settings), plus a local deploy target."""
    top_level = {".git", ".venv", "node_modules", "output", "cache", "deploy", "deploy.toml", ".publish.lock", "tests"}
    anywhere = shutil.ignore_patterns(".*cache", "__pycache__", "*.pyc")

    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = top_level if Path(folder) == ROOT else set()
        return (skipped & set(names)) | anywhere(folder, names)

    shutil.copytree(ROOT, copy, ignore=ignore)
    (copy / "deploy.toml").write_text('target = "local"\ndir = "deploy"\n', encoding="utf-8")
    return copy


def clean_environment(root: Path) -> dict:
    """This environment without the publishing, test and debug settings of the one running the bench."""
    kept = {key: value for key, value in os.environ.items() if not key.startswith(("VA_", "AWS_"))}
    return {**kept, "PYTHONPATH": str(root)}


class _Ours:
    def __init__(self, root: Path, output: Path, edited: Path):
        self.root, self.output, self.edited = root, output, edited
        self.python = sys.executable
        self.invoke = str(Path(sys.executable).parent / "invoke")
        self.env = clean_environment(root)
        self.searched = Run(0.0, 0.0, False, detail="the edit was not measured")

    def _production(self) -> Run:
        shutil.rmtree(self.output, ignore_errors=True)  # a publish builds into a new folder every time
        report = self.output.with_name("ours-report.json")
        command = [
            self.python,
            "-m",
            "site_tools.pipeline",
            "production",
            "publishconf.py",
            str(self.output),
            str(report),
        ]
        return timed(command, self.root, self.env, self.output)

    def cold(self) -> Run:
        shutil.rmtree(self.root / "cache", ignore_errors=True)
        return self._production()

    def warm(self) -> Run:
        return self._production()

    def edit(self) -> Run:
        preview = timed([self.invoke, "build"], self.root, self.env)  # the preview as it was before the save
        if not preview.ok:
            return preview
        edit_post(self.edited)
        built = timed([self.invoke, "build"], self.root, self.env, self.root / "output")
        started = time.perf_counter()  # the preview's index is made after `invoke build` returns
        searched = search_background.wait(self.root / "output") if built.ok else None
        ready = round(built.seconds + time.perf_counter() - started, 3)
        self.searched = Run(ready, 0.0, bool(searched and searched["ok"]), detail=str(searched))
        return built

    def edit_search(self) -> Run:
        return self.searched

    def publish(self) -> Run:
        return timed([self.invoke, "publish", "--dry-run"], self.root, self.env)


class _Stock:
    def __init__(self, root: Path, python: str, output: Path):
        self.root, self.python, self.output = root, python, output

    def cold(self) -> Run:  # stock Pelican keeps no cache: cold and warm differ only by the OS's file cache
        shutil.rmtree(self.output, ignore_errors=True)
        return timed(stock.build_command(self.python, self.output), self.root, output=self.output)

    warm = cold


class _Hugo:
    def __init__(self, root: Path, output: Path):
        self.root, self.output = root, output

    def cold(self) -> Run:
        shutil.rmtree(self.output, ignore_errors=True)
        return timed(hugo.build_command(self.output), self.root, output=self.output)

    warm = cold


def _result(posts: int, rounds: int, runs: dict) -> dict:
    sides = {
        name: {row: _median(measured) for row, measured in rows.items() if measured} for name, rows in runs.items()
    }
    return {
        "posts": posts,
        "rounds": rounds,
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "rows": ROWS,
        "sides": sides,
        "ok": all(run["ok"] for rows in sides.values() for run in rows.values()),
    }


def _median(measured: list[Run]) -> dict:
    """The run with the median time, with the highest peak memory of all rounds."""
    ordered = sorted(measured, key=lambda run: run.seconds)
    middle = ordered[(len(ordered) - 1) // 2].as_dict()
    middle["ok"] = all(run.ok for run in measured)
    middle["peak_mb"] = max(run.peak_mb for run in measured)
    middle["seconds_all"] = [run.seconds for run in measured]
    if len(measured) > 1:
        middle["seconds_spread"] = round(ordered[-1].seconds - ordered[0].seconds, 3)
    return middle
