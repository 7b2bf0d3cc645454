"""Serbian slugs: č→c, ć→c, š→s, ž→z, đ→dj, before Pelican's own rules.

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

SLUG_SUBSTITUTIONS = SERBIAN_LETTERS + list(DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


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
