"""Serbian Latin conventions for Pelican: slugs, dates and quotation marks.

Settings for slugs and Markdown quotes are exposed for pelicanconf.py; the
plugin itself registers the `sr_date` template filter and fixes title quotes.
"""

from pelican import signals

from .dates import format_date
from .plurals import plural
from .quotes import MARKDOWN_SMARTY, quoted, serbian_quotes
from .slugs import pelican_settings as slug_settings
from .slugs import remember_slugs, slugify

__all__ = ["MARKDOWN_SMARTY", "format_date", "quoted", "serbian_quotes", "slug_settings", "slugify", "register"]


def add_filters(generator):
    generator.env.filters["sr_date"] = format_date
    generator.env.filters["sr_plural"] = plural


def quote_title(content):
    if getattr(content, "title", None):
        content.title = serbian_quotes(content.title)


def register():
    remember_slugs()
    signals.generator_init.connect(add_filters)
    signals.content_object_init.connect(quote_title)
