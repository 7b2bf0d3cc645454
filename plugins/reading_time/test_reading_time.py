from datetime import datetime

from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG

from reading_time import add_reading_time, minutes, word_count


def test_counts_words_of_the_text_not_the_markup():
    html = '<p>Prva <a href="https://example.com/a-b-c" title="x y z">druga</a> treća&nbsp;četvrta.</p>'
    assert word_count(html) == 4


def test_counts_serbian_letters_as_word_characters():
    assert word_count("<p>Đorđe, čašća i žuć — šest?</p>") == 5


def test_minutes_round_up_and_never_show_zero():
    assert minutes(word_count("<p>kratko</p>")) == 1
    assert minutes(200) == 1 and minutes(201) == 2 and minutes(1000) == 5 and minutes(0) == 1


def test_words_per_minute_can_be_set():
    assert minutes(300, words_per_minute=100) == 3


def make(cls, body):
    config = dict(DEFAULT_CONFIG)
    metadata = {"title": "Naslov", "slug": "naslov", "date": datetime(2026, 1, 1)}
    return cls(body, metadata=metadata, settings=config, source_path="/site/content/x.md", context={})


def test_articles_get_reading_time_pages_do_not():
    article = make(Article, "<p>" + "reč " * 450 + "</p>")
    page = make(Page, "<p>tekst</p>")
    add_reading_time(article)
    add_reading_time(page)
    assert article.reading_time == 3
    assert not hasattr(page, "reading_time")


def test_the_count_does_not_depend_on_the_order_of_plugins():
    """Heading links add words („Link do odeljka …”) to the HTML; the count is of the text as written."""
    from headings import add_heading_links

    body = '<h2 id="a">Jedan dva</h2><p>' + "reč " * 10 + "</p>"
    first, second = make(Article, body), make(Article, body)
    add_reading_time(first)
    first_count = first._rendered.word_count
    add_heading_links(second)
    add_reading_time(second)
    assert "Link do odeljka" in second._content
    assert second._rendered.word_count == first_count == 12
