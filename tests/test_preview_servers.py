"""`invoke serve` and `invoke livereload` (`make serve`) against hostile requests:
another site's pages in the same browser must not read the preview (drafts
included), list its folders, sniff its files or drive its live-reload socket."""

import base64
import os
import socket

import pytest

from chromium import page_in
from publishing import write_post
from serving import fetch_when, running_task

TASKS = ["serve", "livereload"]


def request(base: str, raw: str) -> tuple[int, str]:
    """Send a raw HTTP request; (status, response head and start of body)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(raw.encode("latin-1"))
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = connection.recv(65536)
            if not chunk:
                break
            data += chunk
        connection.settimeout(1)
        try:
            data += connection.recv(65536)
        except OSError:
            pass
    text = data.decode("utf-8", errors="replace")
    assert text.startswith("HTTP/1."), f"no HTTP answer: {text!r}"
    return int(text.split()[1]), text


def get(base: str, path: str, host: str | None = None) -> tuple[int, str]:
    host = base.removeprefix("http://") if host is None else host
    return request(base, f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")


@pytest.fixture(scope="module", params=TASKS)
def preview(request, tmp_path_factory):
    """A project copy with a draft, previewed by the task; (base URL, project)."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp(request.param) / "project")
    write_post(project, "tajni-nacrt", "Tajni nacrt", "2026-01-05 09:00", status="draft", body="Poverljivotajno.")
    with running_task(project, request.param) as (base, server):
        fetch_when(f"{base}/nacrti/tajni-nacrt/", server, contains="Poverljivotajno")
        yield base, project


def test_own_names_are_served_with_nosniff(preview):
    base, _ = preview
    port = base.rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
        status, text = get(base, "/nacrti/tajni-nacrt/", host=host)
        assert status == 200 and "Poverljivotajno" in text, host
        assert "x-content-type-options: nosniff" in text.lower()


@pytest.mark.parametrize("host", ["napadac.example", "napadac.example:8000", "127.0.0.1.nip.io", ""])
def test_dns_rebinding_cannot_read_drafts(preview, host):
    base, _ = preview
    status, text = get(base, "/nacrti/tajni-nacrt/", host=host)
    assert status == 400 and "Poverljivotajno" not in text


@pytest.mark.parametrize("folder", ["/images/", "/share/", "/theme/", "/nacrti/"])
def test_no_folder_listings(preview, folder):
    base, _ = preview
    status, text = get(base, folder)
    assert status == 404, text[:300]
    assert "Stranica nije pronađena" in text, "the site's own 404 page"
    assert "Directory listing" not in text and "kanali-komunikacije.svg" not in text and "tajni-nacrt" not in text
    assert "x-content-type-options: nosniff" in text.lower()


def test_a_miss_gets_the_404_page_of_its_edition(preview):
    base, _ = preview
    for path, lang, words in (
        ("/nema-ovoga/", "sr-Latn", "Stranica nije"),
        ("/cir/nema-ovoga/", "sr-Cyrl", "Страница није"),
    ):
        status, text = get(base, path)
        assert status == 404 and f"<html lang={lang}" in text.replace('"', "") and words in text, path


@pytest.mark.parametrize("path", ["/%00", "/nacrti/%00/", "/o-meni/%0d%0aX:1"])
def test_malformed_paths_get_400(preview, path):
    base, _ = preview
    status, text = get(base, path)
    assert status == 400
    assert "x-content-type-options: nosniff" in text.lower()
    assert get(base, "/")[0] == 200, "the server is still up"


def websocket_handshake(base: str, origin: str | None) -> int:
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [
        "GET /livereload HTTP/1.1",
        f"Host: {base.removeprefix('http://')}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
    ]
    if origin:
        lines.append(f"Origin: {origin}")
    return request(base, "\r\n".join(lines) + "\r\n\r\n")[0]


@pytest.mark.parametrize("preview", ["livereload"], indirect=True)
def test_the_live_reload_socket_is_only_for_the_previews_own_origin(preview):
    base, _ = preview
    port = base.rsplit(":", 1)[1]
    assert websocket_handshake(base, f"http://127.0.0.1:{port}") == 101
    assert websocket_handshake(base, f"http://localhost:{port}") == 101
    for origin in ("http://napadac.example", f"http://127.0.0.1:{int(port) + 1}", "null", "https://127.0.0.1:" + port):
        assert websocket_handshake(base, origin) == 403, origin


@pytest.mark.parametrize("preview", ["livereload"], indirect=True)
def test_the_browser_still_reloads_on_a_change(preview, browser):
    """The guarded socket still serves its own page: an edit reloads the open page."""
    base, project = preview
    with page_in(browser) as page:
        page.goto(f"{base}/o-meni/")
        page.wait_for_function(
            "window.LiveReload && window.LiveReload.connector && window.LiveReload.connector._connectionDesired"
        )
        about = project / "content/pages/o-meni.md"
        about.write_text(about.read_text(encoding="utf-8") + "\nponovoucitano5\n", encoding="utf-8")
        page.wait_for_function("document.body.innerText.includes('ponovoucitano5')", timeout=60_000)
