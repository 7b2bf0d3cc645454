import pytest

from serbian.plurals import plural

MYTH = ("mit", "mita", "mitova")


@pytest.mark.parametrize(
    ("count", "form"),
    [
        (0, "mitova"),
        (1, "mit"),
        (2, "mita"),
        (4, "mita"),
        (5, "mitova"),
        (10, "mitova"),
        (11, "mitova"),
        (12, "mitova"),
        (14, "mitova"),
        (21, "mit"),
        (22, "mita"),
        (25, "mitova"),
        (101, "mit"),
        (111, "mitova"),
        (112, "mitova"),
        (122, "mita"),
    ],
)
def test_plural_follows_the_last_digits(count, form):
    assert plural(count, *MYTH) == form
