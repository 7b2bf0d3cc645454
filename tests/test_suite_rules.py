"""The suite's own rules (conftest.py, pytest.ini): a check that does not run fails the run."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("test", "said"),
    [
        ('def test_x():\n    pytest.skip("later")\n', "1 skipped: a skipped check fails the run"),
        ('@pytest.mark.parametrize("case", [])\ndef test_x(case):\n    pass\n', "Empty parameter set in 'test_x'"),
    ],
)
def test_a_skipped_or_empty_test_fails_the_run(tmp_path, test, said):
    shutil.copy(ROOT / "conftest.py", tmp_path / "conftest.py")
    shutil.copy(ROOT / "pytest.ini", tmp_path / "pytest.ini")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_it.py").write_text("import pytest\n\n\n" + test, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "tests"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert run.returncode != 0 and said in run.stdout, run.stdout
