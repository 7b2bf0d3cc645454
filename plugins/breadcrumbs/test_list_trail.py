from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Category, Tag

from breadcrumbs import Crumb, list_trail

SETTINGS = dict(
    DEFAULT_CONFIG,
    CATEGORY_URL="kategorija/{slug}/",
    TAG_URL="oznaka/{slug}/",
    CATEGORIES_URL="kategorije/",
    TAGS_URL="oznake/",
    ARCHIVES_URL="arhiva/",
)


def test_category_page_sits_under_the_category_list():
    category = Category("Poverenje", SETTINGS)
    assert list_trail(SETTINGS, "category", category) == [
        Crumb("Početna", ""),
        Crumb("Kategorije", "kategorije/"),
        Crumb("Poverenje", "kategorija/poverenje/"),
    ]


def test_tag_page_sits_under_the_tag_list():
    tag = Tag("saradnja", SETTINGS)
    assert list_trail(SETTINGS, "tag", tag)[1:] == [Crumb("Oznake", "oznake/"), Crumb("saradnja", "oznaka/saradnja/")]


def test_lists_sit_under_home():
    assert list_trail(SETTINGS, "archives") == [Crumb("Početna", ""), Crumb("Arhiva", "arhiva/")]
    assert list_trail(SETTINGS, "tags") == [Crumb("Početna", ""), Crumb("Oznake", "oznake/")]
