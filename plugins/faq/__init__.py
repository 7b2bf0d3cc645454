"""FAQ pages: every Markdown file in content/faq/ becomes a page of questions.

- Each FAQ page is rendered with the `faq` template at faq/<slug>/ and gets
  `page.faq` (a model.FaqPage) once all content is read; just before the page
  is written, `page.faq` is made again from the final HTML (links resolved,
  photos responsive), with the same questions and ids.
- The FAQ index is written to faq/ (template faq_index.html); every template
  sees `faq_pages`, the published FAQ pages in date order.
- Once all content is read, each FAQ page's own problems (checks.py) are
  attached for plugins/content_check, which checks links into them too.
- Templates get the `ld_json` filter. The FAQPage JSON-LD (jsonld.py) is
  printed with the page's other structured data by plugins/seo_meta, which
  adds the page's author, dates and publisher.
"""

import os

from pelican import signals
from pelican.contents import Page
from pelican.generators import Generator

from shared import FAQ_DIR, FAQ_INDEX, HOME, Crumb, Source, documents, is_faq, rendered

from .checks import kind_problems, page_problems, repeated_across_pages, wording_problems
from .jsonld import script_json
from .model import DEFAULT_KIND, kind_named, parse_faq, split_sections

TEMPLATE = "faq"
INDEX_TEMPLATE = "faq_index"
INDEX_NAME, INDEX_URL = FAQ_INDEX
INDEX_SAVE_AS = f"{INDEX_URL}index.html"


def mark_faq_sources(pelican):
    """Files under content/faq/ are read with the FAQ template; the index is a site address."""
    extra = pelican.settings.setdefault("EXTRA_PATH_METADATA", {})
    extra.setdefault(FAQ_DIR, {}).setdefault("template", TEMPLATE)
    pelican.settings.setdefault("SITE_LIST_URLS", []).append(INDEX_URL)


def place_faq_page(content):
    """faq/<slug>/ for published FAQ pages, from the slug Pelican gave the page.

    Set as the page is made (content_object_init), before anything reads its
    address; breadcrumbs are shaped later, once every document exists.
    """
    if not isinstance(content, Page) or not is_faq(content) or content.status == "draft":
        return
    if hasattr(content, "override_url") or hasattr(content, "override_save_as"):
        return  # the author set URL or Save_as herself
    content.override_url = f"{INDEX_URL}{content.slug}/"
    content.override_save_as = f"{INDEX_URL}{content.slug}/index.html"


def kind_of(page) -> str:
    return kind_named(page.metadata.get("kind", DEFAULT_KIND))


def build_faq_pages(generators):
    """Give each FAQ page its parsed questions, and the problems found in them.

    Problems go to `page.content_problems`, which plugins/content_check reports
    with every other problem (and which stop a checked build).
    """
    context = generators[0].context
    asked, by_shown = [], {}  # (source, sections, kind) of every FAQ page but drafts, in file order; its page
    faq_documents = sorted(
        (c for c in documents(context) if isinstance(c, Page) and is_faq(c)), key=lambda c: c.source_path
    )
    for page in faq_documents:
        source = Source(page.source_path, os.path.relpath(page.source_path, os.path.dirname(page.settings["PATH"])))
        parsed = rendered.of(page)  # one parse: the checks and the page read the same questions
        sections = split_sections(parsed)[1]
        page.content_problems = (
            kind_problems(source, kind_of(page))
            + page_problems(source, sections, kind_of(page))
            + wording_problems(source, sections, kind_of(page))
        )
        page.faq = parse_faq(parsed, kind_of(page))
        if page.status != "draft":  # a draft is often a copy being reworked
            asked.append((source, sections, kind_of(page)))
            by_shown[source.shown] = page
    for problem in repeated_across_pages(asked):
        by_shown[problem.path].content_problems.append(problem)
    context["faq_pages"] = sorted(
        (page for page in context.get("pages", []) if is_faq(page)),
        key=lambda page: (str(getattr(page, "date", "")), page.title),
    )


def show_final_html(generator, content):
    """Just before an FAQ page is written: its questions from the HTML the page shows.

    That HTML is Pelican's `content` once every plugin has had its turn: links
    resolved, photos turned into <picture>s. The questions and ids are the
    same as those the checks read (nothing changes headings); only the HTML
    shown in the intro and the answers is the final one.
    """
    if getattr(content, "faq", None) is not None:
        content.faq = parse_faq(rendered.Rendered(content.content), content.faq.kind)


def add_template_helpers(generator):
    generator.env.filters["ld_json"] = script_json


class FaqIndexGenerator(Generator):
    """Writes the FAQ index page (faq/) listing every published FAQ page."""

    def generate_output(self, writer):
        writer.write_file(
            INDEX_SAVE_AS,
            self.get_template(INDEX_TEMPLATE),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=INDEX_URL,
            faq_index_title=INDEX_NAME,
            crumbs=[Crumb(HOME, ""), Crumb(INDEX_NAME, INDEX_URL)],
            listed_content=self.context.get(
                "faq_pages", []
            ),  # what the page lists (plugins/sitemap_xml dates it by them)
        )


def get_generators(pelican):
    return FaqIndexGenerator


def register():
    signals.initialized.connect(mark_faq_sources)
    signals.content_object_init.connect(place_faq_page)
    signals.all_generators_finalized.connect(build_faq_pages)
    signals.page_generator_write_page.connect(show_final_html)
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
