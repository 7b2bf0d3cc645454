"""`invoke publish` to a Git branch (GitHub Pages style), against a local bare repository."""

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import free_port, invoke
from git_http import git_http_server
from publishing import edit_about_page, kill_publish_at, publish, publish_env, publish_ok, rollback_ok
from site_tools.deploy.releases import describe_moment

BRANCH = "gh-pages"


def git(repository: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repository), *args], capture_output=True, text=True, check=True).stdout


def branch_files(repository: Path) -> dict[str, str]:
    """path → blob id on the branch."""
    listing = git(repository, "ls-tree", "-r", BRANCH)
    return {line.split("\t", 1)[1]: line.split()[2] for line in listing.splitlines()}


def show(repository: Path, path: str) -> str:
    return git(repository, "show", f"{BRANCH}:{path}")


@pytest.fixture
def site(project_copy, tmp_path):
    repository = tmp_path / "pages.git"
    subprocess.run(["git", "init", "-q", "--bare", str(repository)], check=True)
    env = publish_env("https://vavodic.rs", VA_DEPLOY_TARGET="git", VA_DEPLOY_GIT=str(repository))
    return project_copy, env, repository


def test_publish_commits_the_site_to_the_branch_with_cname_and_nojekyll(site):
    project, env, repository = site
    result = publish_ok(project, env)
    assert f"Git grana {BRANCH} u {repository}" in result.stdout
    files = branch_files(repository)
    assert "index.html" in files and "kontakt/index.html" in files
    assert ".nojekyll" in files
    assert show(repository, "CNAME") == "vavodic.rs\n", "the site's own domain, from SITEURL"
    assert "https://vavodic.rs/kontakt/" in show(repository, "index.html")
    assert git(repository, "rev-list", "--count", BRANCH).strip() == "1"

    edit_about_page(project, "gitverzija2")
    publish_ok(project, env)
    assert git(repository, "rev-list", "--count", BRANCH).strip() == "2", "a publish adds one commit"
    assert "gitverzija2" in show(repository, "o-meni/index.html")


def test_an_existing_cname_is_kept(site, tmp_path):
    project, env, repository = site
    checkout = tmp_path / "checkout"
    subprocess.run(["git", "clone", "-q", str(repository), str(checkout)], check=True, capture_output=True)
    git(checkout, "checkout", "-q", "-b", BRANCH)
    (checkout / "CNAME").write_text("www.vavodic.rs\n")
    git(checkout, "add", "CNAME")
    git(checkout, "-c", "user.name=GitHub", "-c", "user.email=gh@example.com", "commit", "-q", "-m", "Create CNAME")
    git(checkout, "push", "-q", "origin", BRANCH)

    publish_ok(project, env)
    assert show(repository, "CNAME") == "www.vavodic.rs\n"
    assert git(repository, "rev-list", "--count", BRANCH).strip() == "2", "built on top of the existing branch"


def test_dry_run_compares_with_the_branch(site):
    project, env, repository = site
    publish_ok(project, env)
    before = git(repository, "rev-parse", BRANCH)
    edit_about_page(project, "gitprobno")
    result = publish_ok(project, env, "--dry-run")
    # New files are only the search index's (its files are named by their content).
    added = [line.split("+ ", 1)[1] for line in result.stdout.splitlines() if line.startswith("      + ")]
    assert all(path.startswith("pagefind/") for path in added), "CNAME and .nojekyll are not reported as new"
    assert "      ~ o-meni/index.html" in result.stdout
    assert git(repository, "rev-parse", BRANCH) == before


