"""The `plain` template filter: typogrified HTML back to plain text.

Pelican runs typogrify on titles and summaries, so they can hold
<span class="caps">, &nbsp; and &amp;. <title>, meta tags and JSON-LD need the
words alone; autoescaping then escapes them once, correctly.
"""

import re

from markupsafe import Markup
from pelican import signals

_SPACES = re.compile(r"\s+")


def plain(value) -> str:
    """Tags stripped, entities decoded, every run of white space one space."""
    if value is None:
        return ""
    text = str(value)
    if "<" not in text and "&" not in text:  # no markup: what the rest comes to, without parsing (a post's whole text)
        return " ".join(text.split())
    text = Markup(text).striptags()
    return _SPACES.sub(" ", text.replace("\xa0", " ")).strip()


def add_filter(generator):
    generator.env.filters["plain"] = plain


def register():
    signals.generator_init.connect(add_filter)
