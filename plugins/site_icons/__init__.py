"""Favicon set and web manifest, drawn and written by the build.

Files written to the output root (where browsers and platforms look for them):
favicon.ico (16/32/48), icon.svg, apple-touch-icon.png (180), icon-192.png,
icon-512.png, icon-maskable-512.png and manifest.webmanifest.

Templates get:
- SITE_ICON_DATA_URI: the SVG icon as a data: URI for <link rel="icon">. A
  linked file would be a third request on every first view (our budget is
  HTML + CSS); inline it costs about 250 bytes, and Chromium then does not
  ask for /favicon.ico either.
- SITE_MARK_SVG: the same mark as inline SVG for the header.
- THEME_COLORS: the page background per colour scheme, for <meta name="theme-color">.
"""

import json
import os
import shutil
from pathlib import Path

from markupsafe import Markup
from pelican import signals

from . import draw

PNG_ICONS = {
    "apple-touch-icon.png": dict(size=180, rounded=False),
    "icon-192.png": dict(size=192),
    "icon-512.png": dict(size=512),
    "icon-maskable-512.png": dict(size=512, rounded=False, padding=0.1),
}
FAVICON_SIZES = [(16, 16), (32, 32), (48, 48)]
DRAWN = (*PNG_ICONS, "favicon.ico")
# The site's logo for structured data (the publisher's logo, plugins/seo_meta).
LOGO = "icon-512.png"


def manifest(settings) -> dict:
    """The web manifest; URLs are relative to it, so it works under any SITEURL."""
    return {
        "name": settings["SITENAME"],
        "short_name": settings["SITENAME"],
        "description": settings["SITESUBTITLE"],
        "lang": settings.get("HTML_LANG", settings["DEFAULT_LANG"]),
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "minimal-ui",
        "background_color": draw.BACKGROUND,
        "theme_color": draw.ACCENT,
        "icons": [
            {"src": "icon.svg", "sizes": "any", "type": "image/svg+xml"},
            {"src": "icon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": "icon-512.png", "sizes": "512x512", "type": "image/png"},
            {"src": "icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
        ],
    }


def write_icons(output: Path, settings, store=None) -> list[Path]:
    """Write every icon and the manifest into `output`; return the paths written.

    With `store` (a FolderStore), the PNG icons are drawn once into it (its
    folder is named by the drawing code) and hard-linked into the output:
    drawing them was a twentieth of the preview's rebuild after an edit."""
    # Imported here: `shared` imports this plugin, and a test imports this plugin first.
    from shared.disk_cache import link_or_copy
    from shared.output import write_if_changed

    output.mkdir(parents=True, exist_ok=True)
    write_if_changed(output / "icon.svg", draw.svg())
    if store is None:
        _draw_into(output)
    else:
        kept = store.path("icons")
        if not all((kept / name).is_file() for name in DRAWN):
            _draw_kept(kept)
        for name in DRAWN:
            (output / name).unlink(missing_ok=True)
            link_or_copy(kept / name, output / name)
    write_if_changed(
        output / "manifest.webmanifest", json.dumps(manifest(settings), ensure_ascii=False, indent=2) + "\n"
    )
    return [output / name for name in ("icon.svg", *DRAWN, "manifest.webmanifest")]


def _draw_into(folder: Path) -> None:
    for name in DRAWN:  # a hard link from an earlier build's cache is replaced, never written through
        (folder / name).unlink(missing_ok=True)
    for name, options in PNG_ICONS.items():
        draw.png(**options).save(folder / name, optimize=True)
    draw.png(48).save(folder / "favicon.ico", sizes=FAVICON_SIZES)


def _draw_kept(kept: Path) -> None:
    """Draw the icons into a folder of their own, then put it in place whole: a parallel build never sees half."""
    drawing = kept.with_name(f".{kept.name}.{os.getpid()}.tmp")
    drawing.mkdir(parents=True, exist_ok=True)
    _draw_into(drawing)
    shutil.rmtree(kept, ignore_errors=True)  # an incomplete set, if any
    try:
        drawing.rename(kept)
    except OSError:  # another build put its set there first
        shutil.rmtree(drawing, ignore_errors=True)


def prepare(pelican):
    pelican.settings["SITE_ICON_DATA_URI"] = draw.data_uri(draw.svg())
    pelican.settings["SITE_MARK_SVG"] = Markup(draw.inline_svg())
    pelican.settings["THEME_COLORS"] = {"light": draw.BACKGROUND, "dark": draw.BACKGROUND_DARK}


def write(pelican):
    from shared.disk_cache import FolderStore, cache_root, code_key, open_folder  # see write_icons

    # One folder for every site address and mode (build_store would make one each): the icons are the same.
    root = cache_root(pelican.settings, "SITE_ICON_CACHE", "site-icons")
    store = FolderStore(open_folder(root, code_key())) if root else None
    write_icons(Path(pelican.settings["OUTPUT_PATH"]), pelican.settings, store)


def register():
    signals.initialized.connect(prepare)
    signals.finalized.connect(write)
