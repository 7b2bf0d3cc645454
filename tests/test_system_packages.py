"""scripts/install-system-packages.sh, the first thing `make` runs: what the author is told
when her machine cannot run the site as it is (a fake python3.11 and id stand in)."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts/install-system-packages.sh"


def run_with(tmp_path, python: str, uid: str = "1000") -> subprocess.CompletedProcess:
    fake = tmp_path / "bin"
    fake.mkdir()
    for name, body in (("python3.11", python), ("id", f"echo {uid}")):
        (fake / name).write_text(f"#!/bin/bash\n{body}\n")
        (fake / name).chmod(0o755)
    env = {"PATH": f"{fake}:/usr/bin:/bin"}
    return subprocess.run(["bash", str(SCRIPT), "site"], capture_output=True, text=True, env=env, timeout=30)


OLD_PYTHON = 'case "$2" in *version_info*) exit 1;; *python_version*) echo 3.10.12;; esac'
WITHOUT_VENV = 'case "$2" in *ensurepip*) exit 1;; *) exit 0;; esac'


@pytest.mark.parametrize(
    ("python", "said"),
    [
        (  # Debian 11, Ubuntu 22.04: apt has no newer Python to offer
            OLD_PYTHON,
            [
                "Sajtu treba Python 3.11 ili noviji, a na ovom računaru je 3.10.12.",
                "Potreban je Debian 12 ili Ubuntu 24.04 (ili noviji); na Windowsu, u WSL-u izaberite Ubuntu 24.04.",
            ],
        ),
        (  # not root: the line to type, with sudo
            WITHOUT_VENV,
            [
                "Nedostaju programi koje sajt koristi: python3-venv. Instalirajte ih jednom, sa lozinkom administratora:",
                "  sudo apt-get install python3-venv",
                "pa ponovo pokrenite make.",
            ],
        ),
    ],
)
def test_a_machine_that_cannot_run_the_site_is_told_what_to_do_in_serbian(tmp_path, python, said):
    done = run_with(tmp_path, python)
    assert done.returncode == 1
    assert done.stderr.splitlines() == said


def test_a_machine_with_everything_passes_quietly(tmp_path):
    done = run_with(tmp_path, "exit 0")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
