"""What can be wrong with FAQ pages, and with links into and out of them.

Every problem is one plain sentence for the author (in Serbian, like the rest
of what she reads), starting with `file:line` and, where there is one, the
question. The checks run on the source HTML, before Pelican resolves links,
so a wrong link is reported here by question rather than by Pelican's
generic "Unable to find" warning.
"""

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import unescape
from urllib.parse import unquote, urlparse

from breadcrumbs import in_faq_dir
from plain_text import plain
from selectolax.lexbor import LexborHTMLParser

from .model import KINDS, Section, question_id

WRITE_A_QUESTION = "Svako pitanje napišite kao naslov koji počinje sa „## ”."
_H2_LINE = re.compile(r"^ {0,3}##(?!#)(\s|$)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def quoted(text: str) -> str:
    return f"„{text}”"


@dataclass(frozen=True)
class Source:
    """A content file as the author knows it, with its text for line numbers."""

    name: str  # content/faq/x.md, relative to where the build runs
    text: str = ""

    def at(self, line: int | None, question: str | None = None) -> str:
        place = f"{self.name}:{line}" if line else self.name
        return f"{place}, {question}" if question else place

    def line_of(self, needle: str) -> int | None:
        index = self.text.find(needle)
        return self.text.count("\n", 0, index) + 1 if index >= 0 else None

    def heading_lines(self) -> list[int]:
        """Line numbers of the `## ` headings, skipping fenced code."""
        lines, fenced = [], False
        for number, line in enumerate(self.text.splitlines(), start=1):
            if _FENCE.match(line):
                fenced = not fenced
            elif not fenced and _H2_LINE.match(line):
                lines.append(number)
        return lines


def question_name(section: Section, number: int) -> str:
    text = plain(section.heading_html)
    return f"pitanje {quoted(text)}" if text else f"pitanje br. {number} (naslov bez teksta)"


def kind_problems(source: Source, kind: str) -> list[str]:
    if kind in KINDS:
        return []
    allowed = " ili ".join(quoted(k) for k in KINDS)
    line = source.line_of("Kind:") or source.line_of("kind:")
    return [f"{source.at(line)}: vrsta stranice „Kind: {kind}” nije poznata; upišite {allowed}."]


def page_problems(source: Source, sections: list[Section]) -> list[str]:
    """No questions, a question without an id, an empty answer, a repeated id."""
    if not sections:
        return [f"{source.at(None)}: stranica nema nijedno pitanje. {WRITE_A_QUESTION}"]
    lines = source.heading_lines()
    if len(lines) != len(sections):
        lines = [None] * len(sections)  # a heading Markdown made some other way: no line numbers
    problems = []
    ids: dict[str, list[tuple[str, int | None]]] = {}
    for number, (section, line) in enumerate(zip(sections, lines), start=1):
        name = question_name(section, number)
        qid = question_id(section.heading_html)
        if not qid:
            problems.append(f"{source.at(line, name)}: od naslova ne može da se napravi id (nema slova ni brojeva).")
        else:
            ids.setdefault(qid, []).append((name, line))
        if not plain(section.answer_html):
            problems.append(f"{source.at(line, name)}: odgovor je prazan. Napišite odgovor ispod pitanja.")
    for qid, named in ids.items():
        if len(named) > 1:
            names = " i ".join(name for name, _line in named)
            problems.append(
                f"{source.at(named[-1][1])}: {names} dobijaju isti id {quoted(qid)}; preformulišite jedno od njih."
            )
    return problems


def element_ids(html: str) -> set[str]:
    """Every id="…" an HTML fragment defines."""
    return {node.attributes["id"] for node in LexborHTMLParser(html).css("[id]")}


class LinkChecker:
    """Checks intrasite links against the site's content, FAQ questions included.

    `faq_ids` maps an FAQ page's source path (relative to content/) to its
    question ids; `generated` and `static` are Pelican's path → content maps.
    Links into FAQ pages are checked from anywhere; links out of FAQ pages
    are checked fully (Pelican checks the rest, by file only).
    """

    def __init__(self, faq_ids: dict[str, set[str]], generated: dict, static: dict):
        self.faq_ids = faq_ids
        self.generated = generated
        self.static = static

    def problems(self, content, source: Source, parts: Iterable[tuple[str | None, str]]) -> Iterator[str]:
        """Problems with the links in `parts`: (question name or None, HTML) pairs."""
        regex = content._get_intrasite_link_regex()  # Pelican's own, so we match what it replaces
        own_path = content.relative_source_path
        from_faq = own_path in self.faq_ids
        for question, html in parts:
            for match in regex.finditer(html):
                problem = self.problem(content, match.group("what"), match.group("value"), from_faq)
                if problem:
                    link = match.group("path")
                    yield f"{source.at(source.line_of(unescape(link)), question)}: link {quoted(link)} {problem}"
            if from_faq:
                known = self.faq_ids[own_path] | element_ids(content._content)
                for fragment in _fragment_links(html):
                    if fragment not in known:
                        yield (
                            f"{source.at(source.line_of('#' + fragment), question)}: link {quoted('#' + fragment)} "
                            "vodi na pitanje ili deo stranice koji ne postoji."
                        )

    def problem(self, content, what: str, value: str, from_faq: bool) -> str | None:
        url = urlparse(unescape(value))
        target = _linked_path(content, unquote(url.path)) if url.path else content.relative_source_path
        if what == "filename" and target in self.faq_ids:
            ids = self.faq_ids[target]
            if url.fragment and url.fragment not in ids:
                return (
                    f"vodi na pitanje koje ne postoji na stranici {target}. "
                    f"Pitanja tamo imaju ove id-jeve: {', '.join(sorted(ids))}."
                )
            return None
        if what == "filename" and in_faq_dir(target):
            return "vodi na stranicu sa pitanjima koja ne postoji."
        if not from_faq or what not in ("filename", "static", "attach"):
            return None  # links elsewhere are checked by Pelican itself
        page = self.generated.get(target) if what == "filename" else None
        if page is None and target not in self.static:
            return "vodi na fajl koji ne postoji."
        if page is not None and url.fragment and url.fragment not in element_ids(page._content):
            return f"vodi na deo {quoted('#' + url.fragment)} koji ne postoji u {target}."
        return None


def _linked_path(content, path: str) -> str:
    """The source path a link names, the way Pelican resolves it."""
    if path.startswith("/"):
        return path[1:]
    return content.get_relative_source_path(os.path.join(content.relative_dir, path))


def _fragment_links(html: str) -> Iterator[str]:
    for node in LexborHTMLParser(html).css('a[href^="#"]'):
        fragment = unquote(node.attributes["href"][1:])
        if fragment:
            yield fragment
