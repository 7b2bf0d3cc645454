"""Words as readers type them without a Serbian keyboard, for the search index.

Pagefind (with its Serbian stemmer) already finds „može” for „moze”, „šta” for
„sta”, „džemper” for „dzemper” and „Đorđe” for „djordje”. What it cannot know
is that „dorde” means „Đorđe”: đ typed as a plain d. So every page that gets
indexed carries, in a hidden search-only metadata field, each of its words
with đ spelled with d („đorđe” → „dorde”). theme/static/js/search.js turns a
query that matched only through that field back into the page's own spelling
and searches again, so the result shows the real word marked.

The Cyrillic edition needs more: its search writes a Latin query in Cyrillic
letters, so „racun” becomes „рацун”, and no folding makes that „рачун”. Its
pages (plugins/cyrillic makes them, `cyrillic_meta`) and questions carry each
word with ч ћ ш ж ђ џ as a Latin keyboard types it, in Cyrillic letters
(„рачун” → „рацун”, „ђорђе” → „дорде” and „дјордје”).
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


# Cyrillic letters a Latin keyboard types without their marks, as search.js then writes them:
# č and ć as c (ц), š as s, ž as z, đ as d or dj, dž as dz.
CYRILLIC_TYPED = {"ч": ("ц",), "ћ": ("ц",), "ш": ("с",), "ж": ("з",), "ђ": ("д", "дј"), "џ": ("дз",)}
CYRILLIC_MARKED = re.compile(f"[{''.join(CYRILLIC_TYPED)}]")
# Each letter typed one way throughout a word: „ђорђе” → „дорде” and „дјордје”.
TYPED_ONE_WAY = str.maketrans({letter: spellings[0] for letter, spellings in CYRILLIC_TYPED.items()})
TYPED_OTHER_WAY = str.maketrans({letter: spellings[-1] for letter, spellings in CYRILLIC_TYPED.items()})


def typed_forms(*texts: str, cyrillic: bool = False) -> list[str]:
    """Each distinct word with đ in the texts (HTML or plain), lower-case, đ written as d;
    with `cyrillic`, each word with a letter of CYRILLIC_TYPED, in every way it may be typed."""
    words = {word.lower() for text in texts for word in WORD.findall(plain(BLOCK_EDGE.sub(" ", text)))}
    forms = set()
    for word in words:
        if len(word) < 2:
            continue
        if cyrillic and CYRILLIC_MARKED.search(word):
            forms.add(word.translate(TYPED_ONE_WAY))
            if "ђ" in word:
                forms.add(word.translate(TYPED_OTHER_WAY))
        elif not cyrillic and "đ" in word:
            forms.add(word.replace("đ", "d"))
    return sorted(forms)


def meta(forms: list[str]) -> str:
    """The value of a data-pagefind-meta attribute holding `forms` (not yet HTML-escaped)."""
    return f"{FIELD}:{' '.join(forms)}"


def cyrillic_meta(*texts: str) -> str | None:
    """For a Cyrillic twin's text: its data-pagefind-meta value, None when no word needs one."""
    forms = typed_forms(*texts, cyrillic=True)
    return meta(forms) if forms else None
