"""The author's commands are make targets (UPUTSTVO.md), run here as she types them."""

import os
import shutil
import signal
import socket
import subprocess

import pytest

from conftest import ROOT, copy_project
from publishing import paused_publish, publish_env


@pytest.fixture
def project(tmp_path):
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "scripts", project / "scripts")
    (project / ".venv").symlink_to(ROOT / ".venv")
    return project


def make(project, *args):
    return subprocess.run(["make", "--no-print-directory", *args], cwd=project, capture_output=True, text=True)


def test_help_lists_the_commands_in_serbian(project):
    said = make(project, "help").stdout
    for command in (
        "make check",
        'make post NASLOV="',
        'make faq NASLOV="',
        "make publish",
        "PROBNO=1",
        "make rollback",
    ):
        assert command in said
    assert "pregled sajta" in said and "vraća prethodnu objavljenu verziju" in said


def test_a_new_post_needs_a_title_and_then_checks_clean(project):
    missing = make(project, "post")
    assert missing.returncode != 0
    # (the first make in a fresh project copy may first print its set-up steps)
    assert missing.stdout.splitlines()[-1].startswith('Nedostaje naslov. Napišite, na primer: make post NASLOV="')
    created = make(project, "post", "NASLOV=Šta radim ponedeljkom")
    assert created.returncode == 0, created.stderr
    assert "content/posts/sta-radim-ponedeljkom.md" in created.stdout.splitlines()
    text = (project / "content/posts/sta-radim-ponedeljkom.md").read_text(encoding="utf-8")
    assert "[//]: # (Category: jedna od ovih: Osnove, Saradnja, Alati, Poverenje.)" in text
    checked = make(project, "check")
    assert checked.returncode == 0 and "Provera sadržaja: sve je u redu" in checked.stdout


def test_a_title_with_quotes_and_a_dollar_sign_is_taken_as_typed(project):
    """Written into the recipe, the " would end the shell's quotes, and make would read $1 as a variable."""
    created = make(project, "post", 'NASLOV=Kako do $100 mesečno: "brzo" i `lako`')
    assert created.returncode == 0, created.stdout + created.stderr
    (path,) = [line for line in created.stdout.splitlines() if line.startswith("content/posts/")]
    title = (project / path).read_text(encoding="utf-8").splitlines()[0]
    assert title == 'Title: Kako do $100 mesečno: "brzo" i `lako`'


@pytest.mark.parametrize("target", ["post", "faq"])
def test_a_title_without_quotes_is_said_and_nothing_is_made(project, target):
    """make would take the title's other words for commands (and make a post named after the first word)."""
    before = sorted(p.name for p in (project / "content").rglob("*.md"))
    said = make(project, target, "NASLOV=Kako", "da", "počnemo")
    assert said.returncode != 0
    assert (
        said.stdout.splitlines()[-1]
        == f'Naslov stavite pod navodnike, na primer: make {target} NASLOV="Kako da počnemo"'
    )
    assert sorted(p.name for p in (project / "content").rglob("*.md")) == before


def test_a_myths_page_and_a_failing_check(project):
    assert make(project, "faq", "NASLOV=Mitovi o ceni", "VRSTA=Myths").returncode == 0  # any case
    page = (project / "content/faq/mitovi-o-ceni.md").read_text(encoding="utf-8")
    assert "Kind: myths" in page and "Činjenica:" not in page
    (project / "content/posts/pokvaren.md").write_text(
        "Title: Pokvaren\nDate: 27.11.2026\n\nTekst.\n", encoding="utf-8"
    )
    checked = make(project, "check")
    assert checked.returncode != 0
    assert "content/posts/pokvaren.md:2: Datum (Date) nije napisan u ispravnom obliku: „27.11.2026”." in checked.stdout
    assert "Traceback" not in checked.stdout + checked.stderr


def test_a_busy_port_is_said_with_the_make_command_that_uses_another(project):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        busy = make(project, f"PORT={port}")
    assert busy.returncode != 0
    assert f"Port {port} je već zauzet" in busy.stdout and f"make PORT={port + 1}" in busy.stdout
    assert "Traceback" not in busy.stdout + busy.stderr


