"""Header fields as Pelican parsed them: present where required, and well formed."""

import re
from datetime import datetime

from shared import WARNING, Problem, build_now, plain, plural, slugify, starters

SUMMARY_MAX_CHARACTERS = 160
SLUG_MAX_CHARACTERS = 120
LABELS = {
    "title": "naslov (Title)",
    "date": "datum (Date)",
    "modified": "datum izmene (Modified)",
    "summary": "sažetak (Summary)",
    "category": "kategorija (Category)",
    "slug": "adresa (Slug)",
    "status": "status (Status)",
    "kind": "vrsta (Kind)",
    "tags": "oznake (Tags)",
}
EXAMPLES = {
    "title": "Title: Kako da počnemo saradnju",
    "date": "Date: 2026-11-27 10:00",
    "modified": "Modified: 2026-11-28 09:00",
    "status": "Status: draft (dok pišete) ili Status: published (kada je tekst gotov)",
    "summary": "Summary: Jedna ili dve rečenice o tome šta čitalac dobija iz teksta.",
    "category": "Category: Saradnja",
    "slug": "Slug: kako-da-pocnemo-saradnju",
}
FAR_AHEAD_YEARS = 1  # a post scheduled further ahead was most likely given a mistyped year
EARLIEST_YEAR = 2000
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
TIME = r"(?:,?\s(?:u\s)?(\d{1,2})[:.](\d{2})h?)?"  # 9:30, 09.00, u 9.30h
DAY_FIRST_RE = re.compile(rf"^(\d{{1,2}})[./]\s?(\d{{1,2}})[./]\s?(\d{{4}})\.?{TIME}$")  # 15.3.2026. 9:30, 20/12/2026
UNPADDED_RE = re.compile(
    rf"^(\d{{4}})[-./](\d{{1,2}})[-./](\d{{1,2}})\.?{TIME}$"
)  # 2026-3-5, 2026-12-20 09.00, 2026.12.20
INVISIBLE_RE = re.compile("[\u200b-\u200d\u2060\ufeff]")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BAD_TAG_CHARACTER_RE = re.compile(r"[^\w\s-]|_")


def characters(count: int) -> str:
    return plural(count, "znak", "znaka", "znakova")


def missing(source, key: str) -> Problem:
    """A required field Pelican did not find (or found empty)."""
    line = source.find_field(key)
    example = EXAMPLES.get(key, key.title() + ": …")
    if line:
        return Problem(
            source.shown,
            line,
            f"Polje {LABELS[key]} je prazno.",
            f"Upišite vrednost posle dvotačke, na primer: {example}",
        )
    return Problem(
        source.shown,
        1,
        f"Nedostaje {LABELS[key]} u zaglavlju fajla.",
        f"Dodajte red u zaglavlje (na početku fajla, iznad prvog praznog reda), na primer: {example}",
    )


def empty_fields(source, keys) -> list[Problem]:
    """Each of `keys` written with nothing after its colon (Pelican would take the default, or fail)."""
    lines = {key: source.find_field(key) for key in keys}
    return [missing(source, key) for key, line in lines.items() if line and not source.value_on(line)]


def date_format(source) -> list[Problem]:
    """Dates written year-month-day: Pelican would also read 05.11.2026, as May 11."""
    problems = []
    for key in ("date", "modified"):
        line = source.find_field(key)
        value = source.value_on(line) if line else ""
        example = f"{key.title()}: 2026-11-27 10:00"
        if value and not DATE_RE.match(value):
            meant = _meant_date(value)
            if meant and _spaced(value) == meant:
                hint = f"U datumu je nevidljiv znak ili dupli razmak (često posle kopiranja); napišite: {key.title()}: {meant}"
            elif meant:
                form = "godina-mesec-dan sat:minut" if " " in meant else "godina-mesec-dan"
                hint = f"Napišite datum u obliku {form}: {key.title()}: {meant}"
            else:
                hint = f"Napišite datum kao godina-mesec-dan sat:minut, na primer: {example}"
            problems.append(
                Problem(
                    source.shown,
                    line,
                    f"{LABELS[key][0].upper()}{LABELS[key][1:]} nije napisan u ispravnom obliku: „{value}”.",
                    hint,
                )
            )
        elif value and not _exists(DATE_RE.match(value)):
            problems.append(
                Problem(
                    source.shown,
                    line,
                    f"Polje {LABELS[key]} ima datum koji ne postoji: „{value}”.",
                    f"Proverite mesec (1–12), dan (koliko ih taj mesec ima) i sat (0–23, minuti 0–59), na primer: {example}",
                )
            )
    return problems


