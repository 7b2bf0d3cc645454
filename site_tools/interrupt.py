"""How a command the author stops with Ctrl+C ends: with a word in Serbian and exit status 130.

130 is the shell's „stopped by Ctrl+C” (128 + SIGINT), where invoke would exit
with 1, as for any failure. The Makefile runs the author's commands through
`run`, which takes 130 as done when its shell heard the terminal's Ctrl+C too:
make stops on Ctrl+C by itself, and a recipe that failed would add „make: ***
[Makefile:NN: publish] Error 130”, in English, under the Serbian message. (A
command killed by SIGINT fares no better: make says „Interrupt”.)"""

import signal
import sys
from contextlib import contextmanager

STOPPED = "Prekinuto (Ctrl+C)."
EXIT_STATUS = 128 + signal.SIGINT  # 130


class Explained(KeyboardInterrupt):
    """A Ctrl+C the command has already told the author about (what was left as it was)."""


@contextmanager
def ends_like_ctrl_c(say=print):
    """Around a task: Ctrl+C says so (unless already Explained) and exits with EXIT_STATUS, or 128 + the
    signal a KeyboardInterrupt names (publish turns a closed terminal's SIGHUP and a SIGTERM into one)."""
    try:
        yield
    except KeyboardInterrupt as stop:
        if not isinstance(stop, Explained):
            say(f"\n{STOPPED}")
        named = stop.args[0] if stop.args and isinstance(stop.args[0], int) else signal.SIGINT
        sys.exit(128 + named)
