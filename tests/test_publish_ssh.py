"""`invoke publish` over SSH to a real OpenSSH server on 127.0.0.1, started for these tests."""

from pathlib import Path

import pytest

from conftest import free_port, invoke
from publishing import (
    content_digest,
    edit_about_page,
    invoke_with_umask,
    kill_publish_at,
    live_release,
    modes,
    paused_publish,
    publish,
    publish_env,
    publish_ok,
    rollback_ok,
    site_files,
)
from site_tools.deploy.releases import describe
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
    assert "Šta treba da znate o radu sa virtuelnim asistentom" in (remote / "current/index.html").read_text(
        encoding="utf-8"
    )

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


def test_rollback_to_a_path_where_nothing_was_published_makes_nothing_there(site):
    project, env, remote = site
    result = invoke(project, "rollback", env=env)
    assert result.returncode != 0 and "još ništa nije objavljeno, pa nema na šta da se vrati" in result.stdout
    assert not remote.exists(), "a mistyped path must not become a folder with a lock file in it"


def test_an_unreachable_server_changes_nothing_and_says_so(site, ssh_server):
    project, env, remote = site
    publish_ok(project, env)
    old_release, old_files = live_release(remote), site_files(remote / "current")
    edit_about_page(project, "nedostupno")
    closed_port = free_port()  # nothing listens here
    result = publish(project, dict(env, **ssh_server.deploy_settings(remote, port=closed_port)))
    assert result.returncode != 0
    assert f"Veza sa serverom {ssh_server.user}@127.0.0.1 nije uspela (" in result.stdout
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


def releases_on(remote: Path) -> list[str]:
    return sorted(path.name for path in (remote / "releases").iterdir())


def about_page(remote: Path) -> str:
    return (remote / "current/o-meni/index.html").read_text(encoding="utf-8")


def test_rollback_over_ssh_follows_history_not_time(site):
    project, env, remote = site
    published = []
    for marker in ("sshA", "sshB", "sshC"):
        edit_about_page(project, marker)
        publish_ok(project, env)
        published.append(live_release(remote))
    a, b, c = published
    first = rollback_ok(project, env)
    assert live_release(remote) == b and f"objavljena {describe(b)} (oznaka: {b})" in first.stdout
    edit_about_page(project, "sshD")
    publish_ok(project, env)
    rollback_ok(project, env)
    assert live_release(remote) == b and "sshB" in about_page(remote), "D was published over B, not over C"
    rollback_ok(project, env)
    assert live_release(remote) == a and "sshC" not in about_page(remote)


def test_a_failure_after_the_switch_over_ssh_says_published_but(site):
    project, env, remote = site
    publish_ok(project, env)
    old = live_release(remote)
    edit_about_page(project, "sshposle")
    result = publish(project, dict(env, VA_TEST_FAIL_AT="ssh:prune:ECONNRESET"))
    assert result.returncode == 0, result.stdout + result.stderr
    new = live_release(remote)
    assert new != old and "sshposle" in about_page(remote)
    assert f"Objavljeno (verzija {new}), ali stare verzije na serveru nisu obrisane" in result.stdout
    assert "nije menjan" not in result.stdout and "Traceback" not in result.stderr


def test_one_publish_at_a_time_on_the_server(site):
    project, env, remote = site
    publish_ok(project, env)
    old = live_release(remote)
    edit_about_page(project, "sshzakljucano")
    with paused_publish(project, env, "ssh:before-switch") as (first, _):
        partial = [name for name in releases_on(remote) if name.startswith(".partial-")]
        assert len(partial) == 1
        second = publish(project, env)
        assert second.returncode != 0
        assert (
            f"Već je u toku drugo objavljivanje ili vraćanje (server {env['VA_DEPLOY_SSH']}; proces {first.pid}"
            in second.stdout
        )
        assert releases_on(remote) == sorted([old, *partial]), "the first one's upload is untouched"
        assert live_release(remote) == old
    third = publish_ok(project, env)
    assert f"prethodno objavljivanje je prekinuto pre kraja (proces {first.pid}" in third.stdout
    assert "sshzakljucano" in about_page(remote)
    assert not [name for name in releases_on(remote) if name.startswith(".")]


def test_releases_on_the_server_are_readable_whatever_the_umask(site):
    project, env, remote = site
    result = invoke_with_umask(project, env, "publish", umask="077")
    assert result.returncode == 0, result.stdout + result.stderr
    edit_about_page(project, "sshumask")
    assert invoke_with_umask(project, env, "publish", umask="077").returncode == 0
    assert modes(remote / "releases" / live_release(remote)) == {"dirs": {"0o755"}, "files": {"0o644"}}
