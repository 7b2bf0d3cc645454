"""A post's own share image, set in its header instead of the drawn card.

    Image: {static}/images/naslovna.png
    Image_alt: What the picture shows, in one sentence.

The file must be a PNG or JPEG under one of STATIC_PATHS (social networks do
not show SVG previews). Mistakes stop the build with a message (in Serbian,
for the author) naming the file and the header's line.
"""

import os
from pathlib import Path, PurePosixPath

from PIL import Image, UnidentifiedImageError

from shared import Source, plain

from .model import ShareImage

LINK_PREFIXES = ("{static}", "{attach}", "|static|", "|attach|")
MIME_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
MIN_SIZE = (200, 200)  # smaller images are ignored by Facebook and LinkedIn


class ShareImageError(ValueError):
    """The header names an image that cannot be used; the message says why, `hint` what to do
    (plugins/content_check shows it under the message)."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


def _relative_path(value: str) -> PurePosixPath:
    for prefix in LINK_PREFIXES:
        if value.startswith(prefix):
            value = value[len(prefix) :]
            break
    return PurePosixPath(value.strip().lstrip("/"))


def location(content, header: str) -> str:
    """content/posts/x.md:7 — the file as the author knows it, and the header's line."""
    name = os.path.relpath(content.source_path)
    line = Source(content.source_path, name).find_field(header)
    return f"{name}:{line}" if line else name


def custom_image(content) -> ShareImage | None:
    """The image named by the content's `Image` header, checked; None if there is none."""
    value = str(content.metadata.get("image") or "").strip()
    if not value:
        return None
    where = location(content, "image")
    settings = content.settings
    relative = _relative_path(value)
    static_paths = [PurePosixPath(p) for p in settings.get("STATIC_PATHS", [])]
    if ".." in relative.parts or not any(relative.is_relative_to(p) for p in static_paths):
        folders = ", ".join(f"content/{p}/" for p in static_paths)
        name = relative.name or "naslovna.png"  # her own file's name in the line to write
        raise ShareImageError(
            f"{where}: Slika za deljenje „{value}” nije u fascikli {folders}.",
            f"Sačuvajte sliku u content/images/ i napišite: Image: {{static}}/images/{name}",
        )
    source = Path(settings["PATH"]) / relative
    if not source.is_file():
        shown = os.path.relpath(source, os.path.dirname(os.path.abspath(settings["PATH"])))
        raise ShareImageError(
            f"{where}: Slika za deljenje „{value}” ne postoji (nema fajla {shown}).",
            "Proverite ime fajla u content/images/ (mala i velika slova se razlikuju).",
        )
    try:
        with Image.open(source) as picture:
            kind, size = picture.format, picture.size
    except (UnidentifiedImageError, OSError):
        kind, size = None, (0, 0)
    if kind not in MIME_TYPES:
        raise ShareImageError(
            f"{where}: Slika za deljenje „{value}” nije PNG ni JPEG, a društvene mreže prikazuju samo takve (ne SVG).",
            "Sačuvajte je kao PNG ili JPEG (najbolje 1200×630 piksela) i to ime napišite u Image.",
        )
    if size[0] < MIN_SIZE[0] or size[1] < MIN_SIZE[1]:
        raise ShareImageError(
            f"{where}: Slika za deljenje „{value}” ima samo {size[0]}×{size[1]} piksela, "
            f"a potrebno je bar {MIN_SIZE[0]}×{MIN_SIZE[1]}.",
            "Izaberite veću sliku, najbolje 1200×630 piksela.",
        )
    alt = plain(content.metadata.get("image_alt"))
    if not alt:
        raise ShareImageError(
            f"{where}: Uz Image napišite i Image_alt: jednu rečenicu o tome šta se vidi na slici.",
            "Dodajte u zaglavlje red, na primer: Image_alt: Radni sto sa laptopom i rokovnikom",
        )
    url = settings.get("STATIC_URL", "{path}").format(path=relative.as_posix())
    return ShareImage(url, size[0], size[1], alt, MIME_TYPES[kind])
