"""Where the preview runs now, for the commands that print a preview address.

`make serve` (and `invoke serve`) may listen on another port than 8000
(make PORT=8001). While it runs, it keeps its address in cache/preview.json,
so `make post` and the build's report print the address the author has open.
A file left behind by a preview that was stopped names a process that is gone,
and is ignored: the address is then the default one.
"""

import json
import os
from contextlib import contextmanager
from pathlib import Path

from . import ROOT

DEFAULT = "http://127.0.0.1:8000/"
STATE = ROOT / "cache" / "preview.json"


@contextmanager
def announced(address: str, state: Path | None = None):
    """While the block runs, `current()` (in any process) says `address`."""
    state = state or STATE
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps({"pid": os.getpid(), "address": address}), encoding="utf-8")
    try:
        yield
    finally:
        if _read(state).get("pid") == os.getpid():  # not a newer preview's
            state.unlink(missing_ok=True)


def current(state: Path | None = None) -> str:
    """The running preview's address ("http://127.0.0.1:8001/"), or the default one."""
    data = _read(state or STATE)
    address, pid = data.get("address"), data.get("pid")
    if isinstance(address, str) and isinstance(pid, int) and pid > 0 and _alive(pid):
        return address
    return DEFAULT


def _read(state: Path) -> dict:
    try:
        data = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True
