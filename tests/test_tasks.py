"""The author's tasks, run the way she runs them: `invoke …` in the project."""

import socket
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, invoke
from serving import fetch_when, running_task
from shared.disk_cache import entry_names


def test_new_post_creates_a_draft_that_builds(project_copy, tmp_path):
    result = invoke(project_copy, "new-post", "Đorđe i ČAČAK: šta, žurba?")
    assert result.returncode == 0, result.stderr
    path = project_copy / "content/posts/djordje-i-cacak-sta-zurba.md"
    assert result.stdout.splitlines()[0] == "content/posts/djordje-i-cacak-sta-zurba.md"
    assert "http://127.0.0.1:8000/nacrti/djordje-i-cacak-sta-zurba/" in result.stdout
    header = path.read_text(encoding="utf-8").split("\n\n")[0]
    keys = [line.split(":")[0] for line in header.splitlines()]
    assert keys == ["Title", "Date", "Category", "Tags", "Slug", "Summary", "Status"]  # Modified: once it is changed
    assert "Title: Đorđe i ČAČAK: šta, žurba?" in header
    assert "Status: draft" in header

    result = invoke(project_copy, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    draft = project_copy / "output/nacrti/djordje-i-cacak-sta-zurba/index.html"
    assert "Nacrt — nije objavljeno" in draft.read_text(encoding="utf-8")


def test_new_post_gives_the_address_of_the_preview_that_runs(project_copy):
    """`make PORT=8001` in one window, `make post` in another: the address she can open."""
    with running_task(project_copy, "livereload") as (base, server):
        fetch_when(f"{base}/", server)
        result = invoke(project_copy, "new-post", "Na drugom portu")
    assert f"Pregled (dok radi `make`): {base}/nacrti/na-drugom-portu/" in result.stdout
    stopped = invoke(project_copy, "new-faq", "Posle pregleda")
    assert "Pregled (dok radi `make`): http://127.0.0.1:8000/nacrti/posle-pregleda/" in stopped.stdout


def test_new_post_refuses_to_overwrite(project_copy):
    first = invoke(project_copy, "new-post", "Isti naslov")
    path = project_copy / "content/posts/isti-naslov.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMoj tekst koji ne sme da nestane.\n", encoding="utf-8")
    second = invoke(project_copy, "new-post", "Isti naslov")
    assert first.returncode == 0
    assert second.returncode != 0
    assert "Greška: content/posts/isti-naslov.md već postoji" in second.stderr, "named as she knows it"
    assert "Moj tekst koji ne sme da nestane." in path.read_text(encoding="utf-8")


def test_serve_builds_and_serves_the_home_page(project_copy):
    with running_task(project_copy, "serve") as (base, server):
        body = fetch_when(f"{base}/", server)
        assert '<html lang="sr-Latn">' in body
        assert "Šta treba da znate o radu sa virtuelnim asistentom" in body
        with urllib.request.urlopen(f"{base}/kontakt/") as response:
            assert response.status == 200
        try:
            urllib.request.urlopen(f"{base}/nema-je/")
            raise AssertionError("a missing page must answer 404")
        except urllib.error.HTTPError as error:
            assert error.code == 404
            assert "Stranica nije pronađena" in error.read().decode("utf-8")


def test_clean_removes_output_and_caches_but_not_content(project_copy):
    assert invoke(project_copy, "build").returncode == 0
    assert (project_copy / "output/index.html").is_file()
    assert entry_names(project_copy / "cache/pages")
    posts_before = sorted(p.name for p in (project_copy / "content/posts").iterdir())
    assert invoke(project_copy, "clean").returncode == 0
    assert not (project_copy / "output").exists() and not (project_copy / "cache").exists()
    assert sorted(p.name for p in (project_copy / "content/posts").iterdir()) == posts_before


def test_livereload_rebuilds_when_content_changes(project_copy):
    with running_task(project_copy, "livereload") as (base, server):
        body = fetch_when(f"{base}/o-meni/", server)
        assert "livereload" in body, "the preview must carry the live-reload script"
        page = project_copy / "content/pages/o-meni.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nosveženo7\n", encoding="utf-8")
        fetch_when(f"{base}/o-meni/", server, contains="osveženo7")


def test_task_help_is_in_serbian():
    """`invoke --list` and each task's --help are what the author reads first."""
    listing = invoke(ROOT, "--list")
    assert listing.returncode == 0
    tasks = [line.split()[0] for line in listing.stdout.splitlines() if line.startswith("  ") and line[2] != " "]
    assert {"build", "check", "clean", "livereload", "new-post", "new-faq", "publish", "rollback"} <= set(tasks)
    english = ("Check", "Create", "Delete", "Build", "Write", "Show", "Make ", "the ", " and ", "default")
    for task in tasks:
        shown = invoke(ROOT, "--help", task).stdout.split("Docstring:", 1)[1]
        assert not [word for word in english if word in shown], f"{task}: {shown}"


@pytest.mark.parametrize("task", ["serve", "livereload"])
def test_a_busy_or_wrong_port_is_said_before_anything_is_built(project_copy, task):
    """A preview already running in another window holds port 8000: a Serbian line, not OSError's traceback."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        busy = invoke(project_copy, task, "--port", str(port), timeout=60)
    wrong = invoke(project_copy, task, "--port", "osam", timeout=60)
    assert busy.returncode == 1 and wrong.returncode == 1
    assert (
        f"Port {port} je već zauzet" in busy.stdout and f"make PORT={port + 1} (ili --port {port + 1})" in busy.stdout
    )
    assert "Port „osam” nije broj od 1 do 65535" in wrong.stdout
    for result in (busy, wrong):
        assert "Traceback" not in result.stdout + result.stderr and "Gradim" not in result.stdout
    assert not (project_copy / "output").exists(), "nothing was built"
