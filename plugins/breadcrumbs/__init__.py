"""Breadcrumbs for articles, pages and FAQ pages, shaped once for every user.

Each content object gets `breadcrumbs`: a list of Crumb(name, url) from the
home page to the object itself, with URLs relative to SITEURL ("" is home).
The visible trail and the BreadcrumbList JSON-LD both read this list.
"""

from typing import NamedTuple

from pelican import signals
from pelican.contents import Article, Page

HOME = "Početna"
FAQ_INDEX = ("Česta pitanja", "faq/")
FAQ_DIR = "faq"  # content/faq/: every file there is an FAQ page (plugins/faq)


class Crumb(NamedTuple):
    name: str
    url: str


def in_faq_dir(relative_source_path: str) -> bool:
    return relative_source_path.replace("\\", "/").startswith(FAQ_DIR + "/")


def is_faq(content) -> bool:
    return in_faq_dir(content.relative_source_path)


def trail(content) -> list[Crumb]:
    """Home, then the section the content belongs to, then the content."""
    crumbs = [Crumb(HOME, "")]
    if isinstance(content, Article):
        crumbs.append(Crumb(str(content.category), content.category.url))
    elif isinstance(content, Page) and is_faq(content):
        crumbs.append(Crumb(*FAQ_INDEX))
    crumbs.append(Crumb(content.title, content.url))
    return crumbs


def add_breadcrumbs(generators):
    """Once every document is read, so each one's title and address are final whatever the plugin order."""
    from shared import documents  # here, not at the top: plugins/shared imports this module

    for content in documents(generators[0].context):
        if isinstance(content, (Article, Page)):
            content.breadcrumbs = trail(content)


# List pages: (name, URL setting) of each list, and the list a term page sits under.
LISTS = {
    "categories": ("Kategorije", "CATEGORIES_URL"),
    "tags": ("Oznake", "TAGS_URL"),
    "archives": ("Arhiva", "ARCHIVES_URL"),
}
TERM_LISTS = {"category": "categories", "tag": "tags"}


def list_trail(settings, kind: str, term=None) -> list[Crumb]:
    """Trail of a list page: home, the list, then the category or tag (`term`) if any.

    Templates call it as `list_breadcrumbs(kind, term)` (a Jinja global).
    """
    name, url_setting = LISTS[TERM_LISTS.get(kind, kind)]
    crumbs = [Crumb(HOME, ""), Crumb(name, settings[url_setting])]
    if term is not None:
        crumbs.append(Crumb(str(term), term.url))
    return crumbs


def add_list_trail_global(pelican):
    settings = pelican.settings
    settings.setdefault("JINJA_GLOBALS", {})["list_breadcrumbs"] = lambda kind, term=None: list_trail(
        settings, kind, term
    )


def register():
    signals.all_generators_finalized.connect(add_breadcrumbs)
    signals.initialized.connect(add_list_trail_global)
