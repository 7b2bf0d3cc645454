"""JSON-LD for every page: the site, its author, the post, the breadcrumb trail.

Each item is a plain dict with its own @context, printed in its own <script>
by partials/structured_data.html through the `ld_json` filter (plugins/faq),
which makes any text safe inside <script>. The FAQPage item of an FAQ page
comes from plugins/faq as well.
"""

from pelican.contents import Article
from plain_text import plain

from .meta import PageMeta, absolute

SCHEMA = "https://schema.org"
AUTHOR_PAGE = "o-meni/"  # the page about the author; AUTHOR_PAGE_URL overrides it
def language(settings) -> str:
    return settings.get("HTML_LANG") or settings.get("DEFAULT_LANG", "sr")


def person_id(settings) -> str:
    return absolute(settings, "#autor")


def person(settings) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "Person",
        "@id": person_id(settings),
        "name": plain(settings.get("AUTHOR")),
        "url": absolute(settings, settings.get("AUTHOR_PAGE_URL", AUTHOR_PAGE)),
        "email": settings.get("AUTHOR_EMAIL", ""),
    }


def website(settings) -> dict:
    site = {
        "@context": SCHEMA,
        "@type": "WebSite",
        "@id": absolute(settings, "#sajt"),
        "url": absolute(settings, ""),
        "name": plain(settings.get("SITENAME")),
        "description": plain(settings.get("SITESUBTITLE")),
        "inLanguage": language(settings),
        "publisher": {"@id": person_id(settings)},
    }
    if settings.get("SEARCH_URL"):  # the search page (plugins/search) answers ?q=
        site["potentialAction"] = {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute(settings, settings["SEARCH_URL"]) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        }
    return site


def breadcrumb_list(settings, crumbs) -> dict | None:
    if not crumbs:
        return None
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": plain(crumb.name), "item": absolute(settings, crumb.url)}
            for number, crumb in enumerate(crumbs, start=1)
        ],
    }


def blog_posting(settings, meta: PageMeta) -> dict:
    author = {key: value for key, value in person(settings).items() if key in ("@type", "@id", "name", "url")}
    posting = {
        "@context": SCHEMA,
        "@type": "BlogPosting",
        "@id": f"{meta.url}#objava",
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta.url},
        "url": meta.url,
        "headline": meta.headline,
        "description": meta.description,
        "datePublished": meta.published,
        "dateModified": meta.modified,
        "author": author,
        "publisher": author,
        "inLanguage": language(settings),
        "articleSection": meta.section,
        "keywords": meta.tags,
    }
    if meta.image:
        posting["image"] = {
            "@type": "ImageObject",
            "url": meta.image.url,
            "width": meta.image.width,
            "height": meta.image.height,
        }
    return posting


def for_content(content, meta: PageMeta, settings) -> list[dict]:
    """Site and author, the post (for articles), and the breadcrumb trail."""
    items = [website(settings), person(settings)]
    if isinstance(content, Article):
        items.append(blog_posting(settings, meta))
    items.append(breadcrumb_list(settings, getattr(content, "breadcrumbs", None)))
    return [item for item in items if item]


def for_list(settings, crumbs=None) -> list[dict]:
    """Site and author, and the trail where the list page has one (the FAQ index)."""
    return [item for item in (website(settings), person(settings), breadcrumb_list(settings, crumbs)) if item]
