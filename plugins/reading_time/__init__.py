"""Reading time of each article, in whole minutes („5 min čitanja”).

pelican-readtime (PyPI) was considered: it counts the raw HTML (tags and
attributes as words) and rounds down, so a short post reads „0 min”. Counting
the words of the text and rounding up takes a few lines here.
"""

import math

from pelican import signals
from pelican.contents import Article

from shared import rendered

WORDS_PER_MINUTE = 200  # a calm reading pace for Serbian prose


def word_count(content_html: str) -> int:
    return rendered.Rendered(content_html).word_count


def minutes(words: int, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """Minutes to read `words`, rounded up, at least 1."""
    return max(1, math.ceil(words / words_per_minute))


def add_reading_time(content):
    if isinstance(content, Article):
        words = rendered.of(content).word_count  # the text as written, whatever other plugins add
        content.reading_time = minutes(words, content.settings.get("READING_WPM", WORDS_PER_MINUTE))


def register():
    signals.content_object_init.connect(add_reading_time)
