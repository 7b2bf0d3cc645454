"""The size an image shows at, read from the file's header (no pixels decoded).

A phone writes its photo in the sensor's orientation and says in EXIF how to
turn it; browsers honour that, so the displayed size is the turned one. SVGs
have the size of their width/height attributes, or else of their viewBox.
"""

import re
import warnings
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PIL import Image

EXIF_ORIENTATION = 0x0112
TURNED = {5, 6, 7, 8}  # orientations that swap width and height
LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


class UnreadableImage(Exception):
    """The file cannot be read as an image (the content check names it)."""


def raster_size(path: Path) -> tuple[int, int]:
    """(width, height) as the browser shows the picture."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                orientation = image.getexif().get(EXIF_ORIENTATION)
    except Exception as error:  # Pillow raises many kinds for a bad file; each means the same here
        raise UnreadableImage(str(path)) from error
    return (height, width) if orientation in TURNED else (width, height)


def _length(value: str | None) -> float | None:
    match = LENGTH.match(value or "")
    return float(match.group(1)) if match else None


def svg_size(path: Path) -> tuple[int, int] | None:
    """(width, height) from the root's width/height in pixels, else its viewBox; None if neither says."""
    try:
        for _event, root in ElementTree.iterparse(path, events=("start",)):  # noqa: B007 (the first element)
            break
        else:
            return None
    except (ElementTree.ParseError, OSError):
        return None
    width, height = _length(root.get("width")), _length(root.get("height"))
    box = re.split(r"[\s,]+", (root.get("viewBox") or "").strip())
    if len(box) == 4:
        try:
            box_width, box_height = float(box[2]), float(box[3])
        except ValueError:
            box_width = box_height = None
        if box_width and box_height and box_width > 0 and box_height > 0:
            if width and not height:
                height = width * box_height / box_width
            elif height and not width:
                width = height * box_width / box_height
            elif not width and not height:
                width, height = box_width, box_height
    if not width or not height:
        return None
    return max(1, round(width)), max(1, round(height))
