"""Run Pelican the one way the project uses it: as a subprocess, warnings fatal.

A subprocess keeps every build independent (Pelican plugins connect signals
at import, so building twice in one process would run handlers twice).
"""

import json
import subprocess
import sys
from pathlib import Path

from . import ROOT

DEV_SETTINGS = "pelicanconf.py"
PROD_SETTINGS = "publishconf.py"


class BuildError(RuntimeError):
    """Pelican failed; the message holds what it printed."""


def pelican_command(settings: str, output: Path, extra_settings: dict | None = None) -> list[str]:
    command = [
        sys.executable, "-m", "pelican", "content",
        "--settings", settings,
        "--output", str(output),
        "--fatal", "warnings",
    ]
    if extra_settings:
        # One flag for all pairs: Pelican keeps only the last --extra-settings given.
        command += ["--extra-settings", *(f"{key}={json.dumps(value)}" for key, value in extra_settings.items())]
    return command


def build(
    settings: str = DEV_SETTINGS,
    output: Path | str = ROOT / "output",
    extra_settings: dict | None = None,
    quiet: bool = False,
) -> subprocess.CompletedProcess:
    """Build the site into `output`; raise BuildError with Pelican's output if it fails."""
    result = subprocess.run(
        pelican_command(settings, Path(output), extra_settings),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildError(f"Pelican build failed ({settings}):\n{result.stdout}{result.stderr}")
    if not quiet:
        print(result.stdout, end="")
    return result
