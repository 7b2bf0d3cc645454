"""What can be wrong with an FAQ page itself: its Kind and its questions.

Each problem names the file, the line and, where there is one, the question.
Links into and out of FAQ pages are checked with every other link by
plugins/content_check, against the question ids parsed here.
"""

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from shared import WARNING, Problem, Source, plain, plural, quoted, slugify

from .model import KINDS, Section

WRITE_A_QUESTION = "Svako pitanje napišite kao podnaslov koji počinje sa „## ”, a odgovor ispod njega."
# A question, in Markdown or raw HTML; „ ## ” with a space first is no heading for Python-Markdown
# (plugins/content_check/outline.py says so), and is not counted as one.
_H2_LINE = re.compile(r"^(##(?!#)(\s|$)| {0,3}<h2[\s>])", re.I)
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_H3_LINE = re.compile(r"^ {0,3}###(?!#)\s")
QUESTION_MAX_CHARACTERS = 150  # a question reads at a glance in the page's list of questions
# „Mit:” typed before a myth, „Činjenica:” before its fact: the page adds both labels itself.
_MYTH_LABEL = re.compile(r"^mit\s*[:\-–—]", re.I)
_FACT_LABEL = re.compile(r"^(činjenica|cinjenica)\s*[:\-–—]", re.I)
_SHOWN_RE = re.compile(r"<(?:img|svg|picture|video|audio|table|iframe|object)\b", re.I)


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


@dataclass(frozen=True)
class _Noun:
    """A page's question as its messages say it: the forms Serbian needs around the noun."""

    one: str  # pitanje „…” je prazno
    of: str  # ispod pitanja „…”
    written: str  # … je napisano 2 puta
    same: str  # … su isto pitanje
    long: str  # tako dugačko pitanje
    new: str  # ako je to novo pitanje


_NOUNS = {
    "questions": _Noun("pitanje", "pitanja", "napisano", "isto pitanje", "dugačko pitanje", "novo pitanje"),
    "myths": _Noun("mit", "mita", "napisan", "isti mit", "dugačak mit", "novi mit"),
}


def noun(kind: str) -> _Noun:
    return _NOUNS.get(kind, _NOUNS["questions"])


def _sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:]


def question_name(section: Section, number: int, kind: str = "questions", case: str = "one") -> str:
    """„pitanje „Kako počinjemo?””, or in `case` „of”: „mita „VA je skup””; by number when it has no text."""
    text = plain(section.heading_html)
    word = getattr(noun(kind), case)
    return f"{word} {quoted(text)}" if text else f"{word} br. {number} (naslov bez teksta)"