def test_rollback_restores_the_previous_publish(site):
    project, env, repository = site
    publish_ok(project, env)
    first = branch_files(repository)
    edit_about_page(project, "gitdruga")
    publish_ok(project, env)
    result = invoke(project, "rollback", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert branch_files(repository) == first
    again = invoke(project, "rollback", env=env)
    assert again.returncode != 0 and "Nema starije objave" in again.stdout
    assert branch_files(repository) == first


def test_an_unreachable_repository_changes_nothing_and_says_so(site, tmp_path):
    project, env, repository = site
    publish_ok(project, env)
    before = git(repository, "rev-parse", BRANCH)
    result = publish(project, dict(env, VA_DEPLOY_GIT=str(tmp_path / "nema-ga.git")))
    assert result.returncode != 0
    assert "nije dostupan" in result.stdout and "Sajt koji posetioci vide nije menjan." in result.stdout
    assert git(repository, "rev-parse", BRANCH) == before


def test_kill_9_before_the_push_leaves_the_branch_as_it_was(site):
    project, env, repository = site
    publish_ok(project, env)
    before = git(repository, "rev-parse", BRANCH)
    edit_about_page(project, "gitprekid")
    kill_publish_at(project, env, "git:before-push")
    assert git(repository, "rev-parse", BRANCH) == before
    publish_ok(project, env)
    assert "gitprekid" in show(repository, "o-meni/index.html")


def test_rollback_follows_history_not_time(site):
    """Publish A, B, C; roll back; publish D; roll back twice: B, then A. C never comes back."""
    project, env, repository = site
    published = {}
    for marker in ("gitA", "gitB", "gitC"):
        edit_about_page(project, marker)
        publish_ok(project, env)
        published[marker] = branch_files(repository)
    first = rollback_ok(project, env)
    assert branch_files(repository) == published["gitB"]
    b_commit = git(repository, "rev-parse", f"{BRANCH}~2").strip()  # A=~3, B=~2, C=~1, rollback=HEAD
    when = describe_moment(datetime.fromtimestamp(int(git(repository, "log", "-1", "--format=%ct", b_commit)), UTC))
    assert f"Vraćena je prethodna verzija sajta, objavljena {when} (oznaka: {b_commit[:12]})." in first.stdout
    edit_about_page(project, "gitD")
    publish_ok(project, env)
    rollback_ok(project, env)
    assert branch_files(repository) == published["gitB"], "D was published over B, not over C"
    rollback_ok(project, env)
    assert branch_files(repository) == published["gitA"], "one step further back along the same history"
    last = invoke(project, "rollback", env=env)
    assert last.returncode != 0 and "Nema starije objave" in last.stdout


def test_a_token_in_the_repository_url_is_never_printed(project_copy, tmp_path):
    """https://deploy:TOKEN@host/repo.git works, and no message shows the token."""
    token = "ghp_TAJNItoken1234567890"
    root = tmp_path / "git-host"
    root.mkdir()
    subprocess.run(["git", "init", "-q", "--bare", str(root / "pages.git")], check=True)
    with git_http_server(root, "deploy", token) as base:
        url = base.replace("http://", f"http://deploy:{token}@") + "/pages.git"
        env = publish_env("https://vavodic.rs", VA_DEPLOY_TARGET="git", VA_DEPLOY_GIT=url)
        runs = [publish_ok(project_copy, env), publish_ok(project_copy, env, "--dry-run")]
        edit_about_page(project_copy, "satokenom")
        runs += [publish_ok(project_copy, env), rollback_ok(project_copy, env)]
        wrong = url.replace(token, token + "x")
        runs.append(publish(project_copy, dict(env, VA_DEPLOY_GIT=wrong)))
        assert runs[-1].returncode != 0
        closed = f"http://deploy:{token}@127.0.0.1:{free_port()}/pages.git"
        runs.append(publish(project_copy, dict(env, VA_DEPLOY_GIT=closed)))
        assert runs[-1].returncode != 0 and "nije dostupan" in runs[-1].stdout
    assert "http://deploy:***@127.0.0.1" in runs[0].stdout
    for run in runs:
        assert token not in run.stdout + run.stderr, run.stdout + run.stderr
    assert "satokenom" not in show(root / "pages.git", "o-meni/index.html"), "rolled back"
