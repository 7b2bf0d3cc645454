"""Each bad FAQ page yields one problem naming the file, the line and the question."""

from pathlib import Path

import pytest

from faq.checks import heading_lines, kind_problems, page_problems, repeated_across_pages, wording_problems
from faq.model import split_sections
from shared import Source

TESTDATA = Path(__file__).with_name("testdata")


def source(tmp_path, text: str) -> Source:
    path = tmp_path / "x.md"
    path.write_text(text, encoding="utf-8")
    return Source(str(path), "content/faq/x.md")


def problems_of(readers, name, folder="bad"):
    """bad/: one error each; warn/: one warning each."""
    page = readers.read_file(str(TESTDATA), f"{folder}/{name}")
    where = Source(str(TESTDATA / folder / name), f"content/faq/{name}")
    kind = page.metadata.get("kind", "questions")
    sections = split_sections(page._content)[1]
    return kind_problems(where, kind) + page_problems(where, sections, kind) + wording_problems(where, sections, kind)


@pytest.mark.parametrize(
    ("name", "line", "expected"),
    [
        ("no_questions.md", 9, "Stranica sa pitanjima nema nijedno pitanje: vaša pitanja su napisana sa „### ”"),
        ("empty_answer.md", 7, "Odgovor na pitanje „Da li radite vikendom?” je prazan."),
        (
            "same_question_twice.md",
            11,
            "Pitanje „Koliko košta sat rada?” i pitanje „Koliko kosta sat rada” su isto pitanje",
        ),
        (
            "identical_question_twice.md",
            9,
            "Pitanje „Da li radite vikendom?” je napisano 2 puta (prvi put u redu 5).",
        ),
        ("question_without_words.md", 7, "Naslov pitanja br. 1 „?!” nema nijedno slovo ni broj"),
        ("unknown_kind.md", 5, "Nepoznata vrsta stranice sa pitanjima: „myth”."),
        ("myth_without_fact.md", 7, "Ispod mita „VA je skup” nema činjenice."),
        (
            "myth_label_typed.md",
            7,
            "Mit („Mit: VA naplaćuje i pauze”) počinje oznakom „Mit”, koju stranica dodaje sama",
        ),
        ("fact_label_typed.md", 9, "Činjenica ispod mita „VA naplaćuje i pauze” počinje oznakom „Činjenica”"),
    ],
)
def test_each_bad_page_has_exactly_its_own_problem(readers, name, line, expected):
    problems = problems_of(readers, name)
    assert len(problems) == 1, problems
    assert (problems[0].path, problems[0].line) == (f"content/faq/{name}", line)
    assert problems[0].message.startswith(expected), problems[0].message


def test_good_pages_have_no_problems(readers, tmp_path):
    page = readers.read_file(str(TESTDATA), "adversarial.md")
    sections = split_sections(page._content)[1]
    assert page_problems(source(tmp_path, ""), sections) == []
    assert wording_problems(source(tmp_path, ""), sections, "questions") == []


def test_a_question_is_named_by_number_when_its_heading_has_no_text(tmp_path):
    problems = page_problems(
        source(tmp_path, "Title: x\n\n##\n\nOdgovor.\n"), split_sections('<h2 id="_1"></h2><p>Odgovor.</p>')[1]
    )
    assert [(p.line, p.message) for p in problems] == [
        (
            3,
            "Naslov pitanja br. 1 nema nijedno slovo ni broj, pa pitanje nema smislenu adresu.",
        )
    ]


def test_a_question_written_as_raw_html_has_no_id_and_is_reported(tmp_path):
    problems = page_problems(
        source(tmp_path, "Title: x\n\n<h2>Pitanje?</h2>\n\nOdgovor.\n"),
        split_sections("<h2>Pitanje?</h2><p>Odgovor.</p>")[1],
    )
    assert [(p.line, p.message) for p in problems] == [(3, "Naslov (pitanje „Pitanje?”) nije napisan u Markdownu.")]


