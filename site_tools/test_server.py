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


def raw_get(address, path, host=None):
    """GET `path` with exactly this Host header (None: none at all); (status, headers, body)."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(address)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    if host is not None:
        connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    result = response.status, response.headers, response.read()
    connection.close()
    return result


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.", ""])
def test_only_local_host_names_are_served(url, host):
    """A page on another site cannot read the preview (or its drafts) through DNS rebinding."""
    status, _, body = raw_get(url, "/o-meni/", host=host)
    assert status == 400 and b"O meni" not in body


def test_local_host_names_are_served(url):
    port = url.rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "LOCALHOST", "127.0.0.1"):
        status, headers, _ = raw_get(url, "/o-meni/", host=host)
        assert status == 200, host
        assert headers["X-Content-Type-Options"] == "nosniff"


def test_no_folder_listings(url, tmp_path):
    (tmp_path / "slike").mkdir()
    (tmp_path / "slike" / "a.png").write_bytes(b"\x89PNG")
    status, headers, body = raw_get(url, "/slike/", host="127.0.0.1")
    assert status == 404 and b"a.png" not in body and b"Nema" in body
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "path", ["/%00", "/o-meni/%00.html", "/a%0d%0aSet-Cookie:x=1", "o-meni/", "http://evil.example/"]
)
def test_malformed_paths_get_400_not_a_dropped_connection(url, path):
    status, headers, _ = raw_get(url, path, host="127.0.0.1")
    assert status == 400
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_a_headers_file_is_applied_and_not_served(tmp_path):
    (tmp_path / "index.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "_headers").write_text(
        "/*\n  X-Frame-Options: DENY\n  X-Content-Type-Options: nosniff\n/feeds/*\n  Cache-Control: no-cache\n",
        encoding="utf-8",
    )
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "sve.atom.xml").write_text("<feed/>", encoding="utf-8")
    with BackgroundServer(tmp_path) as address:
        status, headers, _ = raw_get(address, "/", host="127.0.0.1")
        assert status == 200 and headers["X-Frame-Options"] == "DENY"
        assert headers.get_all("X-Content-Type-Options") == ["nosniff"]
        assert headers["Cache-Control"] is None
        assert raw_get(address, "/feeds/sve.atom.xml", host="127.0.0.1")[1]["Cache-Control"] == "no-cache"
        assert raw_get(address, "/_headers", host="127.0.0.1")[0] == 404
