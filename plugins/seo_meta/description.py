"""The meta description: the author's Summary, or else the first paragraph, ≤ 160 characters."""

import re

from plain_text import plain

LIMIT = 160
ELLIPSIS = "…"
_PARAGRAPHS = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL | re.IGNORECASE)
_TRAILING = " ,;:–—-"


def shorten(text: str, limit: int = LIMIT) -> str:
    """`text` if it fits; else cut at the last word boundary, with „…”, within `limit`."""
    if len(text) <= limit:
        return text
    head = text[: limit - len(ELLIPSIS)]
    if not text[len(head)].isspace() and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(_TRAILING) + ELLIPSIS


def first_paragraph(html: str) -> str:
    """Plain text of the first paragraph that has words (images alone are skipped)."""
    for paragraph in _PARAGRAPHS.findall(html or ""):
        text = plain(paragraph)
        if text:
            return text
    return plain(html)


def describe(content) -> str:
    """The description of an article or page, as plain text."""
    summary = plain(content.metadata.get("summary"))
    return shorten(summary or first_paragraph(content.content))