def test_headings_in_fenced_code_do_not_count_for_line_numbers(tmp_path):
    assert heading_lines(source(tmp_path, "Title: x\n\n```\n## nije naslov\n```\n\n## Pravo pitanje\n")) == [7]


def test_a_question_typed_after_a_space_is_not_counted_so_the_others_keep_their_lines(tmp_path):
    """Python-Markdown makes no heading of „ ## …” (the content check says so at its line): counting it
    would put every FAQ problem at the page's first line."""
    text = "Title: x\n\n## Prvo?\n\nDa.\n\n ## Drugo?\n\nNe.\n\n## Treće?\n\nMožda.\n"
    assert heading_lines(source(tmp_path, text)) == [3, 11]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "smaller_question.md",
            "„Da li mogu da platim karticom?” je manji podnaslov (###), pa je na stranici deo teksta ispod pitanja „Kako plaćam?”",
        ),
        ("bold_question.md", "„Kada se plaća račun?” je podebljan red, pa je na stranici deo teksta ispod pitanja"),
    ],
)
def test_a_question_folded_into_the_answer_above_is_a_warning_with_the_line_to_write(readers, name, expected):
    """An answer may ask a question of its own: not surely a mistake."""
    (problem,) = problems_of(readers, name, "warn")
    assert (problem.line, problem.is_error) == (11, False) and problem.message.startswith(expected)
    assert problem.hint.startswith("Ako je to novo pitanje, napišite ga kao podnaslov: „## ")


def test_a_question_asked_on_two_pages_is_a_warning_on_the_later_one_with_a_link_to_the_first(tmp_path):
    pages = []
    for name in ("cena", "saradnja"):
        path = tmp_path / f"{name}.md"
        path.write_text("Title: x\n\nUvod.\n\n## Kako počinjemo?\n\nOdgovor.\n", encoding="utf-8")
        html = '<p>Uvod.</p><h2 id="kako-pocinjemo">Kako počinjemo?</h2><p>Odgovor.</p>'
        pages.append((Source(str(path), f"content/faq/{name}.md"), split_sections(html)[1], "questions"))
    (problem,) = repeated_across_pages(pages)
    assert (problem.path, problem.line, problem.is_error) == ("content/faq/saradnja.md", 5, False)
    assert problem.message == "Pitanje „Kako počinjemo?” postoji i na stranici content/faq/cena.md (red 5)."
    assert "[odgovor]({filename}/faq/cena.md#kako-pocinjemo)" in problem.hint


def test_a_question_too_long_to_read_at_a_glance_is_a_warning(tmp_path):
    question = "Da li " + "i to " * 40 + "može?"
    where = source(tmp_path, f"Title: x\n\n## {question}\n\nMože.\n")
    sections = split_sections(f'<h2 id="x">{question}</h2><p>Može.</p>')[1]
    (problem,) = wording_problems(where, sections, "questions")
    assert not problem.is_error and problem.line == 3
    assert problem.message.startswith(f"Pitanje „{question}” ima {len(question)} znakova")
    assert "tako dugačko pitanje se teško čita" in problem.message


def test_a_myth_is_said_as_a_myth_in_its_own_grammar(tmp_path):
    """„Mit … je napisan 2 puta”, „isti mit”, „tako dugačak mit”: not the question's neuter forms."""
    myth = "VA je skup"
    text = f"Title: x\n\n## {myth}\n\nNije.\n\n## {myth}\n\nNije ni sada.\n"
    sections = split_sections(f'<h2 id="a">{myth}</h2><p>Nije.</p><h2 id="b">{myth}</h2><p>Nije ni sada.</p>')[1]
    (twice,) = page_problems(source(tmp_path, text), sections, "myths")
    assert twice.message == "Mit „VA je skup” je napisan 2 puta (prvi put u redu 3)."
    long_myth = "VA " + "radi i to " * 20 + "besplatno"
    sections = split_sections(f'<h2 id="c">{long_myth}</h2><p>Ne.</p>')[1]
    (long,) = wording_problems(source(tmp_path, f"Title: x\n\n## {long_myth}\n\nNe.\n"), sections, "myths")
    assert f"Mit „{long_myth}” ima {len(long_myth)} znakova" in long.message and "tako dugačak mit" in long.message


