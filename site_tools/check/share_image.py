"""A post's own share image (Image and Image_alt headers), by plugins/share_images' own rules.

The plugin stops the build on a bad share image; running its rules here lets
`invoke check` report it together with every other problem, at its line.
"""

import re
from types import SimpleNamespace

from ..plugins import share_image_rules
from .config import CheckConfig
from .problem import Problem
from .source import Document

LOCATION_RE = re.compile(r"^\S+?:(\d+:)? ")  # the plugin starts its messages with file:line
HINT = (
    "Slika za deljenje je PNG ili JPEG u content/images/, najbolje 1200×630 piksela, a uz nju ide red "
    "„Image_alt: …” sa jednom rečenicom o tome šta se vidi (README, deo „Sharing”)."
)


def check(document: Document, config: CheckConfig) -> list[Problem]:
    if not document.value("image"):
        return []
    content = SimpleNamespace(
        metadata={"image": document.value("image"), "image_alt": document.value("image_alt")},
        settings={"PATH": str(config.content), "STATIC_PATHS": list(config.static_paths)},
        source_path=str(document.path),
    )
    try:
        share_image_rules.custom_image(content)
    except share_image_rules.ShareImageError as error:
        return [document.problem(document.line_of("image"), LOCATION_RE.sub("", str(error), count=1), HINT)]
    return []
