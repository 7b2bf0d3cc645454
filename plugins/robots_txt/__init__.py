"""robots.txt: everything may be crawled except drafts, and here is the sitemap.

The Sitemap line needs an absolute address, so it is written only when
SITEURL is one (production builds); the sitemap itself comes from
plugins/sitemap_xml (setting: SITEMAP_EXCLUDE in pelicanconf.py).
"""

from pathlib import Path

from pelican import signals

SITEMAP_FILE = "sitemap.xml"


def url_prefix(pattern: str) -> str:
    """The fixed start of a URL pattern: "nacrti/{slug}/" -> "nacrti/"."""
    return pattern.split("{", 1)[0]


def robots_txt(settings) -> str:
    lines = ["User-agent: *"]
    drafts = {url_prefix(settings.get(key) or "") for key in ("DRAFT_URL", "DRAFT_PAGE_URL")}
    lines += [f"Disallow: /{prefix}" for prefix in sorted(drafts) if prefix]
    if len(lines) == 1:
        lines.append("Disallow:")
    siteurl = settings.get("SITEURL", "")
    if siteurl.startswith(("http://", "https://")):
        lines += ["", f"Sitemap: {siteurl}/{SITEMAP_FILE}"]
    return "\n".join(lines) + "\n"


def write_robots_txt(pelican):
    Path(pelican.output_path, "robots.txt").write_text(robots_txt(pelican.settings), encoding="utf-8")


def name_the_address(pelican):
    """The content check takes a link to /robots.txt for a page of the site."""
    pelican.settings.setdefault("SITE_LIST_URLS", []).append("robots.txt")


def register():
    signals.initialized.connect(name_the_address)
    signals.finalized.connect(write_robots_txt)
