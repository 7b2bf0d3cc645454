"""Meta tags and structured data for every page, shaped here, printed by partials.

Templates get two things:
- `page_meta(list_title, list_description)`: the PageMeta of the page being
  rendered. Content pages (an `article` or `page` in the context) describe
  themselves; list pages use the title and description their template wrote.
  base.html calls it once; partials/head_meta.html and
  partials/structured_data.html print it.
"""

from dataclasses import replace

from jinja2 import pass_context
from pelican import signals
from pelican.contents import Article, Page

from shared import LISTS, list_trail

from . import structured_data
from .meta import PageMeta, content_meta, list_meta


def list_crumbs(context):
    """The breadcrumb trail the list page shows (FAQ index, category, tag, or a list of them)."""
    if context.get("crumbs"):
        return context["crumbs"]
    for kind in ("tag", "category"):
        if context.get(kind) is not None:
            return list_trail(context, kind, context[kind])
    template = (context.name or "").removesuffix(".html")  # archives, categories, tags
    return list_trail(context, template) if template in LISTS else None


@pass_context
def page_meta(context, list_title: str = "", list_description: str = "") -> PageMeta:
    content = context.get("article") or context.get("page")
    if isinstance(content, (Article, Page)):
        meta = content_meta(content, context)
        return replace(meta, structured_data=structured_data.for_content(content, meta, context))
    paginated = context.get("articles_page")
    number = paginated.number if paginated else 1
    meta = list_meta(context, list_title, list_description, context.get("output_file") or "", number)
    home = context.get("output_file") == "index.html"
    return replace(meta, structured_data=structured_data.for_list(context, list_crumbs(context), home=home))


def add_to_templates(generator):
    generator.env.globals["page_meta"] = page_meta


def register():
    signals.generator_init.connect(add_to_templates)
