"""The one module through which plugins use each other's helpers.

A plugin imports from here, never from another plugin's package, so what is
shared is in one place: Serbian rules, plain text, FAQ locations, a content
problem and its source lines, and the one parse of a document's HTML.
"""

from breadcrumbs import FAQ_DIR, FAQ_INDEX, HOME, LISTS, Crumb, in_faq_dir, is_faq, list_trail
from drafts import build_now
from feeds import FEED_TYPES, feed_url
from plain_text import plain
from serbian import format_date, plural, quoted, slugify, sort_key
from share_links import encode as share_encode
from site_icons import LOGO, PNG_ICONS
from site_icons import manifest as web_manifest

from . import rendered, starters
from .documents import documents, keep_written_summaries, written_summary
from .lines import Source
from .problem import ERROR, WARNING, Problem
from .urls import encoded_url, site_path


def cyrillic_search_meta(*html: str) -> str | None:
    """A Cyrillic twin's search field, from its own text (plugins/search/variants.py); None: it needs none.

    Imported when called: the search plugin imports this module. Defined before the imports below,
    since the Cyrillic plugin, which they import, uses it."""
    from search.variants import cyrillic_meta

    return cyrillic_meta(*html)


# isort: split
# Last: the FAQ and share image plugins themselves import from this module, so everything above must exist first.
from faq.jsonld import faq_page_data, script_json  # noqa: E402
from share_images.cards import copy_into_output, drawn_card  # noqa: E402

# isort: split
# After both: the Cyrillic plugin uses them.
from cyrillic.editions import CYRILLIC_LANG  # noqa: E402
from cyrillic.editions import PREFIX as CYRILLIC_PREFIX  # noqa: E402
from cyrillic.translit import KEPT_WORDS_FILE, suspicious_words, to_cyrillic  # noqa: E402


def cyrillic_html(html: str, siteurl: str) -> str:
    """A fragment of the site's HTML as the Cyrillic twin shows it (plugins/cyrillic/mirror.py).

    Imported when called: the Cyrillic plugin's mirror itself imports this module."""
    from cyrillic.mirror import html_fragment

    return html_fragment(html, siteurl)


__all__ = [
    "ERROR",
    "FAQ_DIR",
    "LOGO",
    "PNG_ICONS",
    "web_manifest",
    "faq_page_data",
    "FAQ_INDEX",
    "KEPT_WORDS_FILE",
    "HOME",
    "LISTS",
    "WARNING",
    "Crumb",
    "copy_into_output",
    "drawn_card",
    "Problem",
    "Source",
    "build_now",
    "documents",
    "keep_written_summaries",
    "written_summary",
    "encoded_url",
    "site_path",
    "format_date",
    "in_faq_dir",
    "is_faq",
    "list_trail",
    "plain",
    "plural",
    "quoted",
    "rendered",
    "share_encode",
    "slugify",
    "sort_key",
    "script_json",
    "starters",
    "suspicious_words",
    "to_cyrillic",
    "cyrillic_html",
    "cyrillic_search_meta",
    "CYRILLIC_LANG",
    "CYRILLIC_PREFIX",
    "FEED_TYPES",
    "feed_url",
]
