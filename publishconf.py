"""Pelican settings for the production build (`invoke publish`).

SITEURL is pelicanconf.py's PUBLISHED_SITEURL: from the environment
(VA_SITEURL), else from `siteurl` in deploy.toml (where the author sets up
publishing, UPUTSTVO.md), else the default; `-e SITEURL='"https://…"'` on the
command line overrides all three.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

SITEURL = PUBLISHED_SITEURL  # noqa: F405
RELATIVE_URLS = False

globals().update(PUBLISHED_FEEDS)  # noqa: F405

SHOW_DRAFTS = False
# A production run even when Pelican is started by hand with these settings: content errors stop it
# before anything is written, and the preview's own files (its state of drafts, its problem box)
# are never written into a folder that may be uploaded. `invoke` runs pass the mode anyway.
CONTENT_CHECK_MODE = "production"
DELETE_OUTPUT_DIRECTORY = True
# Drafts and scheduled posts are left out of production entirely: a post dated
# in the future counts as a draft until the first publish after its date, and
# drafts are never written (so no page, feed, sitemap or list can show them).
WITH_FUTURE_DATES = False
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
# Nor are their photos: a file in content/images/ goes on the site with the first published
# text that shows it (plugins/used_images); the preview shows them all.
USED_IMAGES_ONLY = True
# Files the host puts into the site folder survive a cleaned output folder.
OUTPUT_RETENTION = [".well-known", "CNAME", ".nojekyll", ".htaccess", ".git"]

# Minified HTML (with its inline CSS/JS) in production only; development output
# stays readable. The CSS bundle and the theme's script files are minified in
# every build already (plugins/css_bundle, plugins/js_minify).
# Security headers (README "Publishing"): on `finalized`, plugins/security_headers
# first minifies each page (minify-html), then hashes each inline script of the
# minified page into the Content-Security-Policy, puts it in the page's <meta>
# and writes _headers. One plugin does both so the order is fixed (handlers of
# one signal run in no fixed order) and each page is read and written once.
PLUGINS = [*PLUGINS, "security_headers"]  # noqa: F405
SECURITY_HEADERS = True
SECURITY_HEADERS_MINIFY_FIRST = True
# Pages whose <meta> policy also allows WebAssembly: the search page runs Pagefind,
# in both editions (plugins/cyrillic writes the twin under cir/).
SECURITY_HEADERS_WASM_PAGES = [SEARCH_SAVE_AS, f"cir/{SEARCH_SAVE_AS}"]  # noqa: F405
# HSTS is opt-in (README): set it only once the site and its subdomains work over HTTPS.
SECURITY_HEADERS_HSTS = ""  # e.g. "max-age=31536000; includeSubDomains"
