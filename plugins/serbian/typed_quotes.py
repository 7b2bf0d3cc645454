"""Quotation marks typed the English or the keyboard way, made Serbian in Markdown bodies.

Python-Markdown's smarty (quotes.MARKDOWN_SMARTY) turns straight quotes into
„…” and ‚…’, but leaves English “…” and ‘…’ (pasted from Word or a phone) and
the keyboard's stand-ins ,,…'' as typed. This preprocessor writes them as
straight quotes first, so smarty makes them Serbian like any other. It runs
after fenced code blocks and raw HTML blocks are set aside, and leaves inline
`code` as written. Titles get the same from quotes.serbian_quotes.
"""

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

CODE_SPAN_RE = re.compile(r"(`+).+?\1")
TYPED = (
    (re.compile(r"[“‟]|,,(?=\S)|(?<=\S)(?:''|’’)"), '"'),  # “ also closes German „…“; „ and ” are Serbian
    (re.compile(r"‘"), "'"),  # ’ stays: the apostrophe, and the Serbian inner quote's closing mark
)
PRIORITY = 15  # after fenced_code_block (25) and html_block (20); before any inline pattern


def straightened(text: str) -> str:
    """`text` with typed quotes written straight, inline code spans left as they are."""
    parts, last = [], 0
    for code in CODE_SPAN_RE.finditer(text):
        parts += [_straight(text[last : code.start()]), code.group()]
        last = code.end()
    return "".join([*parts, _straight(text[last:])])


def _straight(text: str) -> str:
    for pattern, straight in TYPED:
        text = pattern.sub(straight, text)
    return text


class _Straighten(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return straightened("\n".join(lines)).split("\n")


class TypedQuotesExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(_Straighten(md), "serbian_typed_quotes", PRIORITY)


def makeExtension(**kwargs):  # Python-Markdown's name for it
    return TypedQuotesExtension(**kwargs)
