"""Budget gate, from the built files: every page's first view is at most 14 KB
gzip in at most 2 requests, its JavaScript at most 8 KB gzip, and nothing is
fetched from another origin. What counts is defined in quality/budget.py."""

from urllib.parse import urlsplit

import pytest

from quality import budget
from quality.site_pages import CYRILLIC, CYRILLIC_PREFIX, PAGE_TYPES, TEMPLATE_TYPES, classify
from site_tools.links import Site


@pytest.fixture(scope="module")
def site(prod_site, prod_url) -> Site:
    return Site(prod_site, prod_url)


@pytest.fixture(scope="module")
def pages_by_type(prod_site, prod_documents, prod_settings) -> dict:
    return classify(prod_site, prod_documents, prod_settings)


def test_every_published_document_is_a_built_page_of_its_type(prod_site, prod_documents, pages_by_type):
    """A document Pelican made but the build did not write would otherwise just be missing from every gate."""
    published = [document for document in prod_documents if document.status == "published"]
    assert len(published) >= 20
    for document in published:
        kind = TEMPLATE_TYPES[document.template]
        for edition, folder in (("", prod_site), (CYRILLIC, prod_site / CYRILLIC_PREFIX)):
            assert folder / document.save_as in pages_by_type[edition + kind], (edition, document)


def over_budget(views: list[budget.FirstView]) -> list[str]:
    problems = []
    for view in views:
        missing = [r.url for r in view.resources if r.file is None]
        if missing:
            problems.append(f"{view.page}: cannot measure, not in the build: {', '.join(missing)}")
        if view.gzip_bytes > budget.BUDGET_BYTES or view.requests > budget.BUDGET_REQUESTS:
            problems.append(f"over {budget.BUDGET_BYTES} B / {budget.BUDGET_REQUESTS} requests: {view}")
    return problems


def test_every_kind_of_page_the_build_makes_is_gated(pages_by_type):
    """A kind classify() names but PAGE_TYPES lacks would pass every gate unseen (the category
    and tag lists once did); "other" is only what no kind describes, and it has none."""
    ungated = {kind: [str(file) for file in files] for kind, files in pages_by_type.items() if kind not in PAGE_TYPES}
    assert not ungated, ungated


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_first_view_fits_the_budget(page_type, pages_by_type, site, prod_settings):
    """All pages of the type are measured, not only one representative (and every page has a type:
    test_every_kind_of_page_the_build_makes_is_gated)."""
    files = pages_by_type.get(page_type)
    assert files, f"the production build has no {page_type} page"
    views = [budget.first_view(site, file, prod_settings["STATIC_PATHS"]) for file in files]
    heaviest = max(views, key=lambda view: (view.gzip_bytes, view.requests))
    print(f"budget {page_type}: {len(views)} pages, heaviest {heaviest}")
    problems = over_budget(views)
    assert not problems, "\n".join(problems)


def test_every_page_runs_little_javascript(prod_site, site):
    pages = sorted(prod_site.rglob("*.html"))
    measured = {page: budget.script_bytes(site, page) for page in pages}
    heaviest = max(measured, key=lambda page: measured[page][0])
    print(f"scripts: heaviest {heaviest.relative_to(prod_site)}: {measured[heaviest]}")
    assert measured[heaviest][0] > 1024, "the model found next to no JavaScript: is it reading the pages?"
    over = [
        f"{page.relative_to(prod_site)}: {size} B gzip ({', '.join(parts)})"
        for page, (size, parts) in measured.items()
        if size > budget.SCRIPT_BUDGET_BYTES
    ]
    assert not over, f"over {budget.SCRIPT_BUDGET_BYTES} B of JavaScript:\n" + "\n".join(over)


def test_nothing_is_fetched_from_another_origin(prod_site, site):
    files = sorted(prod_site.rglob("*.html")) + sorted(prod_site.rglob("*.css"))
    found = [line for file in files for line in budget.third_party_references(site, file)]
    assert not found, "third-party URLs the browser would fetch:\n" + "\n".join(found)


def test_the_first_view_model_counts_what_blocks_the_first_paint(tmp_path):
    """On a hand-made build: CSS, its font and a logo count; the icon, the
    manifest, a content image and a deferred script do not; links are navigation."""
    files = {
        "index.html": (
            '<link rel="stylesheet" href="/theme/site.css"><link rel="icon" href="/icon.svg">'
            '<link rel="manifest" href="/manifest.webmanifest"><script defer src="/theme/share.js"></script>'
            '<img src="/theme/logo.svg" alt=""><img src="/images/slika.svg" alt="">'
            '<a href="https://www.linkedin.com/sharing/share-offsite/?url=x">LinkedIn</a>'
        ),
        "theme/site.css": "@font-face{src:url(f.woff2) format('woff2'),url(f.woff) format('woff')}",
        "theme/f.woff2": "x" * 100,
        "theme/f.woff": "x",
        "theme/logo.svg": "<svg/>",
        "theme/share.js": "//",
        "icon.svg": "<svg/>",
        "manifest.webmanifest": "{}",
        "images/slika.svg": "<svg/>",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    site = Site(tmp_path, "http://127.0.0.1:9")
    view = budget.first_view(site, tmp_path / "index.html", ["images"])
    assert [urlsplit(r.url).path for r in view.resources] == [
        "/",
        "/theme/site.css",
        "/theme/logo.svg",
        "/theme/f.woff2",
    ]
    assert [urlsplit(r.url).path for r in view.deferred] == ["/theme/share.js"]
    assert view.gzip_bytes == sum(
        budget.gzip_size((tmp_path / p).read_bytes())
        for p in ("index.html", "theme/site.css", "theme/logo.svg", "theme/f.woff2")
    )
    assert budget.third_party_references(site, tmp_path / "index.html") == []


def test_the_script_model_counts_what_runs(tmp_path):
    """Inline scripts and loaded scripts count; JSON-LD is data, not JavaScript."""
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "share.js").write_text("let a = 1;", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<script>document.documentElement.dataset.js = "";</script>'
        '<script type=application/ld+json>{"@type": "WebSite"}</script>'
        '<SCRIPT TYPE="Module">import("/x.js")</SCRIPT><script defer src="/theme/share.js"></script>',
        encoding="utf-8",
    )
    total, parts = budget.script_bytes(Site(tmp_path, "http://127.0.0.1:9"), tmp_path / "index.html")
    sizes = [
        budget.gzip_size(text.encode())
        for text in ('document.documentElement.dataset.js = "";', 'import("/x.js")', "let a = 1;")
    ]
    assert total == sum(sizes)
    assert [part.rsplit(" ", 2)[0] for part in parts] == ["inline script 1", "inline script 2", "/theme/share.js"]


def test_third_party_fetches_are_found_in_html_and_css(tmp_path):
    (tmp_path / "index.html").write_text(
        '<link rel="preconnect" href="https://fonts.gstatic.com"><script src="//cdn.example.com/a.js"></script>'
        '<link rel="canonical" href="https://vavodic.rs/">',
        encoding="utf-8",
    )
    (tmp_path / "site.css").write_text("@import url(https://fonts.googleapis.com/css?family=X);", encoding="utf-8")
    site = Site(tmp_path, "http://127.0.0.1:9")
    found = budget.third_party_references(site, tmp_path / "index.html") + budget.third_party_references(
        site, tmp_path / "site.css"
    )
    assert found == [
        "index.html:1: https://fonts.gstatic.com",
        "index.html:1: //cdn.example.com/a.js",
        "site.css:1: https://fonts.googleapis.com/css?family=X",
    ]
