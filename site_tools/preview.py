"""The development build behind `invoke build`, `serve` and `livereload`.

One pipeline run reads, checks and writes the preview. Content problems are
shown but do not stop it: the author should still see the rest of the site
(and her draft) while she fixes them. Only content that cannot be written
safely, or a build that fails, leaves the previous output in place.
"""

import shutil
from dataclasses import dataclass
from pathlib import Path

from . import ROOT, progress
from .build import DEV_SETTINGS, PREVIEW, run_pipeline
from .build_progress import shown_by
from .check.report import format_report
from .plugins import search_background
from .preview_address import announced

OUTPUT = ROOT / "output"


@dataclass(frozen=True)
class Preview:
    built: bool  # the output holds a fresh build
    clean: bool  # and the content check found no error


def checked_build(output: Path = OUTPUT, say=print) -> Preview:
    """Build the preview, printing what the check finds."""
    with progress.step("Gradim pregled") as update:
        result = run_pipeline(
            PREVIEW, DEV_SETTINGS, output, on_progress=shown_by(update) if progress.enabled() else None
        )
    if result.problems or result.scheduled or result.published:
        say(format_report(result))
    if not result.written:
        say(
            "Pregled nije osvežen: sajt ne može da se izgradi dok se ne poprave greške iznad. Sačuvajte fajl ponovo posle ispravke."
        )
    elif result.ok:
        say("Sajt je izgrađen.")
    else:
        say(
            "Pregled je izgrađen, ali sadržaj ima probleme (pogledajte iznad); objavljivanje (`make publish`) ih neće propustiti."
        )
    return Preview(built=result.written, clean=result.ok)


def serve_checked(port: int, host: str = "127.0.0.1") -> bool:
    """`invoke serve`: build the preview once, then serve it until Ctrl+C; False if it could not be built."""
    from .server import serve_forever

    with announced(f"http://{host}:{port}/"):  # from the build on: its report may give a page's address
        if not checked_build().built:
            return False
        serve_forever(OUTPUT, host, port)
    return True


def remove_builds(output: Path = OUTPUT, cache: Path = ROOT / "cache") -> None:
    """Remove the preview and every build's cache (`invoke clean`), once a search index being made in it is done."""
    with search_background.paused(output):
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
