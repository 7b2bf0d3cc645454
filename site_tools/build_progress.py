"""What a running build is doing, for the live line on a terminal (site_tools/progress.py).

The Pelican run is a subprocess (site_tools/pipeline.py). When the parent asks
(VA_PROGRESS_FILE), the run counts content files read, pages written and share
cards drawn, and rewrites that small JSON file at most five times a second;
the parent reads it while it waits and turns it into one Serbian line:

    pročitano: 1021 fajl · napisano: 840 stranica · slike: 300/1022
"""

import json
import os
import sys
import time
from pathlib import Path

VARIABLE = "VA_PROGRESS_FILE"
INTERVAL = 0.2


class Counter:
    """In the Pelican run: counts through Pelican's signals and saves the counts now and then."""

    def __init__(self, path: str):
        self.path = Path(path)
        self.counts = {"read": 0, "written": 0}
        self.saved = 0.0

    def connect(self) -> None:
        from pelican import signals

        signals.content_object_init.connect(self.read, weak=False)
        signals.content_written.connect(self.written, weak=False)
        signals.finalized.connect(self.finished, weak=False)

    def read(self, sender, **kwargs) -> None:
        self.counts["read"] += 1
        self.save()

    def written(self, path, **kwargs) -> None:
        self.counts["written"] += 1
        self.save()

    def finished(self, pelican) -> None:
        self.save(force=True)

    def save(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.saved < INTERVAL:
            return
        self.saved = now
        painter = getattr(sys.modules.get("share_images"), "painter", None)  # the share cards, when the plugin runs
        counts = {**self.counts, **({"drawn": painter.drawn, "cards": painter.asked} if painter else {})}
        partial = self.path.with_name(self.path.name + ".tmp")
        partial.write_text(json.dumps(counts), encoding="utf-8")
        os.replace(partial, self.path)


def connect_from_environment() -> Counter | None:
    path = os.environ.get(VARIABLE)
    if not path:
        return None
    counter = Counter(path)
    counter.connect()
    return counter


def read_counts(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def describe(counts: dict) -> str:
    """The counts as the live line shows them."""
    from .check.report import counted

    parts = []
    if counts.get("read"):
        parts.append(f"pročitano: {counted(counts['read'], 'fajl', 'fajla', 'fajlova')}")
    if counts.get("written"):
        parts.append(f"napisano: {counted(counts['written'], 'stranica', 'stranice', 'stranica')}")
    if counts.get("cards") and counts.get("drawn", 0) < counts["cards"]:
        parts.append(f"slike: {counts['drawn']}/{counts['cards']}")
    return " · ".join(parts)


def shown_by(update):
    """An on_progress for build.run_pipeline that shows the counts through a progress.step's `update`."""
    return lambda counts: update(detail=describe(counts))
