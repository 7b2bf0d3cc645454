"""A small static server for built output: pretty URLs, 404.html for misses,
and gzip for text files when the client accepts it, as production hosts do."""

import functools
import gzip
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


# Text types worth compressing; images other than SVG are compressed already.
COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".xml", ".json", ".webmanifest", ".txt"}


class SiteRequestHandler(SimpleHTTPRequestHandler):
    def do_GET(self):
        if not self.send_compressed():
            super().do_GET()

    def do_HEAD(self):
        if not self.send_compressed():
            super().do_HEAD()

    def send_compressed(self) -> bool:
        """Answer with a gzip body if the client accepts it and the file is text."""
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return False
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return False  # the base class redirects to the address with "/"
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or not path.is_file():
            return False
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return True

    def send_error(self, code, message=None, explain=None):
        not_found_page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not not_found_page.is_file():
            return super().send_error(code, message, explain)
        body = not_found_page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


def make_server(directory: Path | str, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    handler = functools.partial(SiteRequestHandler, directory=str(directory))
    return ThreadingHTTPServer((host, port), handler)


def serve_forever(directory: Path | str, host: str = "127.0.0.1", port: int = 8000) -> None:
    with make_server(directory, host, port) as server:
        print(f"Sajt je na http://{host}:{port}/ (Ctrl+C za kraj)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


class BackgroundServer:
    """Serve a folder on a free port in a thread: `with BackgroundServer(dir) as url:`."""

    def __init__(self, directory: Path | str, host: str = "127.0.0.1", port: int = 0):
        self.server = make_server(directory, host, port)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> str:
        self.thread.start()
        return self.url

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
