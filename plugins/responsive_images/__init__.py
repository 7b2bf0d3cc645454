"""Content images that cost a phone little (README "Photos").

Once everything is read (`all_generators_finalized`), each article's and
page's <img> that shows one of the site's own files (`{static}/images/…`,
resolved by Pelican and matched to its Static object) is rewritten:

- a photo (JPEG, PNG, WebP, AVIF) becomes a <picture>: AVIF and WebP
  <source>s and an <img> in the original's format, each with a srcset of
  widths from RESPONSIVE_IMAGE_WIDTHS (never wider than the original) and
  `sizes` = RESPONSIVE_IMAGE_SIZES, the theme's column;
- every image, SVGs and GIFs included, gets width and height, so the page
  keeps its layout while images load;
- the document's first image is fetched first (fetchpriority="high"), the
  others lazily (loading="lazy", decoding="async");
- a Markdown title, ![opis](… "Naslov"), alone in its paragraph, becomes a
  <figure> with the title as its <figcaption>.

Variants are encoded into a cache (variants.py) only for pages that are
written, copied beside the original in the output, and the cache is pruned
at the end of the run of every variant no document read in it uses. Every
JPEG Pelican copies (in the preview every one, drafts' too; in production
those published texts use, plugins/used_images) loses the place a phone wrote
into it (EXIF GPS, XMP).
"""

import html
import logging
import re
import shutil
from pathlib import Path

from pelican import signals
from pelican.contents import Static
from PIL import Image

from shared import documents, rendered
from shared.output import note_written

from . import markup, variants
from .dimensions import UnreadableImage, raster_size, svg_size

log = logging.getLogger(__name__)

SRC = re.compile(r'src="([^"]*)"')
# {attach} is left to Pelican: resolving it here would move the file next to the page.
STATIC_LINK = ("{static}", "|static|")
RASTER = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".avif": "AVIF", ".gif": "GIF"}
# The theme's column (theme/css/00-tokens.css --measure, 20-layout.css --space):
# the viewport less its gutters on a phone, 37rem from 40em up.
DEFAULT_SIZES = "(min-width: 40em) 37rem, calc(100vw - 2rem)"


def cache_dir(settings) -> Path:
    """RESPONSIVE_IMAGE_CACHE, or cache/responsive-images/ beside the content folder."""
    configured = settings.get("RESPONSIVE_IMAGE_CACHE")
    return Path(configured) if configured else Path(settings["PATH"]).parent / "cache" / "responsive-images"


