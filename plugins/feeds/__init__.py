"""Feeds as feed readers show them: the post alone, absolute links, a language.

Pelican writes the feeds from its Article objects; on `feed_generated`, before
anything is written, this plugin finishes what Pelican put in each item:

- Content and summary lose the page's helper elements (HELPERS below): the
  "#" heading links with their visually hidden „Link do odeljka …” labels,
  any visually hidden text, share and copy controls. The site hides or wires
  them with CSS and JavaScript; a feed reader loads neither and would show
  them as text. Wrappers that exist only for the page's layout (UNWRAP) are
  replaced by what they hold.
- Every relative link, image and srcset is made absolute against the item's
  own address (feed readers have no base URL).
- Titles are plain text with ordinary spaces, like the meta tags.
- The RSS <guid> stays Pelican's tag: URI (the same as the Atom <id>, so a
  post has one identity in both feeds and readers that already know it see
  nothing new) and says isPermaLink="false", as RSS 2.0 requires of a guid
  that is not the post's URL.
- The language is declared: RSS <language> is Pelican's DEFAULT_LANG (the
  `lang` of every article), Atom xml:lang the precise tag the pages carry
  (HTML_LANG, e.g. sr-Latn), falling back to DEFAULT_LANG.

FEED_DOMAIN defaults to SITEURL, read after `-e SITEURL=…` overrides, so each
feed's self link is absolute too. Templates get `feed_links()`: the feeds for
the page being rendered (all posts, plus its category's feeds on category and
article pages); `site_feed()` the all-posts RSS feed the footer links to.
"""

from typing import NamedTuple
from urllib.parse import urljoin

from feedgenerator import Atom1Feed, Rss201rev2Feed
from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from selectolax.lexbor import LexborHTMLParser

FEED_TYPES = {"ATOM": ("application/atom+xml", "Atom"), "RSS": ("application/rss+xml", "RSS")}

# Elements of the page that a feed reader must not show: the heading links
# (plugins/headings), text meant for screen readers only, share and copy
# controls (partials/share_links.html, partials/faq_question.html), anything
# hidden, and scripts or forms, which feed readers strip or cannot run.
HELPERS = ", ".join(
    [
        ".heading-anchor",
        ".visually-hidden",
        ".share",
        ".faq-copy",
        ".faq-copy-status",
        "[hidden]",
        "[aria-hidden=true]",
        "button",
        "script",
        "noscript",
        "template",
        "form",
        "style",
    ]
)
# Layout wrappers: kept out, what they hold kept in.
UNWRAP = ".heading-anchored"
URL_ATTRIBUTES = ("href", "src", "poster", "cite")


class FeedLink(NamedTuple):
    title: str
    mime_type: str
    url: str


def _absolute_srcset(value: str, base: str) -> str:
    candidates = []
    for candidate in value.split(","):
        url, _, descriptor = candidate.strip().partition(" ")
        candidates.append(" ".join(filter(None, (urljoin(base, url), descriptor.strip()))))
    return ", ".join(candidates)


def _make_absolute(tree: LexborHTMLParser, base: str) -> None:
    if not base.startswith(("http://", "https://")):
        return
    for name in URL_ATTRIBUTES:
        for node in tree.css(f"[{name}]"):
            node.attrs[name] = urljoin(base, (node.attributes[name] or "").strip())
    for node in tree.css("[srcset]"):
        node.attrs["srcset"] = _absolute_srcset(node.attributes["srcset"] or "", base)


def absolute_links(fragment: str | None, base: str) -> str | None:
    """`fragment` (HTML) with every href/src/srcset resolved against `base`."""
    if not fragment or not base.startswith(("http://", "https://")):
        return fragment
    tree = LexborHTMLParser(str(fragment), is_fragment=True)
    _make_absolute(tree, base)
    return tree.html


def reader_html(fragment: str | None, base: str) -> str | None:
    """`fragment` as a feed reader should get it: no helper elements, absolute links."""
    if not fragment:
        return fragment
    tree = LexborHTMLParser(str(fragment), is_fragment=True)
    for node in tree.css(HELPERS):
        node.decompose()
    for node in tree.css(UNWRAP):
        node.unwrap()
    _make_absolute(tree, base)
    return tree.html


def default_feed_domain(pelican):
    if not pelican.settings.get("FEED_DOMAIN"):
        pelican.settings["FEED_DOMAIN"] = pelican.settings.get("SITEURL", "")


def feed_language(context, feed) -> str | None:
    """RSS: the articles' language (DEFAULT_LANG); Atom: the page's precise tag (HTML_LANG)."""
    lang = context.get("DEFAULT_LANG")
    if isinstance(feed, Atom1Feed):
        precise = context.get("HTML_LANG")
        if precise and (not lang or precise.lower().startswith(lang.lower())):
            return precise
    return lang


def clean_items(context, feed):
    feed.feed["language"] = feed_language(context, feed)
    # Pelican gives every feed the site's address as its Atom <id>, so a reader
    # subscribed to two could not tell them apart: each is identified by its own address.
    feed.feed["id"] = feed.feed.get("feed_url") or feed.feed.get("id")
    # „VA vodič — Alati”, with the dash the site's titles use (Pelican writes " - ").
    site = Markup(str(context.get("SITENAME", ""))).striptags()
    if site and feed.feed["title"].startswith(f"{site} - "):
        feed.feed["title"] = f"{site} — {feed.feed['title'][len(site) + 3 :]}"
    for item in feed.items:
        # Pelican already made the title text (tags stripped, entities decoded).
        item["title"] = " ".join(item["title"].split())
        for key in ("description", "content"):
            item[key] = reader_html(item.get(key), item["link"])
        if isinstance(feed, Rss201rev2Feed) and item.get("unique_id"):
            # The guid is a URL readers may open only when it is the post's own address.
            item["unique_id_is_permalink"] = item["unique_id"] == item["link"]


def feed_url(settings, setting: str, kind: str, **names) -> str | None:
    """Where Pelican writes a feed, relative to the site ("feeds/kategorija-alati.atom.xml"): `setting` is
    FEED_ALL, CATEGORY_FEED, …, `kind` ATOM or RSS, `names` what its pattern holds (slug); None when off."""
    path = settings.get(f"{setting}_{kind}")
    return (settings.get(f"{setting}_{kind}_URL") or path).format(**names) if path else None


def _feed(settings, setting: str, title: str, **names) -> list[FeedLink]:
    links = []
    for kind, (mime_type, name) in FEED_TYPES.items():
        url = feed_url(settings, setting, kind, **names)
        if url:
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


@pass_context
def site_feed(context) -> FeedLink | None:
    """The all-posts RSS feed, for the footer's visible link (None when feeds are off, as in the
    preview). RSS is the name visitors know; readers that prefer Atom find it in the page's head."""
    rss = FEED_TYPES["RSS"][0]
    return next((link for link in _feed(context, "FEED_ALL", "") if link.mime_type == rss), None)


def add_to_templates(generator):
    generator.env.globals.update(feed_links=feed_links, site_feed=site_feed)


def register():
    signals.initialized.connect(default_feed_domain)
    signals.feed_generated.connect(clean_items)
    signals.generator_init.connect(add_to_templates)
