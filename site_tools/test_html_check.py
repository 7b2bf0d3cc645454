"""The structural HTML check that `invoke publish` runs over the built site."""

from site_tools.html_check import check_html, check_site_html

PAGE = '<!DOCTYPE html><html lang="sr-Latn"><head><title>T</title></head><body>{}</body></html>'


def messages(body: str) -> list[str]:
    return [problem.message for problem in check_html(PAGE.format(body), "x.html")]


def test_a_well_formed_page_passes():
    assert messages('<main><h1 id="a">A</h1><p>tekst<br><img src="a.svg" alt="a"><svg><path d=""/></svg></main>') == []


def test_optional_end_tags_are_allowed():
    assert messages("<ul><li>jedan<li>dva</ul><p>pasus<p>drugi") == []


def test_an_unclosed_element_is_reported_with_its_line():
    problems = check_html(PAGE.format("<main>\n<div class=okvir>\n<p>tekst</p>\n</main>"), "o-meni/index.html")
    assert [str(p) for p in problems] == ["o-meni/index.html:4: <div> iz reda 2 nije zatvoren pre </main>"]


def test_a_stray_end_tag_and_a_repeated_id_are_reported():
    assert messages('<h2 id="a">A</h2></section><h2 id="a">B</h2>') == [
        "</section> zatvara element koji nije otvoren",
        'id="a" se ponavlja (prvi put u redu 1)',
    ]


def test_doctype_lang_and_title_are_required():
    assert [p.message for p in check_html("<html><body></body></html>")] == [
        "nema <!DOCTYPE html> na početku",
        "<html> nema atribut lang",
        "stranica nema <title>",
    ]


def test_every_html_file_of_a_folder_is_checked(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(PAGE.format("<div>"))
    (tmp_path / "index.html").write_text(PAGE.format(""))
    (tmp_path / "style.css").write_text("<div>")
    assert [str(p) for p in check_site_html(tmp_path)] == ["a/index.html:1: <div> iz reda 1 nije zatvoren pre </body>"]


def test_title_and_textarea_hold_text_not_tags():
    page = '<!DOCTYPE html><html lang="sr-Latn"><head><title>3 &lt;5 i a<b — VA</title></head>'
    body = "<body><textarea>a<b i <i>x</textarea><p>kraj</p></body></html>"
    assert [problem.message for problem in check_html(page + body, "x.html")] == []
    assert [p.message for p in check_html(page.replace("<title>", "<title><b>") + body, "x.html")] == []
