"""How a command the author stops with Ctrl+C ends: with a word in Serbian and exit status 130.

130 is the shell's „stopped by Ctrl+C” (128 + SIGINT), where invoke would exit
with 1, as for any failure. The Makefile's author commands take 130 as done
(CTRL_C_IS_DONE): make stops on Ctrl+C itself, and a recipe that failed would
add „make: *** [Makefile:NN: publish] Error 130”, in English, under the
Serbian message. (A command killed by SIGINT fares no better: make says
„Interrupt”.)"""

import sys
from contextlib import contextmanager

STOPPED = "Prekinuto (Ctrl+C)."
EXIT_STATUS = 130


class Explained(KeyboardInterrupt):
    """A Ctrl+C the command has already told the author about (what was left as it was)."""


@contextmanager
def ends_like_ctrl_c(say=print):
    """Around a task: Ctrl+C says so (unless already Explained) and exits with EXIT_STATUS."""
    try:
        yield
    except KeyboardInterrupt as stop:
        if not isinstance(stop, Explained):
            say(f"\n{STOPPED}")
        sys.exit(EXIT_STATUS)
