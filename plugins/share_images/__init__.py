"""Share images (Open Graph / Twitter cards) for every article and page.

Each content object gets `share_image` (a ShareImage): the author's own
picture from the `Image` header, or else a 1200×630 card drawn with the
site's brand and the title. Cards are drawn into a cache outside the output
(see cache.py), in worker processes while Pelican reads on (painter.py), and
copied into the output only for pages actually written (cards.py), so drafts left out
of a build leave no image behind. List pages (home, category,
tag, archives) share one site card: settings["SITE_SHARE_IMAGE"].
"""

import logging
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Page

from shared import folders, plain

from .cards import OUTPUT_DIR, copy_into_output, drawn_card, forget_asked_cards, painter, remove_old_cards
from .custom import ShareImageError, custom_image

log = logging.getLogger(__name__)

SITE_CARD_NAME = "site"


def add_share_image(content):
    if not isinstance(content, (Article, Page)):
        return
    try:
        content.share_image = custom_image(content) or drawn_card(content.settings, content.slug, plain(content.title))
    except ShareImageError as error:
        log.error("%s", error)  # fatal with --fatal warnings; the page keeps no image
        content.share_image = None


def add_site_card(pelican):
    forget_asked_cards()
    settings = pelican.settings
    settings["SITE_SHARE_IMAGE"] = drawn_card(settings, SITE_CARD_NAME, plain(settings.get("SITESUBTITLE")))


def copy_written_page_image(path, context):
    content = context.get("article") or context.get("page")
    if isinstance(content, (Article, Page)):
        copy_into_output(context["OUTPUT_PATH"], getattr(content, "share_image", None))


def copy_site_card(pelican):
    copy_into_output(pelican.output_path, pelican.settings.get("SITE_SHARE_IMAGE"))
    painter.close()
    remove_old_cards(Path(pelican.output_path))


def register():
    folders.claim(OUTPUT_DIR)
    signals.initialized.connect(add_site_card)
    signals.content_object_init.connect(add_share_image)
    signals.content_written.connect(copy_written_page_image)
    signals.finalized.connect(copy_site_card)
