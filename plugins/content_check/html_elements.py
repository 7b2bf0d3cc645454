"""Raw HTML in a text: an element left open or closed with nothing open.

Markdown passes raw HTML through as written, so an unclosed <div> swallows
the rest of the page (and the publish check would name the built page, not
her file). Judged on the HTML the Markdown reader made; the line is the
first in the file with that tag.
"""

import re

from shared import Problem, rendered
from shared.html_balance import ElementBalance

TAG_RE = re.compile(r"</?[A-Za-z]")


class _Found(ElementBalance):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str]] = []  # ("unclosed" or "stray", element name)

    def unclosed(self, name, line, before):
        self.found.append(("unclosed", name))

    def stray(self, name, line):
        self.found.append(("stray", name))


def check(document, source) -> list[Problem]:
    if not any(TAG_RE.search(line) for line in source.lines):
        return []  # Markdown's own HTML is always whole: only a tag the author typed can be left open
    parser = _Found()
    parser.feed(rendered.of(document).html)
    parser.close()
    problems = []
    for kind, name in dict.fromkeys(parser.found):  # once per element and kind
        if kind == "unclosed":
            line = source.body_line_of(f"<{name}>", f"<{name} ", f"<{name}")
            message = f"Element <{name}> nije zatvoren, pa bi ostatak stranice ostao u njemu."
            hint = f"Dodajte </{name}> tamo gde se element završava (ili obrišite <{name}>, ako vam ne treba)."
        else:
            line = source.body_line_of(f"</{name}>")
            message = f"</{name}> zatvara element koji nije otvoren."
            hint = f"Obrišite </{name}> ili dodajte <{name}> tamo gde element počinje."
        problems.append(Problem(source.shown, line, message, hint))
    return problems
