"""Named fault points, so tests can stop or break a publish at an exact moment.

- VA_TEST_PAUSE_AT=<name>: reaching `pause_point(name)` prints "PAUSED <name>"
  and sleeps until the process is killed (the kill -9 tests).
- VA_TEST_FAIL_AT=<name>:<ERRNO>: reaching `fail_point(name)` raises the OSError
  the system would, e.g. local:copying:ENOSPC for a full disk (root, as tests
  run, cannot be refused a write by permissions, and a real full disk would
  disturb everything else on the machine).

Without them, both do nothing.
"""

import errno
import os
import sys
import time

ENV = "VA_TEST_PAUSE_AT"
FAIL_ENV = "VA_TEST_FAIL_AT"


def pause_point(name: str) -> None:
    if os.environ.get(ENV) == name:
        print(f"PAUSED {name}", flush=True)
        sys.stderr.flush()
        while True:
            time.sleep(60)


def fail_point(name: str, filename: str | None = None, filename2: str | None = None) -> None:
    """`filename2`: the second file the failing call names (shutil.copyfile's error names source and target)."""
    point, _, code = os.environ.get(FAIL_ENV, "").rpartition(":")
    if point == name:
        number = getattr(errno, code)
        raise OSError(number, os.strerror(number), filename, None, filename2)
