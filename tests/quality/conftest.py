"""Fixtures for the quality gates: the production build's pages, by type."""

import pytest

from quality.site_pages import PAGE_TYPES, SitePage, production_settings, representatives


@pytest.fixture(scope="session")
def prod_settings() -> dict:
    return production_settings()


@pytest.fixture(scope="session")
def site_pages(prod_site, prod_documents, prod_settings) -> dict[str, SitePage]:
    """One representative page per type of the production build."""
    return representatives(prod_site, prod_documents, prod_settings)


@pytest.fixture
def site_page(site_pages, page_type) -> SitePage:
    """The representative page of `page_type`; fails the test when the build has none."""
    if page_type not in site_pages:
        pytest.fail(f"the production build has no {page_type} page (types built: {', '.join(sorted(site_pages))})")
    return site_pages[page_type]


# Tests take `site_page` (or `page_type`), parametrized over every type, so a
# type the build lacks is reported as a failure of its own instead of vanishing.
def pytest_generate_tests(metafunc):
    explicit = any("page_type" in marker.args[0] for marker in metafunc.definition.iter_markers("parametrize"))
    if "page_type" in metafunc.fixturenames and not explicit:
        metafunc.parametrize("page_type", PAGE_TYPES)
