"""Progress for the long steps of a publish: a live line (rich) on a terminal, nothing otherwise.

    with progress.step("Izgradnja") as update:      # a spinner with the time so far
        ...
    with progress.step("Slanje fajlova") as update:  # a bar once update(done, total) is called
        target.deploy(staging, progress=update)
    with progress.step("Pelican gradi sajt") as update:  # or words: update(detail="napisano 40 stranica")
        ...

The live line is transient: when the step ends it disappears and only the
step's own messages stay, so a terminal shows the same record as a log. Off a
terminal (a pipe, CI, a log file), `step` does nothing at all.
"""

import os
import sys
from contextlib import contextmanager


def enabled(stream=None) -> bool:
    stream = stream or sys.stdout
    return (
        bool(getattr(stream, "isatty", lambda: False)())
        and os.environ.get("TERM") != "dumb"
        and not os.environ.get("CI")
    )


@contextmanager
def step(description: str, stream=None):
    """Show `description` live while the block runs; yield update(done, total)."""
    if not enabled(stream):
        yield _ignore
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(file=stream or sys.stdout)
    with Progress(
        SpinnerColumn(),
        TextColumn("      {task.description}"),
        BarColumn(),
        TextColumn("{task.fields[counted]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(description, total=None, counted="")

        def update(done: int = 0, total: int | None = None, detail: str = "") -> None:
            progress.update(task, completed=done, total=total, counted=f"{done}/{total}" if total else detail)

        yield update


def _ignore(done: int = 0, total: int | None = None, detail: str = "") -> None:
    pass
