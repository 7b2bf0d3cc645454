"""`invoke publish` over SSH to a real OpenSSH server on 127.0.0.1, started for these tests."""

from pathlib import Path

import pytest

from conftest import free_port, invoke
from publishing import (
    content_digest, edit_about_page, kill_publish_at, live_release, publish, publish_env, publish_ok, site_files,
)
from sshd import openssh_server


@pytest.fixture(scope="module")
def ssh_server(tmp_path_factory):
    with openssh_server(tmp_path_factory.mktemp("sshd")) as server:
        yield server


@pytest.fixture
def site(project_copy, tmp_path, ssh_server):
    """A project copy, its publish environment for the SSH server, and the server's site folder."""
    remote = tmp_path / "server" / "www" / "vavodic"
    env = publish_env("https://vavodic.rs", **ssh_server.deploy_settings(remote))
    return project_copy, env, remote




def test_publish_over_ssh_uploads_a_release_and_switches_current(site):
    project, env, remote = site
    first = publish_ok(project, env)
    assert f"Objavljivanje na: server {env['VA_DEPLOY_SSH']}" in first.stdout
    assert (remote / "current").is_symlink()
    first_release = live_release(remote)
    assert "Šta treba da znate o radu sa virtuelnim asistentom" in (remote / "current/index.html").read_text(encoding="utf-8")

    edit_about_page(project, "sshverzija2")
    before = content_digest(project)
    second = publish_ok(project, env)
    assert "      novo: " in second.stdout
    second_release = live_release(remote)
    assert second_release != first_release
    # Nothing is new but the search index's files (named by their content).
    def files(release):
        return {path.relative_to(release).as_posix() for path in release.rglob("*") if path.is_file()}
    added = files(remote / "releases" / second_release) - files(remote / "releases" / first_release)
    assert added and all(path.startswith("pagefind/") for path in added), added
    assert "sshverzija2" in (remote / "current/o-meni/index.html").read_text(encoding="utf-8")
    # rsync --link-dest: an unchanged file is the same inode in both releases.
    old, new = remote / "releases" / first_release, remote / "releases" / second_release
    assert (old / "kontakt/index.html").stat().st_ino == (new / "kontakt/index.html").stat().st_ino
    assert (old / "o-meni/index.html").stat().st_ino != (new / "o-meni/index.html").stat().st_ino
    assert content_digest(project) == before


def test_dry_run_over_ssh_compares_with_the_server(site):
    project, env, remote = site
    publish_ok(project, env)
    edit_about_page(project, "sshprobno")
    result = publish_ok(project, env, "--dry-run")
    assert "      ~ o-meni/index.html" in result.stdout
    assert "sshprobno" not in (remote / "current/o-meni/index.html").read_text(encoding="utf-8")


def test_rollback_over_ssh(site):
    project, env, remote = site
    publish_ok(project, env)
    first = live_release(remote)
    edit_about_page(project, "sshdruga")
    publish_ok(project, env)
    result = invoke(project, "rollback", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert live_release(remote) == first
    assert "sshdruga" not in (remote / "current/o-meni/index.html").read_text(encoding="utf-8")


def test_an_unreachable_server_changes_nothing_and_says_so(site, ssh_server):
    project, env, remote = site
    publish_ok(project, env)
    old_release, old_files = live_release(remote), site_files(remote / "current")
    edit_about_page(project, "nedostupno")
    closed_port = free_port()  # nothing listens here
    result = publish(project, dict(env, **ssh_server.deploy_settings(remote, port=closed_port)))
    assert result.returncode != 0
    assert f"Server {ssh_server.user}@127.0.0.1 nije dostupan (" in result.stdout
    assert "zaustavljeno u koraku 4/4" in result.stdout
    assert "Sajt koji posetioci vide nije menjan." in result.stdout
    assert live_release(remote) == old_release and site_files(remote / "current") == old_files
    assert sorted(p.name for p in (remote / "releases").iterdir()) == [old_release]


def outside_index(files) -> set[str]:
    return {path for path in files if not path.startswith("pagefind/")}


@pytest.mark.parametrize("point, live_after", [("ssh:before-switch", "old"), ("ssh:after-switch", "new")])
def test_kill_9_during_an_ssh_deploy_leaves_a_whole_site_live(site, point, live_after):
    project, env, remote = site
    publish_ok(project, env)
    old_release, old_files = live_release(remote), site_files(remote / "current")
    edit_about_page(project, "sshprekid")
    kill_publish_at(project, env, point)
    if live_after == "old":
        assert live_release(remote) == old_release and site_files(remote / "current") == old_files
        assert [p.name for p in (remote / "releases").iterdir() if p.name.startswith(".partial-")]
    else:
        assert live_release(remote) != old_release
        assert "sshprekid" in (remote / "current/o-meni/index.html").read_text(encoding="utf-8")
        # The same files, but for the search index's (named by their content).
        assert outside_index(site_files(remote / "current")) == outside_index(old_files)

    publish_ok(project, env)
    assert "sshprekid" in (remote / "current/o-meni/index.html").read_text(encoding="utf-8")
    assert not [p.name for p in (remote / "releases").iterdir() if p.name.startswith(".")]
