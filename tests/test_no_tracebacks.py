"""No content makes a task print a Python traceback (issue "One pipeline").

Every file under the test data folders is fed to `invoke check` on its own,
and all of them at once to `invoke check`, `build` (the preview; live reload
runs the same rebuild) and `publish`: each names the files, exits non-zero
and shows no traceback; publish leaves the live site unchanged.
"""

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, invoke
from publishing import publish, publish_env
from site_tools.build import CHECK, run_pipeline

BAD_FOLDERS = [ROOT / "site_tools/check/testdata/bad", ROOT / "plugins/faq/testdata/bad"]
TEST_SITE = ROOT / "site_tools/check/testdata/site"  # what the check's bad files refer to
BAD_FILES = sorted(path for folder in BAD_FOLDERS for path in folder.rglob("*") if path.is_file())
FAQ_BAD = ROOT / "plugins/faq/testdata/bad"


def placed(path: Path) -> str:
    """Where a test file goes under content/: its folder in testdata, FAQ test files as named by their case."""
    if path.parent == FAQ_BAD:
        return ("posts/" if path.name.startswith("post_") else "faq/") + path.name
    return path.relative_to(path.parents[1]).as_posix()


@pytest.mark.parametrize("path", BAD_FILES, ids=[placed(p) for p in BAD_FILES])
def test_each_bad_file_gets_a_message_naming_it(tmp_path, path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" if path.is_relative_to(FAQ_BAD) else TEST_SITE, content)
    (content / placed(path)).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, content / placed(path))
    result = run_pipeline(CHECK, extra_settings={"PATH": str(content)})
    assert [p.path for p in result.errors] == [f"content/{placed(path)}"], "\n".join(map(str, result.problems))
    assert not any("Traceback" in p.message or "Izgradnja sajta" in p.message for p in result.problems)


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory):
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("broken") / "project")
    shutil.copytree(TEST_SITE, project / "content", dirs_exist_ok=True)
    for path in BAD_FILES:
        (project / "content" / placed(path)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, project / "content" / placed(path))
    return project


@pytest.mark.parametrize("task", [["check"], ["build"], ["publish"], ["publish", "--dry-run"]])
def test_every_task_reports_all_bad_files_without_a_traceback(broken_project, tmp_path, task):
    env = publish_env("https://primer.rs", VA_DEPLOY_DIR=str(tmp_path / "site"))
    result = publish(broken_project, env, *task[1:]) if task[0] == "publish" else invoke(broken_project, *task)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output and "RuntimeError" not in output
    for path in BAD_FILES:
        assert f"content/{placed(path)}:" in output, placed(path)
    assert not (tmp_path / "site").exists(), "nothing was published"