def date_sense(document, source) -> list[Problem]:
    """Dates that are well formed but hardly meant: a year mistyped, a change before the post itself."""
    date, modified = getattr(document, "date", None), getattr(document, "modified", None)
    date_line, modified_line = source.find_field("date"), source.find_field("modified")
    if not isinstance(date, datetime) or date_line is None:
        return []
    problems = []
    now = build_now(document.settings, date.tzinfo)
    written = source.value_on(date_line)
    if date.year > now.year + FAR_AHEAD_YEARS or date.year < EARLIEST_YEAR:
        problems.append(
            Problem(
                source.shown,
                date_line,
                f"Datum teksta je u {date.year}. godini („{written}”); da li je godina dobro otkucana?",
                f"Ako nije, ispravite je, na primer: Date: {now.year}-{written[5:] or '01-01'}",
                WARNING,
            )
        )
    if isinstance(modified, datetime) and modified_line and modified < date:
        problems.append(
            Problem(
                source.shown,
                modified_line,
                f"Datum izmene („{source.value_on(modified_line)}”) je pre datuma objave („{written}”).",
                "Izmena ne može da bude pre objave: proverite oba datuma; ako tekst posle objave nije menjan, "
                "obrišite red Modified.",
                WARNING,
            )
        )
    return problems


def _spaced(value: str) -> str:
    """`value` with invisible characters dropped and every run of spaces (a no-break one too) made one space."""
    return " ".join(INVISIBLE_RE.sub("", value).split())


def _meant_date(value: str) -> str | None:
    """The date as it must be written, when `value` says it plainly in another form: „15.3.2026. 9:30”,
    „2026-3-5”, or the right form with a no-break space or an invisible character in it."""
    value = _spaced(value)
    if match := DAY_FIRST_RE.match(value):
        day, month, year, hour, minute = match.groups()
    elif match := UNPADDED_RE.match(value):
        year, month, day, hour, minute = match.groups()
    else:
        return None
    parts = [int(year), int(month), int(day)] + ([int(hour), int(minute)] if hour else [])
    try:
        datetime(*parts)
    except ValueError:
        return None
    return f"{parts[0]}-{parts[1]:02}-{parts[2]:02}" + (f" {parts[3]:02}:{parts[4]:02}" if hour else "")


def _exists(date) -> bool:
    try:
        datetime(*(int(part) for part in date.groups() if part is not None))
    except ValueError:
        return False
    return True


def indented_fields(source) -> list[Problem]:
    """A header line indented with a tab or spaces continues the field above it (Python-Markdown's rule)."""
    problems = []
    for index, line in enumerate(source.lines[: source.header_end()]):
        key = line.split(":", 1)[0].strip().lower() if ":" in line else ""
        if index and line[:1].isspace() and key in LABELS:
            problems.append(
                Problem(
                    source.shown,
                    index + 1,
                    f"Red „{line.strip()}” je uvučen, pa se čita kao nastavak reda iznad, a ne kao polje {LABELS[key]}.",
                    "Obrišite razmake ili tab na početku reda, tako da red počinje imenom polja.",
                )
            )
    return problems


def unfinished(document, source) -> list[Problem]:
    """A published file that still holds the starter text of `make post` or `make faq`."""
    if document.status == "draft":
        return []
    text = "\n".join(source.lines)  # no starter sentence spans two lines
    lines = {line.strip() for line in source.lines}
    left = [sentence for sentence in starters.PLACEHOLDERS if sentence in text]
    left += [heading for heading in starters.PLACEHOLDER_HEADINGS if heading in lines]
    return [
        Problem(
            source.shown,
            source.line_of(sentence),
            f"U tekstu je ostala rečenica iz šablona: „{sentence.replace('„', '‚').replace('”', '’')}”",  # nested: ‚…’
            "Zamenite je svojim tekstom ili je obrišite; dok tekst nije gotov, ostavite „Status: draft”.",
        )
        for sentence in left
    ]


def check(document, source, index, meant: set[str] = frozenset()) -> list[Problem]:
    """`meant`: fields written where they do not apply (header.py names the line; they are not also „missing”)."""
    malformed = date_format(source)
    problems = malformed + indented_fields(source) + unfinished(document, source)
    problems += empty_fields(source, [key for key in ("title", "status") if key not in meant])
    summary = plain(document.metadata.get("summary", "")).strip()
    if (index.is_post(document) or index.is_faq(document)) and not summary and "summary" not in meant:
        problems.append(missing(source, "summary"))
    problems += [] if malformed else date_sense(document, source)
    problems += _summary(document, source)
    problems += _slug(document, source)
    if index.is_post(document):
        problems += _category(document, source, index.settings.get("CATEGORIES") or ())
        problems += _tags(document, source)
    return problems


def _summary(document, source) -> list[Problem]:
    length = len(" ".join(plain(document.metadata.get("summary", "")).split()))
    if length <= SUMMARY_MAX_CHARACTERS:
        return []
    return [
        Problem(
            source.shown,
            source.field_line("summary"),
            f"Sažetak (Summary) ima {length} {characters(length)}, a najviše sme {SUMMARY_MAX_CHARACTERS}.",
            f"Skratite ga za bar {length - SUMMARY_MAX_CHARACTERS} {characters(length - SUMMARY_MAX_CHARACTERS)}; jedna ili dve kratke rečenice su dovoljne "
            "(toliko staje u pregled linka na društvenim mrežama).",
        )
    ]


