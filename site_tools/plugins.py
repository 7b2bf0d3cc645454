"""Import the project's Pelican plugins (from plugins/) as ordinary modules."""

import sys

from . import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

import breadcrumbs  # noqa: E402
import faq.model as faq_model  # noqa: E402
import security_headers.policy as security_policy  # noqa: E402
import serbian  # noqa: E402
import share_images.custom as share_image_rules  # noqa: E402

__all__ = ["breadcrumbs", "faq_model", "security_policy", "serbian", "share_image_rules"]
