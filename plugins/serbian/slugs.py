"""Serbian slugs: č→c, ć→c, š→s, ž→z, đ→dj (and Cyrillic the same way), before Pelican's own rules.

Pelican runs unidecode before its regex substitutions, and unidecode turns
đ into "d". So slugs keep Unicode (SLUGIFY_USE_UNICODE) and these
substitutions, matched case-insensitively by Pelican, come first.
"""

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
    return pelican_slugify(text, regex_subs=SLUG_SUBSTITUTIONS, use_unicode=True)


def pelican_settings() -> dict:
    """The settings that make Pelican itself slugify the Serbian way."""
    return {
        "SLUGIFY_USE_UNICODE": True,
        "SLUG_REGEX_SUBSTITUTIONS": SLUG_SUBSTITUTIONS,
        "CATEGORY_REGEX_SUBSTITUTIONS": SLUG_SUBSTITUTIONS,
        "TAG_REGEX_SUBSTITUTIONS": SLUG_SUBSTITUTIONS,
        "AUTHOR_REGEX_SUBSTITUTIONS": SLUG_SUBSTITUTIONS,
    }
