"""A quick structural HTML check for `invoke publish`, with no Java needed.

It finds what a page can get wrong through raw HTML in Markdown or a broken
template: elements left open or closed twice, repeated ids, and a missing
doctype, language or title. The full Nu HTML Checker runs in the test suite
(tests/quality); this keeps the author's machine free of a Java runtime.
"""

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .plugins import disk_cache, html_balance


@dataclass(frozen=True)
class HtmlProblem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class _Structure(html_balance.ElementBalance):
    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.problems: list[HtmlProblem] = []
        self.ids: dict[str, int] = {}
        self.doctype = self.title = self.lang = False

    def report(self, message: str, line: int | None = None) -> None:
        self.problems.append(HtmlProblem(self.name, line or self.getpos()[0], message))

    def unclosed(self, name: str, line: int, before: str | None) -> None:
        if before:
            self.report(f"<{name}> iz reda {line} nije zatvoren pre </{before}>")
        else:
            self.report(f"<{name}> nije zatvoren do kraja stranice", line)

    def stray(self, name: str, line: int) -> None:
        self.report(f"</{name}> zatvara element koji nije otvoren", line)

    def handle_decl(self, decl):
        self.doctype = self.doctype or decl.lower().strip() == "doctype html"

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = bool((attributes.get("lang") or "").strip())
        if tag == "title":
            self.title = True
        identifier = attributes.get("id")
        if identifier is not None:
            if identifier in self.ids:
                self.report(f'id="{identifier}" se ponavlja (prvi put u redu {self.ids[identifier]})')
            else:
                self.ids[identifier] = self.getpos()[0]
        super().handle_starttag(tag, attrs)

    def finish(self) -> list[HtmlProblem]:
        self.close()
        if not self.doctype:
            self.report("nema <!DOCTYPE html> na početku", 1)
        if not self.lang:
            self.report("<html> nema atribut lang", 1)
        if not self.title:
            self.report("stranica nema <title>", 1)
        return self.problems


def check_html(text: str, name: str = "") -> list[HtmlProblem]:
    parser = _Structure(name)
    parser.feed(text)
    return parser.finish()


def _findings(text: str) -> list[list]:
    return [[problem.line, problem.message] for problem in check_html(text)]


def check_site_html(site: Path, store=None) -> list[HtmlProblem]:
    """Structural problems of every .html file in a build; `store` (a shared.disk_cache.Store)
    keeps each page's findings between runs, by its text."""
    problems = []
    for path in sorted(Path(site).rglob("*.html")):
        text, name = path.read_text(encoding="utf-8"), path.relative_to(site).as_posix()
        found = disk_cache.kept_json(store, text, partial(_findings, text))
        problems += [HtmlProblem(name, line, message) for line, message in found]
    return problems
