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


def write_icons(output: Path, settings) -> list[Path]:
    """Write every icon and the manifest into `output`; return the paths written."""
    output.mkdir(parents=True, exist_ok=True)
    written = []
    svg_file = output / "icon.svg"
    svg_file.write_text(draw.svg(), encoding="utf-8")
    written.append(svg_file)
    for name, options in PNG_ICONS.items():
        draw.png(**options).save(output / name, optimize=True)
        written.append(output / name)
    draw.png(48).save(output / "favicon.ico", sizes=FAVICON_SIZES)
    written.append(output / "favicon.ico")
    manifest_file = output / "manifest.webmanifest"
    manifest_file.write_text(json.dumps(manifest(settings), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    written.append(manifest_file)
    return written


def prepare(pelican):
    pelican.settings["SITE_ICON_DATA_URI"] = draw.data_uri(draw.svg())
    pelican.settings["SITE_MARK_SVG"] = Markup(draw.inline_svg())
    pelican.settings["THEME_COLORS"] = {"light": draw.BACKGROUND, "dark": draw.BACKGROUND_DARK}


def write(pelican):
    write_icons(Path(pelican.settings["OUTPUT_PATH"]), pelican.settings)


def register():
    signals.initialized.connect(prepare)
    signals.finalized.connect(write)
