"""Stock Pelican + typogrify on the same content: the benchmark's yardstick.

A site as `pelican-quickstart` makes it (its publishconf.py: absolute URLs,
Atom feeds, a cleaned output folder), the default theme, typogrify on, no
plugins, with only the content paths set so it reads the same files as ours.
Pelican and typogrify come from requirements-bench.txt, installed into a
temporary virtualenv (or any Python that has those versions).
"""

import shutil
import subprocess
import sys
from pathlib import Path

from .. import ROOT

REQUIREMENTS = ROOT / "requirements-bench.txt"
SETTINGS = """AUTHOR = "Ana Petrović"
SITENAME = "VA vodič"
SITEURL = ""
PATH = "content"
TIMEZONE = "Europe/Belgrade"
DEFAULT_LANG = "sr"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = 10
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages", "faq"]
STATIC_PATHS = ["images"]
TYPOGRIFY = True
PLUGINS = []  # none; without this Pelican would load every namespace plugin it finds installed
"""
PUBLISH_SETTINGS = """import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa

SITEURL = "https://vavodic.rs"
RELATIVE_URLS = False
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
DELETE_OUTPUT_DIRECTORY = True
"""


def make_site(folder: Path, content: Path) -> Path:
    """A stock site in `folder` reading a copy of `content`."""
    folder.mkdir(parents=True)
    shutil.copytree(content, folder / "content")
    (folder / "pelicanconf.py").write_text(SETTINGS, encoding="utf-8")
    (folder / "publishconf.py").write_text(PUBLISH_SETTINGS, encoding="utf-8")
    return folder


def build_command(python: Path | str, output: Path) -> list[str]:
    return [str(python), "-m", "pelican", "content", "-s", "publishconf.py", "-o", str(output)]


def venv_commands(folder: Path, requirements: Path = REQUIREMENTS) -> list[list[str]]:
    """Create a virtualenv in `folder` and install the pinned stock packages into it."""
    python = folder / "bin" / "python"
    return [
        [sys.executable, "-m", "venv", str(folder)],
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(requirements)],
    ]


def make_venv(folder: Path, requirements: Path = REQUIREMENTS) -> Path:
    """The virtualenv's Python; raises CalledProcessError (with pip's output) if installing fails."""
    for command in venv_commands(folder, requirements):
        subprocess.run(command, check=True, capture_output=True, text=True)
    return folder / "bin" / "python"
