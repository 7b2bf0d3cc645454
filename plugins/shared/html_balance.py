"""Elements left open or closed twice: the one rule both HTML checks apply.

The content check (plugins/content_check/html_elements.py) applies it to the
HTML a Markdown file makes, so the author hears of an unclosed <div> at its
line in her file; the publish check (site_tools/html_check.py) applies it to
every built page, with the rules of a whole page added.
"""

from html.parser import HTMLParser

# Elements whose content is text up to their end tag (HTMLParser knows only script and style).
RAW_TEXT = {"title", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# End tags HTML lets you leave out: a missing one is not an error.
OPTIONAL_END = {
    "html",
    "head",
    "body",
    "p",
    "li",
    "dt",
    "dd",
    "option",
    "optgroup",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "colgroup",
    "caption",
    "rt",
    "rp",
}


class ElementBalance(HTMLParser):
    """Calls `unclosed(name, line, before)` for an element left open (`before`: the end tag that ended it,
    None at the end) and `stray(name, line)` for an end tag with nothing open to close."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, int]] = []

    def unclosed(self, name: str, line: int, before: str | None) -> None:
        raise NotImplementedError

    def stray(self, name: str, line: int) -> None:
        raise NotImplementedError

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append((tag, self.getpos()[0]))
        if tag in RAW_TEXT:
            self.set_cdata_mode(tag)  # "3 <5 i a<b" in a title is text, not a tag

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.open and self.open[-1][0] == tag:
            self.open.pop()  # <svg …/> style self-closing foreign elements

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag not in (name for name, _line in self.open):
            self.stray(tag, self.getpos()[0])
            return
        while self.open:
            name, line = self.open.pop()
            if name == tag:
                return
            if name not in OPTIONAL_END:
                self.unclosed(name, line, tag)

    def close(self):
        super().close()
        for name, line in self.open:
            if name not in OPTIONAL_END:
                self.unclosed(name, line, None)
        self.open.clear()
