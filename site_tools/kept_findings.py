"""What the publish checks found in each page, kept between publishes (cache/<name>/).

A page's links and structure depend on its text alone, and most pages of a
large site are the same from one publish to the next: each is parsed again
only when its text (or the checker's code) changed.
"""

from pathlib import Path

from . import ROOT
from .plugins import disk_cache


def findings_store(name: str, checker_file: str, cache: Path | None = None):
    """A store for one checker's findings, keyed by the code of `checker_file`; prune it after the run."""
    root = cache or ROOT / "cache" / name
    key = disk_cache.code_key(disk_cache.file_digest(str(checker_file)))
    return disk_cache.Store(disk_cache.open_folder(root, key), track=True)
