"""Whole builds with unusual FAQ input (test data in plugins/faq/testdata/).

- Adversarial questions and answers keep the JSON-LD parseable and equal to
  the page, and the page valid HTML (Nu checker).
- Each kind of bad input stops the build with its own message naming the
  file and the question.
"""

import json
import re
import shutil
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from faq_pages import faq_jsonld, folded, html_text, shown_questions
from pages import page_file, parse, text
from quality import nu
from site_tools.build import DEV_SETTINGS, BuildError, build

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = ROOT / "plugins" / "faq" / "testdata"
ADVERSARIAL = "/faq/pitanja-koja-lome-stvari/"


def content_with(tmp_path: Path, files: dict[str, Path]) -> Path:
    """A copy of content/ with `files` added (relative path → test data file)."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for relative, source in files.items():
        shutil.copy(source, content / relative)
    return content


@pytest.fixture(scope="module")
def adversarial_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("faq-adversarial")
    content = content_with(
        work,
        {
            "faq/pitanja-koja-lome-stvari.md": TESTDATA / "adversarial.md",
            "faq/pitanja-u-pripremi.md": TESTDATA / "draft.md",
        },
    )
    build(DEV_SETTINGS, work / "output", {"PATH": str(content)}, quiet=True)
    return work / "output"


def test_adversarial_text_keeps_jsonld_parseable_and_equal_to_the_page(adversarial_site):
    html = page_file(adversarial_site, ADVERSARIAL).read_text(encoding="utf-8")
    # Each JSON-LD block is whole: no text in it could end the <script> early.
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert blocks and all(json.loads(block) for block in blocks)
    assert not re.search(r"</|<!--", "".join(blocks)), "escaped: <\\/ and \\u003c!--"
    tree = parse(page_file(adversarial_site, ADVERSARIAL))
    data = faq_jsonld(tree)
    names = [q["name"] for q in data["mainEntity"]]
    assert names == [
        "Da li „navodnici”, „ASCII navodnici” i ‚apostrofi’ prolaze?",
        "Šta ako neko napiše </script> u pitanju? 🙂",
        "Emodži 👍🏽 🇷🇸 i znakovi & ℹ️",
        "Sme li odgovor da ima listu, tabelu i sliku?",
    ]
    answers = [html_text(q["acceptedAnswer"]["text"]) for q in data["mainEntity"]]
    shown = shown_questions(tree)
    assert [folded(n) for n in names] == [q for _id, q, _a in shown]
    # Each JSON-LD answer is the answer's opening (plugins/faq/jsonld.py).
    assert all(len(j) > 10 and a.startswith(j) for j, (_id, _q, a) in zip(answers, shown, strict=True))
    assert '</script><script>alert("x")</script>' in answers[1]
    assert "\u2028" not in "".join(blocks), "a raw line separator breaks older JavaScript parsers"
    assert not LexborHTMLParser(data["mainEntity"][3]["acceptedAnswer"]["text"]).css("img, table, blockquote, code")


def test_adversarial_page_is_valid_html(adversarial_site):
    files = [page_file(adversarial_site, ADVERSARIAL), page_file(adversarial_site, "/faq/")]
    problems = nu.problems(nu.check(files, adversarial_site))
    assert not problems, "\n".join(map(str, problems))


def test_a_draft_faq_page_is_previewed_but_not_listed(adversarial_site):
    draft = parse(page_file(adversarial_site, "/nacrti/pitanja-u-pripremi/"))
    assert [text(q) for q in draft.css(".faq-question-text")] == ["Nacrt se ne vidi na spisku pitanja"]
    assert not (adversarial_site / "faq" / "pitanja-u-pripremi").exists()
    index = parse(page_file(adversarial_site, "/faq/"))
    listed = [a.attributes["href"] for a in index.css(".faq-card h2 a")]
    assert "/faq/pitanja-koja-lome-stvari/" in listed and not [href for href in listed if "pripremi" in href]


BAD_INPUTS = {
    # case: (where the test file goes in content/, line, message parts that must all appear)
    "no_questions": ("faq", 9, ["Stranica sa pitanjima nema nijedno pitanje", "napisana sa „### ”"]),
    "same_question_twice": (
        "faq",
        11,
        ["„Koliko košta sat rada?”", "„Koliko kosta sat rada”", "su isto pitanje"],
    ),
    "empty_answer": ("faq", 7, ["pitanje „Da li radite vikendom?”", "je prazan"]),
    "question_without_words": ("faq", 7, ["pitanja br. 1 „?!”", "nema nijedno slovo ni broj"]),
    "unknown_kind": ("faq", 5, ["Nepoznata vrsta stranice sa pitanjima: „myth”"]),
    "answer_links_to_missing_post": ("faq", 9, ["fajl „/posts/nepostojeci-tekst.md” koji ne postoji"]),
    "answer_links_to_missing_fragment": ("faq", 9, ["deo „#pitanje-kojeg-nema”, a u ovom fajlu nema"]),
    "post_links_to_missing_question": (
        "posts",
        8,
        ["deo „#va-radi-besplatno”, a u content/faq/mitovi-o-virtuelnim-asistentima.md nema"],
    ),
    "post_links_to_missing_faq_page": ("posts", 8, ["fajl „/faq/cene.md” koji ne postoji"]),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_stops_the_build_with_its_own_message(tmp_path, case):
    folder, line, expected = BAD_INPUTS[case]
    content = content_with(tmp_path, {f"{folder}/{case}.md": TESTDATA / "bad" / f"{case}.md"})
    with pytest.raises(BuildError) as failure:
        build(DEV_SETTINGS, tmp_path / "output", {"PATH": str(content)}, quiet=True)
    problems = failure.value.result.errors
    assert [(p.path, p.line) for p in problems] == [(f"content/{folder}/{case}.md", line)], str(failure.value)
    for part in expected:
        assert part in problems[0].message, f"{part!r} missing from:\n{failure.value}"
    assert "Traceback" not in str(failure.value)
    assert not (tmp_path / "output" / "faq").exists(), "nothing is written once a problem is found"
