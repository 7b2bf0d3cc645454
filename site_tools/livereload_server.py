"""Preview with live reload: rebuild on every change, then reload the browser."""

from livereload import Server

from . import ROOT
from .preview import checked_build

WATCHED = ["content", "theme", "plugins", "pelicanconf.py"]


def rebuild() -> None:
    # Check problems and a failed build are printed; the last good build stays served.
    checked_build(say=lambda text: print(text, flush=True))


def serve_with_livereload(host: str = "127.0.0.1", port: int = 8000) -> None:
    rebuild()
    server = Server()
    for path in WATCHED:
        server.watch(str(ROOT / path), rebuild, delay=0.5)
    server.serve(host=host, port=port, root=str(ROOT / "output"), open_url_delay=None)
