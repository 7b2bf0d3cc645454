"""Images exist in the content folder, are served by the site itself, and have alt text."""

from urllib.parse import unquote, urlsplit

from .problem import Problem
from .source import Document, Reference
from .targets import SiteTargets, parse_internal_link

EXAMPLE = "![Dijagram: proces, cilj i rok]({static}/images/proces-cilj-rok.svg)"


def check(document: Document, targets: SiteTargets) -> list[Problem]:
    problems = []
    for reference in document.references():
        if reference.is_image:
            problems += _alt(document, reference)
            problems += _source(document, reference, targets)
    return problems


def _alt(document: Document, reference: Reference) -> list[Problem]:
    if reference.alt and reference.alt.strip():
        return []
    name = unquote(reference.target.rsplit("/", 1)[-1]) or "bez imena"
    return [document.problem(
        reference.line, f"Slika „{name}” nema opis (alt tekst).",
        "U uglaste zagrade napišite šta se vidi na slici, za čitaoce koji je ne vide, na primer: " + EXAMPLE,
    )]


def _source(document: Document, reference: Reference, targets: SiteTargets) -> list[Problem]:
    target = reference.target
    internal = parse_internal_link(target)
    if internal:
        path = targets.resolve(document, internal[1])
    elif urlsplit(target).scheme or target.startswith("//"):
        return [document.problem(
            reference.line, f"Slika se učitava sa drugog sajta („{target}”).",
            "Sačuvajte sliku u content/images/ i napišite putanju sa {static}, na primer: " + EXAMPLE
            + ". Sajt ne učitava ništa sa tuđih servera.",
        )]
    elif target.startswith("/"):
        path = (targets.config.content / unquote(target).lstrip("/")).resolve()
    else:
        return [document.problem(
            reference.line, f"Putanja slike „{target}” ne počinje sa {{static}}, pa slika na sajtu ne bi bila prikazana.",
            "Napišite putanju od foldera content, sa {static} ispred, na primer: " + EXAMPLE,
        )]
    if path.is_file():
        return []
    return [document.problem(
        reference.line, f"Slika „{targets.shown_link(path)}” ne postoji.",
        "Stavite sliku u content/images/ i proverite ime fajla (mala i velika slova se razlikuju)."
        + targets.suggestion(path),
    )]
