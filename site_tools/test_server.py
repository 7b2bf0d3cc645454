"""The preview/test server: pretty URLs, 404 page, gzip like a production host."""

import gzip
import urllib.error
import urllib.request

import pytest

from site_tools.server import BackgroundServer


@pytest.fixture
def url(tmp_path):
    (tmp_path / "o-meni").mkdir()
    (tmp_path / "o-meni" / "index.html").write_text("<h1>O meni</h1>" * 50, encoding="utf-8")
    (tmp_path / "404.html").write_text("<h1>Nema</h1>", encoding="utf-8")
    (tmp_path / "slika.png").write_bytes(b"\x89PNG" + bytes(100))
    with BackgroundServer(tmp_path) as address:
        yield address


def get(address, gzip_ok=True):
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    try:
        return urllib.request.urlopen(urllib.request.Request(address, headers=headers))
    except urllib.error.HTTPError as error:
        return error


def test_text_is_gzipped_when_the_client_accepts_it(url):
    response = get(url + "/o-meni/")
    assert response.status == 200 and response.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.read()) == ("<h1>O meni</h1>" * 50).encode()
    assert response.headers["Content-Type"] == "text/html"


def test_plain_without_accept_encoding_and_for_images(url):
    plain = get(url + "/o-meni/", gzip_ok=False)
    assert plain.headers["Content-Encoding"] is None and plain.read().startswith(b"<h1>O meni")
    image = get(url + "/slika.png")
    assert image.headers["Content-Encoding"] is None and image.read().startswith(b"\x89PNG")


def test_missing_page_and_directory_without_slash(url):
    missing = get(url + "/nema/")
    assert missing.status == 404 and b"Nema" in missing.read()
    redirected = get(url + "/o-meni")  # urllib follows the redirect to /o-meni/
    assert redirected.status == 200 and redirected.url.endswith("/o-meni/")
