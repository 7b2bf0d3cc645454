"""Pelican settings for the production build (`invoke publish`).

SITEURL can be given by the environment (VA_SITEURL) or on the command line
with `-e SITEURL='"https://…"'`.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("VA_SITEURL", "https://vavodic.rs")
RELATIVE_URLS = False

FEED_ALL_ATOM = "feeds/sve.atom.xml"
FEED_ALL_RSS = "feeds/sve.rss.xml"
CATEGORY_FEED_ATOM = "feeds/kategorija-{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/kategorija-{slug}.rss.xml"

SHOW_DRAFTS = False
DELETE_OUTPUT_DIRECTORY = True
