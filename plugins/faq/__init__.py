"""FAQ pages: every Markdown file in content/faq/ becomes a page of questions.

- Each FAQ page is rendered with the `faq` template at faq/<slug>/ and gets
  `page.faq` (a model.FaqPage) once all content is read.
- The FAQ index is written to faq/ (template faq_index.html); every template
  sees `faq_pages`, the published FAQ pages in date order.
- Before anything is written, FAQ pages and every link into them are checked
  (checks.py); any problem stops the build with FaqError naming file and
  question.
- Templates get the `ld_json` filter. The FAQPage JSON-LD (jsonld.py) is
  printed with the page's other structured data by plugins/seo_meta, which
  adds the page's author, dates and publisher.
"""

import os

from pelican import signals
from pelican.contents import Content, Page
from pelican.generators import Generator

from breadcrumbs import FAQ_DIR, FAQ_INDEX, HOME, Crumb, is_faq
from plain_text import plain
from serbian import slugify

from .checks import LinkChecker, Source, kind_problems, page_problems, question_name
from .jsonld import script_json
from .model import DEFAULT_KIND, parse_faq, question_id, split_sections

TEMPLATE = "faq"
INDEX_TEMPLATE = "faq_index"
INDEX_NAME, INDEX_URL = FAQ_INDEX
INDEX_SAVE_AS = f"{INDEX_URL}index.html"


class FaqError(SystemExit):
    """FAQ content the site cannot be built from; the message says where and why.

    A SystemExit, so the build stops with exit code 1 and the author sees just
    the message, not a Python traceback (Pelican prints one for any Exception).
    """


def source_of(content) -> Source:
    """The file as the author knows it (content/faq/x.md, relative to where the build runs)."""
    try:
        with open(content.source_path, encoding="utf-8") as file:
            text = file.read()
    except OSError:
        text = ""
    return Source(os.path.relpath(content.source_path), text)


def mark_faq_sources(pelican):
    """Files under content/faq/ are read with the FAQ template."""
    extra = pelican.settings.setdefault("EXTRA_PATH_METADATA", {})
    extra.setdefault(FAQ_DIR, {}).setdefault("template", TEMPLATE)


def place_faq_page(generator, metadata):
    """faq/<slug>/ for published FAQ pages, set before the page object exists.

    Setting it as metadata (not afterwards) means every plugin that reads
    `page.url`, breadcrumbs included, sees the final address.
    """
    if metadata.get("template") != TEMPLATE or metadata.get("status") == "draft":
        return
    slug = metadata.get("slug") or slugify(plain(metadata.get("title", "")))
    metadata["slug"] = slug
    metadata.setdefault("url", f"{INDEX_URL}{slug}/")
    metadata.setdefault("save_as", f"{INDEX_URL}{slug}/index.html")


def kind_of(page) -> str:
    return str(page.metadata.get("kind", DEFAULT_KIND)).strip().lower()


def all_content(context) -> list[Content]:
    seen = {}
    for content in context.get("generated_content", {}).values():
        if isinstance(content, Content):
            seen[id(content)] = content
    return list(seen.values())


def find_problems(context, faq_pages: list[Page]) -> list[str]:
    problems = []
    sections = {page.relative_source_path: split_sections(page._content) for page in faq_pages}
    for page in faq_pages:
        source = source_of(page)
        problems += kind_problems(source, kind_of(page))
        problems += page_problems(source, sections[page.relative_source_path][1])
    checker = LinkChecker(
        faq_ids={
            path: {question_id(section.heading_html) for section in page_sections}
            for path, (_intro, page_sections) in sections.items()
        },
        generated=context.get("generated_content", {}),
        static=context.get("static_content", {}),
    )
    for content in all_content(context):
        path = content.relative_source_path
        if path in sections:
            intro, page_sections = sections[path]
            parts = [(None, intro)] + [
                (question_name(section, number), section.heading_html + section.answer_html)
                for number, section in enumerate(page_sections, start=1)
            ]
        else:
            parts = [(None, content._content)]
        problems += checker.problems(content, source_of(content), parts)
    return problems


def build_faq_pages(generators):
    """Check every FAQ page and link, then give each FAQ page its parsed questions."""
    context = generators[0].context
    faq_pages = [c for c in all_content(context) if isinstance(c, Page) and is_faq(c)]
    problems = find_problems(context, faq_pages)
    if problems:
        raise FaqError("Stranice sa pitanjima imaju greške:\n" + "\n".join(f"- {p}" for p in problems))
    for page in faq_pages:
        page.faq = parse_faq(page.content, kind_of(page))
    context["faq_pages"] = sorted(
        (page for page in context.get("pages", []) if is_faq(page)),
        key=lambda page: (str(getattr(page, "date", "")), page.title),
    )


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
            listed_content=self.context.get("faq_pages", []),  # what the page lists (plugins/sitemap_xml dates it by them)
        )


def get_generators(pelican):
    return FaqIndexGenerator


def register():
    signals.initialized.connect(mark_faq_sources)
    signals.page_generator_context.connect(place_faq_page)
    signals.all_generators_finalized.connect(build_faq_pages)
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
