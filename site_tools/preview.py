"""The development build behind `invoke build`, `serve` and `livereload`: check, then build.

Check problems are shown but do not stop the preview: the author should still
see the rest of the site (and her draft) while she fixes them. Only a build
that Pelican itself cannot finish leaves the previous output in place.
"""

from dataclasses import dataclass
from pathlib import Path

from . import ROOT
from .build import DEV_SETTINGS, BuildError, build
from .check import run_check
from .check.report import format_report

OUTPUT = ROOT / "output"


@dataclass(frozen=True)
class Preview:
    built: bool  # the output holds a fresh build
    clean: bool  # and the content check found nothing


def checked_build(output: Path = OUTPUT, say=print) -> Preview:
    """Check the content (printing what it finds), then build the preview."""
    result = run_check()
    if not result.ok or result.scheduled:
        say(format_report(result))
    try:
        build(DEV_SETTINGS, output, quiet=True)
    except BuildError as error:
        say(str(error))
        say("Pregled nije osvežen: izgradnja nije uspela. Popravite probleme iznad i sačuvajte fajl ponovo.")
        return Preview(built=False, clean=False)
    if result.ok:
        say("Sajt je izgrađen.")
    else:
        say("Pregled je izgrađen, ali sadržaj ima probleme (vidi iznad); `invoke publish` ih neće propustiti.")
    return Preview(built=True, clean=result.ok)
