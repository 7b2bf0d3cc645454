"""Site search: a Pagefind index of every published post, page and FAQ
question, made at the end of every build, read by our own page at /pretraga/.

- Templates mark a page's text with `search_attributes(item)`, and its title
  with `search_attributes(item, "title")`, which marks it only when the text is empty
  (data-pagefind-body, plus the page's words with đ as typed with d, see
  variants.py; a Cyrillic twin's field is made from its own text by
  plugins/cyrillic). Drafts, scheduled posts and hidden pages get nothing, and
  Pagefind indexes only marked pages, so list pages (home, categories, tags,
  archive), the search page and drafts are never in the index.
- An FAQ page is indexed by its introduction (or title); each of its questions
  is a result of its own, linking to /faq/<page>/#<id> (faq_records(), written
  as small HTML records for Pagefind, see indexing.py).
- When Pelican has written the site (`finalized`), Pagefind indexes it into
  pagefind/ (indexing.py), and the build stops unless the index holds exactly
  the searchable posts, pages and questions. A preview build hands the same
  job to a process of its own and returns without waiting (background.py).
- The search page: theme/templates/search.html and theme/static/js/search.js.

SEARCH_INDEX = False in the settings skips the index (the search page then
finds nothing); nothing else needs configuring. Each language's bundle is kept
in cache/search/ by the pages it indexed (SEARCH_CACHE moves it, "" turns it
off), so a language with no changed page is not indexed again.
"""

from collections.abc import Callable
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import NamedTuple

from markupsafe import Markup, escape
from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from shared import CYRILLIC_LANG, CYRILLIC_PREFIX, cyrillic_html, folders, plain, to_cyrillic
from shared.disk_cache import FolderStore, build_store

from . import background, indexing
from .variants import FIELD, meta, typed_forms

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


def search_attributes(item, place: str = "body") -> Markup:
    """The attributes that put an element's text into the index; "" for unsearchable items.

    Templates ask for the page's text ("body": a post's or page's content, an FAQ page's
    introduction) and for its title ("title", the <h1>). The body is marked, unless it has no
    text at all (a post that is only a photo, an FAQ page without an introduction): Pagefind
    leaves a page without text out of the index, so the title is marked instead."""
    if not searchable(item):
        return Markup("")
    text = item.faq.intro_html if is_faq_page(item) else getattr(item, "content", "")
    on_title = not plain(text or "").strip()
    if (place == "title") != on_title:
        return Markup("")
    attributes = " data-pagefind-body"
    forms = typed_forms(getattr(item, "title", ""), text)
    if forms:
        attributes += f' data-pagefind-meta="{escape(meta(forms))}"'
    return Markup(attributes)


class Edition(NamedTuple):
    """One script's edition of the site: its URL prefix, its index (Pagefind's, by <html lang>) and its text."""

    prefix: str  # "" or "/cir"
    language: str
    script: Callable[[str], str]  # plain text → the edition's text
    html: Callable[[str], str]  # HTML → the edition's HTML (what the page shows: translate="no", code kept)


def editions(settings) -> list[Edition]:
    """The Latin edition, and the Cyrillic one under /cir/ when the site builds it (plugins/cyrillic)."""
    language = (settings.get("HTML_LANG") or settings.get("DEFAULT_LANG", "sr")).lower()
    latin = Edition("", language, str, str)
    if not settings.get("CYRILLIC_EDITION", True):
        return [latin]
    siteurl = settings.get("SITEURL", "")
    cyrillic = Edition(
        "/" + CYRILLIC_PREFIX.rstrip("/"), CYRILLIC_LANG.lower(), to_cyrillic, lambda html: cyrillic_html(html, siteurl)
    )
    return [latin, cyrillic]


def faq_records(page, edition: Edition) -> list[indexing.Record]:
    """One search record per question of an FAQ page, linking to the question, in the edition's script.

    The page's own twin is indexed from its HTML; these records are made from
    the same questions, so both editions find the same answers.
    """
    records = []
    for question in page.faq.questions:
        if not question.answer_text.strip():
            continue  # nothing to find (the check reports the empty answer; Pagefind would skip the record)
        title = (MYTH_LABEL if page.faq.is_myths else "") + question.text
        text = (FACT_LABEL if page.faq.is_myths else "") + question.answer_text
        if edition.prefix:  # from the HTML, as the twin shows it (names, code, translate="no" kept)
            title = edition.script(MYTH_LABEL if page.faq.is_myths else "") + plain(edition.html(question.html))
            text = edition.script(FACT_LABEL if page.faq.is_myths else "") + plain(edition.html(question.answer_html))
        forms = typed_forms(title, text, cyrillic=bool(edition.prefix))  # words as a Latin keyboard types them
        records.append(
            indexing.Record(
                url=f"{edition.prefix}/{page.url}#{question.id}",
                title=title,
                text=text,
                language=edition.language,
                meta={FIELD: " ".join(forms)} if forms else {},
            )
        )
    return records


def faq_titles(settings, faq_pages) -> dict[str, str]:
    """URL path → title of every FAQ page, in each edition: the search page names a question's page with it."""
    return {
        f"{edition.prefix}/{page.url}": edition.script(plain(page.title))
        for edition in editions(settings)
        for page in faq_pages
    }


def expected_urls(items, records, settings) -> set[str]:
    return {f"{edition.prefix}/{item.url}" for edition in editions(settings) for item in items} | {
        record.url for record in records
    }


def add_to_templates(generator):
    generator.env.globals["search_attributes"] = search_attributes
    generator.env.globals["search_faq_titles"] = partial(faq_titles, generator.settings)


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
    job = index_job(pelican.settings)
    output = Path(pelican.output_path)
    if background.wanted(pelican.settings):
        background.report_last_failure(output)
        background.start(output, job)
    else:
        run_job(output, job)


def index_job(settings) -> dict:
    """What to index, as plain data (a preview hands it to search/background.py): the FAQ
    records, each language's pages, the URLs the index must hold and the cache folder."""
    content = searchable_content()
    records = [
        record
        for edition in editions(settings)
        for item in content
        if is_faq_page(item)
        for record in faq_records(item, edition)
    ]
    pages = {
        edition.language: [f"{edition.prefix}/{item.save_as}".lstrip("/") for item in content]
        for edition in editions(settings)
    }
    store = build_store(settings, "SEARCH_CACHE", "search", kind=FolderStore)
    return {
        "records": [asdict(record) for record in records],
        "pages": pages,
        "expected": sorted(expected_urls(content, records, settings)),
        "store": str(store.folder) if store else None,
    }


def run_job(output: Path, job: dict, bundle: Path | None = None) -> Path:
    """Index the site as `job` says into `bundle` (output/pagefind/ unless given); stop unless it is exact."""
    store = FolderStore(Path(job["store"]), track=True) if job["store"] else None
    records = [indexing.Record(**record) for record in job["records"]]
    made = indexing.build_index(output, records, job["pages"], store, bundle)
    if store:
        store.prune()
    indexing.check_index(made, set(job["expected"]))
    return made


def register():
    folders.claim(indexing.BUNDLE_DIR)
    signals.generator_init.connect(add_to_templates)
    signals.all_generators_finalized.connect(keep_generators)
    signals.finalized.connect(index_site)
