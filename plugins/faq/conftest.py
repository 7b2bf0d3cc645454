"""Render the test data beside these tests the way the site build does."""

from pathlib import Path

import pytest
from pelican.readers import Readers
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
TESTDATA = Path(__file__).with_name("testdata")


@pytest.fixture(scope="session")
def readers() -> Readers:
    return Readers(read_settings(str(ROOT / "pelicanconf.py")))


@pytest.fixture
def rendered(readers):
    """rendered("adversarial.md") → the file's HTML after Markdown and typogrify."""

    def render(name: str) -> str:
        return readers.read_file(str(TESTDATA), name)._content

    return render
