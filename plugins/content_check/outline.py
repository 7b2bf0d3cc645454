"""Headings as the author meant them.

A page has one top-level heading, its Title: a heading written with a single # would be a second
one (and on an FAQ page it would land inside the answer above it). A heading line that starts with
a space (pasted text often does) is not a heading for Markdown at all: its „## ” shows as text, and
on an FAQ page the question disappears into the answer above it. A paragraph pasted with four spaces
or a tab in front is, for Markdown, a block of code.
"""

import re

from shared import WARNING, Problem, rendered

_INDENTED_HEADING = re.compile(r"^ {1,3}(#{1,6})[ \t]+(\S+)")  # a tab first makes code, not a paragraph


def check(document, source) -> list[Problem]:
    return _second_titles(document, source) + _indented_headings(document, source) + _indented_code(document, source)


def _second_titles(document, source) -> list[Problem]:
    problems = []
    for heading in rendered.of(document).headings:
        if heading.level != 1:
            continue
        line = next(
            (
                number
                for number in range(source.header_end() + 1, len(source.lines) + 1)
                if source.lines[number - 1].lstrip().startswith("# ") and heading.text in source.lines[number - 1]
            ),
            source.body_line_of(heading.text),
        )
        problems.append(
            Problem(
                source.shown,
                line,
                f"Podnaslov „{heading.text}” počinje jednim #, pa bi bio drugi glavni naslov stranice (glavni je Title).",
                "Podnaslov počnite sa ## (manji podnaslov sa ###).",
            )
        )
    return problems


def _indented_headings(document, source) -> list[Problem]:
    """Lines like „ ## Pitanje” after a blank line, whose „## ” the page shows as text (Markdown says so:
    the rendered text holds it), outside fenced code."""
    text = rendered.of(document).text
    problems, previous = [], ""
    for number, line, in_code in source.body_lines():
        match = None if in_code else _INDENTED_HEADING.match(line)
        if match and not previous.strip() and f"{match.group(1)} {match.group(2)}" in text:
            marks = match.group(1)
            wanted = "##" if marks == "#" else marks  # one # would be a second title (_second_titles)
            problems.append(
                Problem(
                    source.shown,
                    number,
                    f"Red počinje razmakom ispred „{marks}”, pa nije podnaslov nego običan tekst"
                    " (na stranici se vidi i znak #).",
                    f"Obrišite razmak na početku reda, tako da red počinje sa „{wanted} ”"
                    + (" (jedan # bi bio drugi glavni naslov, a glavni daje Title)." if marks == "#" else "."),
                )
            )
        previous = line
    return problems


_PROSE = re.compile(r"^[^\W\d_]+(?:[\s,]+[^\W\d_]+){3}")  # four words first: a sentence, not code


def _indented_code(document, source) -> list[Problem]:
    """Each block of code Markdown made from indented lines (not a ``` fence) that starts like a sentence."""
    if "<pre" not in rendered.of(document).html:
        return []  # most texts: no tree to make
    problems = []
    firsts = [
        lines[0].strip() for pre in rendered.of(document).tree.css("pre") if (lines := pre.text().strip().splitlines())
    ]
    for number, line, in_code in source.body_lines():
        if in_code or not line.expandtabs(4).startswith("    ") or line.strip() not in firsts:
            continue
        if not _PROSE.match(line.strip()):
            continue  # code meant as code (# komentar, <div>, x = 1)
        firsts.remove(line.strip())
        problems.append(
            Problem(
                source.shown,
                number,
                "Red počinje sa četiri razmaka ili tabom, pa se na stranici prikazuje kao kod (u sivom okviru, "
                "drugim slovima), a ne kao običan tekst.",
                "Ako je to običan tekst, obrišite razmake ili tab na početku reda i u redovima ispod njega.",
                WARNING,
            )
        )
    return problems
