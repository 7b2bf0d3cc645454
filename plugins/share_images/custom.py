"""A post's own share image, set in its header instead of the drawn card.

    Image: {static}/images/naslovna.png
    Image_alt: What the picture shows, in one sentence.

The file must be a PNG or JPEG under one of STATIC_PATHS (social networks do
not show SVG previews). Mistakes stop the build with a message (in Serbian,
for the author) naming the file and the header's line.

A photo heavier than SHARE_PHOTO_MAX_BYTES or larger than SHARE_PHOTO_MAX_SIDE
(a phone's original: 5–25 MB) is shared as a copy at most 1200 px on its longer
side (JPEG, turned as the phone held it, without its EXIF, GPS included): apps
fetch the preview image once per shared link, and drop one that is too heavy
(Facebook above 8 MB; Viber and WhatsApp much sooner), so the link would show
no picture. The copy is made once, kept in the share images' cache by the
photo's bytes, and copied into share/ like a drawn card.
"""

import hashlib
import os
from pathlib import Path, PurePosixPath

from PIL import Image, ImageOps, UnidentifiedImageError

from shared import Source, plain

from .cards import OUTPUT_DIR, cache_dir
from .model import ShareImage

LINK_PREFIXES = ("{static}", "{attach}", "|static|", "|attach|")
MIME_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
MIN_SIZE = (200, 200)  # smaller images are ignored by Facebook and LinkedIn
SHARE_PHOTO_MAX_BYTES = 1_000_000
SHARE_PHOTO_MAX_SIDE = 2400
SHARED_SIDE = 1200  # Facebook's recommended width
SHARED_QUALITY = 85
PHOTO_CODE = "1"  # bump when the copy is made differently: the cache is found by it and the photo


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
    if source.stat().st_size > SHARE_PHOTO_MAX_BYTES or max(size) > SHARE_PHOTO_MAX_SIDE:
        return _lighter_copy(settings, content.slug, source, alt)
    url = settings.get("STATIC_URL", "{path}").format(path=relative.as_posix())
    return ShareImage(url, size[0], size[1], alt, MIME_TYPES[kind])


def _lighter_copy(settings, slug: str, source: Path, alt: str) -> ShareImage:
    """The photo at most SHARED_SIDE px on its longer side, as JPEG; made once per photo."""
    digest = hashlib.sha256(PHOTO_CODE.encode() + source.read_bytes()).hexdigest()
    kept = cache_dir(settings) / "photos" / f"{digest}.jpg"
    if not kept.is_file():
        with Image.open(source) as picture:
            picture.draft("RGB", (SHARED_SIDE, SHARED_SIDE))  # a JPEG is decoded at a smaller scale: faster
            shown = ImageOps.exif_transpose(picture)
            shown.thumbnail((SHARED_SIDE, SHARED_SIDE))
            if shown.mode != "RGB":  # a PNG's transparency on white, as the apps show it
                with_alpha = shown.convert("RGBA")
                shown = Image.new("RGB", with_alpha.size, "white")
                shown.paste(with_alpha, mask=with_alpha.getchannel("A"))
            kept.parent.mkdir(parents=True, exist_ok=True)
            partial = kept.with_suffix(f".{os.getpid()}.part")
            shown.save(partial, "JPEG", quality=SHARED_QUALITY)
            partial.replace(kept)  # whole or not at all, for a build running beside this one
    with Image.open(kept) as made:
        width, height = made.size
    return ShareImage(f"{OUTPUT_DIR}/{slug}.{digest[:10]}.jpg", width, height, alt, "image/jpeg", kept)
