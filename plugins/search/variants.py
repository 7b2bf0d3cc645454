"""Words as readers type them without a Serbian keyboard, for the search index.

Pagefind (with its Serbian stemmer) already finds „može” for „moze”, „šta” for
„sta”, „džemper” for „dzemper” and „Đorđe” for „djordje”. What it cannot know
is that „dorde” means „Đorđe”: đ typed as a plain d. So every page that gets
indexed carries, in a hidden search-only metadata field, each of its words
with đ spelled with d („đorđe” → „dorde”). theme/static/js/search.js turns a
query that matched only through that field back into the page's own spelling
and searches again, so the result shows the real word marked.
"""

import re

from plain_text import plain

# A word: a run of letters (no digits, no underscore), Latin or Cyrillic.
WORD = re.compile(r"[^\W\d_]+")
# The metadata key Pagefind stores the typed forms under; search.js reads it.
FIELD = "typed"
# Where one block of text ends and the next begins: a word never runs across
# them (a heading and the „#” link beside it would otherwise read „obrađivačLink”).
BLOCK_EDGE = re.compile(
    r"<(?:/?(?:p|div|h[1-6]|li|ul|ol|tr|td|th|blockquote|figure|figcaption|details|summary)\b[^>]*|br\s*/?)>"
)


def typed_forms(*texts: str) -> list[str]:
    """Each distinct word with đ in the texts (HTML or plain), lower-case, đ written as d."""
    forms = set()
    for text in texts:
        for word in WORD.findall(plain(BLOCK_EDGE.sub(" ", text))):
            lower = word.lower()
            if "đ" in lower and len(lower) > 1:
                forms.add(lower.replace("đ", "d"))
    return sorted(forms)
