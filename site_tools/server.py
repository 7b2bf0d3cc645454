"""A small static server for built output: pretty URLs, 404.html for misses,
and gzip for text files when the client accepts it, as production hosts do.

It is safe to run while browsing other sites: it answers only requests named
for 127.0.0.1 or localhost (a web page cannot reach it by DNS rebinding, so
drafts under /nacrti/ stay private), lists no folders, sends nosniff, and
answers a malformed path (a NUL, a control character) with 400. When the
served folder has a `_headers` file (production builds: plugins/security_headers)
its headers are sent as Netlify and Cloudflare Pages would, and the file itself
is not served.
"""

import functools
import gzip
import re
import socket
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Text types worth compressing; images other than SVG are compressed already.
COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".xml", ".json", ".webmanifest", ".txt"}
ALLOWED_HOSTS = ("127.0.0.1", "localhost")
HEADERS_FILE = "_headers"
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def host_allowed(host: str | None) -> bool:
    """True for "127.0.0.1", "localhost", with or without a port."""
    name, _, port = (host or "").strip().lower().partition(":")
    return name in ALLOWED_HOSTS and (not port or port.isdigit())


def path_problem(target: str) -> str | None:
    """Why a request target is refused with 400, or None."""
    if not target.startswith("/"):
        return "the path must start with /"
    try:
        path = unquote(target.split("?", 1)[0].split("#", 1)[0], errors="strict")
    except UnicodeDecodeError:
        return "the path is not UTF-8"
    if CONTROL_CHARACTERS.search(path):
        return "the path has a control character"
    return None


def request_problem(host: str | None, target: str) -> str | None:
    """Why a request is refused with 400 (a foreign Host, a malformed path), or None."""
    if not host_allowed(host):
        return "only 127.0.0.1 and localhost are served"
    return path_problem(target)


def read_headers_file(path: Path) -> list[tuple[re.Pattern, list[tuple[str, str]]]]:
    """The rules of a Netlify / Cloudflare Pages `_headers` file: (path pattern, headers)."""
    rules: list[tuple[re.Pattern, list[tuple[str, str]]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = re.compile("^" + ".*".join(map(re.escape, line.strip().split("*"))) + "$")
            rules.append((pattern, []))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def not_found_page(root: Path, request_path: str) -> Path:
    """The 404.html of the path's edition (cir/404.html for a miss under cir/), else the site's."""
    first = urlsplit(request_path).path.strip("/").split("/", 1)[0]
    edition = root / first / "404.html"
    return edition if first and edition.is_file() else root / "404.html"


class SiteRequestHandler(SimpleHTTPRequestHandler):
    header_rules: list = []  # from the served folder's _headers file (make_server)

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        problem = request_problem(self.headers.get("Host"), self.path)
        if problem:
            self.send_error(HTTPStatus.BAD_REQUEST, problem)
            return False
        if self.path.split("?", 1)[0] == "/" + HEADERS_FILE and self.header_rules:
            self.send_error(HTTPStatus.NOT_FOUND)
            return False
        return True

    def end_headers(self):
        headers = {"X-Content-Type-Options": "nosniff"}
        path = self.path.split("?", 1)[0]
        for pattern, rule in self.header_rules:
            if pattern.match(path):
                headers.update(rule)
        for name, value in headers.items():
            self.send_header(name, value)
        super().end_headers()

    def list_directory(self, path):
        self.send_error(HTTPStatus.NOT_FOUND)  # no folder listings, ever
        return None

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

    def not_found_page(self) -> Path:
        return not_found_page(Path(self.directory), self.path)

    def send_error(self, code, message=None, explain=None):
        not_found_page = self.not_found_page()
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
    headers_file = Path(directory) / HEADERS_FILE
    rules = read_headers_file(headers_file) if headers_file.is_file() else []
    handler_class = type("ServedSiteHandler", (SiteRequestHandler,), {"header_rules": rules})
    handler = functools.partial(handler_class, directory=str(directory))
    return ThreadingHTTPServer((host, port), handler)


class PortProblem(Exception):
    """The port asked for cannot be used; the message says why and what to type instead (in Serbian)."""


def free_port(value, host: str = "127.0.0.1") -> int:
    """The preview's port as the author gave it, checked before anything is built: a number, and free."""
    try:
        port = int(value)
    except (TypeError, ValueError):
        port = 0
    if not 1 <= port <= 65535:
        raise PortProblem(f"Port „{value}” nije broj od 1 do 65535. Na primer: make PORT=8001 (ili --port 8001)")
    with socket.socket() as probe:
        probe.setsockopt(
            socket.SOL_SOCKET, socket.SO_REUSEADDR, 1
        )  # as the servers bind: a closed preview's port is free
        try:
            probe.bind((host, port))
        except PermissionError:
            raise PortProblem(
                f"Port {port} traži administratorska prava. Izaberite broj veći od 1024, na primer: make PORT=8001 (ili --port 8001)"
            ) from None
        except OSError:
            raise PortProblem(
                f"Port {port} je već zauzet: verovatno je pregled već pokrenut u drugom prozoru terminala. "
                f"Otvorite http://{host}:{port}/ u pregledaču ili zatvorite taj pregled (Ctrl+C u njegovom prozoru); "
                f"ovaj možete pokrenuti i na drugom portu: make PORT={port + 1} (ili --port {port + 1})"
            ) from None
    return port


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
