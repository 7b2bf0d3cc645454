"""A build that crashes is said in Serbian, naming the content file when the error names one."""

from pathlib import Path
from types import SimpleNamespace

import pytest

import content_check
from shared import Problem


@pytest.fixture
def run(tmp_path, monkeypatch):
    content = tmp_path / "content"
    shown = lambda path: Path(path).relative_to(tmp_path).as_posix()  # noqa: E731
    monkeypatch.setattr(content_check, "current", SimpleNamespace(content=content, shown=shown))
    return content


def test_a_file_deleted_while_the_preview_builds_is_said_plainly(run):
    """Deleting a post and its photos while a rebuild reads them: no English error, no „send it to the maintainer”."""
    missing = FileNotFoundError(2, "No such file or directory", str(run / "images/foto-1.jpg"))
    problem = Problem(**content_check.crash_problem(missing, []))
    assert str(problem).startswith("content/images/foto-1.jpg: Fajl je obrisan ili premešten dok se sajt gradio")
    assert "FileNotFoundError" not in str(problem) and "održava" not in problem.hint


def test_any_other_crash_names_the_maintainer(run):
    problem = Problem(**content_check.crash_problem(ValueError("x"), []))
    assert str(problem).startswith("sajt: Izgradnja sajta nije uspela: ValueError: x")
    assert "osobi koja održava sajt" in problem.hint
