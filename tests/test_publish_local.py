"""`invoke publish` to the default target, a local release folder, run as the author runs it.

The live site is deploy/current, served over HTTP by a test server, so every
check is what a visitor would get.
"""

import os
import pty
import re
import signal
import subprocess
import urllib.request
from pathlib import Path

import pytest

from conftest import free_port, invoke, invoke_command
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
    write_post,
)
from site_tools.deploy.releases import describe
from site_tools.server import BackgroundServer


@pytest.fixture
def site(project_copy):
    """A project copy, the environment to publish it for a local port, and its live folder."""
    port = free_port()
    env = publish_env(f"http://127.0.0.1:{port}", VA_DEPLOY_KEEP="3")
    return project_copy, env, port, project_copy / "deploy"


def release_names(deploy: Path) -> list[str]:
    return sorted(path.name for path in (deploy / "releases").iterdir())


def fetch(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as response:
        return response.read().decode("utf-8")


def test_publish_makes_a_release_served_through_current(site):
    project, env, port, deploy = site
    before = content_digest(project)
    result = publish_ok(project, env)
    for step in ("[1/4] Provera sadržaja", "[2/4] Izgradnja", "[3/4] Provera izgrađenog sajta", "[4/4] Objavljivanje"):
        assert step in result.stdout
    assert "Sajt je objavljen" in result.stdout
    assert (deploy / "current").is_symlink()
    assert release_names(deploy) == [live_release(deploy)]
    with BackgroundServer(deploy / "current", port=port):
        home = fetch(port, "/")
        assert "Šta treba da znate o radu sa virtuelnim asistentom" in home
        assert f"href=http://127.0.0.1:{port}/kontakt/" in home.replace('"', ""), "links are absolute, for SITEURL"
        assert "Kontakt" in fetch(port, "/kontakt/")
    assert content_digest(project) == before, "publishing must never change content/"


def test_dry_run_lists_changes_and_changes_nothing(site):
    project, env, port, deploy = site
    old_post = write_post(project, "stari-tekst", "Stari tekst", "2026-01-01 09:00")
    publish_ok(project, env)
    first = live_release(deploy)
    edit_about_page(project, "probnaizmena41")
    write_post(project, "novi-tekst", "Novi tekst", "2026-01-02 09:00")
    old_post.unlink()
    result = publish_ok(project, env, "--dry-run")
    assert "probno, bez promena" in result.stdout
    assert "      + novi-tekst/index.html" in result.stdout
    assert "      ~ o-meni/index.html" in result.stdout
    assert "      - stari-tekst/index.html" in result.stdout
    assert re.search(r"      [+~] pagefind/ \(indeks pretrage: \d+ fajl", result.stdout), "its files in one line"
    assert not [
        line for line in result.stdout.splitlines() if line.startswith(("      + pagefind/p", "      ~ pagefind/p"))
    ]
    assert "Probno objavljivanje: ništa nije promenjeno." in result.stdout
    assert release_names(deploy) == [first] and live_release(deploy) == first


def test_each_publish_is_a_new_release_and_old_ones_are_pruned(site):
    project, env, port, deploy = site  # VA_DEPLOY_KEEP=3
    published = []
    for number in range(4):
        edit_about_page(project, f"izmenabroj{number}")
        publish_ok(project, env)
        published.append(live_release(deploy))
    assert len(set(published)) == 4
    assert release_names(deploy) == sorted(published[1:])
    assert live_release(deploy) == published[-1]
    assert "izmenabroj3" in (deploy / "current/o-meni/index.html").read_text(encoding="utf-8")


def test_rollback_returns_to_the_previous_release(site):
    project, env, port, deploy = site
    edit_about_page(project, "prvaverzija17")
    publish_ok(project, env)
    first = live_release(deploy)
    edit_about_page(project, "drugaverzija18")
    publish_ok(project, env)
    with BackgroundServer(deploy / "current", port=port):
        assert "drugaverzija18" in fetch(port, "/o-meni/")
        result = invoke(project, "rollback", env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Vraćena je prethodna verzija sajta" in result.stdout
        assert live_release(deploy) == first
        page = fetch(port, "/o-meni/")
        assert "prvaverzija17" in page and "drugaverzija18" not in page

    again = invoke(project, "rollback", env=env)
    assert again.returncode != 0
    assert "Nema starije verzije" in again.stdout and "Ništa nije promenjeno." in again.stdout
    assert live_release(deploy) == first


def test_rollback_before_any_publish_says_so_and_makes_nothing_there(site):
    """Also what a mistyped `dir` gets: no new folder with a lock file in it."""
    project, env, port, deploy = site
    result = invoke(project, "rollback", env=env)
    assert result.returncode != 0
    assert f"U {deploy} još ništa nije objavljeno" in result.stdout and "Ništa nije promenjeno." in result.stdout
    assert not deploy.exists()


def test_a_failing_check_stops_before_anything_is_built_or_deployed(site):
    project, env, port, deploy = site
    publish_ok(project, env)
    old, old_files = live_release(deploy), site_files(deploy / "current")
    write_post(project, "pokvaren", "Pokvaren", "27.11.2026")
    result = publish(project, env)
    assert result.returncode != 0
    assert "content/posts/pokvaren.md:2: Datum (Date) nije napisan u ispravnom obliku" in result.stdout
    assert "[2/4]" not in result.stdout
    assert "zaustavljeno u koraku 1/4 (Provera sadržaja)" in result.stdout
    assert "nije menjan" in result.stdout
    assert release_names(deploy) == [old] and site_files(deploy / "current") == old_files


@pytest.mark.parametrize(
    "breakage, expected, step",
    [
        ("template link", "Link ne vodi nigde: index.html", "3/4 (Provera izgrađenog sajta)"),
        ("unclosed element in a template", "Neispravan HTML: index.html", "3/4 (Provera izgrađenog sajta)"),
        # Raw HTML in her text is named in her file, at the content check.
        ("unclosed raw HTML", "content/pages/o-meni.md:", "1/4 (Provera sadržaja)"),
    ],
)
def test_failing_site_checks_stop_the_deploy(site, breakage, expected, step):
    project, env, port, deploy = site
    publish_ok(project, env)
    old_files = site_files(deploy / "current")
    footer = project / "theme/templates/partials/footer.html"
    if breakage == "template link":
        footer.write_text(
            footer.read_text(encoding="utf-8") + '\n<a href="{{ SITEURL }}/nema-je/">x</a>\n', encoding="utf-8"
        )
    elif breakage == "unclosed element in a template":
        footer.write_text('<div class="okvir">\n' + footer.read_text(encoding="utf-8"), encoding="utf-8")
    else:
        edit_about_page(project, '<div class="okvir">\n\nNezatvoren okvir.\n\n</section>')
    result = publish(project, env)
    assert result.returncode != 0, result.stdout
    assert expected in result.stdout
    assert f"zaustavljeno u koraku {step}" in result.stdout
    assert site_files(deploy / "current") == old_files


@pytest.mark.parametrize(
    "point, live_after",
    [
        ("publish:built", "old"),  # built, nothing deployed yet
        ("local:copying", "old"),  # half of the new release copied
        ("local:before-switch", "old"),  # new release complete, current not switched
        ("local:after-switch", "new"),  # switched, old releases not yet pruned
    ],
)
def test_kill_9_during_publish_leaves_a_whole_site_live(site, tmp_path, point, live_after):
    project, env, port, deploy = site
    publish_ok(project, env)
    old = site_files(deploy / "current")
    edit_about_page(project, "novaverzija29")
    # What the new release must hold: the same content built on its own.
    reference = tmp_path / "reference"
    assert invoke(project, "publish", env=dict(env, VA_DEPLOY_DIR=str(reference))).returncode == 0
    new = site_files(reference / "current")
    assert new != old

    output = kill_publish_at(project, env, point)
    assert "Sajt je objavljen" not in output
    expected = old if live_after == "old" else new
    assert site_files(deploy / "current") == expected

    # The next publish cleans up whatever the killed one left, and goes live.
    publish_ok(project, env)
    assert site_files(deploy / "current") == new
    assert not [name for name in release_names(deploy) if name.startswith(".")]
    assert not list(deploy.glob("current.tmp-*"))


def test_host_files_survive_each_publish(site):
    project, env, port, deploy = site
    publish_ok(project, env)
    challenge = deploy / "current/.well-known/acme-challenge/token-7"
    challenge.parent.mkdir(parents=True)
    challenge.write_text("dokaz", encoding="utf-8")
    (deploy / "current/CNAME").write_text("vavodic.rs\n", encoding="utf-8")
    edit_about_page(project, "poslesertifikata")
    dry = publish_ok(project, env, "--dry-run")
    assert "- .well-known" not in dry.stdout and "- CNAME" not in dry.stdout
    publish_ok(project, env)
    assert (deploy / "current/.well-known/acme-challenge/token-7").read_text(encoding="utf-8") == "dokaz"
    assert (deploy / "current/CNAME").read_text(encoding="utf-8") == "vavodic.rs\n"


def test_build_and_publish_never_touch_content(site):
    project, env, port, deploy = site
    before = content_digest(project)
    assert invoke(project, "build").returncode == 0
    publish_ok(project, env)
    publish_ok(project, env, "--dry-run")
    assert invoke(project, "rollback", env=env).returncode != 0
    assert invoke(project, "clean").returncode == 0
    assert content_digest(project) == before


def publish_version(project, env, deploy, marker):
    edit_about_page(project, marker)
    publish_ok(project, env)
    return live_release(deploy)


def about_page(deploy):
    return (deploy / "current/o-meni/index.html").read_text(encoding="utf-8")


def test_rollback_follows_history_not_time(site):
    """Publish A, B, C; roll back; publish D; roll back twice: B, then A. C, rolled back as bad, never returns."""
    project, env, port, deploy = site
    env = dict(env, VA_DEPLOY_KEEP="5")
    a, b, c = (publish_version(project, env, deploy, marker) for marker in ("verzijaA", "verzijaB", "verzijaC"))
    first = rollback_ok(project, env)
    assert live_release(deploy) == b
    assert f"Vraćena je prethodna verzija sajta, objavljena {describe(b)} (oznaka: {b})." in first.stdout
    d = publish_version(project, env, deploy, "verzijaD")
    assert rollback_ok(project, env) and live_release(deploy) == b, "D was published over B"
    assert "verzijaB" in about_page(deploy) and "verzijaC" not in about_page(deploy)
    third = rollback_ok(project, env)
    assert live_release(deploy) == a and f"objavljena {describe(a)} (oznaka: {a})" in third.stdout
    assert c != d
    last = invoke(project, "rollback", env=env)
    assert last.returncode != 0 and "Nema starije verzije" in last.stdout and live_release(deploy) == a


def test_a_full_disk_while_copying_is_reported_and_the_partial_release_removed(site):
    project, env, port, deploy = site
    publish_ok(project, env)
    old, old_files = live_release(deploy), site_files(deploy / "current")
    edit_about_page(project, "pundisk")
    result = publish(project, dict(env, VA_TEST_FAIL_AT="local:copying:ENOSPC"))
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert "Nova verzija nije mogla da se upiše" in result.stdout and "na disku nema mesta" in result.stdout
    assert f"oslobodite prostor ({deploy}/releases/" in result.stdout, "the full disk is the target's, not the build's"
    assert "Nedovršena kopija je obrisana." in result.stdout
    assert "Sajt koji posetioci vide nije menjan." in result.stdout
    assert release_names(deploy) == [old] and live_release(deploy) == old
    assert site_files(deploy / "current") == old_files
    assert sorted(path.name for path in (deploy / "history").iterdir()) == [old]


def test_a_failure_after_the_switch_says_published_but_and_exits_zero(site):
    project, env, port, deploy = site
    env = dict(env, VA_DEPLOY_KEEP="1")
    publish_ok(project, env)
    old = live_release(deploy)
    edit_about_page(project, "posleprebacivanja")
    result = publish(project, dict(env, VA_TEST_FAIL_AT="local:prune:EACCES"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    new = live_release(deploy)
    assert new != old and "posleprebacivanja" in about_page(deploy)
    assert f"Objavljeno (verzija {new}), ali stare verzije nisu obrisane: nema dozvole za pisanje" in result.stdout
    assert "Sajt radi." in result.stdout
    assert "nije menjan" not in result.stdout
    assert release_names(deploy) == sorted([old, new])
    edit_about_page(project, "josjednaizmena")
    publish_ok(project, env)  # the next publish prunes what this one could not
    assert release_names(deploy) == [live_release(deploy)]


def test_one_publish_at_a_time_and_a_killed_ones_lock_is_taken_over(site):
    project, env, port, deploy = site
    publish_ok(project, env)
    old = live_release(deploy)
    edit_about_page(project, "prvojeuradu")
    with paused_publish(project, env, "local:before-switch") as (first, _):
        waiting = [name for name in release_names(deploy) if name != old]
        assert len(waiting) == 1, "the first publish's complete release, not yet live"
        second = publish(project, env)
        assert second.returncode != 0
        assert (
            f"Već je u toku drugo objavljivanje ili vraćanje (lokalna fascikla {deploy}; proces {first.pid} na računaru"
            in second.stdout
        )
        assert "Sačekajte da se završi" in second.stdout
        busy = invoke(project, "rollback", env=env)
        assert busy.returncode != 0 and "Već je u toku drugo objavljivanje" in busy.stdout
        assert release_names(deploy) == sorted([old, *waiting]), "the second one touched nothing"
        assert live_release(deploy) == old
    # kill -9: the lock went with the process; the next publish says so and goes on.
    third = publish_ok(project, env)
    assert f"prethodno objavljivanje je prekinuto pre kraja (proces {first.pid}" in third.stdout
    assert "prvojeuradu" in about_page(deploy)
    assert release_names(deploy) == sorted([old, live_release(deploy)]), "the killed one's release was pruned"
    again = publish_ok(project, env, "--dry-run")
    assert "prekinuto" not in again.stdout


def test_releases_are_readable_by_the_web_server_whatever_the_umask(site):
    project, env, port, deploy = site
    result = invoke_with_umask(project, env, "publish", umask="077")
    assert result.returncode == 0, result.stdout + result.stderr
    release = deploy / "releases" / live_release(deploy)
    assert modes(release) == {"dirs": {"0o755"}, "files": {"0o644"}}
    for folder in (deploy, deploy / "releases"):
        assert oct(folder.stat().st_mode & 0o777) == "0o755", folder


def run_in_a_terminal(project, env, *args) -> tuple[int, str]:
    """`invoke ARGS` with a pseudo-terminal as its output, as the author runs it; (exit status, raw output)."""
    controller, terminal = pty.openpty()
    env = {key: value for key, value in env.items() if key != "CI"}
    process = subprocess.Popen(
        invoke_command(*args),
        cwd=project,
        env=dict(env, TERM="xterm", COLUMNS="100"),
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        close_fds=True,
    )
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the other end is closed
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    return process.wait(timeout=300), output.decode("utf-8", errors="replace")


def test_progress_shows_on_a_terminal_and_not_in_a_log(site):
    project, env, port, deploy = site
    status, shown = run_in_a_terminal(project, env, "publish")
    assert status == 0, shown
    assert "Pelican gradi sajt" in shown and "Provera linkova i HTML-a" in shown
    assert "Slanje fajlova" in shown and re.search(r"\b(\d+)/\1\b", shown), "the upload counted to the end"
    assert "Sajt je objavljen" in shown
    edit_about_page(project, "bezterminala")
    logged = publish_ok(project, env)
    assert "\x1b[" not in logged.stdout + logged.stderr
    assert "Pelican gradi sajt" not in logged.stdout and "Slanje fajlova" not in logged.stdout


def test_a_local_publish_says_the_site_is_only_on_this_computer(site):
    project, env, port, deploy = site
    result = publish_ok(project, env)
    assert "sajt je sačuvan samo na ovom računaru (fascikla deploy/); posetioci ga još ne vide" in result.stdout
    assert "UPUTSTVO.md, deo „Postavljanje sajta na internet”" in result.stdout
    assert "deploy/current/index.html ne otvarajte dvoklikom" in result.stdout
    elsewhere = project.parent / "drugde" / "sajt"
    moved = invoke(project, "publish", env=dict(env, VA_DEPLOY_DIR=str(elsewhere)))
    assert moved.returncode == 0, moved.stdout + moved.stderr
    assert f"(fascikla {elsewhere}/)" in moved.stdout and f"Fajl {elsewhere}/current/index.html" in moved.stdout


def test_a_republish_without_changes_reports_no_changes(site):
    project, env, port, deploy = site
    publish_ok(project, env)
    again = publish_ok(project, env)
    assert "novo: 0, izmenjeno: 0, uklonjeno: 0" in again.stdout
    assert "Nema promena: sajt je već ovakav." in again.stdout
    assert len(release_names(deploy)) == 1


def test_a_dry_run_lists_every_change(site):
    project, env, port, deploy = site
    for number in range(45):
        write_post(project, f"tekst-{number}", f"Tekst broj {number}", "2026-01-02 09:00")
    result = publish_ok(project, env, "--dry-run")
    listed = [line for line in result.stdout.splitlines() if line.startswith("      + ")]
    assert all(f"      + tekst-{number}/index.html" in listed for number in range(45))
    assert "i još" not in result.stdout


def test_the_site_address_can_be_set_in_deploy_toml(site):
    project, env, port, deploy = site
    env = {key: value for key, value in env.items() if key != "VA_SITEURL"}
    (project / "deploy.toml").write_text(f'siteurl = "http://127.0.0.1:{port}"\n', encoding="utf-8")
    result = publish_ok(project, env)
    assert f"adresa: http://127.0.0.1:{port}" in result.stdout
    assert f"http://127.0.0.1:{port}/kontakt/" in (deploy / "current/index.html").read_text(encoding="utf-8")


STOPPED_IN_STEP_2 = (
    "Objavljivanje je prekinuto (Ctrl+C) u koraku 2/4 (Izgradnja sajta za objavljivanje). "
    "Sajt koji posetioci vide nije menjan."
)


@pytest.mark.parametrize(
    "point, said, sent",
    [
        ("publish:built", STOPPED_IN_STEP_2, signal.SIGINT),
        (
            "local:before-switch",
            "Objavljivanje je prekinuto (Ctrl+C) dok se menjala verzija sajta. Posetioci vide ili verziju od pre "
            "ili celu novu, nikad deo jedne i deo druge;",
            signal.SIGINT,
        ),
        # A closed terminal sends SIGHUP: it ends as Ctrl+C does, not on the spot (which left /tmp/va-publish-*).
        ("publish:built", STOPPED_IN_STEP_2, signal.SIGHUP),
    ],
    ids=["ctrl-c-built", "ctrl-c-switch", "closed-terminal-built"],
)
def test_ctrl_c_during_a_publish_says_where_it_stopped_and_what_visitors_see(site, point, said, sent):
    """The terminal sends SIGINT (or SIGHUP) to the whole command (invoke and its build): a message, not a
    traceback, no temporary build and no lock left."""
    project, env, port, deploy = site
    publish_ok(project, env)
    old = live_release(deploy)
    edit_about_page(project, "prekinutaizmena")
    with paused_publish(project, env, point) as (process, _):
        rest = interrupt(process, sent)
    assert said in rest and "Traceback" not in rest
    assert live_release(deploy) == old and "prekinutaizmena" not in about_page(deploy)
    assert not any((project.parent / "killed-publish-tmp").iterdir()), "the temporary build was removed"
    publish_ok(project, env)
    assert "prekinutaizmena" in about_page(deploy)


def interrupt(process, number=signal.SIGINT) -> str:
    """Ctrl+C (or another signal), as a terminal sends it (to the whole command); what the command said after it."""
    os.killpg(process.pid, number)
    rest, _ = process.communicate(timeout=60)
    assert process.returncode == 128 + number, (
        rest
    )  # as the shell names a stop by that signal (site_tools/interrupt.py)
    return rest
