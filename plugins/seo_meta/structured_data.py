"""JSON-LD for every page: the site, its author, the post or FAQ page, the breadcrumb trail.

Each item is a plain dict with its own @context, printed in its own <script>
by partials/structured_data.html through the `ld_json` filter (plugins/faq),
which makes any text safe inside <script>.

One publisher everywhere: the site itself, an Organization named SITENAME
with the site's logo (plugins/site_icons), the same name as every page's
og:site_name. It is written out in full wherever it is the publisher (the
WebSite on every page, each BlogPosting and FAQPage), so a reader that does
not follow "@id" references still finds its name. The author, a Person, is
the author of posts and FAQ pages, never their publisher.
"""

from pelican.contents import Article

from shared import LOGO, PNG_ICONS, faq_page_data, plain

from .meta import AUTHOR_PAGE, PageMeta, absolute

SCHEMA = "https://schema.org"


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


def publisher(settings) -> dict:
    """The site as an organisation: the one publisher of every page."""
    size = PNG_ICONS[LOGO]["size"]
    return {
        "@type": "Organization",
        "@id": absolute(settings, "#izdavac"),
        "name": plain(settings.get("SITENAME")),
        "url": absolute(settings, ""),
        "logo": {"@type": "ImageObject", "url": absolute(settings, LOGO), "width": size, "height": size},
        "founder": {"@id": person_id(settings)},
    }


def website_id(settings) -> str:
    return absolute(settings, "#sajt")


def website(settings, home: bool = False) -> dict:
    """The site; on the home page also how to search it (search engines read
    the SearchAction there)."""
    site = {
        "@context": SCHEMA,
        "@type": "WebSite",
        "@id": website_id(settings),
        "url": absolute(settings, ""),
        "name": plain(settings.get("SITENAME")),
        "description": plain(settings.get("SITEDESCRIPTION") or settings.get("SITESUBTITLE")),
        "inLanguage": language(settings),
        "publisher": publisher(settings),
    }
    if home and settings.get("SEARCH_URL"):  # the search page (plugins/search) answers ?q=
        site["potentialAction"] = {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute(settings, settings["SEARCH_URL"]) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        }
    return site


def author(settings, meta: PageMeta) -> dict:
    """The author as a Person: the site's Person (same @id) when it is the site's author."""
    if meta.author_url:
        site_author = person(settings)
        return {key: site_author[key] for key in ("@type", "@id", "name", "url")}
    return {"@type": "Person", "name": meta.author}


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


def authored(settings, meta: PageMeta) -> dict:
    """What posts and FAQ pages say alike: title, description, dates, author, publisher, language."""
    return {
        "headline": meta.headline,
        "description": meta.description,
        "datePublished": meta.published,
        "dateModified": meta.modified,
        "author": author(settings, meta),
        "publisher": publisher(settings),
        "inLanguage": language(settings),
    }


def image(meta: PageMeta) -> dict:
    return {"@type": "ImageObject", "url": meta.image.url, "width": meta.image.width, "height": meta.image.height}


def blog_posting(settings, meta: PageMeta) -> dict:
    posting = {
        "@context": SCHEMA,
        "@type": "BlogPosting",
        "@id": f"{meta.url}#objava",
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta.url},
        "url": meta.url,
        **authored(settings, meta),
        "articleSection": meta.section,
        "keywords": meta.tags,
    }
    if meta.image:
        posting["image"] = image(meta)
    return posting


def faq_page(settings, content, meta: PageMeta) -> dict:
    """The FAQPage of plugins/faq (questions and answers), with the page's author, dates and publisher."""
    data = faq_page_data(content.faq, meta.url)
    questions = data.pop("mainEntity")
    data.update({"@id": meta.url, "name": meta.headline, "isPartOf": {"@id": website_id(settings)}})
    if meta.published:
        data.update(authored(settings, meta))
    if meta.image:
        data["primaryImageOfPage"] = image(meta)
    data["mainEntity"] = questions
    return data


def for_content(content, meta: PageMeta, settings) -> list[dict]:
    """Site and author, the post (for articles) or the FAQ page, and the breadcrumb trail."""
    items = [website(settings), person(settings)]
    if isinstance(content, Article):
        items.append(blog_posting(settings, meta))
    elif getattr(content, "faq", None) is not None:
        items.append(faq_page(settings, content, meta))
    items.append(breadcrumb_list(settings, getattr(content, "breadcrumbs", None)))
    return [item for item in items if item]


def for_list(settings, crumbs=None, home: bool = False) -> list[dict]:
    """Site and author, and the trail where the list page has one (the FAQ index)."""
    return [item for item in (website(settings, home), person(settings), breadcrumb_list(settings, crumbs)) if item]
