"""Named pause points, so tests can kill a publish (kill -9) at an exact moment.

With VA_TEST_PAUSE_AT=<name> in the environment, reaching `pause_point(name)`
prints "PAUSED <name>" and sleeps until the process is killed. Without it,
a pause point does nothing.
"""

import os
import sys
import time

ENV = "VA_TEST_PAUSE_AT"


def pause_point(name: str) -> None:
    if os.environ.get(ENV) == name:
        print(f"PAUSED {name}", flush=True)
        sys.stderr.flush()
        while True:
            time.sleep(60)
