"""PageMeta: everything <head> says about a page, as plain text, shaped once.

Content pages (articles, pages, FAQ pages) describe themselves; list pages
(home, category, tag, archives, 404) pass the title and description their
template wrote. URLs are absolute whenever SITEURL is (production).

Dated content (every article, and each page with a `Date:`, such as the FAQ
pages) is an "article" card: its author, published time (`Date`) and modified
time (`Modified`, else `Date`), read from Pelican's content object. Pages
without a date (kontakt, o-meni, …) are "website" cards.
"""

from dataclasses import dataclass, field

from pelican.contents import Article

from shared import plain

from .description import describe, shorten

AUTHOR_PAGE = "o-meni/"  # the page about the author; AUTHOR_PAGE_URL overrides it

# Drafts must not be indexed. (The 404 page needs no tag: it is served with status 404.)
NOINDEX = "noindex"
# Statuses whose pages search engines should leave out: a draft, and a hidden post or page
# (written at its address but in no list, feed, sitemap or search).
UNLISTED = ("draft", "hidden")
NOT_FOUND_PAGE = "404.html"


@dataclass(frozen=True)
class Image:
    url: str
    width: int
    height: int
    alt: str
    mime_type: str


@dataclass(frozen=True)
class PageMeta:
    title: str  # <title>: the page's title and the site's name
    headline: str  # og:title: the page's own title
    description: str
    url: str | None  # canonical; None where there is none (404)
    type: str  # og:type
    site_name: str
    locale: str
    image: Image | None = None
    published: str | None = None  # ISO 8601 with the Europe/Belgrade offset
    modified: str | None = None
    author: str | None = None  # the author's name, on dated content
    author_url: str | None = None  # the author's page, when the author is the site's AUTHOR
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    robots: str | None = None
    structured_data: list[dict] = field(default_factory=list)  # JSON-LD items


def absolute(settings, url: str) -> str:
    """A URL relative to SITEURL made absolute (root-relative while SITEURL is "")."""
    return f"{settings.get('SITEURL', '')}/{url}"


def page_url(output_file: str) -> str:
    """The pretty URL of a written file: "kategorija/x/index.html" -> "kategorija/x/"."""
    return output_file[: -len("index.html")] if output_file.endswith("index.html") else output_file


def share_image(settings, image) -> Image | None:
    if image is None:
        return None
    return Image(absolute(settings, image.url), image.width, image.height, image.alt, image.mime_type)


def _site(settings) -> dict:
    return {
        "site_name": plain(settings.get("SITENAME")),
        "locale": settings.get("OG_LOCALE", "sr_RS"),
    }


def author_of(content, settings) -> tuple[str | None, str | None]:
    """The content's author (Pelican's `author`, from `Author:` or AUTHOR) and, for the site's author, a page."""
    author = getattr(content, "author", None)
    if author is None:
        return None, None
    name = plain(str(author))
    if name != plain(settings.get("AUTHOR")):
        return name, None
    return name, absolute(settings, settings.get("AUTHOR_PAGE_URL", AUTHOR_PAGE))


def content_meta(content, settings) -> PageMeta:
    """Meta of an article, page or FAQ page."""
    headline = plain(content.title)
    common = dict(
        title=f"{headline} — {plain(settings.get('SITENAME'))}",
        headline=headline,
        description=describe(content),
        url=absolute(settings, content.url),
        image=share_image(settings, getattr(content, "share_image", None)),
        robots=NOINDEX if content.status in UNLISTED else None,
        **_site(settings),
    )
    date = getattr(content, "date", None)
    if date is None:
        return PageMeta(type="website", **common)
    author, author_url = author_of(content, settings)
    is_post = isinstance(content, Article)
    return PageMeta(
        type="article",
        published=date.isoformat(),
        modified=(getattr(content, "modified", None) or date).isoformat(),
        author=author,
        author_url=author_url,
        section=str(content.category) if is_post else None,
        tags=[str(tag) for tag in getattr(content, "tags", [])] if is_post else [],
        **common,
    )


def list_meta(settings, title: str, description: str, output_file: str, page_number: int = 1) -> PageMeta:
    """Meta of a page that lists content (or the 404 page); title and description come from its template."""
    title, suffix = plain(title), f" — {plain(settings.get('SITENAME'))}"
    headline = title.removesuffix(suffix)
    if page_number > 1:
        title = f"{headline} — strana {page_number}" + (suffix if title.endswith(suffix) else "")
    not_found = output_file == NOT_FOUND_PAGE
    return PageMeta(
        title=title,
        headline=headline,
        description=shorten(plain(description)),
        url=None if not_found else absolute(settings, page_url(output_file)),
        type="website",
        image=share_image(settings, settings.get("SITE_SHARE_IMAGE")),
        **_site(settings),
    )
