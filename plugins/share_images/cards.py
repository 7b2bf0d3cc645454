"""Drawn cards: asked for by name and title, copied into the output for pages that are written.

Its own module, apart from the plugin's signal handlers: `shared` offers
`drawn_card` and `copy_into_output` to other plugins, and this package itself
imports `shared`, so `shared` must be able to import these while the package
is still being imported (as when one plugin's tests are run alone).
"""

import functools
from pathlib import Path

from shared import plain
from shared.disk_cache import link_or_copy

from .drawing import HEIGHT, WIDTH
from .model import ShareImage
from .painter import Painter

OUTPUT_DIR = "share"
painter = Painter()
_in_output: set[Path] = set()  # every card this build put (or found) in the output


def cache_dir(settings) -> Path:
    """SHARE_IMAGE_CACHE, or cache/share-images/ beside the content folder."""
    configured = settings.get("SHARE_IMAGE_CACHE")
    return Path(configured) if configured else Path(settings["PATH"]).parent / "cache" / "share-images"


def drawn_card(settings, name: str, title: str, brand: str | None = None) -> ShareImage:
    """The card for `title` (the site's name on it, or `brand`), asked to be drawn if it is not kept."""
    brand = plain(settings.get("SITENAME")) if brand is None else brand
    return _card(cache_dir(settings), name, title, brand)


# A Cyrillic twin's card is asked for twice: once all is read, and by its page.
@functools.cache
def _card(folder: Path, name: str, title: str, brand: str) -> ShareImage:
    source = painter.card(folder, title, brand)
    url = f"{OUTPUT_DIR}/{name}.{source.stem[:10]}.png"
    return ShareImage(url, WIDTH, HEIGHT, f"{brand}: {title}", "image/png", source)


def forget_asked_cards() -> None:
    """A build starts from what is in the cache folder, not from what an earlier one asked for."""
    _card.cache_clear()


def copy_into_output(output_path: str, image: ShareImage | None):
    if image is None or image.source is None:
        return
    painter.wait(image.source)
    target = Path(output_path) / image.url
    _in_output.add(target)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(image.source, target)


def remove_old_cards(output: Path) -> None:
    """Cards of an earlier build (a retitled post's) leave the preview folder, which is built over."""
    folder = output / OUTPUT_DIR
    if _in_output and folder.is_dir():
        for path in folder.iterdir():
            if path.is_file() and path not in _in_output:
                path.unlink()
