"""Preview with live reload: rebuild on every change, then reload the browser.

The livereload package serves the pages and the reload websocket; here it is
held to the same rules as site_tools/server.py: only requests named for
127.0.0.1 or localhost, no folder listings, nosniff, 400 for a malformed
path, the 404 page for a miss, and the websocket only for the preview's own
origin (another site open in the browser cannot listen to, or drive, it).

The terminal shows the Serbian lines of the check and the address, nothing
else: the live-reload library's own log is silenced unless VA_DEBUG=1.
"""

import logging
import os
from pathlib import Path

from livereload import Server
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
from livereload.server import LiveScriptInjector
from tornado import web

from . import ROOT
from .preview import checked_build
from .preview_address import announced
from .server import ALLOWED_HOSTS, not_found_page, request_problem

WATCHED = ["content", "theme", "plugins", "pelicanconf.py"]
# livereload's own snippet, with the port fixed: the page loads the client from its own origin.
LIVE_SCRIPT = (
    '<script>(function(){var s=document.createElement("script");'
    's.src="/livereload.js?port=%d";document.head.appendChild(s);})();</script>'
)


class Guarded:
    """Checks every request before its handler runs (mixed into tornado handlers)."""

    def set_default_headers(self):
        self.set_header("X-Content-Type-Options", "nosniff")

    def prepare(self):
        problem = request_problem(self.request.headers.get("Host"), self.request.uri)
        if problem:
            raise web.HTTPError(400, reason=problem)


class PreviewPages(Guarded, StaticFileHandler):
    def validate_absolute_path(self, root: str, absolute_path: str):
        if Path(absolute_path).is_dir() and not (Path(absolute_path) / "index.html").is_file():
            raise web.HTTPError(404)  # a folder without a page: never a listing
        return super().validate_absolute_path(root, absolute_path)

    def write_error(self, status_code: int, **kwargs):
        page = not_found_page(Path(self.root), self.request.path)
        if status_code == 404 and page.is_file():
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(page.read_bytes())
        else:
            super().write_error(status_code, **kwargs)


class PreviewScript(Guarded, LiveReloadJSHandler):
    pass


class PreviewSocket(Guarded, LiveReloadHandler):
    origins: frozenset[str] = frozenset()  # set by PreviewServer: http://127.0.0.1:<port>, http://localhost:<port>

    def prepare(self):
        super().prepare()
        origin = self.request.headers.get("Origin")  # browsers always send it on a websocket
        if origin is not None and not self.check_origin(origin):
            raise web.HTTPError(403, reason="the live-reload socket is only for the preview itself")

    def check_origin(self, origin: str) -> bool:
        return origin.lower() in self.origins


class PreviewServer(Server):
    """livereload's Server with the guarded handlers above (livereload 2.7.1's application()), quiet."""

    def _setup_logging(self):
        if os.environ.get("VA_DEBUG"):
            return super()._setup_logging()
        for name in ("livereload", "tornado"):
            logging.getLogger(name).addHandler(logging.NullHandler())  # also keeps tornado from adding its own
            logging.getLogger(name).propagate = False

    def application(self, port, host, liveport=None, debug=None, live_css=True):
        LiveReloadHandler.watcher = self.watcher
        LiveReloadHandler.live_css = live_css
        PreviewSocket.origins = frozenset(f"http://{name}:{port}" for name in ALLOWED_HOSTS)

        class InjectScript(LiveScriptInjector):
            script = (LIVE_SCRIPT % port).encode()

        app = web.Application(
            handlers=[
                (r"/livereload", PreviewSocket),
                (r"/livereload.js", PreviewScript),
                (r"/(.*)", PreviewPages, {"path": self.root, "default_filename": "index.html"}),
            ],
            transforms=[InjectScript],
        )
        app.listen(port, address=host)


def rebuild() -> None:
    # Problems are printed and shown on every page; the preview is rebuilt whatever the content says.
    checked_build(say=lambda text: print(text, flush=True))


def serve_with_livereload(host: str = "127.0.0.1", port: int = 8000) -> None:
    address = f"http://{host}:{port}/"
    with announced(address):  # from the first build on: its report may give a page's address
        rebuild()
        server = PreviewServer()
        for path in WATCHED:
            server.watch(str(ROOT / path), rebuild, delay=0.5)
        print(f"Pregled je na {address} i osvežava se posle svakog čuvanja fajla (Ctrl+C za kraj).", flush=True)
        server.serve(host=host, port=port, root=str(ROOT / "output"), open_url_delay=None)
