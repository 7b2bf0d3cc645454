"""Heading anchor links on every article and page, and a table of contents on long articles.

Python-Markdown's toc extension (configured in pelicanconf.py with our Serbian
slugify) gives each heading an id. This plugin reads the h2/h3 headings of the
rendered HTML once and:
- follows each with a link to itself. The link's name is Serbian (Link do
  odeljka „…”, the heading's own „…” nested as ‚…’), its visible "#" is drawn
  by CSS, and it sits beside the heading, not in it, so screen readers list
  clean heading names;
- gives each article `toc`: a list of TocEntry for its `##` headings when it
  has at least TOC_MIN_HEADINGS of them, else []. `###` headings get links but
  stay out of the table, which keeps it short enough to scan on a phone.
FAQ pages are left alone: plugins/faq shapes their headings.
"""

import html
import re
from typing import NamedTuple

from pelican import signals
from pelican.contents import Article, Page

from serbian import quoted

TOC_MIN_HEADINGS = 4
SKIP_SOURCE_DIRS = ("faq/",)
# Ids the theme's templates use on every page (skip link target, call to
# action, table of contents). A heading with the same slug gets a suffix.
TEMPLATE_IDS = {"sadrzaj", "cta-naslov", "toc-naslov"}

HEADING = re.compile(
    r'<h(?P<level>[23])(?P<before>[^>]*?)\sid="(?P<id>[^"]+)"(?P<after>[^>]*)>(?P<inner>.*?)</h(?P=level)>',
    re.S,
)
TAG = re.compile(r"<[^>]+>")


class TocEntry(NamedTuple):
    id: str
    title: str


def plain(inner_html: str) -> str:
    """A heading's text: tags dropped, entities decoded, white space folded."""
    return " ".join(html.unescape(TAG.sub("", inner_html)).split())


def free_id(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 1
    while candidate in taken:
        candidate, number = f"{wanted}-{number}", number + 1
    return candidate


def anchor_headings(content_html: str) -> tuple[str, list[TocEntry]]:
    """The HTML with a link beside each h2/h3, and the list of its h2 headings."""
    outline: list[TocEntry] = []
    taken = set(TEMPLATE_IDS) | set(re.findall(r'\sid="([^"]+)"', content_html)) - {
        m.group("id") for m in HEADING.finditer(content_html)
    }

    def replace(match):
        level, title = match.group("level"), plain(match.group("inner"))
        heading_id = free_id(match.group("id"), taken)
        taken.add(heading_id)
        if level == "2":
            outline.append(TocEntry(heading_id, title))
        label = html.escape(f"Link do odeljka {quoted(title)}", quote=False)
        return (
            f'<div class="heading-anchored">'
            f'<h{level}{match.group("before")} id="{heading_id}"{match.group("after")}>{match.group("inner")}</h{level}>'
            f'<a class="heading-anchor" href="#{heading_id}"><span class="visually-hidden">{label}</span></a>'
            f"</div>"
        )

    return HEADING.sub(replace, content_html), outline


def table_of_contents(outline: list[TocEntry], minimum: int = TOC_MIN_HEADINGS) -> list[TocEntry]:
    return outline if len(outline) >= minimum else []


def add_heading_links(content):
    if not isinstance(content, (Article, Page)):
        return
    source = content.relative_source_path.replace("\\", "/")
    if source.startswith(SKIP_SOURCE_DIRS):
        return
    content._content, outline = anchor_headings(content._content)
    if isinstance(content, Article):
        content.toc = table_of_contents(outline, content.settings.get("TOC_MIN_HEADINGS", TOC_MIN_HEADINGS))


def register():
    signals.content_object_init.connect(add_heading_links)
