"""Import the project's Pelican plugins (from plugins/) as ordinary modules."""

import sys

from . import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

import breadcrumbs  # noqa: E402
import faq.model as faq_model  # noqa: E402
import search.background as search_background  # noqa: E402
import security_headers.policy as security_policy  # noqa: E402
import serbian  # noqa: E402
import shared.disk_cache as disk_cache  # noqa: E402
import shared.html_balance as html_balance  # noqa: E402
import shared.rendered as rendered  # noqa: E402
import shared.starters as starters  # noqa: E402
from shared.problem import Problem  # noqa: E402

__all__ = [
    "Problem",
    "breadcrumbs",
    "disk_cache",
    "faq_model",
    "html_balance",
    "rendered",
    "search_background",
    "security_policy",
    "serbian",
    "starters",
]
