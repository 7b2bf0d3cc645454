"""Pelican's own warnings and errors, turned into problems for the author.

While reading, Pelican skips a file it cannot use and logs why, in English.
These are caught here and said in Serbian, at the file and line they concern.
Link warnings are left out: the reference checks report every broken link.
"""

import logging
import os
import re

from shared import WARNING, Problem

from .header import check as check_header
from .header import early_end, misnamed_field_for
from .metadata import LABELS, date_format, empty_fields, empty_slug, indented_fields, missing

# Reported by the checks themselves, at the right line: links, images, alt text, addresses.
IGNORED = (
    "Unable to find",
    "Other resources were not found",
    "Empty alt attribute",
    "Cannot get modification stamp",
    "There are ",
    "Replacement Indicator",  # {statc}, {fillename}: the reference checks name the link and the fix
    "{filename} used for linking to static content",  # ({filename}/images/x.jpg): said at its line, in Serbian
)
LOCATED_RE = re.compile(r"^(?P<path>[^\s:]+\.\w+):(?P<line>\d+): (?P<message>.*)", re.S)


class Capture(logging.Handler):
    """Keeps every warning and error logged during one Pelican run."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


MISSING_FIELD = "Skipping %s: could not find information about"
UNREAD = ("Could not process", MISSING_FIELD)  # Pelican made no object


def problems(records, index_source, rejected_paths: set[str]) -> list[Problem]:
    """`index_source(path)` gives the lines.Source of a content file (absolute or content-relative path)."""
    found = []
    for record in records:
        message = record.getMessage()
        if message.startswith(IGNORED):
            continue
        problem = _known(record, message, index_source)
        if problem and record.msg.startswith("Could not process") and any(p.path == problem.path for p in found):
            continue  # the file's own mistake was named already; this is what it led to
        if problem is None:
            path = _path_in(record)
            source = index_source(path) if path else None
            found.append(
                Problem(
                    source.shown if source else "sajt",
                    1,
                    f"Izgradnja sajta je prijavila problem: {message.splitlines()[0]}",
                    "Ako ne znate šta to znači, pošaljite ovu poruku osobi koja održava sajt.",
                )
            )
        elif problem.path not in rejected_paths:
            found.append(problem)
            if record.msg.startswith(UNREAD):  # no object to judge: what else its header says, said now
                source = index_source(str(record.args[0]))
                found += [p for p in check_header(source)[0] if p not in found and p.line != problem.line]
    return found


def _known(record, message: str, index_source) -> Problem | None:
    args = record.args if isinstance(record.args, tuple) else ()
    if record.name == "search.background":  # the preview's search, made after the last preview: not the content
        return Problem(
            "sajt",
            1,
            message,
            "Pregled je izgrađen, ali pretraga u njemu možda nalazi stariji sadržaj. Sačuvajte fajl ponovo; "
            "ako se poruka ponavlja, pošaljite je osobi koja održava sajt.",
            WARNING,
        )
    if record.msg.startswith(MISSING_FIELD):
        return _not_found(index_source(str(args[0])), str(args[1]))
    if record.msg.startswith("Skipping %s: file %r would be written outside"):
        return empty_slug(index_source(str(args[0])))  # an empty slug makes the address "/index.html"
    if record.msg.startswith("Unknown status"):
        source = index_source(str(args[1]))
        return Problem(
            source.shown,
            source.field_line("status"),
            f"Nepoznat status „{args[0]}”.",
            "Napišite „Status: draft” dok tekst nije spreman, a „Status: published” kada treba da bude objavljen.",
        )
    if record.msg.startswith("The {attach} link in %s cannot relocate"):  # args: the text, the file
        source = index_source(str(args[0]))
        return Problem(
            source.shown,
            source.body_line_of(f"{{attach}}/{args[1]}", "{attach}"),
            f"Fajl „{args[1]}” je naveden sa {{attach}}, ali ga sajt ne može premestiti uz ovaj tekst: "
            "već ga je premestio uz drugi tekst ili ga neki drugi link već koristi.",
            "Napišite {static} umesto {attach}: link radi isto, a fajl ostaje na svojoj adresi.",
            WARNING,
        )
    if record.msg.startswith("Duplicate definition of"):
        return repeated(index_source(str(args[1])), str(args[0]))
    if record.msg.startswith("Could not process"):
        source = index_source(str(args[0]))
        error = record.exc_info[1] if record.exc_info else None
        return _unreadable(source, error)
    located = LOCATED_RE.match(message)  # our plugins' own messages start with file:line
    if located:
        source = index_source(located.group("path"))
        return Problem(
            source.shown,
            int(located.group("line")),
            located.group("message").strip(),
            # a plugin's error may say what to do (share_images' ShareImageError)
            getattr(args[0] if args else None, "hint", None)
            or "Popravite zaglavlje ili tekst kako poruka kaže, pa sačuvajte fajl ponovo.",
        )
    return None


def _not_found(source, key: str) -> Problem:
    """A field the file's object lacks: Pelican's mandatory title (or date), or the slug a plugin read,
    which Pelican makes from the title. Either way a title it did not read is named for what it is: a
    misnamed Title, a Title line the header ended on (no colon, a blank line above), or none at all."""
    if key in ("slug", "title"):
        misnamed = misnamed_field_for(source, "title")
        if misnamed:
            return misnamed
        ended = [problem for problem in early_end(source) if "Title" in problem.message]
        if ended:
            return ended[0]
        if not source.find_field("title"):
            return missing(source, "title")
    return misnamed_field_for(source, key) or missing(source, key)


def repeated(source, key: str) -> Problem:
    indented = indented_fields(source)
    if indented:
        return indented[0]  # an indented field continued the one above it: the real mistake
    lines = source.field_lines(key)
    return Problem(
        source.shown,
        lines[-1] if lines else 1,
        f"Polje {LABELS.get(key.lower(), key)} je navedeno dva puta u zaglavlju"
        + (f" (prvi put u redu {lines[0]})." if len(lines) > 1 else "."),
        "Ostavite samo jedan taj red u zaglavlju i obrišite drugi.",
    )


def _unreadable(source, error) -> Problem:
    text = str(error or "")
    if source.repeated_fields():
        return repeated(source, source.repeated_fields()[0])  # a field given twice became a list
    if isinstance(error, AttributeError) and error.name in LABELS:
        # a plugin looked for a field the file does not have (or has under another name)
        return _not_found(source, error.name)
    dates = date_format(source) or empty_fields(source, ("date", "modified"))
    if dates:
        return dates[0]
    return Problem(
        source.shown,
        1,
        "Fajl ne može da se pročita" + (f" ({text})." if text else "."),
        "Proverite zaglavlje (Title, Date, Summary …) i sačuvajte fajl kao UTF-8.",
    )


def _path_in(record) -> str | None:
    for arg in record.args if isinstance(record.args, tuple) else ():
        text = str(getattr(arg, "source_path", None) or arg)
        if os.path.splitext(text)[1] and os.path.exists(text):
            return text
    return None
