"""Each bad FAQ page yields one problem naming the file, the line and the question."""

from pathlib import Path

import pytest

from faq.checks import Source, kind_problems, page_problems
from faq.model import split_sections

TESTDATA = Path(__file__).with_name("testdata")


def problems_of(readers, name):
    page = readers.read_file(str(TESTDATA), f"bad/{name}")
    source = Source(f"content/faq/{name}", (TESTDATA / "bad" / name).read_text(encoding="utf-8"))
    kind = page.metadata.get("kind", "questions")
    return kind_problems(source, kind) + page_problems(source, split_sections(page._content)[1])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("no_questions.md", "content/faq/no_questions.md: stranica nema nijedno pitanje."),
        ("empty_answer.md", "content/faq/empty_answer.md:7, pitanje „Da li radite vikendom?”: odgovor je prazan."),
        (
            "duplicate_ids.md",
            "content/faq/duplicate_ids.md:11: pitanje „Koliko košta sat rada?” i pitanje „Koliko kosta sat rada” "
            "dobijaju isti id „koliko-kosta-sat-rada”",
        ),
        (
            "question_without_id.md",
            "content/faq/question_without_id.md:7, pitanje „?!”: od naslova ne može da se napravi id",
        ),
        ("unknown_kind.md", "content/faq/unknown_kind.md:5: vrsta stranice „Kind: myth” nije poznata"),
    ],
)
def test_each_bad_page_has_exactly_its_own_problem(readers, name, expected):
    problems = problems_of(readers, name)
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems[0]


def test_good_pages_have_no_problems(readers):
    for name in ("adversarial.md",):
        page = readers.read_file(str(TESTDATA), name)
        assert page_problems(Source(name), split_sections(page._content)[1]) == []


def test_a_question_is_named_by_number_when_its_heading_has_no_text():
    source = Source("content/faq/x.md", "Title: x\n\n##\n\nOdgovor.\n")
    assert page_problems(source, split_sections("<h2></h2><p>Odgovor.</p>")[1]) == [
        "content/faq/x.md:3, pitanje br. 1 (naslov bez teksta): od naslova ne može da se napravi id "
        "(nema slova ni brojeva)."
    ]


def test_headings_in_fenced_code_do_not_count_for_line_numbers():
    text = "Title: x\n\n```\n## nije naslov\n```\n\n## Pravo pitanje\n"
    assert Source("x.md", text).heading_lines() == [7]
