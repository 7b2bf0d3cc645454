"""Site search: a Pagefind index of every published post, page and FAQ
question, made at the end of every build, read by our own page at /pretraga/.

- Templates mark a page's text with `search_attributes(item)`
  (data-pagefind-body, plus the page's words with đ as typed with d, see
  variants.py). Drafts, scheduled posts and hidden pages get nothing, and
  Pagefind indexes only marked pages, so list pages (home, categories, tags,
  archive), the search page and drafts are never in the index.
- An FAQ page is indexed by its introduction (or title); each of its questions
  is a result of its own, linking to /faq/<page>/#<id> (faq_records(), written
  as small HTML records for Pagefind, see indexing.py).
- When Pelican has written the site (`finalized`), Pagefind indexes it into
  pagefind/ (indexing.py), and the build stops unless the index holds exactly
  the searchable posts, pages and questions.
- The search page: theme/templates/search.html and theme/static/js/search.js.

SEARCH_INDEX = False in the settings skips the index (the search page then
finds nothing); nothing else needs configuring.
"""

from pathlib import Path

from markupsafe import Markup, escape
from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from plain_text import plain

from . import indexing
from .variants import FIELD, typed_forms

# The labels partials/faq_question.html shows on a myths page, so a question's
# result reads as the page does („Mit: …”, „Činjenica: …”).
MYTH_LABEL = "Mit: "
FACT_LABEL = "Činjenica: "

# The generators, kept once all content is read; what they hold when the site
# is written (after plugins/content_check has left out what it could not use)
# is what must be in the index.
_generators: list = []


def searchable(item) -> bool:
    """Published and live: not a draft, not hidden, not scheduled for later."""
    return getattr(item, "status", None) == "published" and not getattr(item, "scheduled", False)


def is_faq_page(item) -> bool:
    return getattr(item, "faq", None) is not None


def search_attributes(item) -> Markup:
    """The attributes that put an element's text into the index; "" for unsearchable items."""
    if not searchable(item):
        return Markup("")
    text = item.faq.intro_html if is_faq_page(item) else getattr(item, "content", "")
    attributes = " data-pagefind-body"
    forms = typed_forms(getattr(item, "title", ""), text)
    if forms:
        attributes += f' data-pagefind-meta="{FIELD}:{escape(" ".join(forms))}"'
    return Markup(attributes)


def faq_records(page, language: str) -> list[indexing.Record]:
    """One search record per question of an FAQ page, linking to the question."""
    records = []
    for question in page.faq.questions:
        title = (MYTH_LABEL if page.faq.is_myths else "") + question.text
        text = (FACT_LABEL if page.faq.is_myths else "") + question.answer_text
        forms = typed_forms(title, text)
        records.append(
            indexing.Record(
                url=f"/{page.url}#{question.id}",
                title=title,
                text=text,
                language=language,
                meta={FIELD: " ".join(forms)} if forms else {},
            )
        )
    return records


def faq_titles(faq_pages) -> dict[str, str]:
    """URL path → title of every FAQ page: the search page names a question's page with it."""
    return {"/" + page.url: plain(page.title) for page in faq_pages}


def expected_urls(items, records) -> set[str]:
    return {"/" + item.url for item in items} | {record.url for record in records}


def add_to_templates(generator):
    generator.env.globals["search_attributes"] = search_attributes
    generator.env.globals["search_faq_titles"] = faq_titles


def keep_generators(generators):
    _generators[:] = generators


def searchable_content() -> list:
    items = []
    for generator in _generators:
        if isinstance(generator, ArticlesGenerator):
            items += generator.articles
        elif isinstance(generator, PagesGenerator):
            items += generator.pages
    return [item for item in items if searchable(item)]


def index_site(pelican):
    if not pelican.settings.get("SEARCH_INDEX", True):
        return
    language = (pelican.settings.get("HTML_LANG") or pelican.settings.get("DEFAULT_LANG", "sr")).lower()
    content = searchable_content()
    records = [record for item in content if is_faq_page(item) for record in faq_records(item, language)]
    bundle = indexing.build_index(Path(pelican.output_path), records)
    indexing.check_index(bundle, expected_urls(content, records))


def register():
    signals.generator_init.connect(add_to_templates)
    signals.all_generators_finalized.connect(keep_generators)
    signals.finalized.connect(index_site)
