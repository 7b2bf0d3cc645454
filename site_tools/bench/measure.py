"""One timed command: wall time, peak memory of its process tree, and whether it succeeded."""

import os
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Run:
    seconds: float
    peak_mb: float  # the largest resident set of any one process in the tree (wait4's ru_maxrss)
    ok: bool
    pages: int = 0  # HTML files in the output, when there is one
    detail: str = ""  # the end of the command's output when it failed

    def as_dict(self) -> dict:
        return asdict(self)


def timed(command: list[str], cwd: Path, env: dict | None = None, output: Path | None = None) -> Run:
    """Run `command` in `cwd` and measure it; `output` is the folder it writes, counted when given."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        ok = process.returncode == 0
        detail = ""
        if not ok:
            log.seek(0)
            detail = log.read().decode("utf-8", "replace")[-2000:]
    pages = sum(1 for _ in Path(output).rglob("*.html")) if output and Path(output).is_dir() else 0
    return Run(round(seconds, 3), round(usage.ru_maxrss / 1024, 1), ok, pages, detail)
