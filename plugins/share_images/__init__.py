"""Share images (Open Graph / Twitter cards) for every article and page.

Each content object gets `share_image` (a ShareImage): the author's own
picture from the `Image` header, or else a 1200×630 card drawn with the
site's brand and the title. Cards are drawn into a cache outside the output
(see cache.py), in worker processes while Pelican reads on (painter.py), and
copied into the output only for pages actually written, so drafts left out
of a build leave no image behind. List pages (home, category,
tag, archives) share one site card: settings["SITE_SHARE_IMAGE"].
"""

import functools
import logging
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Page

from shared import plain
from shared.disk_cache import link_or_copy

from .custom import ShareImageError, custom_image
from .drawing import HEIGHT, WIDTH
from .model import ShareImage
from .painter import Painter

log = logging.getLogger(__name__)

OUTPUT_DIR = "share"
SITE_CARD_NAME = "site"
painter = Painter()


def cache_dir(settings) -> Path:
    """SHARE_IMAGE_CACHE, or cache/share-images/ beside the content folder."""
    configured = settings.get("SHARE_IMAGE_CACHE")
    return Path(configured) if configured else Path(settings["PATH"]).parent / "cache" / "share-images"


def drawn_card(settings, name: str, title: str, brand: str | None = None) -> ShareImage:
    """The card for `title` (the site's name on it, or `brand`), asked to be drawn if it is not kept."""
    brand = plain(settings.get("SITENAME")) if brand is None else brand
    return _card(cache_dir(settings), name, title, brand)


# A Cyrillic twin's card is asked for twice: once all is read, and by its page.
# (functools.cache, not `cache`: that name is this package's cache module.)
@functools.cache
def _card(folder: Path, name: str, title: str, brand: str) -> ShareImage:
    source = painter.card(folder, title, brand)
    url = f"{OUTPUT_DIR}/{name}.{source.stem[:10]}.png"
    return ShareImage(url, WIDTH, HEIGHT, f"{brand}: {title}", "image/png", source)


def add_share_image(content):
    if not isinstance(content, (Article, Page)):
        return
    try:
        content.share_image = custom_image(content) or drawn_card(content.settings, content.slug, plain(content.title))
    except ShareImageError as error:
        log.error("%s", error)  # fatal with --fatal warnings; the page keeps no image
        content.share_image = None


def add_site_card(pelican):
    _card.cache_clear()  # a build starts from what is in the cache folder, not what an earlier one asked for
    settings = pelican.settings
    settings["SITE_SHARE_IMAGE"] = drawn_card(settings, SITE_CARD_NAME, plain(settings.get("SITESUBTITLE")))


def copy_into_output(output_path: str, image: ShareImage | None):
    if image is None or image.source is None:
        return
    painter.wait(image.source)
    target = Path(output_path) / image.url
    _in_output.add(target)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(image.source, target)


def copy_written_page_image(path, context):
    content = context.get("article") or context.get("page")
    if isinstance(content, (Article, Page)):
        copy_into_output(context["OUTPUT_PATH"], getattr(content, "share_image", None))


def copy_site_card(pelican):
    copy_into_output(pelican.output_path, pelican.settings.get("SITE_SHARE_IMAGE"))
    painter.close()
    remove_old_cards(Path(pelican.output_path))


def remove_old_cards(output: Path) -> None:
    """Cards of an earlier build (a retitled post's) leave the preview folder, which is built over."""
    folder = output / OUTPUT_DIR
    if _in_output and folder.is_dir():
        for path in folder.iterdir():
            if path.is_file() and path not in _in_output:
                path.unlink()


_in_output: set[Path] = set()  # every card this build put (or found) in the output


def register():
    signals.initialized.connect(add_site_card)
    signals.content_object_init.connect(add_share_image)
    signals.content_written.connect(copy_written_page_image)
    signals.finalized.connect(copy_site_card)
