"""`invoke check`: each kind of bad input gets its own file:line message and a fix hint.

testdata/site/ is a small valid site; each test drops one file from testdata/bad/
into a copy of it and expects exactly one problem, at the right line.
"""

import dataclasses
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from site_tools import ROOT
from site_tools.check import check_content, load_config, run_check
from site_tools.check.report import counted, format_report

TESTDATA = Path(__file__).parent / "testdata"
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=ZoneInfo("Europe/Belgrade"))

# (file in testdata/bad, line, part of the message)
BAD_INPUTS = {
    "missing title": ("posts/bez-naslova.md", 1, "Nedostaje naslov (Title)"),
    "bad date": ("posts/los-datum.md", 2, "neispravan datum „27.11.2026”"),
    "duplicate slug": ("posts/isti-slug.md", 5, "„prvi-post” je već zauzeta: ima je i content/posts/prvi-post.md"),
    "unknown category": ("posts/nepoznata-kategorija.md", 3, "Nepoznata kategorija „Marketing”"),
    "broken {filename} link": ("posts/los-link.md", 9, "fajl „/posts/prvi-pots.md” koji ne postoji"),
    "missing image": ("posts/nema-slike.md", 11, "Slika „/images/rokovi.svg” ne postoji"),
    "image without alt text": ("posts/slika-bez-opisa.md", 11, "Slika „slika.svg” nema opis (alt tekst)"),
    "non-UTF-8 file": ("posts/nije-utf8.md", 10, "nije sačuvan kao UTF-8"),
    "empty file": ("posts/prazan.md", 1, "Fajl je prazan"),
    "missing summary": ("posts/bez-sazetka.md", 1, "Nedostaje sažetak (Summary)"),
    "summary too long": ("posts/dug-sazetak.md", 6, "Sažetak (Summary) ima 182 znakova, a najviše sme 160"),
    "bad status": ("posts/los-status.md", 7, "Nepoznat status „gotovo”"),
    "broken absolute site path": ("posts/los-apsolutni-link.md", 11, "Link „/usluge-i-cene/” ne vodi ni na jednu stranicu"),
    "tag with a bad character": ("posts/losa-oznaka.md", 4, "Oznaka „#saradnja” ima znak „#”"),
    "link to a missing heading": ("posts/los-deo-stranice.md", 9, "deo „#koliko-kosta-sat”, a u content/faq/pitanja.md nema"),
    "link to a draft": ("posts/link-na-nacrt.md", 9, "vodi na content/posts/nacrt.md, a taj tekst još nije objavljen (nacrt"),
    "slug with capitals and spaces": ("posts/los-slug.md", 5, "Adresa (Slug) „Moj Novi Post” sme da ima samo mala slova"),
    "image from another site": ("posts/tudja-slika.md", 9, "Slika se učitava sa drugog sajta"),
    "field written twice": ("posts/dupli-naslov.md", 8, "naslov (Title) je navedeno dva puta"),
    "slug taken by a site section": ("posts/zauzeta-adresa.md", 5, "Adresa „/arhiva/” pripada samom sajtu"),
    "Markdown link without {filename}": ("posts/link-bez-filename.md", 9, "Link „prvi-post.md” vodi na Markdown fajl bez {filename}"),
    "share image without Image_alt": ("posts/slika-za-deljenje-bez-opisa.md", 8, "uz Image napišite i Image_alt"),
    "unknown FAQ kind": ("faq/nepoznata-vrsta.md", 4, "Nepoznata vrsta stranice sa pitanjima: „pitanja”"),
    "FAQ without questions": ("faq/bez-pitanja.md", 6, "Stranica sa pitanjima nema nijedno pitanje"),
}


@pytest.fixture
def site(tmp_path):
    """A copy of the valid test site as <project>/content, and its check settings."""
    content = tmp_path / "content"
    shutil.copytree(TESTDATA / "site", content)
    config = dataclasses.replace(load_config(), root=tmp_path, content=content)
    return content, config


def test_the_valid_test_site_has_no_problems(site):
    content, config = site
    result = check_content(config, NOW)
    assert result.problems == []
    assert result.files == 6


def test_the_real_content_has_no_problems():
    result = run_check(ROOT)
    assert result.problems == [], format_report(result)
    assert result.files >= 15


