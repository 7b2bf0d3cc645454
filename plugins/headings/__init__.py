"""Heading anchor links on every article and page, and a table of contents on long articles.

Python-Markdown's toc extension (configured in pelicanconf.py with our Serbian
slugify) gives each heading an id; the shared parse (shared/rendered.py) says
which headings there are and the id each one shows. This plugin:
- follows each with a link to itself. The link's name is Serbian
  (Link do odeljka „…”, the heading's own „…” nested as ‚…’), its visible "#"
  is drawn by CSS, and it sits beside the heading, not in it, so screen readers
  list clean heading names;
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

from shared import plain, quoted, rendered  # noqa: F401 (plain: for this plugin's callers)

TOC_MIN_HEADINGS = 4
SKIP_SOURCE_DIRS = ("faq/",)
TEMPLATE_IDS = rendered.TEMPLATE_IDS


class TocEntry(NamedTuple):
    id: str
    title: str


def _heading_element(level: int, source_id: str) -> re.Pattern:
    """The element of one heading the shared parse found, to rewrite it in place."""
    return re.compile(
        rf'<h{level}(?P<before>[^>]*?)\sid="{re.escape(source_id)}"(?P<after>[^>]*)>(?P<inner>.*?)</h{level}>', re.S
    )


def anchor_headings(content_html: str, parsed: "rendered.Rendered | None" = None) -> tuple[str, list[TocEntry]]:
    """The HTML with a link beside each h2/h3, and the list of its h2 headings."""
    parsed = parsed or rendered.Rendered(content_html)
    outline: list[TocEntry] = []
    for heading in parsed.headings:
        if heading.level not in (2, 3):
            continue
        if heading.level == 2:
            outline.append(TocEntry(heading.id, heading.text))
        label = html.escape(f"Link do odeljka {quoted(heading.text)}", quote=False)
        level = heading.level

        def replace(match, heading=heading, level=level, label=label):
            return (
                f'<div class="heading-anchored">'
                f'<h{level}{match.group("before")} id="{heading.id}"{match.group("after")}>{match.group("inner")}</h{level}>'
                f'<a class="heading-anchor" href="#{heading.id}"><span class="visually-hidden">{label}</span></a>'
                f"</div>"
            )

        content_html = _heading_element(level, heading.source_id).sub(replace, content_html, count=1)
    return content_html, outline


def table_of_contents(outline: list[TocEntry], minimum: int = TOC_MIN_HEADINGS) -> list[TocEntry]:
    return outline if len(outline) >= minimum else []


def add_heading_links(content):
    if not isinstance(content, (Article, Page)):
        return
    source = content.relative_source_path.replace("\\", "/")
    if source.startswith(SKIP_SOURCE_DIRS):
        return
    content._content, outline = anchor_headings(content._content, rendered.of(content))
    if isinstance(content, Article):
        content.toc = table_of_contents(outline, content.settings.get("TOC_MIN_HEADINGS", TOC_MIN_HEADINGS))


def register():
    signals.content_object_init.connect(add_heading_links)
