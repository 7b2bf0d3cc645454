"""Serbian quotation marks: „…” outside, ‚…’ inside (the apostrophe is ’).

Markdown bodies get them from Python-Markdown's `smarty` extension with the
substitutions below; titles are plain metadata, so `serbian_quotes` handles them.
`quoted` wraps a text that may already hold quotes (a heading in a link label).
"""

import re

from .typed_quotes import straight

MARKDOWN_SMARTY = {
    "smart_quotes": True,
    "smart_dashes": True,
    "smart_ellipses": True,
    "substitutions": {
        "left-double-quote": "&bdquo;",
        "right-double-quote": "&rdquo;",
        "left-single-quote": "&sbquo;",
        "right-single-quote": "&rsquo;",
    },
}

_TAG = re.compile(r"(<[^>]*>)")
_DOUBLE = '"“”'
_SINGLE = "'‘’"
# After these (or at the very start) a quote opens; elsewhere it closes.
_OPENERS = set(" \t\n\xa0([{—–-/„")


def serbian_quotes(html: str) -> str:
    """Turn ASCII and English quotes into Serbian ones, outside of HTML tags.

    Whether a quote opens is decided by the previous character of text, so
    markup between them (typogrify's <span class="caps">) does not confuse it.
    A single quote that opens becomes ‚; any other is ’, the closing inner quote
    or the apostrophe (O’Brien).
    """
    out = []
    previous = ""
    for part in _TAG.split(html):
        if _TAG.fullmatch(part):
            out.append(part)
            continue
        for char in straight(part):  # ,,…'' and ‟ too, by the bodies' table
            if char in _DOUBLE or char in _SINGLE:
                after_nbsp = previous == ";" and "".join(out).endswith("&nbsp;")
                opens = previous == "" or previous in _OPENERS or after_nbsp
                if char in _DOUBLE:
                    char = "„" if opens else "”"
                else:
                    char = "‚" if opens else "’"
            out.append(char)
            previous = char
    return "".join(out)


def quoted(text: str) -> str:
    """`text` in Serbian quotes; quotes already inside it become inner ones:
    quoted("Detalj „sa navodnicima”") → „Detalj ‚sa navodnicima’”."""
    return "„" + text.replace("„", "‚").replace("”", "’") + "”"
