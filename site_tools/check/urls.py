"""Every file gets its own address: no two share a slug, none takes a section's name."""

from ..plugins import serbian
from .config import CheckConfig
from .problem import Problem
from .source import Document


def slug_of(document: Document) -> str | None:
    """The slug Pelican will use: the Slug field, or the title made into a slug."""
    if document.value("slug"):
        return document.value("slug")
    title = document.value("title")
    return serbian.slugify(title) if title else None


def url_of(document: Document, config: CheckConfig, published: bool = False) -> str | None:
    """The document's URL relative to SITEURL ("naslov/"), or None without a slug.

    A draft is at its preview URL; with `published`, at the URL it gets once published.
    """
    slug = slug_of(document)
    if not slug:
        return None
    draft = document.status == "draft" and not published
    if document.kind == "post":
        pattern = config.url_patterns["DRAFT_URL" if draft else "ARTICLE_URL"]
    elif document.kind == "faq" and not draft:
        pattern = config.url_patterns["FAQ_URL"]
    else:
        pattern = config.url_patterns["DRAFT_PAGE_URL" if draft else "PAGE_URL"]
    return pattern.format(slug=slug)


def check(documents: list[Document], config: CheckConfig) -> list[Problem]:
    """A taken address is reported on the newer file: the older one is probably already live.

    Addresses are compared both as they are now (a draft's preview) and as
    they will be once published, so publishing a draft cannot clash either.
    """
    problems, owners = [], {}
    for document in sorted(documents, key=lambda d: (d.value("date") or "", d.shown)):
        slug = slug_of(document)
        if not slug:
            continue
        line = document.line_of("slug" if document.value("slug") else "title")
        addresses = {url_of(document, config), url_of(document, config, published=True)}
        taken = [owners[address] for address in addresses if address in owners]
        if document.kind != "faq" and slug in config.reserved:
            problems.append(document.problem(
                line, f"Adresa „/{slug}/” pripada samom sajtu (tu su liste, slike ili delovi teme).",
                f"Dodajte drugačiju adresu u zaglavlje, na primer: Slug: {slug}-tekst",
            ))
        elif taken:
            problems.append(document.problem(
                line, f"Adresa (Slug) „{slug}” je već zauzeta: ima je i {taken[0].shown}.",
                "Svaki tekst mora da ima svoju adresu. Promenite naslov ili dodajte drugačiji red „Slug: …” u jedan od ta dva fajla.",
            ))
        else:
            owners.update(dict.fromkeys(addresses, document))
    return problems
