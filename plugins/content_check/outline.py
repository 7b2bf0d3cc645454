"""A page has one top-level heading, its Title: a heading written with a single # would be a second
one (and on an FAQ page it would land inside the answer above it)."""

from shared import Problem, rendered


def check(document, source) -> list[Problem]:
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
