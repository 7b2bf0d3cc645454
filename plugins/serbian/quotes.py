"""Serbian quotation marks: „…” outside, ’…’ inside.

Markdown bodies get them from Python-Markdown's `smarty` extension with the
substitutions below; titles are plain metadata, so `serbian_quotes` handles them.
"""

import re

MARKDOWN_SMARTY = {
    "smart_quotes": True,
    "smart_dashes": True,
    "smart_ellipses": True,
    "substitutions": {
        "left-double-quote": "&bdquo;",
        "right-double-quote": "&rdquo;",
        "left-single-quote": "&rsquo;",
        "right-single-quote": "&rsquo;",
    },
}

_TAG = re.compile(r"(<[^>]*>)")
_DOUBLE = '"“”'
# After these (or at the very start) a double quote opens; elsewhere it closes.
_OPENERS = set(" \t\n\xa0([{—–-/")


def serbian_quotes(html: str) -> str:
    """Turn ASCII and English quotes into Serbian ones, outside of HTML tags.

    Whether a quote opens is decided by the previous character of text, so
    markup between them (typogrify's <span class="caps">) does not confuse it.
    """
    out = []
    previous = ""
    for part in _TAG.split(html):
        if _TAG.fullmatch(part):
            out.append(part)
            continue
        for char in part:
            if char in _DOUBLE:
                after_nbsp = previous == ";" and "".join(out).endswith("&nbsp;")
                opens = previous == "" or previous in _OPENERS or after_nbsp
                char = "„" if opens else "”"
            elif char in "'‘":
                char = "’"
            out.append(char)
            previous = char
    return "".join(out)