def _slug(document, source) -> list[Problem]:
    slug = document.slug or ""
    written = "slug" in document.metadata
    line = source.field_line("slug" if written else "title")
    if not slug:
        return [empty_slug(source)]
    if len(slug) > SLUG_MAX_CHARACTERS:
        return [
            Problem(
                source.shown,
                line,
                f"Adresa ovog teksta je predugačka ({len(slug)} {characters(len(slug))}, a najviše može {SLUG_MAX_CHARACTERS}).",
                f"Dodajte u zaglavlje kraću adresu, na primer: Slug: {slugify(' '.join(slug.split('-')[:6]))}",
            )
        ]
    if written and not SLUG_RE.match(slug):
        return [bad_slug(source, line, slug)]
    return []


def bad_slug(source, line: int, slug: str) -> Problem:
    # Its words, made a slug: slugify keeps "_" and a "-" at either end, which SLUG_RE does not take.
    suggestion = slugify(" ".join(re.findall(r"[^\W_]+", slug)))
    return Problem(
        source.shown,
        line,
        f"Adresa (Slug) „{slug}” sme da ima samo mala slova bez kvačica (a–z), brojeve i crtice.",
        f"Napišite: Slug: {suggestion}"
        if SLUG_RE.match(suggestion)
        else "Napišite adresu malim slovima bez kvačica, reči odvojite crticom.",
    )


def empty_slug(source) -> Problem:
    """No address Pelican can write: a Slug that leaves none (/moja-adresa/ would be written outside the
    site's folder), or a title without a letter or a digit."""
    line = source.find_field("slug")
    if line and source.value_on(line):
        return bad_slug(source, line, source.value_on(line))
    return Problem(
        source.shown,
        line or source.field_line("title"),
        "Od naslova ne može da se napravi adresa: u njemu nema nijednog slova ni broja.",
        "Dodajte u zaglavlje red sa adresom od nekoliko reči, na primer: Slug: moj-novi-tekst",
    )


def _category(document, source, categories) -> list[Problem]:
    line = source.find_field("category")
    if line and not source.value_on(line):
        return [missing(source, "category")]  # Pelican would quietly put the post in DEFAULT_CATEGORY
    name = document.category.name
    if name in categories:
        return []
    close = [allowed for allowed in categories if slugify(allowed) == slugify(name)]
    hint = f"Napišite: Category: {close[0]}." if close else f"Izaberite jednu od kategorija: {', '.join(categories)}."
    return [
        Problem(
            source.shown,
            source.field_line("category"),
            f"Nepoznata kategorija „{name}”.",
            hint + " Ako vam treba nova kategorija, zamolite osobu koja održava sajt da je doda.",
        )
    ]


TAG_WORDS_WITHOUT_COMMAS = 3  # „saradnja alati poverenje”: more likely three tags than one


def _tags(document, source) -> list[Problem]:
    problems = []
    tags = getattr(document, "tags", [])
    found = source.find_field("tags")
    line, written = found or 1, source.value_on(found) if found else ""
    if ";" in written and any("," in tag.name for tag in tags):  # Pelican split at „;” alone: commas stayed in tags
        names = [name.strip() for name in re.split(r"[;,]", written) if name.strip()]
        return [
            Problem(
                source.shown,
                line,
                "Oznake su odvojene tačkom i zarezom (;), pa ih sajt ne deli kako ste mislili.",
                f"Oznake odvojite samo zarezima: Tags: {', '.join(names)}",
            )
        ]
    if len(tags) == 1 and len(tags[0].name.split()) >= TAG_WORDS_WITHOUT_COMMAS:
        problems.append(
            Problem(
                source.shown,
                line,
                f"Oznaka „{tags[0].name}” je jedna oznaka od {len(tags[0].name.split())} reči.",
                f"Ako ste mislili na više oznaka, odvojite ih zarezom, na primer: Tags: {', '.join(tags[0].name.split())}",
                WARNING,
            )
        )
    seen = {}
    for tag in tags:
        if tag.slug and tag.slug in seen:
            problems.append(
                Problem(
                    source.shown,
                    line,
                    f"Oznaka „{tag.name}” je ista kao „{seen[tag.slug]}”, pa bi se na stranici pojavila dva puta.",
                    "Ostavite je samo jednom.",
                    WARNING,
                )
            )
        seen.setdefault(tag.slug, tag.name)
        bad = BAD_TAG_CHARACTER_RE.search(tag.name)
        if bad or not tag.slug:
            what = f"ima znak „{bad.group()}”" if bad else "nema nijedno slovo ni broj"
            problems.append(
                Problem(
                    source.shown,
                    line,
                    f"Oznaka „{tag.name}” {what}.",
                    "Oznake pišite samo slovima, brojevima i razmacima, odvojene zarezom, na primer: Tags: alati, saradnja",
                )
            )
    return problems
