"""FAQ pages (content/faq/): a known Kind, and questions as `##` headings."""

from .config import FAQ_KINDS
from .problem import Problem
from .source import Document

KINDS_SHOWN = " ili ".join(f"„Kind: {kind}”" for kind in FAQ_KINDS)


def check(document: Document) -> list[Problem]:
    if document.kind != "faq":
        return []
    problems = []
    kind = document.value("kind")  # plugins/faq reads a missing Kind as "questions"
    if kind and kind.lower() not in FAQ_KINDS:
        problems.append(document.problem(
            document.line_of("kind"), f"Nepoznata vrsta stranice sa pitanjima: „{kind}”.",
            f"Napišite {KINDS_SHOWN} (questions: obična pitanja i odgovori; myths: mitovi i činjenice).",
        ))
    if not any(level == 2 for _line, level, _text, _id in document.headings()):
        problems.append(document.problem(
            document.body[0][0] if document.body else document.header_line,
            "Stranica sa pitanjima nema nijedno pitanje.",
            "Svako pitanje napišite kao podnaslov koji počinje sa „## ”, a odgovor ispod njega.",
        ))
    return problems