def kind_problems(source: Source, kind: str) -> list[Problem]:
    if kind in KINDS:
        return []
    allowed = " ili ".join(f"„Kind: {k}”" for k in KINDS)
    return [
        Problem(
            source.shown,
            source.field_line("kind"),
            f"Nepoznata vrsta stranice sa pitanjima: „{kind}”.",
            f"Napišite {allowed} (questions: obična pitanja i odgovori; myths: mitovi i činjenice); "
            "može i na srpskom: „Kind: pitanja” ili „Kind: mitovi”.",
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
        if _says_nothing(section.answer_html):
            problems.append(
                Problem(
                    source.shown,
                    line,
                    f"Ispod {question_name(section, number, kind, 'of')} nema činjenice.",
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
                    f"{_sentence_start(named[0][0])} je {noun(kind).written} {len(named)} puta (prvi put u redu {named[0][1]})."
                    if same
                    else f"{_sentence_start(names)} su {noun(kind).same} (razlikuju se samo u kvačicama ili znakovima).",
                    "Obrišite jedno od njih ili ih preformulišite.",
                )
            )
    return problems


def wording_problems(source: Source, sections: list[Section], kind: str) -> list[Problem]:
    """Questions written so that the page shows them wrong: a label the page adds itself, typed again
    (an error: it shows twice); a question written as a smaller heading or a bold line, which the page
    folds into the answer above (a warning: an answer may ask a question of its own)."""
    problems = []
    lines = question_lines(source, sections)
    for section, line, end in zip(sections, lines, [*lines[1:], len(source.lines) + 1], strict=False):
        text, words = plain(section.heading_html), noun(kind)
        if kind == "myths" and _MYTH_LABEL.match(text):
            problems.append(
                Problem(
                    source.shown,
                    line,
                    f"Mit („{text}”) počinje oznakom „Mit”, koju stranica dodaje sama, pa bi se videla dva puta.",
                    "Obrišite „Mit:” sa početka podnaslova.",
                )
            )
        if kind == "myths" and _MYTH_LABEL.match(plain(section.answer_html)):
            problems.append(
                Problem(
                    source.shown,
                    _line_in(source, line + 1, end, "mit"),
                    f"Činjenica ispod {question_name(section, 0, kind, 'of')} počinje oznakom „Mit”: stranica "
                    "mit već pokazuje u podnaslovu, pa bi se video dva puta, i to kao činjenica.",
                    "Obrišite red sa „Mit:” ispod podnaslova (i oznaku „Činjenica:”, ako ste je napisali): "
                    "stranica dodaje obe oznake sama.",
                )
            )
        elif kind == "myths" and _FACT_LABEL.match(plain(section.answer_html)):
            problems.append(
                Problem(
                    source.shown,
                    _line_in(source, line, end, "cinjenica"),
                    f"Činjenica ispod {question_name(section, 0, kind, 'of')} počinje oznakom „Činjenica”, koju "
                    "stranica dodaje sama, pa bi se videla dva puta.",
                    "Obrišite „Činjenica:” sa početka odgovora.",
                )
            )
        if len(text) > QUESTION_MAX_CHARACTERS:
            problems.append(
                Problem(
                    source.shown,
                    line,
                    f"{_sentence_start(question_name(section, 0, kind))} ima {len(text)} "
                    f"{plural(len(text), 'znak', 'znaka', 'znakova')}: u spisku na vrhu stranice i u pretrazi "
                    f"tako {words.long} se teško čita.",
                    f"Skratite ga na najviše {QUESTION_MAX_CHARACTERS} znakova, a pojedinosti prebacite u odgovor.",
                    WARNING,
                )
            )
        for node in _folded_questions(section, kind):
            asked, smaller = plain(node.html), node.tag == "h3"
            problems.append(
                Problem(
                    source.shown,
                    _line_in(source, line + 1, end, slugify(asked)),
                    f"„{asked}” je {'manji podnaslov (###)' if smaller else 'podebljan red'}, pa je na stranici deo "
                    f"teksta ispod {question_name(section, 0, kind, 'of')}, a ne {words.new}.",
                    f"Ako je to {words.new}, napišite ga kao podnaslov: „## {asked}”"
                    + ("." if smaller else ", bez zvezdica."),
                    WARNING,
                )
            )
    return problems


MYTH_WORDS = 3  # the fewest words a myth folded into a fact is taken to have


def _folded_questions(section: Section, kind: str) -> list:
    """Questions inside an answer: a ### heading, or a paragraph that is all bold, ending in „?”; on a
    myths page, where a myth is a statement, without the „?”."""
    answer = LexborHTMLParser(f"<body>{section.answer_html}</body>")

    def asked(node) -> bool:
        text = plain(node.html)
        if kind == "myths":  # a claim, not a label like „### Primer” or „**Izvor:**”
            return len(text.split()) >= MYTH_WORDS and not text.endswith(":")
        return text.endswith("?")

    found = [node for node in answer.css("h3") if asked(node)]
    for paragraph in answer.css("p"):
        bold = paragraph.css("strong")
        if len(bold) == 1 and asked(paragraph) and plain(bold[0].html) == plain(paragraph.html):
            found.append(bold[0])
    return found


def _says_nothing(answer_html: str) -> bool:
    """No words and nothing shown: an answer that is a picture, a table or a drawing says something."""
    return not plain(answer_html) and not _SHOWN_RE.search(answer_html)


def _line_in(source: Source, start: int, end: int, words: str) -> int:
    """The first line from `start` up to `end` (a question's own lines) holding `words` (slugified, so
    that marks like ** and ### do not matter); `start` when none does."""
    for number in range(start, min(end, len(source.lines) + 1)):
        if words and words in slugify(source.lines[number - 1]):
            return number
    return start


def repeated_across_pages(pages: list[tuple[Source, list[Section], str]]) -> list[Problem]:
    """A question asked on two FAQ pages (`pages`: source, sections, kind, in file order): a warning on each
    later one, naming the first."""
    asked: dict[str, tuple[Source, int, Section]] = {}
    problems = []
    for source, sections, kind in pages:
        for number, (section, line) in enumerate(zip(sections, question_lines(source, sections), strict=True), 1):
            words = slugify(plain(section.heading_html))
            first = asked.setdefault(words, (source, line, section)) if words else None
            if first and first[0].shown != source.shown:
                problems.append(
                    Problem(
                        source.shown,
                        line,
                        f"{_sentence_start(question_name(section, number, kind))} postoji i na stranici "
                        f"{first[0].shown} (red {first[1]}).",
                        "Ostavite ga na jednoj stranici, a sa druge napišite link na njega, "
                        f"na primer: [odgovor]({{filename}}/{first[0].shown.split('/', 1)[-1]}#{first[2].id}).",
                        WARNING,
                    )
                )
    return problems