class Run:
    """What one Pelican run planned: each document's variants and where they go."""

    def __init__(self, settings):
        self.cache = cache_dir(settings)
        self.widths = tuple(settings.get("RESPONSIVE_IMAGE_WIDTHS", variants.DEFAULT_WIDTHS))
        self.encoders = settings.get("RESPONSIVE_IMAGE_ENCODERS") or {}
        self.fallback_width = settings.get("RESPONSIVE_IMAGE_FALLBACK_WIDTH", 1080)
        self.sizes = settings.get("RESPONSIVE_IMAGE_SIZES", DEFAULT_SIZES)
        self.plans: dict[Path, variants.Plan | None] = {}
        self.sizes_of: dict[Path, tuple[int, int] | None] = {}
        self.by_document: dict[int, list[tuple[variants.Plan, str]]] = {}  # id(document) → (plan, save_as dir)
        self.copied: set[str] = set()
        self.originals: dict[Path, str] = {}  # source → save_as of every image Pelican copies into the site
        self.clean_keys: set[str] = set()  # the cleaned originals written this run
        self.statics_by_url: dict[str, Static] | None = None

    def size_and_plan(self, path: Path) -> tuple[tuple[int, int] | None, variants.Plan | None]:
        if path not in self.sizes_of:
            size, plan = None, None
            suffix = path.suffix.lower()
            if suffix == ".svg":
                size = svg_size(path)
            elif suffix in RASTER:
                try:
                    size = raster_size(path)
                except UnreadableImage:
                    size = None  # the content check reports the file
                if size:
                    plan = variants.plan(path, size, RASTER[suffix], self.widths, self.encoders, self.fallback_width)
            self.sizes_of[path], self.plans[path] = size, plan
        return self.sizes_of[path], self.plans[path]

    def static_of(self, document, src: str, siteurl: str, statics: dict[str, Static]) -> Static | None:
        """The Static object a {static} image link resolves to, or None (another site, a missing file)."""
        if not src.startswith(STATIC_LINK):
            return None
        if self.statics_by_url is None:  # every document resolves "{static}/<path>" to the same URL
            self.statics_by_url = {_resolved(document, "{static}/" + key, siteurl): s for key, s in statics.items()}
        return self.statics_by_url.get(_resolved(document, src, siteurl))

    def prepare(self, document, statics: dict[str, Static]) -> None:
        parsed = rendered.of(document).images
        if not parsed:
            return
        siteurl = document.get_siteurl()
        found: list[markup.Image | None] = []
        for image in parsed:
            static = self.static_of(document, image.attributes.get("src", ""), siteurl, statics)
            if static is None:
                found.append(None)
                continue
            size, plan = self.size_and_plan(Path(static.source_path))
            item = markup.Image(image.attributes, image.alone_in_paragraph, size, plan)
            item.src = _resolved(document, image.attributes["src"], siteurl)
            if plan is not None:
                base = item.src.rsplit("/", 1)[0]
                item.urls = {v: f"{base}/{v.name}" for v in plan.variants}
                self.by_document.setdefault(id(document), []).append((plan, static.save_as))
            found.append(item)
        if any(found):
            document._content = markup.rewrite(document._content, found, self.sizes)

    def write_variants(self, document, output_path: str) -> None:
        for plan, save_as in self.by_document.get(id(document), []):
            try:
                cached = variants.encode(plan, self.cache, self.encoders)
            except (OSError, ValueError, Image.DecompressionBombError):
                continue  # a photo cut off mid-file: the content check said so, and the preview is written anyway
            for variant, source in zip(plan.variants, cached, strict=False):
                target = Path(output_path) / variants.output_path(save_as, variant)
                if str(target) in self.copied:
                    continue
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, target)
                self.copied.add(str(target))
                note_written(target)  # a deleted photo's variants leave the preview (plugins/stale_pages)

    def clean_originals(self, output_path: str) -> None:
        """Replace Pelican's copy of each JPEG original with one without location metadata: whatever
        the output holds is public (the preview too, on a shared network)."""
        for source, save_as in self.originals.items():
            target = Path(output_path) / save_as
            if not (variants.is_cleaned(source) and target.exists()):
                continue
            target.unlink()  # never write through a link into content/ (STATIC_CREATE_LINKS)
            try:
                clean = variants.clean_original(source, self.cache)
            except (OSError, ValueError, Image.DecompressionBombError):
                # A file Pillow cannot read to the end (cut off while copied) may still hold its GPS at the
                # start: it is left out of the site, and a page that shows it fails the publish's link check.
                continue
            self.clean_keys.add(clean.name.split(".", 1)[0])  # named by its key
            shutil.copyfile(clean, target)

    def keys(self) -> set[str]:
        """Every cache entry this run used: the variants of its documents' photos, the cleaned originals."""
        return {v.key for plan in self.plans.values() if plan for v in plan.variants} | self.clean_keys


current: Run | None = None


def _resolved(document, src: str, siteurl: str) -> str:
    """Pelican's own URL for a {static} link (unchanged when it is not one)."""
    snippet = document._update_content(f'<img src="{html.escape(src, quote=True)}">', siteurl)
    match = SRC.search(snippet)
    return html.unescape(match.group(1)) if match else src


def start(pelican) -> None:
    global current
    current = Run(pelican.settings)


def prepare_all(generators) -> None:
    context = generators[0].context
    statics = dict(context.get("static_content", {}))
    current.originals = {Path(static.source_path): static.save_as for static in statics.values() if static.save_as}
    for document in documents(context):
        current.prepare(document, statics)


def write_for_page(path, context) -> None:
    document = context.get("article") or context.get("page")
    if document is not None and current is not None:
        current.write_variants(document, context["OUTPUT_PATH"])


def finish(pelican) -> None:
    current.clean_originals(pelican.output_path)
    removed = variants.prune(current.cache, current.keys())
    if removed:
        log.info("image variants no longer used, removed from the cache: %d", len(removed))


def register():
    signals.initialized.connect(start)
    signals.all_generators_finalized.connect(prepare_all)
    signals.content_written.connect(write_for_page)
    signals.finalized.connect(finish)
