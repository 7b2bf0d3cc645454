import pytest

from faq.model import kind_named, parse_faq, split_sections

HTML = (
    "<p>Uvod.</p>\n"
    '<h2 id="prvo">Prvo <span class="caps">VA</span>&nbsp;pitanje?</h2>\n'
    "<p>Odgovor &amp; još.</p>\n"
    '<div><h2 id="ugnjezdeni">Ugnježdeni naslov ostaje u odgovoru</h2></div>\n'
    '<h2 id="djak-casa-i-sesir">Đak, čaša i šešir</h2>\n<ul><li>jedan</li></ul>'
    '<h2 id="sadrzaj">Sadržaj</h2><p>Id koji tema već koristi.</p>'
)


def test_top_level_h2_starts_each_question_and_the_rest_is_its_answer():
    intro, sections = split_sections(HTML)
    assert intro == "<p>Uvod.</p>"
    assert [s.heading_html for s in sections] == [
        'Prvo <span class="caps">VA</span>&nbsp;pitanje?',
        "Đak, čaša i šešir",
        "Sadržaj",
    ]
    assert sections[0].answer_html == (
        '<p>Odgovor &amp; još.</p>\n<div><h2 id="ugnjezdeni">Ugnježdeni naslov ostaje u odgovoru</h2></div>'
    )
    assert sections[1].answer_html == "<ul><li>jedan</li></ul>"


def test_question_has_id_text_and_answer_text():
    faq = parse_faq(HTML, "myths")
    first, second, _third = faq.questions
    assert (first.id, first.text) == ("prvo", "Prvo VA pitanje?")
    assert first.html == 'Prvo <span class="caps">VA</span>&nbsp;pitanje?'
    assert first.answer_text == "Odgovor & još. Ugnježdeni naslov ostaje u odgovoru"
    assert second.id == "djak-casa-i-sesir"
    assert faq.is_myths and str(faq.intro_html) == "<p>Uvod.</p>"


def test_an_answer_that_is_a_picture_says_what_the_picture_shows():
    """Its text (the JSON-LD's answer) is the picture's alt, not nothing."""
    faq = parse_faq('<h2 id="plan">Kako izgleda plan?</h2><p><img alt="Plan rada po danima" src="/p.png"></p>')
    assert faq.questions[0].answer_text == "Plan rada po danima"


def test_a_question_id_is_the_id_the_page_shows_for_its_heading():
    """Markdown's id, with the shared parse's suffix when the theme already uses it (one rule for ids)."""
    assert [q.id for q in parse_faq(HTML).questions] == ["prvo", "djak-casa-i-sesir", "sadrzaj-1"]


def test_ids_come_from_the_markdown_reader_whatever_the_markup(rendered):
    ids = [q.id for q in parse_faq(rendered("adversarial.md")).questions]
    assert ids == [
        "da-li-navodnici-ascii-navodnici-i-apostrofi-prolaze",
        "sta-ako-neko-napise-u-pitanju",  # Markdown leaves inline code out of ids
        "emodzi-i-znakovi-i",  # ℹ️ folds to i
        "sme-li-odgovor-da-ima-listu-tabelu-i-sliku",
    ]


def test_a_page_without_intro_or_questions():
    assert split_sections("<h2>Samo pitanje</h2><p>Odgovor</p>")[0] == ""
    intro, sections = split_sections("<p>Samo uvod.</p>")
    assert (intro, sections) == ("<p>Samo uvod.</p>", [])


def test_test_data_renders_into_its_questions(rendered):
    faq = parse_faq(rendered("adversarial.md"))
    assert [q.text for q in faq.questions] == [
        "Da li „navodnici”, „ASCII navodnici” i ‚apostrofi’ prolaze?",
        "Šta ako neko napiše </script> u pitanju? 🙂",
        "Emodži 👍🏽 🇷🇸 i znakovi & ℹ️",
        "Sme li odgovor da ima listu, tabelu i sliku?",
    ]
    assert "</script><script>alert" in faq.questions[1].answer_text


@pytest.mark.parametrize(
    ("written", "kind"),
    [("myths", "myths"), ("Mitovi", "myths"), ("mit", "myths"), (" pitanja ", "questions"), ("Pitanje", "questions")]
    + [("Questions", "questions"), ("myth", "myth"), ("saveti", "saveti")],
)
def test_a_kind_may_be_named_in_serbian_and_an_unknown_one_stays_as_written(written, kind):
    assert kind_named(written) == kind
