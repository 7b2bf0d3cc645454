"""Import the project's Pelican plugins (from plugins/) as ordinary modules."""

import sys

from . import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

import breadcrumbs  # noqa: E402
import faq.model as faq_model  # noqa: E402
import serbian  # noqa: E402
import shared.rendered as rendered  # noqa: E402
import shared.starters as starters  # noqa: E402
from shared.problem import Problem  # noqa: E402

__all__ = ["Problem", "breadcrumbs", "faq_model", "rendered", "serbian", "starters"]
