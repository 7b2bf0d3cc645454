"""Mistakes that end the header too early or name a field the site does not know.

Python-Markdown reads the header up to the first blank line or the first line
that is not `Name: value`; everything from there on is the body. So a field
written without its colon, or after a blank line, silently becomes text on the
page, and the field does not apply: `Status draft` publishes a draft. Field
names are English (Pelican's); a Serbian one is kept by Pelican as a field of
its own that nothing reads.
"""

import difflib
import re

from shared import WARNING, Problem
from shared.lines import FIELD_RE

from .metadata import LABELS

# Serbian names an author may write for a field, without diacritics; the value is the name to write.
SERBIAN_NAMES = {
    "naslov": "Title",
    "datum": "Date",
    "izmenjeno": "Modified",
    "izmena": "Modified",
    "kategorija": "Category",
    "oznake": "Tags",
    "oznaka": "Tags",
    "tagovi": "Tags",
    "adresa": "Slug",
    "sazetak": "Summary",
    "opis": "Summary",
    "vrsta": "Kind",
}
# Fields the site reads besides LABELS': the share image (plugins/share_images), a page left out of
# the sitemap (plugins/sitemap_xml: Private), pelican-related-posts' Related_posts, and Pelican's own.
OTHER_FIELDS = frozenset(
    {
        "image",
        "image_alt",
        "private",
        "related_posts",
        "author",
        "authors",
        "lang",
        "translation",
        "template",
        "save_as",
        "url",
    }
)
KNOWN_FIELDS = frozenset(LABELS) | OTHER_FIELDS
GUESSED_FIELDS = [*LABELS, "image", "image_alt"]  # what a mistyped name is compared with
# Names other blog tools use for a field of ours.
OTHER_NAMES = {
    "updated": "modified",
    "update": "modified",
    "lastmod": "modified",
    "last_modified": "modified",
    "description": "summary",
    "excerpt": "summary",
    "categories": "category",
    "tag": "tags",
}
SENTENCE_WORDS = 5  # an unknown field's value this long, last in the header, is rather the text's first line
SPACED_FIELD_RE = re.compile(r"^\s{0,3}(?P<key>[^\W\d][\w-]*)\s+:(?P<value>.*)")
FIRST_WORD_RE = re.compile(r"^\s{0,3}(?P<word>[^\W\d_]+)(?P<rest>.*)")
FOLD = str.maketrans("čćžšđČĆŽŠĐ", "cczsdCCZSD")


def field_name(word: str) -> str | None:
    """The English name of the field `word` names (in English or Serbian), else None."""
    key = word.translate(FOLD).lower()
    if key in LABELS:
        return key.title()
    return SERBIAN_NAMES.get(key)


def check(source) -> tuple[list[Problem], set[str]]:
    """The problems, and the fields (lower case) they concern: fields meant but not read, not also „missing”."""
    misnamed = _misnamed(source)
    problems = [_misnamed_field(source, *field) for field in misnamed] + early_end(source)
    keys = {name.lower() for _line, name in _stray_fields(source)}
    keys |= {meant.lower() for _line, _written, meant in misnamed if meant}
    stop = _colonless(source)
    if stop:
        keys.add(stop[1].lower())
    return problems, keys


def prose_start(source) -> int:
    """Index of the body's first line of text: past the first paragraph when it holds what was meant as header."""
    start, end = _first_paragraph(source)
    if source.header_stop() == start or _stray_fields(source):  # the header ended on a line of text
        return end
    return source.header_end()


def misnamed_field_for(source, key: str) -> Problem | None:
    """The misnamed field that was meant as `key` („Naslov” for title), if there is one."""
    return next(
        (_misnamed_field(source, i, written, meant) for i, written, meant in _misnamed(source) if meant == key.title()),
        None,
    )


def _misnamed(source) -> list[tuple[int, str, str | None]]:
    """(index, name as written, the English name meant or None) of each header field the site does not know."""
    header = [(index, FIELD_RE.match(line)) for index, line in enumerate(source.lines[: source.header_end()])]
    written = [(index, match.group("key")) for index, match in header if match]
    present = {key.lower() for _index, key in written}
    found = []
    for index, key in written:
        if key.lower() not in KNOWN_FIELDS:
            meant = field_name(key) or _close_name(key, present)
            found.append((index, key, meant if meant and meant.lower() not in present else None))
    return found


def _close_name(written: str, present: set[str]) -> str | None:
    """The field a mistyped name most likely meant: one the header lacks, of about the same length
    (Subtitle is not Title)."""
    key = written.lower()
    if key in OTHER_NAMES:
        return OTHER_NAMES[key].capitalize()
    candidates = [name for name in GUESSED_FIELDS if name not in present and abs(len(name) - len(key)) <= 2]
    close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.7)
    return close[0].capitalize() if close else None


def _colonless(source) -> tuple[int, str] | None:
    """(index, English name) when the line that ended the header was meant as a field: it starts with a
    field's English name („Status draft”), or with a Serbian one and a colon („Sažetak: …”; a sentence
    right below the header may well start with „Datum” or „Opis”)."""
    stop = source.header_stop()
    if stop >= len(source.lines) or not source.lines[stop].strip():
        return None
    word = FIRST_WORD_RE.match(source.lines[stop])
    name = word and field_name(word.group("word"))
    english = word and word.group("word").lower() in LABELS
    return (stop, name) if name and (english or word.group("rest").lstrip().startswith(":")) else None


