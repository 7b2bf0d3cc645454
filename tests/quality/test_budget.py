"""Budget gate, from the built files: every page's first view is at most 14 KB
gzip in at most 2 requests, and nothing is fetched from another origin.
What counts as the first view is defined in quality/budget.py."""

import pytest

from quality import budget
from quality.site_pages import PAGE_TYPES, classify
from site_tools.links import Site


@pytest.fixture(scope="module")
def site(prod_site, prod_url) -> Site:
    return Site(prod_site, prod_url)


@pytest.fixture(scope="module")
def pages_by_type(prod_site, prod_settings) -> dict:
    return classify(prod_site, prod_settings)


def over_budget(views: list[budget.FirstView]) -> list[str]:
    problems = []
    for view in views:
        missing = [r.url for r in view.resources if r.file is None]
        if missing:
            problems.append(f"{view.page}: cannot measure, not in the build: {', '.join(missing)}")
        if view.gzip_bytes > budget.BUDGET_BYTES or view.requests > budget.BUDGET_REQUESTS:
            problems.append(f"over {budget.BUDGET_BYTES} B / {budget.BUDGET_REQUESTS} requests: {view}")
    return problems


@pytest.mark.parametrize("page_type", [*PAGE_TYPES, "other"])
def test_first_view_fits_the_budget(page_type, pages_by_type, site, prod_settings):
    """All pages of the type are measured, not only one representative."""
    if page_type == "other":
        files = [file for kind, group in pages_by_type.items() if kind not in PAGE_TYPES for file in group]
    else:
        files = pages_by_type.get(page_type)
        assert files, f"the production build has no {page_type} page"
    views = [budget.first_view(site, file, prod_settings["STATIC_PATHS"]) for file in files]
    heaviest = max(views, key=lambda view: (view.gzip_bytes, view.requests))
    print(f"budget {page_type}: {len(views)} pages, heaviest {heaviest}")
    problems = over_budget(views)
    assert not problems, "\n".join(problems)


def test_nothing_is_fetched_from_another_origin(prod_site, site):
    files = sorted(prod_site.rglob("*.html")) + sorted(prod_site.rglob("*.css"))
    found = [line for file in files for line in budget.third_party_references(site, file)]
    assert not found, "third-party URLs the browser would fetch:\n" + "\n".join(found)
