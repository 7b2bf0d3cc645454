"""The one helper that maps what Pelican parsed back to a line of its source file.

Pelican's objects know their values, not where they were written. Messages
name a line, so this finds it: a header field by its key (Python-Markdown's
meta header: field lines and their indented continuations, up to the first
line that is neither), or any other text by its first occurrence in the body.
"""

import re
from functools import cache, cached_property

FIELD_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+)\s*:")
# Python-Markdown's meta extension (markdown/extensions/meta.py): a field, and a line continuing one.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")  # a fenced code block's first or last line


class Source:
    """A content file's text, for line lookups."""

    def __init__(self, path: str, shown: str):
        self.path = path
        self.shown = shown  # content/posts/x.md, as the author knows it
        self.lines = _read_lines(path)

    def header_stop(self) -> int:
        """Index of the line that ended the header: a blank line, or the first line that is no field
        (then it and all below it are the body); len(lines) when the file is all header."""
        return self._stop

    @cached_property
    def _stop(self) -> int:  # every line lookup asks; the lines never change
        in_field = False
        for index, line in enumerate(self.lines):
            expanded = line.expandtabs(4)  # Markdown expands tabs before it reads the header
            if not expanded.strip():
                return index
            if META_RE.match(expanded):
                in_field = True
            elif not (in_field and META_MORE_RE.match(expanded)):
                return index
        return len(self.lines)

    def header_end(self) -> int:
        """Index of the first body line."""
        stop = self.header_stop()
        blank = stop < len(self.lines) and not self.lines[stop].strip()
        return stop + 1 if blank else stop

    def field_lines(self, key: str) -> list[int]:
        """Every line of the header that sets field `key` (more than one is a mistake)."""
        return [
            index + 1
            for index, line in enumerate(self.lines[: self.header_end()])
            if (match := FIELD_RE.match(line)) and match.group("key").lower() == key.lower()
        ]

    def repeated_fields(self) -> list[str]:
        """Keys the header sets more than once, in order."""
        keys = [m.group("key").lower() for line in self.lines[: self.header_end()] if (m := FIELD_RE.match(line))]
        return [key for index, key in enumerate(keys) if keys.count(key) > 1 and keys.index(key) == index]

    def find_field(self, key: str) -> int | None:
        """The line of header field `key`, or None."""
        found = self.field_lines(key)
        return found[0] if found else None

    def value_on(self, line: int) -> str:
        """The value written on header line `line` (1-based): what follows its first colon."""
        return self.lines[line - 1].split(":", 1)[1].strip()

    def field_line(self, key: str) -> int:
        """The line of header field `key`, else 1 (where a missing field belongs)."""
        return self.find_field(key) or 1

    def line_of(self, *needles: str, start: int = 0) -> int:
        """The first line (from index `start`) that holds any of `needles`, else the first body line."""
        for index in range(start, len(self.lines)):
            if any(needle and needle in self.lines[index] for needle in needles):
                return index + 1
        return min(self.header_end() + 1, max(len(self.lines), 1))

    def body_lines(self):
        """(number, line, in_code) for each body line; in_code: inside a ``` or ~~~ block, its fence lines
        included (a block ends at a fence of its own kind)."""
        fence = ""
        for index in range(self.header_end(), len(self.lines)):
            line = self.lines[index]
            marks = FENCE_RE.match(line)
            if marks and (not fence or marks.group(1)[0] == fence):
                fence = "" if fence else marks.group(1)[0]
                yield index + 1, line, True
            else:
                yield index + 1, line, bool(fence)

    def body_line_of(self, *needles: str) -> int:
        """The first body line with the first of `needles` found at all (so put the most exact first)."""
        for needle in needles:
            for index in range(self.header_end(), len(self.lines)):
                if needle and needle in self.lines[index]:
                    return index + 1
        return self.line_of(start=self.header_end())


@cache
def _read_lines(path: str) -> tuple[str, ...]:
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as file:  # \r\n and \r read as \n
            text = file.read()
    except OSError:
        return ()
    # Lines as Markdown and editors count them: not at U+2028 and the other breaks splitlines() knows.
    lines = text.split("\n")
    return tuple(lines[:-1] if lines[-1] == "" else lines)