def early_end(source) -> list[Problem]:
    """The line that ended the header when it was meant as a field, or a field stranded below the end."""
    stop = source.header_stop()
    lines = source.lines
    if stop >= len(lines):
        return []
    line = lines[stop]
    spaced = SPACED_FIELD_RE.match(line)  # „Title : …”, „Image_alt : …”: Markdown takes no space before the colon
    if spaced and (spaced.group("key").lower() in KNOWN_FIELDS or field_name(spaced.group("key"))):
        written = spaced.group("key")
        name = field_name(written) or written[:1].upper() + written[1:].lower()
        return [
            Problem(
                source.shown,
                stop + 1,
                f"Između imena polja „{written}” i dvotačke je razmak, pa se ovaj red i sve ispod njega prikazuju "
                "kao tekst, a ne čitaju kao zaglavlje.",
                f"Napišite: {name}: {spaced.group('value').strip()}".rstrip(),
            )
        ]
    colonless = _colonless(source)
    if colonless:
        word, name = FIRST_WORD_RE.match(line), colonless[1]
        rest = word.group("rest").strip()
        if rest.startswith(":"):  # a Serbian name with a letter Markdown does not take in a field name (Sažetak)
            return [_serbian_name(source, stop, word.group("word"), name)]
        return [
            Problem(
                source.shown,
                stop + 1,
                f"Posle imena polja „{word.group('word')}” nedostaje dvotačka, pa se ovaj red i sve ispod njega "
                "prikazuju kao tekst, a ne čitaju kao zaglavlje.",
                f"Napišite: {name}: {rest}".rstrip(),
            )
        ]
    stray = _stray_fields(source)
    if not stray:
        return []
    number, name = stray[0]
    if line.strip():
        cause = (
            f"zaglavlje se završilo u redu {stop + 1} („{line.strip()}”), jer taj red nije polje oblika Ime: vrednost"
        )
        hint = "Svako polje napišite u jednom redu, kao Ime: vrednost (oznake odvojene zarezom: Tags: alati, saradnja), a tekst počnite posle jednog praznog reda."
    else:
        cause = f"zaglavlje se završilo praznim redom {stop + 1}"
        hint = "Obrišite prazan red iznad, tako da su sva polja jedno ispod drugog na početku fajla, a tekst počnite posle jednog praznog reda."
    return [
        Problem(
            source.shown,
            number,
            f"Polje {name} je u tekstu, a ne u zaglavlju: {cause}. Stranica ga prikazuje kao tekst, a polje ne važi.",
            hint,
        )
    ]


def _stray_fields(source) -> list[tuple[int, str]]:
    """(line, name) of each known field in the body's first paragraph."""
    start, end = _first_paragraph(source)
    found = []
    for index in range(start, end):
        match = FIELD_RE.match(source.lines[index])
        if match and match.group("key").lower() in LABELS:
            found.append((index + 1, match.group("key").title()))
    return found


def _first_paragraph(source) -> tuple[int, int]:
    """(start, end) indexes of the body's first run of non-blank lines."""
    lines, start = source.lines, source.header_end()
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    return start, end


def _serbian_name(source, index: int, written: str, name: str) -> Problem:
    value = source.value_on(index + 1)
    return Problem(
        source.shown,
        index + 1,
        f"Sajt ne poznaje polje „{written}”: imena polja u zaglavlju pišu se na engleskom, pa ovo polje ne važi.",
        f"Napišite: {name}: {value}".rstrip(),
    )


def _misnamed_field(source, index: int, written: str, meant: str | None) -> Problem:
    if meant and written.translate(FOLD).lower() in SERBIAN_NAMES:
        return _serbian_name(source, index, written, meant)
    if meant:  # a typo: the field does not apply (a draft's „Stauts: draft” would publish it)
        return Problem(
            source.shown,
            index + 1,
            f"Sajt ne poznaje polje „{written}” (verovatno ste mislili na polje „{meant}”), pa ovo polje ne važi.",
            f"Napišite: {meant}: {source.value_on(index + 1)}".rstrip(),
        )
    hint = (
        "Polja koja sajt čita su Title, Date, Modified, Category, Tags, Summary, Slug, Status, Image i Image_alt "
        "(na stranicama sa pitanjima i Kind). Ispravite ime polja ili obrišite red."
    )
    if index == source.header_stop() - 1 and len(source.value_on(index + 1).split()) >= SENTENCE_WORDS:
        # „Ukratko: …” right under the header, with no blank line between: Markdown read the text's first line as a field
        hint += " Ako je ovo prvi red teksta, a ne polje, ostavite prazan red iznad njega (između zaglavlja i teksta)."
    return Problem(
        source.shown,
        index + 1,
        f"Sajt ne poznaje polje „{written}”, pa ga ne prikazuje nigde.",
        hint,
        WARNING,
    )
