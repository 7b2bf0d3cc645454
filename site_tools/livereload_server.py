"""Preview with live reload: rebuild on every change, then reload the browser.

The terminal shows the Serbian lines of the check and the address, nothing
else: the live-reload library's own log is silenced unless VA_DEBUG=1.
"""

import logging
import os

from livereload import Server

from . import ROOT
from .preview import checked_build

WATCHED = ["content", "theme", "plugins", "pelicanconf.py"]


def rebuild() -> None:
    # Problems are printed and shown on every page; the preview is rebuilt whatever the content says.
    checked_build(say=lambda text: print(text, flush=True))


class QuietServer(Server):
    """The live-reload server without its own log lines (unless VA_DEBUG=1)."""

    def _setup_logging(self):
        if os.environ.get("VA_DEBUG"):
            return super()._setup_logging()
        for name in ("livereload", "tornado"):
            logging.getLogger(name).addHandler(logging.NullHandler())  # also keeps tornado from adding its own
            logging.getLogger(name).propagate = False


def serve_with_livereload(host: str = "127.0.0.1", port: int = 8000) -> None:
    rebuild()
    server = QuietServer()
    for path in WATCHED:
        server.watch(str(ROOT / path), rebuild, delay=0.5)
    print(f"Pregled je na http://{host}:{port}/ i osvežava se posle svakog čuvanja fajla (Ctrl+C za kraj).", flush=True)
    server.serve(host=host, port=port, root=str(ROOT / "output"), open_url_delay=None)
