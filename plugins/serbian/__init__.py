"""Serbian Latin conventions for Pelican: slugs, dates, quotation marks and alphabetical order.

Settings for slugs and Markdown quotes are exposed for pelicanconf.py; the
plugin itself registers the `sr_date`, `sr_plural` and `sr_sort` template
filters and fixes title quotes.
"""

from jinja2 import pass_environment
from jinja2.filters import make_attrgetter
from pelican import signals

from .collation import sort_key
from .dates import format_date
from .plurals import plural
from .quotes import MARKDOWN_SMARTY, quoted, serbian_quotes
from .slugs import pelican_settings as slug_settings
from .slugs import remember_slugs, slugify

__all__ = [
    "MARKDOWN_SMARTY",
    "format_date",
    "quoted",
    "serbian_quotes",
    "slug_settings",
    "slugify",
    "sort_key",
    "register",
]


@pass_environment
def sorted_serbian(environment, items, attribute: str | None = None) -> list:
    """`items` in Serbian alphabetical order, by `attribute` (dotted, as Jinja's `sort` takes it)."""
    # Jinja's own reader of "0.name", as its `sort` filter uses it (Jinja is pinned in requirements.txt).
    value = make_attrgetter(environment, attribute) if attribute else (lambda item: item)
    return sorted(items, key=lambda item: sort_key(value(item)))


def add_filters(generator):
    generator.env.filters["sr_date"] = format_date
    generator.env.filters["sr_plural"] = plural
    generator.env.filters["sr_sort"] = sorted_serbian


def quote_title(content):
    if getattr(content, "title", None):
        content.title = serbian_quotes(content.title)


def register():
    remember_slugs()
    signals.generator_init.connect(add_filters)
    signals.content_object_init.connect(quote_title)
