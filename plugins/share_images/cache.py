"""A content-addressed cache of drawn share cards.

A card's file name is the hash of everything that shapes its pixels: the
title, the brand, the font file and the drawing code itself. An unchanged
post keeps its file and is never redrawn; any change gives a new name, which
also makes social networks fetch the new picture instead of their old copy.
"""

import hashlib
import json
import logging
import os
from functools import lru_cache
from pathlib import Path

import PIL

from . import drawing

log = logging.getLogger(__name__)


@lru_cache(maxsize=8)
def _file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def card_key(title: str, brand: str, font_path: Path = drawing.FONT) -> str:
    inputs = [title, brand, _file_digest(font_path), _file_digest(Path(drawing.__file__)), PIL.__version__]
    return hashlib.sha256(json.dumps(inputs).encode("utf-8")).hexdigest()


def card_path(cache_dir: Path, title: str, brand: str, font_path: Path = drawing.FONT) -> Path:
    """Where the card for these inputs is (or will be) in `cache_dir`."""
    return Path(cache_dir) / f"{card_key(title, brand, font_path)}.png"


def cached_card(cache_dir: Path, title: str, brand: str, font_path: Path = drawing.FONT) -> Path:
    """The card's file in `cache_dir`, drawn only if no card with these inputs exists."""
    path = card_path(cache_dir, title, brand, font_path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        # zlib's default level: 15 % larger than optimize=True (a card is some 15 KB, fetched once by each
        # app a link is shared in) and seven times faster, which decides a first build of a large site.
        drawing.draw_card(title, brand, font_path).save(partial, format="PNG", compress_level=6)
        partial.replace(path)  # atomic: a parallel build never sees half a file
        log.info("share image drawn: %s (%s)", path.name, title)
    return path
