"""Fixtures for the tests of plugins/search."""

import pytest

from search.small_site import make_small_site


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    return make_small_site(tmp_path_factory.mktemp("small") / "site")
