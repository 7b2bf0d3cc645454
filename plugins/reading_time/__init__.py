"""Reading time of each article, in whole minutes („5 min čitanja”).

pelican-readtime (PyPI) was considered: it counts the raw HTML (tags and
attributes as words) and rounds down, so a short post reads „0 min”. Counting
the words of the text and rounding up takes a few lines here.
"""

import html
import math
import re

from pelican import signals
from pelican.contents import Article

WORDS_PER_MINUTE = 200  # a calm reading pace for Serbian prose
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"\w+")


def word_count(content_html: str) -> int:
    return len(WORD.findall(html.unescape(TAG.sub(" ", content_html))))


def minutes(content_html: str, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """Minutes to read, rounded up, at least 1."""
    return max(1, math.ceil(word_count(content_html) / words_per_minute))


def add_reading_time(content):
    if isinstance(content, Article):
        content.reading_time = minutes(content._content, content.settings.get("READING_WPM", WORDS_PER_MINUTE))


def register():
    signals.content_object_init.connect(add_reading_time)
