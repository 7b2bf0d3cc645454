import subprocess
import sys

import pytest

from . import ROOT
from .interrupt import EXIT_STATUS, STOPPED


def run(*lines: str) -> subprocess.CompletedProcess:
    """A task whose body is `lines`, run in its own Python as invoke would run it."""
    body = "".join(f"    {line}\n" for line in lines)
    script = (
        "from site_tools.interrupt import Explained, ends_like_ctrl_c\n"
        f"@ends_like_ctrl_c()\ndef task():\n{body}\n"
        "task()\nprint('not reached')\n"
    )
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_ctrl_c_says_so_and_exits_as_the_shell_says_ctrl_c():
    done = run("print('radim', flush=True)", "raise KeyboardInterrupt")
    assert done.returncode == EXIT_STATUS == 130
    assert done.stdout == f"radim\n\n{STOPPED}\n" and done.stderr == ""


def test_a_ctrl_c_already_explained_ends_it_without_a_second_message():
    done = run("print('Objavljivanje je prekinuto (Ctrl+C).')", "raise Explained")
    assert done.returncode == EXIT_STATUS
    assert done.stdout == "Objavljivanje je prekinuto (Ctrl+C).\n"


def test_an_interrupt_that_names_another_signal_exits_with_its_status():
    done = run("raise KeyboardInterrupt(15)")  # publish's SIGTERM, after its own message
    assert done.returncode == 128 + 15


@pytest.mark.parametrize("body, code", [("pass", 0), ("raise SystemExit(1)", 1)])
def test_a_task_that_ends_otherwise_is_left_alone(body, code):
    done = run(body)
    assert done.returncode == code and STOPPED not in done.stdout
    assert ("not reached" in done.stdout) == (code == 0)
