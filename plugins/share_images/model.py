"""What the rest of the site knows about a page's share image."""

from pathlib import Path
from typing import NamedTuple


class ShareImage(NamedTuple):
    url: str  # relative to SITEURL, like every other URL on content objects
    width: int
    height: int
    alt: str
    mime_type: str
    source: Path | None = None  # a drawn card to copy into the output; None for the author's own image