def test_a_fact_label_typed_in_bold_is_found_at_its_line(tmp_path):
    text = "Title: x\n\nUvod o ceni.\n\n## VA je skup\n\n**Činjenica:** plaćate samo rad.\n"
    html = '<p>Uvod o ceni.</p><h2 id="va-je-skup">VA je skup</h2><p><strong>Činjenica:</strong> plaćate samo rad.</p>'
    (problem,) = wording_problems(source(tmp_path, text), split_sections(html)[1], "myths")
    assert problem.line == 7 and problem.message.startswith("Činjenica ispod mita „VA je skup” počinje oznakom")


def test_a_myth_folded_into_the_fact_above_is_found_without_a_question_mark(tmp_path):
    """A myth is a statement: on a myths page a ### heading or an all-bold line in a fact is one too."""
    text = "Title: x\n\n## VA je skup\n\nNije.\n\n### VA radi samo noću\n\nNe.\n\n**VA ne plaća porez**\n"
    html = (
        '<h2 id="va-je-skup">VA je skup</h2><p>Nije.</p><h3>VA radi samo noću</h3><p>Ne.</p>'
        "<p><strong>VA ne plaća porez</strong></p>"
    )
    problems = wording_problems(source(tmp_path, text), split_sections(html)[1], "myths")
    assert [(p.line, p.is_error) for p in problems] == [(7, False), (11, False)]
    assert problems[0].message.startswith("„VA radi samo noću” je manji podnaslov (###), pa je na stranici deo")
    assert problems[1].hint == "Ako je to novi mit, napišite ga kao podnaslov: „## VA ne plaća porez”, bez zvezdica."
    assert wording_problems(source(tmp_path, text), split_sections(html)[1], "questions") == []
    labels = (
        '<h2 id="va-je-skup">VA je skup</h2><p>Nije.</p><h3>Primer</h3><p>Ne.</p><p><strong>Ukratko ovako:</strong></p>'
    )
    assert wording_problems(source(tmp_path, text), split_sections(labels)[1], "myths") == [], "labels in a fact"


def test_the_myth_typed_again_above_its_fact_is_found_at_its_line(tmp_path):
    """„Mit: …” under the myth's heading: the page showed it as the start of the fact."""
    text = "Title: x\n\n## VA je skupa\n\nMit: VA je skupa.\n\nČinjenica: nije.\n"
    html = '<h2 id="va-je-skupa">VA je skupa</h2><p>Mit: VA je skupa.</p><p>Činjenica: nije.</p>'
    (problem,) = wording_problems(source(tmp_path, text), split_sections(html)[1], "myths")
    assert problem.line == 5 and problem.is_error
    assert problem.message.startswith("Činjenica ispod mita „VA je skupa” počinje oznakom „Mit”")
    limit = '<h2 id="limit">Limit je 10 sati</h2><p>Nije; dogovaramo ga.</p>'
    assert (
        wording_problems(
            source(tmp_path, "Title: x\n\n## Limit je 10 sati\n\nNije.\n"), split_sections(limit)[1], "myths"
        )
        == []
    )


def test_an_answer_that_is_a_picture_or_a_table_is_no_empty_answer(tmp_path):
    text = "Title: x\n\n## Kako izgleda plan?\n\n![Plan rada po danima]({static}/images/plan.png)\n"
    for answer in (
        '<p><img alt="Plan rada po danima" src="{static}/images/plan.png"></p>',
        "<table><tr><td></td></tr></table>",
    ):
        sections = split_sections(f'<h2 id="kako-izgleda-plan">Kako izgleda plan?</h2>{answer}')[1]
        assert page_problems(source(tmp_path, text), sections, "questions") == []
    sections = split_sections('<h2 id="kako-izgleda-plan">Kako izgleda plan?</h2><p> </p>')[1]
    (empty,) = page_problems(source(tmp_path, text), sections, "questions")
    assert empty.message == "Odgovor na pitanje „Kako izgleda plan?” je prazan."
