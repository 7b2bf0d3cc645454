"""Serbian slugs: č→c, ć→c, š→s, ž→z, đ→dj (and Cyrillic the same way), before Pelican's own rules.

Pelican runs unidecode before its regex substitutions, and unidecode turns
đ into "d". So slugs keep Unicode (SLUGIFY_USE_UNICODE) and these
substitutions, matched case-insensitively by Pelican, come first.
"""

from functools import lru_cache

import pelican.contents
import pelican.urlwrappers
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify as pelican_slugify

SERBIAN_LETTERS = [
    (r"đ", "dj"),
    (r"[čć]", "c"),
    (r"š", "s"),
    (r"ž", "z"),
]

# A title typed in Cyrillic still gets a Latin address, as its Latin spelling would.
CYRILLIC_LETTERS = [
    (cyrillic, latin)
    for cyrillic, latin in zip(
        "абвгдђежзијклљмнњопрстћуфхцчџш",
        "a b v g d dj e z z i j k l lj m n nj o p r s t c u f h c c dz s".split(),
        strict=True,
    )
]

SLUG_SUBSTITUTIONS = SERBIAN_LETTERS + CYRILLIC_LETTERS + list(DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def slugify(text: str) -> str:
    """The slug Pelican gives `text` under our settings (titles, tags, FAQ ids)."""
    return remembered_slugify(text, regex_subs=SLUG_SUBSTITUTIONS, use_unicode=True)


def pelican_settings() -> dict:
    """The settings that make Pelican itself slugify the Serbian way."""
    return {
        "SLUGIFY_USE_UNICODE": True,
        "SLUG_REGEX_SUBSTITUTIONS": SLUG_SUBSTITUTIONS,
        "CATEGORY_REGEX_SUBSTITUTIONS": SLUG_SUBSTITUTIONS,
        "TAG_REGEX_SUBSTITUTIONS": SLUG_SUBSTITUTIONS,
        "AUTHOR_REGEX_SUBSTITUTIONS": SLUG_SUBSTITUTIONS,
    }


@lru_cache(maxsize=16384)
def _remembered(value: str, regex_subs: tuple, preserve_case: bool, use_unicode: bool) -> str:
    return pelican_slugify(value, regex_subs, preserve_case, use_unicode)


def remembered_slugify(value, regex_subs=(), preserve_case=False, use_unicode=False) -> str:
    """Pelican's slugify, each answer kept for the rest of the process.

    Pelican makes a Tag or Category object for every time a post names one
    and slugifies each anew, and our 38 substitutions made that half a second
    of every build of 1000 posts. The answer depends only on the arguments.
    """
    return _remembered(str(value), tuple(map(tuple, regex_subs)), preserve_case, use_unicode)


def remember_slugs() -> None:
    """Put `remembered_slugify` where Pelican's content and URL wrappers look slugify up."""
    pelican.urlwrappers.slugify = remembered_slugify
    pelican.contents.slugify = remembered_slugify
