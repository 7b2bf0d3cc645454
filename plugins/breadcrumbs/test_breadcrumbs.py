from datetime import datetime

from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Category

from breadcrumbs import Crumb, trail


def settings(**overrides):
    config = dict(DEFAULT_CONFIG)
    config.update(ARTICLE_URL="{slug}/", PAGE_URL="{slug}/", CATEGORY_URL="kategorija/{slug}/")
    config.update(overrides)
    return config


def make(cls, source, **metadata):
    config = settings()
    if cls is Article:
        metadata["category"] = Category("Saradnja", config)
    return cls("<p>tekst</p>", metadata=metadata, settings=config, source_path=f"/site/content/{source}", context={})


def test_article_trail_goes_through_its_category():
    article = make(Article, "posts/a.md", title="Prvi post", slug="prvi-post", date=datetime(2026, 1, 1))
    article.relative_source_path = "posts/a.md"
    assert trail(article) == [
        Crumb("Početna", ""),
        Crumb("Saradnja", "kategorija/saradnja/"),
        Crumb("Prvi post", "prvi-post/"),
    ]


def test_page_trail_is_home_then_page():
    page = make(Page, "pages/o-meni.md", title="O meni", slug="o-meni")
    page.relative_source_path = "pages/o-meni.md"
    assert trail(page) == [Crumb("Početna", ""), Crumb("O meni", "o-meni/")]


def test_faq_page_trail_goes_through_the_faq_index():
    page = make(Page, "faq/mitovi.md", title="Mitovi", slug="mitovi")
    page.relative_source_path = "faq/mitovi.md"
    assert [crumb.url for crumb in trail(page)] == ["", "faq/", "mitovi/"]
