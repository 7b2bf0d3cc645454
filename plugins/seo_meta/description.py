"""The meta description: the author's Summary, or else the first paragraph, ≤ 160 characters."""

from shared import plain, rendered

LIMIT = 160
ELLIPSIS = "…"
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
    return rendered.Rendered(html).first_paragraph


def describe(content) -> str:
    """The description of an article or page, as plain text."""
    summary = plain(content.metadata.get("summary"))
    return shorten(summary or rendered.of(content).first_paragraph)
