"""Headings as the author meant them.

A page has one top-level heading, its Title: a heading written with a single # would be a second
one (and on an FAQ page it would land inside the answer above it). A heading line that starts with
a space (pasted text often does) is not a heading for Markdown at all: its „## ” shows as text, and
on an FAQ page the question disappears into the answer above it.
"""

import re

from shared import Problem, rendered

_INDENTED_HEADING = re.compile(r"^ {1,3}(#{1,6})[ \t]+(\S+)")  # a tab first makes code, not a paragraph
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def check(document, source) -> list[Problem]:
    return _second_titles(document, source) + _indented_headings(document, source)


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
    problems, fenced, previous = [], False, ""
    for number in range(source.header_end() + 1, len(source.lines) + 1):
        line = source.lines[number - 1]
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _INDENTED_HEADING.match(line)
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
