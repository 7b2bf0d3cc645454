"""`invoke check`: the content judged as Pelican reads it, nothing written.

The check itself is plugins/content_check, inside the one pipeline run that
every build uses (site_tools/build.py); this module asks for a run that stops
before writing and hands back what it found.
"""

from datetime import datetime
from pathlib import Path

from ..build import CHECK, DEV_SETTINGS, BuildResult, run_pipeline

CheckResult = BuildResult

__all__ = ["CheckResult", "run_check"]


def run_check(content: Path | None = None, now: datetime | None = None) -> CheckResult:
    """Check `content` (the project's content/ by default); `now` fixes the time for scheduled posts."""
    extra = {}
    if content is not None:
        extra["PATH"] = str(content)
    if now is not None:
        extra["BUILD_NOW"] = now.isoformat()
    return run_pipeline(CHECK, DEV_SETTINGS, extra_settings=extra)
