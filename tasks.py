"""Author and developer tasks. `invoke --list` shows them; each one is a thin
wrapper around a function in site_tools/, where the logic (and its tests) live."""

import shutil
import sys

from invoke import task

from site_tools import ROOT
from site_tools import build as site_build
from site_tools.livereload_server import serve_with_livereload
from site_tools.new_content import new_post as create_post
from site_tools.server import serve_forever

OUTPUT = ROOT / "output"


@task
def clean(c):
    """Delete the built site (output/). Content is never touched."""
    shutil.rmtree(OUTPUT, ignore_errors=True)


@task
def build(c):
    """Development build into output/ (drafts included, marked as drafts)."""
    _build_or_exit(site_build.DEV_SETTINGS, OUTPUT)


@task(help={"port": "Port on 127.0.0.1 (default 8000)."})
def serve(c, port=8000):
    """Build, then serve output/ on http://127.0.0.1:8000 (no live reload)."""
    _build_or_exit(site_build.DEV_SETTINGS, OUTPUT)
    serve_forever(OUTPUT, port=int(port))


@task(help={"port": "Port on 127.0.0.1 (default 8000)."})
def livereload(c, port=8000):
    """Build, serve on http://127.0.0.1:8000, rebuild and reload the browser on every change."""
    serve_with_livereload(port=int(port))


@task(help={"title": "The post's title, in quotes: invoke new-post \"Naslov posta\""})
def new_post(c, title):
    """Create content/posts/<slug>.md as a draft with a full header; print its path."""
    try:
        path, preview = create_post(title)
    except FileExistsError as error:
        sys.exit(f"Greška: {error.filename} već postoji; izaberite drugi naslov ili izmenite taj fajl.")
    except ValueError as error:
        sys.exit(f"Greška: {error}")
    print(path.relative_to(ROOT))
    print(f"Pregled (uz `make serve`): {preview}")


@task
def publish(c):
    """Clean production build (publishconf.py) into output/."""
    _build_or_exit(site_build.PROD_SETTINGS, OUTPUT)


def _build_or_exit(settings, output):
    try:
        site_build.build(settings, output)
    except site_build.BuildError as error:
        sys.exit(str(error))
