"""What can be wrong with an FAQ page itself: its Kind and its questions.

Each problem names the file, the line and, where there is one, the question.
Links into and out of FAQ pages are checked with every other link by
plugins/content_check, against the question ids parsed here.
"""

import re

from selectolax.lexbor import LexborHTMLParser

from shared import WARNING, Problem, Source, plain, slugify

from .model import KINDS, Section

WRITE_A_QUESTION = "Svako pitanje napišite kao podnaslov koji počinje sa „## ”, a odgovor ispod njega."
# A question, in Markdown or raw HTML; „ ## ” with a space first is no heading for Python-Markdown
# (plugins/content_check/outline.py says so), and is not counted as one.
_H2_LINE = re.compile(r"^(##(?!#)(\s|$)| {0,3}<h2[\s>])", re.I)
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_H3_LINE = re.compile(r"^ {0,3}###(?!#)\s")


def quoted(text: str) -> str:
    return f"„{text}”"


def heading_lines(source: Source) -> list[int]:
    """Line numbers of the `## ` headings, skipping fenced code."""
    lines, fenced = [], False
    for number, line in enumerate(source.lines, start=1):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _H2_LINE.match(line):
            lines.append(number)
    return lines


def question_lines(source: Source, sections: list[Section]) -> list[int]:
    """Each question's line; the page's first line for all when Markdown made some heading another way."""
    lines = heading_lines(source)
    return lines if len(lines) == len(sections) else [source.header_end() + 1] * len(sections)


def _sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:]


def question_name(section: Section, number: int, kind: str = "questions") -> str:
    text = plain(section.heading_html)
    noun = "mit" if kind == "myths" else "pitanje"
    return f"{noun} {quoted(text)}" if text else f"{noun} br. {number} (naslov bez teksta)"


def kind_problems(source: Source, kind: str) -> list[Problem]:
    if kind in KINDS:
        return []
    allowed = " ili ".join(f"„Kind: {k}”" for k in KINDS)
    return [
        Problem(
            source.shown,
            source.field_line("kind"),
            f"Nepoznata vrsta stranice sa pitanjima: „{kind}”.",
            f"Napišite {allowed} (questions: obična pitanja i odgovori; myths: mitovi i činjenice).",
        )
    ]


def page_problems(source: Source, sections: list[Section], kind: str = "questions") -> list[Problem]:
    """No questions, a question without words or without an id, an empty answer, a question asked twice.

    Ids are the ones the page shows (Markdown's heading ids); these rules judge
    the text. Two questions that differ only in diacritics or punctuation are
    one question asked twice (their ids would differ only by a number).
    """
    if not sections:
        smaller = next((n for n, line in enumerate(source.lines, start=1) if _H3_LINE.match(line)), None)
        if smaller:  # questions written as smaller headings: the page would show them, but not as questions
            return [
                Problem(
                    source.shown,
                    smaller,
                    "Stranica sa pitanjima nema nijedno pitanje: vaša pitanja su napisana sa „### ” (manji podnaslov), "
                    "a pitanje mora da počinje sa „## ”.",
                    "Na početku svakog pitanja obrišite jedan znak #, tako da počinje sa „## ”.",
                )
            ]
        return [
            Problem(
                source.shown, source.header_end() + 1, "Stranica sa pitanjima nema nijedno pitanje.", WRITE_A_QUESTION
            )
        ]
    lines = question_lines(source, sections)
    problems = []
    asked: dict[str, list[tuple[str, int]]] = {}
    for number, (section, line) in enumerate(zip(sections, lines, strict=False), start=1):
        name = question_name(section, number, kind)
        words = slugify(plain(section.heading_html))
        if not words:
            problems.append(
                Problem(
                    source.shown,
                    line,
                    f"Naslov pitanja br. {number}{' ' + quoted(plain(section.heading_html)) if plain(section.heading_html) else ''} "
                    "nema nijedno slovo ni broj, pa pitanje nema smislenu adresu.",
                    "Napišite pitanje rečima.",
                )
            )
        elif not section.id:
            problems.append(Problem(source.shown, line, f"Naslov ({name}) nije napisan u Markdownu.", WRITE_A_QUESTION))
        else:
            asked.setdefault(words, []).append((name, line))
        if not plain(section.answer_html):
            problems.append(
                Problem(
                    source.shown,
                    line,
                    f"Ispod mita {quoted(plain(section.heading_html))} nema činjenice.",
                    "Ispod mita napišite kako stvari zaista stoje.",
                )
                if kind == "myths"
                else Problem(source.shown, line, f"Odgovor na {name} je prazan.", "Napišite odgovor ispod pitanja.")
            )
    for named in asked.values():
        if len(named) > 1:
            names = " i ".join(name for name, _line in named)
            same = len({name for name, _line in named}) == 1
            problems.append(
                Problem(
                    source.shown,
                    named[-1][1],
                    f"{named[0][0][0].upper()}{named[0][0][1:]} je napisano {len(named)} puta (prvi put u redu {named[0][1]})."
                    if same
                    else f"{names[0].upper()}{names[1:]} su isto pitanje (razlikuju se samo u kvačicama ili znakovima).",
                    "Obrišite jedno od njih ili ih preformulišite.",
                )
            )
    return problems


