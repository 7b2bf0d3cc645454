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
    settings = {**context, "SITENAME": to_cyrillic(plain(context.get("SITENAME", "")))}  # the card's brand line
    if content is not None:
        image, name, title = getattr(content, "share_image", None), content.slug, plain(content.title)
    else:
        image, name, title = context.get("SITE_SHARE_IMAGE"), "site", plain(context.get("SITESUBTITLE"))
    if image is None or image.source is None:
        return {}
    twin = drawn_card(settings, name + SUFFIX, to_cyrillic(title))
    copy_into_output(context["OUTPUT_PATH"], twin)
    siteurl = context.get("SITEURL", "")
    return {f"{siteurl}/{image.url}": f"{siteurl}/{twin.url}"}
