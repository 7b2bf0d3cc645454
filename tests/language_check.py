"""Language-quality checks for the Serbian site content.

Only the standard library is used. The main entry points are
:func:`prose_lines` (turns a Markdown file into prose lines with line
numbers) and :func:`check_text` (returns a list of problems).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
DIACRITICS_FILE = DATA_DIR / "diacritics.txt"

# Metadata keys whose values are prose and therefore checked.
PROSE_KEYS = {"title", "summary"}

ENGLISH_UI_PHRASES = (
    "read more",
    "click here",
    "previous",
    "category",
    "search",
    "share",
    "home",
    "next",
    "menu",
    "tags",
)

HEADER_KEY_RE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):(.*)$")
FENCE_RE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE_RE = re.compile(r"(`+)(.+?)\1")
LINK_TARGET_RE = re.compile(r"\]\([^)]*\)")
REF_DEFINITION_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
HTML_TAG_RE = re.compile(r"<[^<>]+>")
WORD_RE = re.compile(r"\w+", re.UNICODE)

ASCII_DOUBLE_QUOTE = '"'
# A straight single quote that is not inside a word (O'Brien is fine).
ASCII_SINGLE_QUOTE_RE = re.compile(r"(?<!\w)'|'(?!\w)")
# ’ where an inner quote opens: at the start of a line or after a space, ( or „,
# and before a letter. Serbian inner quotes open with ‚ (U+201A); ’ only closes.
OPENING_RSQUO_RE = re.compile(r"(?:^|(?<=[\s(„]))\u2019(?=\w)")
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
# One word for one thing (content/CONVENTIONS.md, "Words we use").
WORD_CHOICES = (
    (re.compile(r"(?<!\w)i?mejl\w*", re.IGNORECASE), "e-pošta"),
    (re.compile(r"(?<!\w)folder\w*", re.IGNORECASE), "fascikla"),
)
BAD_QUOTES = {
    "\u201c": "English/Croatian quote “ (U+201C); use „…” (U+201E … U+201D)",
    "\u2018": "English single quote ‘ (U+2018); use ‚…’ for inner quotes",
    "\u201f": "reversed quote ‟ (U+201F); use „…”",
    "\u00ab": "guillemet « ; use „…”",
    "\u00bb": "guillemet » ; use „…”",
}


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}: {self.message}"


def load_diacritics(path: Path = DIACRITICS_FILE) -> dict[str, str]:
    """Read `wrong correct` pairs (comments and blank lines ignored)."""
    pairs: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 2:
            raise ValueError(f"{path}: bad line {raw!r}")
        pairs[parts[0].lower()] = parts[1]
    return pairs


def _strip_inline(line: str) -> str:
    """Remove inline code, link targets and HTML tags from one line."""
    line = INLINE_CODE_RE.sub(" ", line)
    line = LINK_TARGET_RE.sub("]", line)
    line = HTML_TAG_RE.sub(" ", line)
    return line


def prose_lines(text: str) -> list[tuple[int, str, str]]:
    """Split Markdown into (line number, prose, raw line) triples.

    * Metadata header: keys are dropped; the values of Title and Summary
      are kept (they are prose), all other values are dropped.
    * Fenced code blocks, HTML comments and reference definitions are
      dropped.
    * Inline code, link targets ``(...)`` and HTML tags are removed.

    The raw line (with inline code replaced by a neutral token) is kept for
    the spacing check, so that stripping cannot invent double spaces.
    """
    lines = text.splitlines()
    result: list[tuple[int, str, str]] = []
    i = 0

    # Metadata header: only if the very first line looks like `Key: value`.
    if lines and HEADER_KEY_RE.match(lines[0]):
        current_key = ""
        while i < len(lines) and lines[i].strip():
            raw = lines[i]
            match = HEADER_KEY_RE.match(raw)
            if match:
                current_key = match.group(1).lower()
                value = match.group(2)
            elif raw[:1].isspace():  # continuation line
                value = raw
            else:  # not a header after all: treat it as body
                break
            prose = value.strip() if current_key in PROSE_KEYS else ""
            spacing = value.strip() if current_key in PROSE_KEYS else ""
            result.append((i + 1, prose, spacing))
            i += 1

    in_fence = False
    fence_marker = ""
    in_comment = False
    for index in range(i, len(lines)):
        raw = lines[index]
        number = index + 1
        fence = FENCE_RE.match(raw)
        if in_fence:
            if fence and fence.group(1) == fence_marker:
                in_fence = False
            continue
        if fence:
            in_fence = True
            fence_marker = fence.group(1)
            continue
        line = raw
        if in_comment:
            end = line.find("-->")
            if end == -1:
                continue
            line = line[end + 3:]
            in_comment = False
        # Drop complete comments on the line, then an opening one.
        line = re.sub(r"<!--.*?-->", " ", line)
        start = line.find("<!--")
        if start != -1:
            line = line[:start]
            in_comment = True
        if REF_DEFINITION_RE.match(line):
            continue
        spacing = INLINE_CODE_RE.sub("code", line).lstrip()
        result.append((number, _strip_inline(line), spacing))
    return result


def check_quotes(prose: str) -> list[str]:
    problems = []
    if ASCII_DOUBLE_QUOTE in prose:
        problems.append('ASCII double quote "; use „…”')
    if ASCII_SINGLE_QUOTE_RE.search(prose):
        problems.append("ASCII single quote used as a quote; use ‚…’")
    if OPENING_RSQUO_RE.search(prose):
        problems.append("inner quote opens with ’; use ‚ (U+201A): ‚…’")
    for char, message in BAD_QUOTES.items():
        if char in prose:
            problems.append(message)
    return problems


def check_diacritics(prose: str, pairs: dict[str, str]) -> list[str]:
    problems = []
    for word in WORD_RE.findall(prose):
        correct = pairs.get(word.lower())
        if correct:
            problems.append(f"missing diacritics: „{word}” should be „{correct}”")
    return problems


def check_letters(prose: str) -> list[str]:
    """A Cyrillic letter hidden in Latin text (а, е, о look the same)."""
    found = CYRILLIC_RE.findall(prose)
    if found:
        return [f"Cyrillic letter in Latin text: {' '.join(sorted(set(found)))}"]
    return []


def check_word_choice(prose: str) -> list[str]:
    problems = []
    for pattern, preferred in WORD_CHOICES:
        for match in pattern.finditer(prose):
            problems.append(f"„{match.group()}”: the site says „{preferred}” (content/CONVENTIONS.md)")
    return problems


def check_spacing(spacing: str) -> list[str]:
    if "  " in spacing:
        return ["double space"]
    return []


def check_english(prose: str) -> list[str]:
    problems = []
    lowered = prose.lower()
    for phrase in ENGLISH_UI_PHRASES:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)"
        if re.search(pattern, lowered):
            problems.append(f"English UI word „{phrase}”")
    return problems


def check_text(text: str, pairs: dict[str, str] | None = None) -> list[Problem]:
    """Run every check over a Markdown document and return the problems."""
    if pairs is None:
        pairs = load_diacritics()
    problems: list[Problem] = []
    for number, prose, spacing in prose_lines(text):
        messages = (
            check_quotes(prose)
            + check_letters(prose)
            + check_word_choice(prose)
            + check_diacritics(prose, pairs)
            + check_spacing(spacing)
            + check_english(prose)
        )
        problems.extend(Problem(number, message) for message in messages)
    return problems


def check_file(path: Path, pairs: dict[str, str] | None = None) -> list[Problem]:
    return check_text(path.read_text(encoding="utf-8"), pairs)
