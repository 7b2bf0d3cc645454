"""Share images for the Cyrillic twins: the same card, drawn with the title in Cyrillic.

Drawn by plugins/share_images (same font, DejaVu Sans Bold, which has the
Cyrillic letters; same cache, so a rebuild draws only new or retitled
cards). An author's own picture (`Image:`) has no text of ours and serves both
editions.
"""

from shared import copy_into_output, drawn_card, plain

from .translit import to_cyrillic

SUFFIX = "-cir"


def cyrillic_images(context) -> dict[str, str]:
    """Absolute URL of the page's Latin share image → its Cyrillic card's, drawing and copying it."""
    content = context.get("article") or context.get("page")
    image, twin = twin_card(context, content)
    if twin is None:
        return {}
    copy_into_output(context["OUTPUT_PATH"], twin)
    siteurl = context.get("SITEURL", "")
    return {f"{siteurl}/{image.url}": f"{siteurl}/{twin.url}"}


def twin_card(settings, content):
    """(the Latin share image, its Cyrillic card) of `content` (None: the site's), the card asked
    to be drawn; (image, None) when the page has the author's own picture."""
    brand = to_cyrillic(plain(settings.get("SITENAME", "")))  # the card's brand line
    if content is not None:
        image, name, title = getattr(content, "share_image", None), content.slug, plain(content.title)
    else:
        image, name, title = settings.get("SITE_SHARE_IMAGE"), "site", plain(settings.get("SITESUBTITLE"))
    if image is None or image.source is None:
        return image, None
    return image, drawn_card(settings, name + SUFFIX, to_cyrillic(title), brand)


def ask_for_twin_cards(generators) -> None:
    """Ask for every document's Cyrillic card once all are read, so that the workers draw them
    while the pages are written instead of each page waiting for its own."""
    for generator in generators:
        for name in ("articles", "drafts", "pages", "hidden_pages", "draft_pages"):
            for content in getattr(generator, name, None) or []:
                twin_card(generator.settings, content)
