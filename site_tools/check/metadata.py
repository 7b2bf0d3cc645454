"""Header fields of one file: present where required, and well formed."""

import re
from datetime import datetime

from pelican.readers import ensure_metadata_list

from ..plugins import serbian
from .config import SUMMARY_MAX_CHARACTERS, CheckConfig
from .problem import Problem
from .source import Document

REQUIRED = {"post": ("title", "date", "summary"), "page": ("title",), "faq": ("title", "summary")}
LABELS = {
    "title": "naslov (Title)", "date": "datum (Date)", "modified": "datum izmene (Modified)",
    "summary": "sažetak (Summary)", "category": "kategorija (Category)", "slug": "adresa (Slug)",
    "status": "status (Status)", "kind": "vrsta (Kind)", "tags": "oznake (Tags)",
}
EXAMPLES = {
    "title": "Title: Kako da počnemo saradnju",
    "date": "Date: 2026-11-27 10:00",
    "summary": "Summary: Jedna ili dve rečenice o tome šta čitalac dobija iz teksta.",
}
STATUSES = ("published", "draft", "hidden")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BAD_TAG_CHARACTER_RE = re.compile(r"[^\w\s-]|_")
MARKDOWN_MARKS_RE = re.compile(r"[*_`]|!?\[([^\]]*)\]\([^)]*\)")

DATE_HINT = "Napišite datum kao godina-mesec-dan sat:minut, na primer: Date: 2026-11-27 10:00"


def check(document: Document, config: CheckConfig) -> list[Problem]:
    problems = [_repeated(document, key, line) for key, line in document.repeated]
    problems += _missing(document)
    for key in ("date", "modified"):
        if document.value(key):
            problems += _date(document, key, config)
    if document.value("summary"):
        problems += _summary(document)
    if document.value("status"):
        problems += _status(document)
    if document.value("slug"):
        problems += _slug(document)
    if document.kind == "post" and document.value("category"):
        problems += _category(document, config)
    if document.value("tags"):
        problems += _tags(document)
    return problems


def parse_date(value: str, config: CheckConfig) -> datetime | None:
    """A header date as Pelican reads it (local time in the site's zone), or None if malformed."""
    if not DATE_RE.match(value.strip()):
        return None
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), pattern).replace(tzinfo=config.timezone)
        except ValueError:
            continue
    return None


def _repeated(document: Document, key: str, line: int) -> Problem:
    label = LABELS.get(key, key)
    return document.problem(
        line, f"Polje {label} je navedeno dva puta u zaglavlju (prvi put u redu {document.line_of(key)}).",
        "Ostavite samo jedan taj red u zaglavlju i obrišite drugi.",
    )


def _missing(document: Document) -> list[Problem]:
    problems = []
    for key in REQUIRED[document.kind]:
        if key in document.fields and document.fields[key].value:
            continue
        label = LABELS[key]
        if key in document.fields:
            message, line = f"Polje {label} je prazno.", document.line_of(key)
        else:
            message, line = f"Nedostaje {label} u zaglavlju fajla.", document.header_line
        problems.append(document.problem(
            line, message,
            f"Dodajte red na početak fajla, pre prvog praznog reda, na primer: {EXAMPLES[key]}",
        ))
    return problems


def _date(document: Document, key: str, config: CheckConfig) -> list[Problem]:
    value = document.value(key)
    if parse_date(value, config):
        return []
    return [document.problem(
        document.line_of(key), f"Polje {LABELS[key]} ima neispravan datum „{value}”.", DATE_HINT,
    )]


def _summary(document: Document) -> list[Problem]:
    plain = MARKDOWN_MARKS_RE.sub(lambda m: m.group(1) or "", document.value("summary"))
    length = len(" ".join(plain.split()))
    if length <= SUMMARY_MAX_CHARACTERS:
        return []
    return [document.problem(
        document.line_of("summary"),
        f"Sažetak (Summary) ima {length} znakova, a najviše sme {SUMMARY_MAX_CHARACTERS}.",
        f"Skratite ga za bar {length - SUMMARY_MAX_CHARACTERS} znakova; jedna ili dve kratke rečenice su dovoljne "
        "(toliko staje u pregled linka na društvenim mrežama).",
    )]


def _status(document: Document) -> list[Problem]:
    if document.status in STATUSES:
        return []
    return [document.problem(
        document.line_of("status"), f"Nepoznat status „{document.value('status')}”.",
        "Napišite „Status: draft” dok tekst nije spreman, a „Status: published” kada treba da bude objavljen.",
    )]


def _slug(document: Document) -> list[Problem]:
    value = document.value("slug")
    if SLUG_RE.match(value):
        return []
    suggestion = serbian.slugify(value)
    hint = f"Napišite: Slug: {suggestion}" if suggestion else "Napišite adresu malim slovima bez kvačica, reči odvojite crticom."
    return [document.problem(
        document.line_of("slug"),
        f"Adresa (Slug) „{value}” sme da ima samo mala slova bez kvačica (a–z), brojeve i crtice.",
        hint,
    )]


def _category(document: Document, config: CheckConfig) -> list[Problem]:
    value = document.value("category")
    if value in config.categories:
        return []
    allowed = ", ".join(config.categories)
    close = [name for name in config.categories if serbian.slugify(name) == serbian.slugify(value)]
    hint = f"Napišite: Category: {close[0]}" if close else f"Izaberite jednu od kategorija: {allowed}."
    return [document.problem(
        document.line_of("category"), f"Nepoznata kategorija „{value}”.",
        hint + " Nova kategorija se prvo dodaje u CATEGORIES u pelicanconf.py.",
    )]


def _tags(document: Document) -> list[Problem]:
    problems = []
    for tag in ensure_metadata_list(document.value("tags")):
        bad = BAD_TAG_CHARACTER_RE.search(tag)
        if bad or not serbian.slugify(tag):
            what = f"ima znak „{bad.group()}”" if bad else "nema nijedno slovo ni broj"
            problems.append(document.problem(
                document.line_of("tags"), f"Oznaka „{tag}” {what}.",
                "Oznake pišite samo slovima, brojevima i razmacima, odvojene zarezom, na primer: Tags: alati, saradnja",
            ))
    return problems
