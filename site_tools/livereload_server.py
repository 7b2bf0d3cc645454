"""Preview with live reload: rebuild on every change, then reload the browser."""

from livereload import Server

from . import ROOT
from .build import BuildError, build

WATCHED = ["content", "theme", "plugins", "pelicanconf.py"]


def rebuild() -> None:
    try:
        build(quiet=True)
        print("Sajt je ponovo izgrađen.", flush=True)
    except BuildError as error:
        # Keep serving the last good build; the author sees why in the terminal.
        print(error, flush=True)


def serve_with_livereload(host: str = "127.0.0.1", port: int = 8000) -> None:
    build()
    server = Server()
    for path in WATCHED:
        server.watch(str(ROOT / path), rebuild, delay=0.5)
    server.serve(host=host, port=port, root=str(ROOT / "output"), open_url_delay=None)
