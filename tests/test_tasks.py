"""The author's tasks, run the way she runs them: `invoke …` in the project."""

import subprocess
import time
import urllib.error
import urllib.request

from conftest import free_port, invoke, invoke_command


def test_new_post_creates_a_draft_that_builds(project_copy, tmp_path):
    result = invoke(project_copy, "new-post", "Đorđe i ČAČAK: šta, žurba?")
    assert result.returncode == 0, result.stderr
    path = project_copy / "content/posts/djordje-i-cacak-sta-zurba.md"
    assert result.stdout.splitlines()[0] == "content/posts/djordje-i-cacak-sta-zurba.md"
    assert "http://127.0.0.1:8000/nacrti/djordje-i-cacak-sta-zurba/" in result.stdout
    header = path.read_text(encoding="utf-8").split("\n\n")[0]
    keys = [line.split(":")[0] for line in header.splitlines()]
    assert keys == ["Title", "Date", "Modified", "Category", "Tags", "Slug", "Summary", "Status"]
    assert "Title: Đorđe i ČAČAK: šta, žurba?" in header
    assert "Status: draft" in header

    result = invoke(project_copy, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    draft = project_copy / "output/nacrti/djordje-i-cacak-sta-zurba/index.html"
    assert "Nacrt — nije objavljeno" in draft.read_text(encoding="utf-8")


def test_new_post_refuses_to_overwrite(project_copy):
    first = invoke(project_copy, "new-post", "Isti naslov")
    path = project_copy / "content/posts/isti-naslov.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMoj tekst koji ne sme da nestane.\n", encoding="utf-8")
    second = invoke(project_copy, "new-post", "Isti naslov")
    assert first.returncode == 0
    assert second.returncode != 0
    assert "već postoji" in second.stderr
    assert "Moj tekst koji ne sme da nestane." in path.read_text(encoding="utf-8")


def test_serve_builds_and_serves_the_home_page(project_copy):
    port = free_port()
    server = subprocess.Popen(
        invoke_command("serve", "--port", str(port)),
        cwd=project_copy,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = _fetch_when_up(f"http://127.0.0.1:{port}/", server)
        assert "<html lang=\"sr-Latn\">" in body
        assert "Šta treba da znate o radu sa virtuelnim asistentom" in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/kontakt/") as response:
            assert response.status == 200
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/nema-je/")
            raise AssertionError("a missing page must answer 404")
        except urllib.error.HTTPError as error:
            assert error.code == 404
            assert "Stranica nije pronađena" in error.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)


def _fetch_when_up(url, process, attempts=300):
    for _ in range(attempts):
        if process.poll() is not None:
            raise AssertionError(f"invoke serve exited: {process.stdout.read()}")
        try:
            with urllib.request.urlopen(url) as response:
                return response.read().decode("utf-8")
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never answered")


def test_clean_removes_output_but_not_content(project_copy):
    assert invoke(project_copy, "build").returncode == 0
    assert (project_copy / "output/index.html").is_file()
    posts_before = sorted(p.name for p in (project_copy / "content/posts").iterdir())
    assert invoke(project_copy, "clean").returncode == 0
    assert not (project_copy / "output").exists()
    assert sorted(p.name for p in (project_copy / "content/posts").iterdir()) == posts_before


def test_livereload_rebuilds_when_content_changes(project_copy):
    port = free_port()
    server = subprocess.Popen(
        invoke_command("livereload", "--port", str(port)),
        cwd=project_copy,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/o-meni/"
        body = _fetch_when_up(url, server)
        assert "livereload" in body, "the preview must carry the live-reload script"
        page = project_copy / "content/pages/o-meni.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nosveženo7\n", encoding="utf-8")
        for _ in range(300):
            with urllib.request.urlopen(url) as response:
                if "osveženo7" in response.read().decode("utf-8"):
                    break
            time.sleep(0.1)
        else:
            server.terminate()
            raise AssertionError(f"the page was not rebuilt after its source changed:\n{server.communicate()[0]}")
    finally:
        server.terminate()
        server.wait(timeout=10)
