"""The site's own SVG drawings in Cyrillic, for the twins.

A diagram's words are part of its page: a Cyrillic page showing „Hitno: poziv”
would switch scripts mid-text. Each SVG among the static files that shows
text gets a twin at cir/<its path>, with the character data of its <text>,
<tspan>, <title> and <desc> transliterated (names and kept words stay as the
transliterator keeps them; attributes, styles and entities are untouched),
and the twin pages point their <img> at it. A drawing with no text, or one
that cannot be read, is shown as it is in both editions.
"""

import re
from pathlib import Path

from shared.output import note_written, write_if_changed

from .editions import PREFIX
from .translit import to_cyrillic

SHOWN_RE = re.compile(r"(<(text|tspan|title|desc)\b[^>]*>)(.*?)(</\2\s*>)", re.S)
TAG_OR_ENTITY_RE = re.compile(r"(<[^>]*>|&[#\w]+;)")


def cyrillic_svg(svg: str) -> str:
    """`svg` with every text it shows in Cyrillic."""

    def shown(match: re.Match) -> str:
        parts = TAG_OR_ENTITY_RE.split(match.group(3))
        inner = "".join(part if TAG_OR_ENTITY_RE.fullmatch(part) else to_cyrillic(part) for part in parts)
        return match.group(1) + inner + match.group(4)

    return SHOWN_RE.sub(shown, svg)


def svg_twins(context) -> dict[str, str]:
    """Absolute URL of each of the site's SVGs that shows text → its Cyrillic twin's (written once per build)."""
    key = context["OUTPUT_PATH"]
    if key not in _written:
        _written[key] = _write_twins(context)
    return _written[key]


_written: dict[str, dict[str, str]] = {}


def _write_twins(context) -> dict[str, str]:
    siteurl, twins = context.get("SITEURL", ""), {}
    # The static files this build copies (in production only those a published text uses: plugins/used_images),
    # in URL order: the mapping is part of each twin's cache key.
    for static in sorted(context.get("staticfiles") or [], key=lambda static: static.url):
        if not static.source_path.lower().endswith(".svg"):
            continue
        try:
            latin = Path(static.source_path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the content check names a file it cannot read; the drawing stays as it is
        twin = cyrillic_svg(latin)
        if twin == latin:
            continue
        target = Path(context["OUTPUT_PATH"], PREFIX, static.save_as)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_if_changed(target, twin)
        note_written(target)  # removed from the preview once its drawing is gone (plugins/stale_pages)
        twins[f"{siteurl}/{static.url}"] = f"{siteurl}/{PREFIX}{static.url}"
    return twins
