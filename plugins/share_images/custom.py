"""A post's own share image, set in its header instead of the drawn card.

    Image: {static}/images/naslovna.png
    Image_alt: What the picture shows, in one sentence.

The file must be a PNG or JPEG under one of STATIC_PATHS (social networks do
not show SVG previews). Mistakes stop the build with a message naming the post.
"""

from pathlib import Path, PurePosixPath

from PIL import Image, UnidentifiedImageError
from plain_text import plain

from .model import ShareImage

LINK_PREFIXES = ("{static}", "{attach}", "|static|", "|attach|")
MIME_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
MIN_SIZE = (200, 200)  # smaller images are ignored by Facebook and LinkedIn


class ShareImageError(ValueError):
    """The header names an image that cannot be used; the message says why."""


def _relative_path(value: str) -> PurePosixPath:
    for prefix in LINK_PREFIXES:
        if value.startswith(prefix):
            value = value[len(prefix):]
            break
    return PurePosixPath(value.strip().lstrip("/"))


def custom_image(content) -> ShareImage | None:
    """The image named by the content's `Image` header, checked; None if there is none."""
    value = str(content.metadata.get("image") or "").strip()
    if not value:
        return None
    where = content.relative_source_path
    settings = content.settings
    relative = _relative_path(value)
    static_paths = [PurePosixPath(p) for p in settings.get("STATIC_PATHS", [])]
    if ".." in relative.parts or not any(relative.is_relative_to(p) for p in static_paths):
        folders = ", ".join(f"content/{p}/" for p in static_paths)
        raise ShareImageError(f"{where}: Image {value!r} must be a file in {folders}")
    source = Path(settings["PATH"]) / relative
    if not source.is_file():
        raise ShareImageError(f"{where}: Image {value!r} not found (looked for {source})")
    try:
        with Image.open(source) as picture:
            kind, size = picture.format, picture.size
    except (UnidentifiedImageError, OSError):
        raise ShareImageError(f"{where}: Image {value!r} is not a PNG or JPEG picture") from None
    if kind not in MIME_TYPES:
        raise ShareImageError(f"{where}: Image {value!r} is {kind}; use a PNG or JPEG")
    if size[0] < MIN_SIZE[0] or size[1] < MIN_SIZE[1]:
        raise ShareImageError(
            f"{where}: Image {value!r} is only {size[0]}×{size[1]} pixels; "
            f"use at least {MIN_SIZE[0]}×{MIN_SIZE[1]}, ideally 1200×630"
        )
    alt = plain(content.metadata.get("image_alt"))
    if not alt:
        raise ShareImageError(f"{where}: Image is set but Image_alt is missing; describe the picture in one sentence")
    url = settings.get("STATIC_URL", "{path}").format(path=relative.as_posix())
    return ShareImage(url, size[0], size[1], alt, MIME_TYPES[kind])
