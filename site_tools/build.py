"""Run Pelican the one way the project uses it: through site_tools/pipeline.py.

Each run is a subprocess (Pelican plugins connect signals at import, so
building twice in one process would run handlers twice), reads the content
once, checks it (plugins/content_check) and writes the site unless the mode
says otherwise:

- STRICT (builds for tests and `invoke publish`): any content error stops the
  run before anything is written;
- PREVIEW (`invoke build`, `serve`, `livereload`): the site is written anyway,
  so the author sees the rest of it while she fixes the problems;
- CHECK (`invoke check`): nothing is written.
"""

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import ROOT, build_progress
from .plugins import Problem

DEV_SETTINGS = "pelicanconf.py"
PROD_SETTINGS = "publishconf.py"
CHECK, PREVIEW, STRICT = "check", "preview", "production"


@dataclass(frozen=True)
class Document:
    """A content file as Pelican made it: its address and the rest read from Pelican's own object."""

    source: str  # content/posts/x.md
    template: str  # article, page, faq
    url: str  # relative to the site: "x/"
    save_as: str  # "x/index.html"; "" for what the build does not write (a draft in production)
    status: str  # published, draft (a scheduled post in production too), hidden


@dataclass
class BuildResult:
    problems: list[Problem] = field(default_factory=list)
    scheduled: list[tuple[str, datetime, str]] = field(default_factory=list)  # (file, date, preview URL or "")
    files: int = 0  # content files read
    written: bool = False  # the output holds this run's site
    published: list[tuple[str, str]] = field(default_factory=list)  # (file, address) gone live since the last preview
    documents: list["Document"] = field(default_factory=list)  # every content file Pelican made (drafts too)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


class BuildError(RuntimeError):
    """The content has errors or the build failed; `result` says which, the message lists them."""

    def __init__(self, result: BuildResult):
        from .check.report import format_report

        super().__init__(format_report(result))
        self.result = result


def pipeline_command(mode: str, settings: str, output: Path, report: Path, extra_settings: dict | None) -> list[str]:
    return [
        sys.executable,
        "-m",
        "site_tools.pipeline",
        mode,
        settings,
        str(output),
        str(report),
        json.dumps(extra_settings or {}),
    ]


def pelican_command(settings: str, output: Path, extra_settings: dict | None = None) -> list[str]:
    """One STRICT run into `output`, for running by hand or from another folder; problems go to stderr."""
    output = Path(output)
    return pipeline_command(STRICT, settings, output, output.with_name(output.name + ".report.json"), extra_settings)


def run_pipeline(
    mode: str,
    settings: str = DEV_SETTINGS,
    output: Path | str | None = None,
    extra_settings: dict | None = None,
    on_progress=None,
) -> BuildResult:
    """One read-check-write run; the result says what was found and whether the site was written.

    `on_progress(counts)`, when given, is called while the run works (build_progress.py says with what).
    """
    with tempfile.TemporaryDirectory(prefix="va-build-") as temporary:
        report = Path(temporary) / "report.json"
        target = Path(output) if output is not None else Path(temporary) / "output"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        if on_progress:
            env[build_progress.VARIABLE] = str(Path(temporary) / "progress.json")
        process = subprocess.Popen(
            pipeline_command(mode, settings, target, report, extra_settings),
            cwd=ROOT,
            env=env,
            stdout=None if os.environ.get("VA_DEBUG") else subprocess.DEVNULL,
            stderr=None if os.environ.get("VA_DEBUG") else subprocess.PIPE,
        )
        show = on_progress and (lambda: on_progress(build_progress.read_counts(env[build_progress.VARIABLE])))
        stderr = _wait(process, show)
        if show:
            show()  # the final counts
        if not report.is_file():
            said = (stderr or b"").decode("utf-8", "replace").strip().splitlines()
            detail = f": {said[-1]}" if said else f" (izlazni kod {process.returncode})"
            crash = Problem(
                "sajt",
                1,
                f"Izgradnja sajta nije uspela{detail}.",
                "Pošaljite ovu poruku osobi koja održava sajt (za detalje: VA_DEBUG=1 pre komande).",
            )
            return BuildResult(problems=[crash])
        data = json.loads(report.read_text(encoding="utf-8"))
    return BuildResult(
        problems=[Problem(**problem) for problem in data["problems"]],
        scheduled=[(shown, datetime.fromisoformat(date), url) for shown, date, url in data["scheduled"]],
        files=data["files"],
        written=data["written"],
        published=[tuple(item) for item in data.get("published", [])],
        documents=[Document(**document) for document in data.get("documents", [])],
    )


def _wait(process: subprocess.Popen, poll=None) -> bytes | None:
    """Wait for `process` (reading its stderr, so it never blocks on a full pipe); call `poll` meanwhile."""
    while True:
        try:
            return process.communicate(timeout=build_progress.INTERVAL if poll else None)[1]
        except subprocess.TimeoutExpired:
            poll()


def build(
    settings: str = DEV_SETTINGS,
    output: Path | str = ROOT / "output",
    extra_settings: dict | None = None,
    quiet: bool = False,
    mode: str = STRICT,
    on_progress=None,
) -> BuildResult:
    """Build the site into `output`; raise BuildError if the content has errors or the build failed."""
    result = run_pipeline(mode, settings, output, extra_settings, on_progress)
    if not result.ok or not result.written:
        raise BuildError(result)
    if not quiet:
        from .check.report import format_report

        print(format_report(result))
    return result
