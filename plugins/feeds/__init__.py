"""Feeds that work wherever they are read: absolute links, found from <head>.

- FEED_DOMAIN defaults to SITEURL, read after `-e SITEURL=…` overrides, so
  each feed's self link is absolute too.
- Every relative link or image in an item's content and summary is made
  absolute against the item's own address (feed readers have no base URL),
  and item titles are plain text with ordinary spaces, like the meta tags.
- Templates get `feed_links()`: the feeds for the page being rendered
  (all posts, plus its category's feeds on category and article pages).
"""

import html
import re
from typing import NamedTuple
from urllib.parse import urljoin

from jinja2 import pass_context
from pelican import signals

_URL_ATTRIBUTE = re.compile(r"""(\s(?:href|src|poster|cite)=)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)

FEED_TYPES = {"ATOM": ("application/atom+xml", "Atom"), "RSS": ("application/rss+xml", "RSS")}


class FeedLink(NamedTuple):
    title: str
    mime_type: str
    url: str


def absolute_links(fragment: str | None, base: str) -> str | None:
    """`fragment` (HTML) with every href/src resolved against `base`."""
    if not fragment or not base.startswith(("http://", "https://")):
        return fragment

    def resolve(match: re.Match) -> str:
        url = urljoin(base, html.unescape(match[3]).strip())
        return f"{match[1]}{match[2]}{html.escape(url, quote=True)}{match[2]}"

    return _URL_ATTRIBUTE.sub(resolve, str(fragment))


def default_feed_domain(pelican):
    if not pelican.settings.get("FEED_DOMAIN"):
        pelican.settings["FEED_DOMAIN"] = pelican.settings.get("SITEURL", "")


def clean_items(context, feed):
    for item in feed.items:
        # Pelican already made the title text (tags stripped, entities decoded).
        item["title"] = " ".join(item["title"].split())
        for key in ("description", "content"):
            item[key] = absolute_links(item.get(key), item["link"])


def _feed(settings, setting: str, title: str, **names) -> list[FeedLink]:
    links = []
    for kind, (mime_type, name) in FEED_TYPES.items():
        path = settings.get(f"{setting}_{kind}")
        if path:
            url = (settings.get(f"{setting}_{kind}_URL") or path).format(**names)
            base = settings.get("FEED_DOMAIN") or settings.get("SITEURL", "")
            links.append(FeedLink(f"{title} ({name})", mime_type, f"{base}/{url}"))
    return links


@pass_context
def feed_links(context) -> list[FeedLink]:
    site = str(context.get("SITENAME", ""))
    links = _feed(context, "FEED_ALL", f"{site}: sve objave")
    category = context.get("category")
    if category:
        links += _feed(context, "CATEGORY_FEED", f"{site}: kategorija {category}", slug=category.slug)
    return links


def add_to_templates(generator):
    generator.env.globals["feed_links"] = feed_links


def register():
    signals.initialized.connect(default_feed_domain)
    signals.feed_generated.connect(clean_items)
    signals.generator_init.connect(add_to_templates)