def test_a_mistyped_command_is_said_in_serbian(project):
    said = make(project, "serv")
    assert said.returncode != 0
    assert said.stdout.splitlines()[-1] == "Nepoznata komanda „make serv”. Spisak komandi daje: make help"
    assert "No rule" not in said.stdout + said.stderr


@pytest.mark.parametrize(
    "args, said",
    [
        (
            ["publish", "probno=1"],
            "Nepoznato podešavanje „probno”; ništa nije pokrenuto. Probno objavljivanje je: make publish PROBNO=1",
        ),
        (["rollback", "PORT=8001"], "Nepoznato podešavanje „PORT”; ništa nije pokrenuto. Napišite samo: make rollback"),
    ],
)
def test_a_misspelt_setting_for_publish_or_rollback_runs_nothing(project, args, said):
    """make ignores a name it does not use: `make publish probno=1` would have been a real publish."""
    result = make(project, *args)
    assert result.returncode != 0 and result.stdout.splitlines()[-1] == said
    assert not (project / "deploy").exists()


def test_probno_1_is_a_trial_and_probno_0_a_real_publish_and_make_n_says_what_it_does(project):
    assert "invoke publish --dry-run" in make(project, "-n", "publish", "PROBNO=1").stdout
    real = make(project, "-n", "publish", "PROBNO=0").stdout
    assert "invoke publish" in real and "--dry-run" not in real.replace("make -n (--dry-run)", "")
    assert real.splitlines()[0].startswith("make -n (--dry-run) samo ispisuje komande i ništa ne pokreće.")


def paused_make_publish(project):
    """`make publish` stopped at its pause point, as the author starts it: a top-level make (under `make
    test`, MAKELEVEL would make it say „make[1]: …”)."""
    env = {name: value for name, value in publish_env("http://127.0.0.1:1").items() if not name.startswith("MAKE")}
    return paused_publish(project, env, "publish:built", command=MAKE_PUBLISH)


MAKE_PUBLISH = ["make", "--no-print-directory", "publish"]
STOPPED = "Objavljivanje je prekinuto (Ctrl+C) u koraku 2/4"


def test_ctrl_c_ends_a_publish_with_its_serbian_message_and_no_english_line_from_make(project):
    """The terminal sends SIGINT to make and everything under it. A recipe that failed (invoke's exit 1)
    got make's „make: *** [Makefile:NN: publish] Error 1” under the Serbian; make now just stops."""
    with paused_make_publish(project) as (process, _):
        os.killpg(process.pid, signal.SIGINT)
        rest, _ = process.communicate(timeout=60)
    assert STOPPED in rest
    assert "make" not in rest and "Error" not in rest and "Traceback" not in rest, rest
    assert process.returncode == -signal.SIGINT


def test_a_ctrl_c_that_reached_only_the_command_is_still_an_error_to_make(project):
    """Exit status 130 counts as done only when make's recipe heard the Ctrl+C too (the terminal's)."""
    with paused_make_publish(project) as (process, _):
        python = r"^\S*python[0-9.]* \S*invoke publish$"  # not the recipe's shell, whose line names it too
        found = subprocess.run(["pgrep", "-s", str(process.pid), "-f", python], capture_output=True, text=True)
        (command,) = found.stdout.split()
        os.kill(int(command), signal.SIGINT)
        rest, _ = process.communicate(timeout=60)
    assert STOPPED in rest and "make: *** [Makefile:" in rest and "Error 130" in rest, rest
    assert process.returncode == 2


def test_a_closed_terminal_lets_the_publish_clean_up_before_make_goes(project):
    """SIGHUP to everything: the recipe's shell waits for the command, so its message (said once the
    temporary build is removed) comes before make ends."""
    with paused_make_publish(project) as (process, _):
        os.killpg(process.pid, signal.SIGHUP)
        process.wait(timeout=60)  # make has ended …
        assert not any((project.parent / "killed-publish-tmp").iterdir()), "… after the temporary build was removed"
        rest, _ = process.communicate(timeout=60)
    assert STOPPED in rest and "Traceback" not in rest, rest
