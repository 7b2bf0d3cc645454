from datetime import datetime

from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG

from headings import TocEntry, add_heading_links, anchor_headings, plain, table_of_contents

POST = (
    "<p>Uvod.</p>\n"
    '<h2 id="prvi-korak">Prvi <span class="caps">VA</span> korak</h2>\n<p>a</p>\n'
    '<h3 id="detalj">Detalj &bdquo;sa navodnicima&rdquo;</h3>\n<p>b</p>\n'
    '<h2 class="istaknuto" id="drugi">Drugi</h2>\n<p>c</p>\n'
    '<h4 id="sitno">Sitno</h4>\n'
)


def test_each_h2_and_h3_gets_a_link_with_a_serbian_name_beside_it():
    html, _ = anchor_headings(POST)
    assert html.count('class="heading-anchor"') == 3
    assert (
        '<div class="heading-anchored"><h2 id="prvi-korak">Prvi <span class="caps">VA</span> korak</h2>'
        '<a class="heading-anchor" href="#prvi-korak">'
        '<span class="visually-hidden">Link do odeljka „Prvi VA korak”</span></a></div>'
    ) in html
    assert 'href="#detalj"><span class="visually-hidden">Link do odeljka „Detalj ‚sa navodnicima’”</span>' in html
    assert '<h2 class="istaknuto" id="drugi">Drugi</h2><a class="heading-anchor" href="#drugi">' in html
    assert '<h4 id="sitno">Sitno</h4>' in html and 'href="#sitno"' not in html


def test_the_outline_lists_h2_headings_as_plain_text():
    _, outline = anchor_headings(POST)
    assert outline == [TocEntry("prvi-korak", "Prvi VA korak"), TocEntry("drugi", "Drugi")]


def test_heading_text_in_labels_is_escaped():
    html, outline = anchor_headings('<h2 id="a-b">A &lt;b&gt; &amp; c</h2>')
    assert outline == [TocEntry("a-b", "A <b> & c")]
    assert "Link do odeljka „A &lt;b&gt; &amp; c”" in html


def test_a_heading_may_not_take_an_id_the_templates_use():
    html, outline = anchor_headings('<h2 id="sadrzaj">Sadržaj</h2><p id="sadrzaj-1">x</p>')
    assert outline == [TocEntry("sadrzaj-2", "Sadržaj")]
    assert '<h2 id="sadrzaj-2">' in html and 'href="#sadrzaj-2"' in html


def test_table_of_contents_only_for_enough_headings():
    outline = [TocEntry(str(n), str(n)) for n in range(3)]
    assert table_of_contents(outline) == []
    assert table_of_contents(outline + [TocEntry("3", "3")]) == outline + [TocEntry("3", "3")]
    assert table_of_contents(outline, minimum=3) == outline


def test_plain_folds_white_space_and_no_break_spaces():
    assert plain("Pet&nbsp;koraka\n <em>do</em>  cilja") == "Pet koraka do cilja"


def make(cls, source, body):
    config = dict(DEFAULT_CONFIG, PATH="/site/content")
    metadata = {"title": "Naslov", "slug": "naslov", "date": datetime(2026, 1, 1)}
    return cls(body, metadata=metadata, settings=config, source_path=f"/site/content/{source}", context={})


def test_articles_get_links_and_a_toc():
    body = "".join(f'<h2 id="h{n}">Naslov {n}</h2><p>x</p>' for n in range(4))
    article = make(Article, "posts/a.md", body)
    add_heading_links(article)
    assert len(article.toc) == 4
    assert article._content.count('class="heading-anchor"') == 4


def test_pages_get_links_but_no_toc_and_faq_pages_are_left_alone():
    body = '<h2 id="pitanje">Pitanje?</h2><p>x</p>'
    page, faq = make(Page, "pages/o-meni.md", body), make(Page, "faq/mitovi.md", body)
    add_heading_links(page)
    add_heading_links(faq)
    assert "heading-anchor" in page._content and not hasattr(page, "toc")
    assert faq._content == body


def test_the_shared_parse_gives_the_ids_the_page_shows():
    from shared import rendered

    parsed = rendered.Rendered('<h2 id="sadrzaj">Sadržaj</h2><p id="y">a</p><h3 id="x">X</h3>')
    assert [(h.source_id, h.id) for h in parsed.headings] == [("sadrzaj", "sadrzaj-1"), ("x", "x")]
    assert parsed.ids == {"sadrzaj-1", "x", "y"}
    html, _ = anchor_headings(parsed.html, parsed)
    assert '<h2 id="sadrzaj-1">' in html and '<h3 id="x">' in html and '<p id="y">' in html
