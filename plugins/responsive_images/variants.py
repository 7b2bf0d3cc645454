"""Which smaller copies of a photo to make, and making them once.

A variant is one width in one format. Its key hashes everything that shapes
its bytes: the source file's bytes, the width, the format and its encoder
settings, this module's code and Pillow's version. Encoded variants live in a
cache outside the output, named by key, so a rebuild encodes nothing it has
made before; the output names carry the key's start, so a changed photo gets
a new address and no browser keeps the old one.
"""

import hashlib
import json
import logging
import math
import os
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

import PIL
from PIL import Image, ImageOps

log = logging.getLogger(__name__)

MIME = {"AVIF": "image/avif", "WEBP": "image/webp", "JPEG": "image/jpeg", "PNG": "image/png"}
EXTENSION = {"AVIF": "avif", "WEBP": "webp", "JPEG": "jpg", "PNG": "png"}
# The format the <img> itself falls back to, by the original's format; the
# <source>s offer AVIF and WebP before it.
FALLBACK = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "AVIF": "WEBP"}
MODERN = ("AVIF", "WEBP")
# Encoder settings: chosen so the width a 375 px phone picks stays far under
# its budget while photos keep their detail (README "Photos").
DEFAULT_ENCODERS = {
    "AVIF": {"quality": 50, "speed": 6},
    "WEBP": {"quality": 75, "method": 6},
    "JPEG": {"quality": 80, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
}
DEFAULT_WIDTHS = (480, 768, 1080, 1440)
NEAR = 0.9  # a configured width this close to the original's adds nothing: the original's width is used


@dataclass(frozen=True)
class Variant:
    source: Path
    width: int
    height: int
    format: str
    key: str

    @property
    def mime(self) -> str:
        return MIME[self.format]

    @property
    def cache_name(self) -> str:
        return f"{self.key}.{EXTENSION[self.format]}"

    @property
    def name(self) -> str:
        """The file name in the output: the original's name, the width and the key's start."""
        return f"{self.source.stem}-{self.width}.{self.key[:10]}.{EXTENSION[self.format]}"


@dataclass(frozen=True)
class Plan:
    """Every variant of one source image, grouped by format, narrowest first."""

    source: Path
    width: int  # the widest variant's size: what the <img> says it is
    height: int
    formats: dict[str, list[Variant]]  # modern formats first, the fallback last
    fallback_width: int

    @property
    def fallback(self) -> Variant:
        """The <img src>: the widest fallback variant not over fallback_width, else the narrowest."""
        candidates = list(self.formats.values())[-1]
        fitting = [v for v in candidates if v.width <= self.fallback_width]
        return fitting[-1] if fitting else candidates[0]

    @property
    def variants(self) -> list[Variant]:
        return [variant for group in self.formats.values() for variant in group]


def widths_for(original: int, widths) -> list[int]:
    """The configured widths narrower than the original, and the original's own when it is narrower than the widest."""
    if original > max(widths):
        return sorted(set(widths))
    return sorted(w for w in set(widths) if w < original * NEAR) + [original]


@lru_cache(maxsize=4096)  # every photo of a large site, asked for its variants and its cleaned original
def _file_digest(path: Path, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def file_digest(path: Path) -> str:
    stat = path.stat()
    return _file_digest(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1)
def _code_digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def variant_key(source_digest: str, width: int, format: str, encoder: dict) -> str:
    inputs = [source_digest, width, format, encoder, _code_digest(), PIL.__version__]
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode("utf-8")).hexdigest()


def plan(
    source: Path,
    size: tuple[int, int],
    original_format: str,
    widths=DEFAULT_WIDTHS,
    encoders: dict | None = None,
    fallback_width: int = 1080,
) -> Plan | None:
    """The variants to make of `source` (shown at `size`), or None for a format we leave as it is (GIF, ICO)."""
    fallback = FALLBACK.get(original_format)
    if fallback is None:
        return None
    encoders = {**DEFAULT_ENCODERS, **(encoders or {})}
    digest = file_digest(source)
    width, height = size
    formats = {}
    for format in [f for f in MODERN if f != fallback] + [fallback]:
        formats[format] = [
            Variant(
                source, w, max(1, round(w * height / width)), format, variant_key(digest, w, format, encoders[format])
            )
            for w in widths_for(width, widths)
        ]
    widest = formats[fallback][-1]
    return Plan(source, widest.width, widest.height, formats, fallback_width)


def _ready_for(image: Image.Image, format: str) -> Image.Image:
    """RGB, or RGBA when the picture has transparency (every format here keeps an alpha channel but JPEG)."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    if has_alpha and format != "JPEG":
        return image.convert("RGBA")
    return image.convert("RGB")


def encode(plan: Plan, cache_dir: Path, encoders: dict | None = None) -> list[Path]:
    """The cached file of every variant of `plan`, encoding (from one decode of the source) only those missing."""
    encoders = {**DEFAULT_ENCODERS, **(encoders or {})}
    cache_dir = Path(cache_dir)
    missing = [v for v in plan.variants if not (cache_dir / v.cache_name).exists()]
    if missing:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with Image.open(plan.source) as original:
            turned = original.getexif().get(0x0112) in (5, 6, 7, 8)
            scale = plan.width / (original.height if turned else original.width)
            # JPEG only: decode at 1/2, 1/4 or 1/8 when that is still at least the widest variant.
            original.draft("RGB", (math.ceil(original.width * scale), math.ceil(original.height * scale)))
            image = ImageOps.exif_transpose(original)
            profile = original.info.get("icc_profile")
            for variant in missing:
                resized = image.resize((variant.width, variant.height), Image.Resampling.LANCZOS, reducing_gap=3.0)
                target = cache_dir / variant.cache_name
                partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
                options = dict(encoders[variant.format])
                if profile:
                    options["icc_profile"] = profile  # colours as the camera meant them (Display P3 phones)
                _ready_for(resized, variant.format).save(partial, variant.format, **options)
                partial.replace(target)  # atomic: a parallel build never sees half a file
        log.info("image variants encoded: %s (%d)", plan.source.name, len(missing))
    return [cache_dir / v.cache_name for v in plan.variants]


def clean_key(source: Path) -> str:
    return variant_key(file_digest(source), 0, "clean original", {})


@contextmanager
def _removed_on_failure(path: Path):
    try:
        yield
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def is_cleaned(source: Path) -> bool:
    """A format `clean_original` cleans: JPEG, the one phones fill with locations."""
    return source.suffix.lower() in (".jpg", ".jpeg")


def clean_original(source: Path, cache_dir: Path) -> Path | None:
    """A JPEG original as published: the same pixels, no place or camera metadata.

    A phone writes where a photo was taken (EXIF GPS, XMP) into the file; the
    site publishes the original too (a link to it must keep working), so its
    public copy keeps only the orientation and the colour profile. The JPEG
    is re-saved with its own quantization tables, so it looks the same.
    None for other formats, which phones do not fill with locations.
    """
    if not is_cleaned(source):
        return None
    target = Path(cache_dir) / f"{clean_key(source)}{source.suffix.lower()}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        with _removed_on_failure(partial), Image.open(source) as image:
            kept = Image.Exif()
            orientation = image.getexif().get(0x0112)
            if orientation:
                kept[0x0112] = orientation
            same = {"quality": "keep", "subsampling": "keep"} if image.format == "JPEG" else {"quality": 92}
            image.save(
                partial,
                "JPEG",
                exif=kept.tobytes(),
                icc_profile=image.info.get("icc_profile"),
                comment=b"",
                progressive=bool(image.info.get("progressive")),
                **same,
            )
        partial.replace(target)
    return target


def prune(cache_dir: Path, keep: set[str]) -> list[Path]:
    """Delete cached variants whose key is not in `keep`; the deleted files."""
    cache_dir = Path(cache_dir)
    if not cache_dir.is_dir():
        return []
    removed = []
    for path in cache_dir.iterdir():
        if path.is_file() and not path.name.startswith(".") and path.name.split(".", 1)[0] not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def output_path(static_save_as: str, variant: Variant) -> str:
    """Where a variant is written: beside the original's copy in the output."""
    return str(PurePosixPath(static_save_as.replace(os.sep, "/")).with_name(variant.name))
