"""Read one Markdown content file the way Pelican does, but keep line numbers.

The header follows Python-Markdown's `meta` extension (which Pelican uses):
`Key: value` lines up to the first blank line; a line that is not `Key: value`
ends the header and belongs to the body.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from .problem import Problem

META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
YAML_FENCE_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?$")
CODE_FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
INLINE_CODE_RE = re.compile(r"(`+)(?:(?!\1).)+\1")
HEADING_RE = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
EXPLICIT_ID_RE = re.compile(r"\{\s*#(?P<id>[\w-]+)[^}]*\}\s*$")

# Inline Markdown links and images: [text](target "title") and ![alt](target).
MARKDOWN_LINK_RE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?(?P<target>[^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)"
)
# Reference definitions: [name]: target
REFERENCE_DEFINITION_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(?P<target>[^\s>]+)>?")
HTML_TAG_RE = re.compile(r"<(?P<tag>a|img)\b(?P<attrs>[^>]*)>", re.IGNORECASE)
HTML_ATTR_RE = re.compile(r"(?P<name>[\w-]+)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))")


@dataclass
class Field:
    value: str
    line: int


@dataclass(frozen=True)
class Reference:
    """A link or image in the body."""

    line: int
    target: str
    is_image: bool
    alt: str | None = None  # images only; None when an <img> has no alt at all


@dataclass
class Document:
    path: Path  # absolute
    shown: str  # the path as messages show it
    kind: str  # "post", "page" or "faq"
    fields: dict[str, Field] = field(default_factory=dict)
    repeated: list[tuple[str, int]] = field(default_factory=list)  # (key, line) defined twice
    body: list[tuple[int, str]] = field(default_factory=list)  # (line number, text), code removed
    header_line: int = 1

    def value(self, key: str) -> str | None:
        found = self.fields.get(key)
        return found.value if found else None

    def line_of(self, key: str) -> int:
        found = self.fields.get(key)
        return found.line if found else self.header_line

    @property
    def status(self) -> str:
        return (self.value("status") or "published").lower()

    def problem(self, line: int, message: str, hint: str) -> Problem:
        return Problem(self.shown, line, message, hint)

    def references(self) -> list[Reference]:
        return [ref for number, text in self.body for ref in _references_in_line(number, text)]

    def headings(self) -> list[tuple[int, int, str, str | None]]:
        """(line, level, text, explicit id or None) for every `#` heading."""
        found = []
        for number, text in self.body:
            match = HEADING_RE.match(text)
            if match:
                heading = match.group("text")
                explicit = EXPLICIT_ID_RE.search(heading)
                if explicit:
                    heading = heading[: explicit.start()].rstrip()
                found.append((number, len(match.group("hashes")), heading, explicit and explicit.group("id")))
        return found


def read_document(path: Path, shown: str, kind: str) -> Document | Problem:
    """Parse `path`, or return the one Problem that makes it unreadable."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Problem(
            shown, line,
            "Fajl nije sačuvan kao UTF-8, pa se slova poput č, ć, š, ž i đ ne mogu pročitati.",
            "Otvorite fajl u uređivaču teksta i sačuvajte ga sa kodiranjem „UTF-8” (Save As → Encoding: UTF-8).",
        )
    if not text.strip():
        return Problem(
            shown, 1,
            "Fajl je prazan.",
            "Dodajte zaglavlje i tekst (pokrenite `invoke new-post \"Naslov\"` za primer) ili obrišite fajl.",
        )
    document = Document(path=path, shown=shown, kind=kind)
    lines = text.splitlines()
    body_start = _read_header(lines, document)
    document.body = _strip_code(lines, body_start)
    return document


def _read_header(lines: list[str], document: Document) -> int:
    """Fill document.fields from the header; return the index of the first body line."""
    index = 0
    fenced = bool(lines) and lines[0].startswith("---") and YAML_FENCE_RE.match(lines[0])
    if fenced:
        index = 1
        document.header_line = 2
    key = None
    while index < len(lines):
        line = lines[index]
        if not line.strip() or (fenced and YAML_FENCE_RE.match(line)):
            return index + 1
        match = META_RE.match(line)
        more = META_MORE_RE.match(line)
        if match:
            key = match.group("key").lower()
            if key in document.fields:
                document.repeated.append((key, index + 1))
            else:
                document.fields[key] = Field(match.group("value").strip(), index + 1)
        elif more and key:
            document.fields[key].value += " " + more.group("value").strip()
        else:
            return index
        index += 1
    return index


def _strip_code(lines: list[str], start: int) -> list[tuple[int, str]]:
    """Body lines with fenced code blocks and inline code spans blanked out."""
    body, fence = [], None
    for index in range(start, len(lines)):
        line = lines[index]
        opening = CODE_FENCE_RE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        body.append((index + 1, INLINE_CODE_RE.sub("", line)))
    return body


def _references_in_line(number: int, text: str) -> list[Reference]:
    found = []
    for match in MARKDOWN_LINK_RE.finditer(text):
        is_image = match.group("bang") == "!"
        found.append(Reference(number, match.group("target"), is_image, match.group("text") if is_image else None))
    definition = REFERENCE_DEFINITION_RE.match(text)
    if definition:
        found.append(Reference(number, definition.group("target"), False))
    for tag in HTML_TAG_RE.finditer(text):
        attrs = {
            m.group("name").lower(): next(v for v in (m.group("dq"), m.group("sq"), m.group("bare")) if v is not None)
            for m in HTML_ATTR_RE.finditer(tag.group("attrs"))
        }
        if tag.group("tag").lower() == "img":
            found.append(Reference(number, attrs.get("src", ""), True, attrs.get("alt")))
        elif "href" in attrs:
            found.append(Reference(number, attrs["href"], False))
    return found