QUESTION_MAX_CHARACTERS = 150  # a question reads at a glance in the page's list of questions
# „Mit:” typed before a myth, „Činjenica:” before its fact: the page adds both labels itself.
_MYTH_LABEL = re.compile(r"^mit\s*[:\-–—]", re.I)
_FACT_LABEL = re.compile(r"^(činjenica|cinjenica)\s*[:\-–—]", re.I)


def wording_problems(source: Source, sections: list[Section], kind: str) -> list[Problem]:
    """Questions written so that the page shows them wrong: a label the page adds itself, typed again
    (an error: it shows twice); a question written as a smaller heading or a bold line, which the page
    folds into the answer above (a warning: an answer may ask a question of its own)."""
    problems = []
    for section, line in zip(sections, question_lines(source, sections), strict=True):
        if kind == "myths" and _MYTH_LABEL.match(plain(section.heading_html)):
            problems.append(
                Problem(
                    source.shown,
                    line,
                    f"Mit („{plain(section.heading_html)}”) počinje oznakom „Mit”, koju stranica dodaje sama, "
                    "pa bi se videla dva puta.",
                    "Obrišite „Mit:” sa početka podnaslova.",
                )
            )
        if kind == "myths" and _FACT_LABEL.match(plain(section.answer_html)):
            problems.append(
                Problem(
                    source.shown,
                    source.body_line_of(plain(section.answer_html)[:20]),
                    f"Činjenica ispod mita {quoted(plain(section.heading_html))} počinje oznakom „Činjenica”, koju "
                    "stranica dodaje sama, pa bi se videla dva puta.",
                    "Obrišite „Činjenica:” sa početka odgovora.",
                )
            )
        answer = LexborHTMLParser(f"<body>{section.answer_html}</body>")
        folded = [node for node in answer.css("h3") if plain(node.html).endswith("?")] + [
            node.css_first("strong")
            for node in answer.css("p")
            if plain(node.html).endswith("?")
            and len(node.css("strong")) == 1
            and plain(node.css_first("strong").html) == plain(node.html)
        ]
        if len(plain(section.heading_html)) > QUESTION_MAX_CHARACTERS:
            problems.append(
                Problem(
                    source.shown,
                    line,
                    f"{_sentence_start(question_name(section, 0, kind))} ima {len(plain(section.heading_html))} znakova: "
                    "u spisku na vrhu stranice i u pretrazi tako dugačko pitanje se teško čita.",
                    f"Skratite ga na najviše {QUESTION_MAX_CHARACTERS} znakova, a pojedinosti prebacite u odgovor.",
                    WARNING,
                )
            )
        under = f"{'mita' if kind == 'myths' else 'pitanja'} {quoted(plain(section.heading_html))}"
        new_one = "novi mit" if kind == "myths" else "novo pitanje"
        for node in folded:
            text = plain(node.html)
            smaller = node.tag == "h3"
            problems.append(
                Problem(
                    source.shown,
                    source.body_line_of(text),
                    f"„{text}” je {'manji podnaslov (###)' if smaller else 'podebljan red'}, pa je na stranici deo "
                    f"teksta ispod {under}, a ne {new_one}.",
                    f"Ako je to {new_one}, napišite ga kao podnaslov: „## {text}”"
                    + ("." if smaller else ", bez zvezdica."),
                    WARNING,
                )
            )
    return problems


def repeated_across_pages(pages: list[tuple[Source, list[Section]]]) -> list[Problem]:
    """A question asked on two FAQ pages (`pages` in file order): a warning on each later one, naming the first."""
    asked: dict[str, tuple[Source, int, Section]] = {}
    problems = []
    for source, sections in pages:
        for section, line in zip(sections, question_lines(source, sections), strict=True):
            text = plain(section.heading_html)
            first = asked.setdefault(slugify(text), (source, line, section)) if slugify(text) else None
            if first and first[0].shown != source.shown:
                problems.append(
                    Problem(
                        source.shown,
                        line,
                        f"Pitanje {quoted(text)} postoji i na stranici {first[0].shown} (red {first[1]}).",
                        "Ostavite ga na jednoj stranici, a sa druge napišite link na njega, "
                        f"na primer: [odgovor]({{filename}}/{first[0].shown.split('/', 1)[-1]}#{first[2].id}).",
                        WARNING,
                    )
                )
    return problems
