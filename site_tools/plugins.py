"""Import the project's Pelican plugins (from plugins/) as ordinary modules."""

import sys

from . import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

import serbian  # noqa: E402

__all__ = ["serbian"]
