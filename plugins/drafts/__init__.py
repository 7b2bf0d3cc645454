"""Drafts and scheduled posts: marked in the preview, without a trace in production.

A scheduled post has a Date still in the future. Production builds
(publishconf.py: WITH_FUTURE_DATES = False) turn it into a draft, and
production never writes drafts, so it goes live with the first publish after
its date. The development preview shows it among the published posts; every
content object gets `scheduled` so the theme can mark it „Zakazano za …”
(partials/status_mark.html).

pelican-related-posts looks up every draft's tags in the generator's tag
defaultdict, which adds an empty entry for a tag only drafts use; Pelican
would then write an empty tag page (and list it in the sitemap) for it. Empty
tags are dropped once every generator has read its content, before writing.
"""

from datetime import datetime

from pelican import signals
from pelican.generators import ArticlesGenerator


def is_scheduled(content, now: datetime | None = None) -> bool:
    date = getattr(content, "date", None)
    if content.status == "draft" or not isinstance(date, datetime):
        return False
    now = now or datetime.now(date.tzinfo)
    return date > now


def build_now(settings, tz=None) -> datetime:
    """The build's „now”: BUILD_NOW (an ISO time) lets tests and checks fix it; builds use the clock."""
    now = settings.get("BUILD_NOW")
    return datetime.fromisoformat(now) if now else datetime.now(tz)


def mark_scheduled(content):
    date = getattr(content, "date", None)
    content.scheduled = is_scheduled(content, build_now(content.settings, getattr(date, "tzinfo", None)))


def drop_empty_tags(generators):
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            for tag in [tag for tag, articles in generator.tags.items() if not articles]:
                del generator.tags[tag]


def register():
    signals.content_object_init.connect(mark_scheduled)
    signals.all_generators_finalized.connect(drop_empty_tags)
