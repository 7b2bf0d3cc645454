"""Pelican settings as the tools see them (paths made absolute by Pelican)."""

from functools import cache
from pathlib import Path

from . import ROOT

DEV_SETTINGS_FILE = "pelicanconf.py"
PROD_SETTINGS_FILE = "publishconf.py"


@cache
def _read(path: str) -> dict:
    from pelican.settings import read_settings

    return read_settings(path)


def load(name: str = DEV_SETTINGS_FILE, root: Path = ROOT) -> dict:
    """The settings in `root/name`, read once per process.

    publishconf.py reads VA_SITEURL when loaded, so set the environment first.
    """
    return _read(str(root / name))


def draft_preview_url(kind: str, slug: str, settings: dict | None = None) -> str:
    """Where the development preview (the running one, else the default port) shows a draft article ("post") or page."""
    from .preview_address import current

    settings = settings or load()
    pattern = settings["DRAFT_URL"] if kind == "post" else settings["DRAFT_PAGE_URL"]
    return f"{current()}{pattern.format(slug=slug)}"
