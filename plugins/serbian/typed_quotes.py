"""Quotation marks typed the English or the keyboard way, made Serbian in Markdown bodies.

Python-Markdown's smarty (quotes.MARKDOWN_SMARTY) turns straight quotes into
„…” and ‚…’, but leaves English “…” and ‘…’ (pasted from Word or a phone) and
the keyboard's stand-ins ,,…'' as typed. This preprocessor writes them as
straight quotes first, so smarty makes them Serbian like any other. It runs
after fenced code blocks and raw HTML blocks are set aside, and leaves as
written what is not prose: inline `code`, indented code, HTML tags (their
attributes) and link targets. Titles get the same from quotes.serbian_quotes.
"""

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

# Not prose: a code span (over lines too), an HTML tag, a link's target.
NOT_PROSE_RE = re.compile(r"(`+)[\s\S]+?\1|<[^<>]*>|\]\([^()\s]*(?:\([^()]*\))?[^()\s]*(?:\s+\"[^\"]*\")?\)")
LIST_ITEM_RE = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])\s")
INDENTED_RE = re.compile(r"^(?: {4}|\t)")
TYPED = (
    (re.compile(r"[“‟]|,,(?=\S)|(?<=\S)(?:''|’’)"), '"'),  # “ also closes German „…“; „ and ” are Serbian
    (re.compile(r"‘"), "'"),  # ’ stays: the apostrophe, and the Serbian inner quote's closing mark
)
PRIORITY = 15  # after fenced_code_block (25) and html_block (20); before any inline pattern


def straightened(text: str) -> str:
    """`text` with typed quotes written straight, what is not prose left as it is."""
    out, prose = [], []
    for line, is_code in _lines(text):
        if is_code:
            out += [_prose(prose), line] if prose else [line]
            prose = []
        else:
            prose.append(line)
    return "\n".join([*out, _prose(prose)] if prose else out)


def _lines(text: str):
    """Each line, and whether it is indented code: indented by four, and not inside a list (Python-Markdown
    indents a nested list, and an item's next paragraph, by four too)."""
    in_list = False
    for line in text.split("\n"):
        if line.strip():
            if LIST_ITEM_RE.match(line):
                in_list = True
            elif not INDENTED_RE.match(line):
                in_list = False
        yield line, bool(INDENTED_RE.match(line)) and not in_list and line.strip() != ""


def _prose(lines: list[str]) -> str:
    text = "\n".join(lines)
    parts, last = [], 0
    for kept in NOT_PROSE_RE.finditer(text):
        parts += [straight(text[last : kept.start()]), kept.group()]
        last = kept.end()
    return "".join([*parts, straight(text[last:])])


def straight(text: str) -> str:
    """Typed quotes in plain `text` written as straight ones."""
    for pattern, plain in TYPED:
        text = pattern.sub(plain, text)
    return text


class _Straighten(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return straightened("\n".join(lines)).split("\n")


class TypedQuotesExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(_Straighten(md), "serbian_typed_quotes", PRIORITY)


def makeExtension(**kwargs):  # Python-Markdown's name for it
    return TypedQuotesExtension(**kwargs)
