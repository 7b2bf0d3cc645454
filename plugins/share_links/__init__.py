"""Share links: send a page (or one FAQ answer) to Viber, WhatsApp, … in one tap.

Plain links to each service's own share address: no third-party script, no
request until the reader taps. Every value is percent-encoded here (Serbian
letters, &, ?, #, spaces as %20), so templates print the hrefs as they are;
only ":" and "/", which a query may hold as they are (RFC 3986), stay: the
FAQ pages carry dozens of these addresses, and "%3A%2F%2F" in each is weight.
Templates get `share_links(url, title)`; partials/share_links.html prints them.
"""

from typing import NamedTuple
from urllib.parse import quote

from pelican import signals


class ShareLink(NamedTuple):
    service: str  # a CSS-friendly name
    label: str  # the visible link text
    href: str


# (service, label, address); {url} and {text} are encoded values,
# {message} is the title and the address together, for apps that take one text.
SERVICES = [
    ("viber", "Viber", "viber://forward?text={message}"),
    ("whatsapp", "WhatsApp", "https://wa.me/?text={message}"),
    ("telegram", "Telegram", "https://t.me/share/url?url={url}&text={text}"),
    ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
    ("x", "X", "https://x.com/intent/post?url={url}&text={text}"),
    ("email", "E-pošta", "mailto:?subject={text}&body={message}"),
]


# What one FAQ question shares to: every service but X, the one the site's
# readers use least (a phone's „Druge aplikacije…” button, made by js/share.js,
# still reaches it). X under each of a dozen questions costs about 200 bytes
# gzip of a page at the 14 KB first-view budget (the Cyrillic myths page).
QUESTION_SERVICES = ("viber", "whatsapp", "telegram", "facebook", "linkedin", "email")


def encode(value: str) -> str:
    """Percent-encode everything outside the unreserved set but ":" and "/" (spaces as %20, never +)."""
    return quote(value, safe=":/")


def share_links(url: str, title: str, services: tuple[str, ...] | None = None) -> list[ShareLink]:
    """Links for every service, or only for `services` (in the usual order)."""
    values = {"url": encode(url), "text": encode(title), "message": encode(f"{title} {url}")}
    return [
        ShareLink(service, label, address.format(**values))
        for service, label, address in SERVICES
        if services is None or service in services
    ]


def add_to_templates(generator):
    generator.env.globals["share_links"] = share_links
    generator.env.globals["QUESTION_SHARE_SERVICES"] = QUESTION_SERVICES


def register():
    signals.generator_init.connect(add_to_templates)