@pytest.mark.parametrize("bad_file, line, message", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_gets_its_own_file_and_line_message(site, bad_file, line, message):
    content, config = site
    shutil.copy(TESTDATA / "bad" / bad_file, content / bad_file)
    problems = check_content(config, NOW).problems
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert (problem.path, problem.line) == (f"content/{bad_file}", line)
    assert message in problem.message
    assert len(problem.hint) > 20
    assert str(problem).startswith(f"content/{bad_file}:{line}: ")
    assert "\n    Kako da popravite: " in str(problem)


def test_at_least_twelve_kinds_of_bad_input_are_covered():
    assert len(BAD_INPUTS) >= 12
    assert len({bad_file for bad_file, _line, _message in BAD_INPUTS.values()}) == len(BAD_INPUTS)


def test_all_problems_are_reported_together_in_file_and_line_order(site):
    content, config = site
    for bad_file, _line, _message in BAD_INPUTS.values():
        shutil.copy(TESTDATA / "bad" / bad_file, content / bad_file)
    result = check_content(config, NOW)
    found = {(problem.path, problem.line) for problem in result.problems}
    assert found == {(f"content/{bad_file}", line) for bad_file, line, _message in BAD_INPUTS.values()}
    assert result.problems == sorted(result.problems)
    report = format_report(result)
    assert report.endswith(f"našla 24 problema u 24 fajla (pregledano: {counted(6 + 24, 'fajl', 'fajla', 'fajlova')}).")


def test_hints_name_the_fix(site):
    content, config = site
    for bad_file in ("posts/los-slug.md", "posts/nepoznata-kategorija.md", "posts/los-link.md"):
        shutil.copy(TESTDATA / "bad" / bad_file, content / bad_file)
    hints = {problem.path: problem.hint for problem in check_content(config, NOW).problems}
    assert "Slug: moj-novi-post" in hints["content/posts/los-slug.md"]
    assert "Osnove, Saradnja, Alati, Poverenje" in hints["content/posts/nepoznata-kategorija.md"]
    assert "Možda ste mislili: /posts/prvi-post.md?" in hints["content/posts/los-link.md"]


def test_code_is_not_checked_and_drafts_may_link_to_drafts(site):
    content, config = site
    # testdata/site has links inside code blocks and spans, and a draft linking to a draft.
    assert "```" in (content / "posts/prvi-post.md").read_text(encoding="utf-8")
    assert check_content(config, NOW).problems == []


def test_a_future_post_is_scheduled_not_a_problem(site):
    content, config = site
    post = content / "posts/prvi-post.md"
    post.write_text(post.read_text(encoding="utf-8").replace("2026-03-10 09:00", "2026-12-24 08:30"), encoding="utf-8")
    result = check_content(config, NOW)
    assert result.problems == []
    assert [(document.shown, date.isoformat()) for document, date in result.scheduled] == [
        ("content/posts/prvi-post.md", "2026-12-24T08:30:00+01:00")
    ]
    assert "content/posts/prvi-post.md je zakazan za 24. decembar 2026. u 08:30" in format_report(result)


def test_a_published_post_may_not_link_to_a_scheduled_one(site):
    content, config = site
    post = content / "posts/drugi-post.md"
    post.write_text(post.read_text(encoding="utf-8").replace("2026-03-12", "2027-01-05"), encoding="utf-8")
    problems = check_content(config, NOW).problems
    assert [(p.path, p.line) for p in problems] == [("content/posts/prvi-post.md", 16)]
    assert "zakazan za 5. januar 2027." in problems[0].message


def test_an_faq_page_may_share_a_slug_with_a_post(site):
    content, config = site
    (content / "faq/prvi-post.md").write_text(
        "Title: Pitanja\nSlug: prvi-post\nSummary: Kratko.\n\n## Pitanje?\n\nOdgovor.\n", encoding="utf-8"
    )
    assert check_content(config, NOW).problems == [], "faq/prvi-post/ and prvi-post/ are different addresses"


def test_a_draft_may_not_take_the_address_of_a_published_post(site):
    content, config = site
    draft = content / "posts/nacrt.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("Slug: nacrt", "Slug: prvi-post"), encoding="utf-8")
    problems = check_content(config, NOW).problems
    assert [(p.path, p.line) for p in problems] == [("content/posts/nacrt.md", 4)]
    assert "„prvi-post” je već zauzeta: ima je i content/posts/prvi-post.md" in problems[0].message
