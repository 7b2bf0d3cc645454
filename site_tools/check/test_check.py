"""`invoke check`: each kind of bad input gets its own file:line message and a fix hint.

testdata/site/ is a small valid site; each test drops one file from testdata/bad/
into a copy of it and expects exactly one problem, at the right line. The
check is the one pipeline run every build uses, stopped before writing.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from site_tools import ROOT
from site_tools.build import CHECK, DEV_SETTINGS, PREVIEW, PROD_SETTINGS, STRICT, run_pipeline
from site_tools.check import run_check
from site_tools.check.report import counted, format_report
from site_tools.plugins import starters

TESTDATA = Path(__file__).parent / "testdata"  # site/: valid; bad/: one error each; warn/: one warning each
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=ZoneInfo("Europe/Belgrade"))

# (file in testdata/bad, line, part of the message)
BAD_INPUTS = {
    "missing title": ("posts/bez-naslova.md", 1, "Nedostaje naslov (Title)"),
    "bad date": ("posts/los-datum.md", 2, "Datum (Date) nije napisan u ispravnom obliku: „27.11.2026”"),
    "ambiguous Modified date": (
        "posts/los-datum-izmene.md",
        5,
        "Datum izmene (Modified) nije napisan u ispravnom obliku: „05.11.2026”",
    ),
    "duplicate slug": ("posts/isti-slug.md", 5, "„prvi-post” je već zauzeta: ima je i content/posts/prvi-post.md"),
    "unknown category": ("posts/nepoznata-kategorija.md", 3, "Nepoznata kategorija „Marketing”"),
    "broken {filename} link": ("posts/los-link.md", 9, "fajl „/posts/prvi-pots.md” koji ne postoji"),
    "missing image": ("posts/nema-slike.md", 11, "Slika „/images/rokovi.svg” ne postoji"),
    "image without alt text": ("posts/slika-bez-opisa.md", 11, "Slika „slika.svg” nema opis (alt tekst)"),
    "non-UTF-8 file": ("posts/nije-utf8.md", 10, "nije sačuvan kao UTF-8"),
    "empty file": ("posts/prazan.md", 1, "Fajl je prazan"),
    "missing summary": ("posts/bez-sazetka.md", 1, "Nedostaje sažetak (Summary)"),
    "summary too long": ("posts/dug-sazetak.md", 6, "Sažetak (Summary) ima 182 znaka, a najviše sme 160"),
    "bad status": ("posts/los-status.md", 7, "Nepoznat status „gotovo”"),
    "broken absolute site path": (
        "posts/los-apsolutni-link.md",
        11,
        "Link „/usluge-i-cene/” ne vodi ni na jednu stranicu",
    ),
    "tag with a bad character": ("posts/losa-oznaka.md", 4, "Oznaka „#saradnja” ima znak „#”"),
    "link to a missing heading": (
        "posts/los-deo-stranice.md",
        9,
        "deo „#koliko-kosta-sat”, a u content/faq/pitanja.md nema",
    ),
    "link to a draft": (
        "posts/link-na-nacrt.md",
        9,
        "vodi na content/posts/nacrt.md, a taj tekst još nije objavljen (nacrt",
    ),
    "slug with capitals and spaces": (
        "posts/los-slug.md",
        5,
        "Adresa (Slug) „Moj Novi Post” sme da ima samo mala slova",
    ),
    "image from another site": ("posts/tudja-slika.md", 9, "Slika se učitava sa drugog sajta"),
    "field written twice": ("posts/dupli-naslov.md", 8, "naslov (Title) je navedeno dva puta"),
    "slug taken by a site section": ("posts/zauzeta-adresa.md", 5, "Adresa „/arhiva/” pripada samom sajtu"),
    "Markdown link without {filename}": (
        "posts/link-bez-filename.md",
        9,
        "Link „prvi-post.md” vodi na Markdown fajl bez {filename}",
    ),
    "share image without Image_alt": ("posts/slika-za-deljenje-bez-opisa.md", 8, "Uz Image napišite i Image_alt"),
    "unknown FAQ kind": ("faq/nepoznata-vrsta.md", 4, "Nepoznata vrsta stranice sa pitanjima: „saveti”"),
    "FAQ without questions": ("faq/bez-pitanja.md", 6, "Stranica sa pitanjima nema nijedno pitanje"),
    # The holes a second reading of the Markdown left open (issue "One pipeline").
    "header line indented with a tab": ("posts/uvucen-status.md", 5, "Red „Status: draft” je uvučen"),
    "a tab-indented field under Tags": ("posts/uvucena-adresa.md", 5, "Red „Slug: uvucena-adresa” je uvučen"),
    # A header that ends too early: the fields below it would be text and not apply (a draft published).
    "Status without its colon": ("posts/status-bez-dvotacke.md", 5, "Posle imena polja „Status” nedostaje dvotačka"),
    "Status after a blank line": (
        "posts/status-posle-praznog-reda.md",
        6,
        "Polje Status je u tekstu, a ne u zaglavlju: zaglavlje se završilo praznim redom 5",
    ),
    "Category without its colon, fields below it": (
        "posts/kategorija-bez-dvotacke.md",
        3,
        "Posle imena polja „Category” nedostaje dvotačka",
    ),
    "Tags as a YAML list": (
        "posts/oznake-kao-spisak.md",
        7,
        "Polje Summary je u tekstu, a ne u zaglavlju: zaglavlje se završilo u redu 5 („- saradnja”)",
    ),
    "a field named in Serbian": ("posts/srpsko-ime-polja.md", 3, "Sajt ne poznaje polje „Kategorija”"),
    "a field named in Serbian, with diacritics": ("posts/sazetak-na-srpskom.md", 4, "Sajt ne poznaje polje „Sažetak”"),
    # A mistyped field name does not apply: „Stauts: draft” would publish a draft.
    "Status mistyped": (
        "posts/pogresno-ime-statusa.md",
        5,
        "Sajt ne poznaje polje „Stauts” (verovatno ste mislili na polje „Status”)",
    ),
    "Title mistyped": (
        "posts/pogresno-ime-naslova.md",
        1,
        "Sajt ne poznaje polje „Tilte” (verovatno ste mislili na polje „Title”)",
    ),
    # Without a Slug Pelican makes the address from the title: a title it did not read is the mistake to name.
    "Title mistyped, no Slug": (
        "posts/pogresno-ime-naslova-bez-adrese.md",
        1,
        "Sajt ne poznaje polje „Tilte” (verovatno ste mislili na polje „Title”)",
    ),
    "Title without its colon on the first line": (
        "posts/naslov-bez-dvotacke.md",
        1,
        "Posle imena polja „Title” nedostaje dvotačka",
    ),
    "a blank first line": ("posts/prazan-prvi-red.md", 2, "zaglavlje se završilo praznim redom 1"),
    "Category mistyped": ("posts/pogresno-ime-kategorije.md", 3, "Sajt ne poznaje polje „Categroy”"),
    "Date mistyped": ("posts/pogresno-ime-datuma.md", 2, "Sajt ne poznaje polje „Dtae”"),
    "Title named in Serbian": ("posts/naslov-na-srpskom.md", 1, "Sajt ne poznaje polje „Naslov”"),
    "an empty Status": ("posts/prazan-status.md", 5, "Polje status (Status) je prazno"),
    "an empty Title": ("posts/prazan-naslov.md", 1, "Polje naslov (Title) je prazno"),
    "an empty Date": ("posts/prazan-datum.md", 2, "Polje datum (Date) je prazno"),
    # Links that pass in the preview but go nowhere on the site.
    "a web address without https://": ("posts/link-bez-https.md", 6, "Link „www.primer.rs” nema https:// na početku"),
    "a mistyped https": ("posts/los-protokol.md", 6, "Link „htps://primer.rs/cene/” počinje sa „htps:”"),
    "an image on the author's own computer": (
        "posts/slika-sa-racunara.md",
        11,
        "Slika „C:\\Users\\Ana\\Desktop\\radni-sto.jpg” vodi na fajl na vašem računaru",
    ),
    "a missing image written from the site's root": (
        "posts/slika-od-korena.md",
        11,
        "Slika „/images/nema-je.png” ne postoji",
    ),
    "a link copied from the preview": (
        "posts/link-na-pregled.md",
        11,
        "Link „http://127.0.0.1:8000/prvi-post/#prvi-deo” vodi na pregled na vašem računaru",
    ),
    "a missing file to download": ("posts/nema-pdf.md", 6, "Link vodi na fajl „/images/cenovnik.pdf” koji ne postoji"),
    "an e-mail address without mailto:": (
        "posts/email-bez-mailto.md",
        6,
        "Link „ana@primer.rs” je adresa e-pošte bez mailto:",
    ),
    "a date that does not exist": ("posts/nepostojeci-datum.md", 2, "datum koji ne postoji: „2026-02-30 10:00”"),
    "an empty Category": ("posts/prazna-kategorija.md", 3, "Polje kategorija (Category) je prazno"),
    "an unclosed <div>": ("posts/nezatvoren-div.md", 8, "Element <div> nije zatvoren"),
    "a </div> with nothing open": ("posts/visak-zatvaranja.md", 8, "</div> zatvara element koji nije otvoren"),
    "a heading with one # in a post": ("posts/dva-glavna-naslova.md", 8, "Podnaslov „Drugi deo” počinje jednim #"),
    "a heading typed after a space (pasted text)": (
        "posts/podnaslov-iza-razmaka.md",
        8,
        "Red počinje razmakom ispred „##”, pa nije podnaslov nego običan tekst",
    ),
    "a question with one # on an FAQ page": (
        "faq/pitanje-sa-jednim-tarabom.md",
        10,
        "Podnaslov „Drugo pitanje?” počinje jednim #",
    ),
    "{statc} for {static}": ("posts/los-indikator.md", 8, "počinje oznakom „{statc}”, koju sajt ne poznaje"),
    "link to #sadrzaj when the heading is sadrzaj-1": (
        "posts/link-na-sadrzaj.md",
        6,
        "deo „#sadrzaj”, a u ovom fajlu nema",
    ),
    "title without letters": ("posts/naslov-bez-slova.md", 1, "Od naslova ne može da se napravi adresa"),
    "title too long for an address": ("posts/predug-naslov.md", 1, "Adresa ovog teksta je predugačka (224 znaka"),
    "javascript: link": ("posts/javascript-link.md", 6, "Link „javascript:alert(1)” ne vodi na stranicu"),
    "data: link": ("posts/data-link.md", 6, "Link „data:text/html,x” ne vodi na stranicu"),
    "iframe from another site": (
        "posts/tudji-iframe.md",
        8,
        "Sadržaj se učitava sa drugog sajta („https://www.youtube.com",
    ),
    "script from another site": (
        "posts/tudja-skripta.md",
        8,
        "Sadržaj se učitava sa drugog sajta („https://cdn.example.com/x.js”)",
    ),
    "srcset from another site": (
        "posts/tudji-srcset.md",
        8,
        "Slika se učitava sa drugog sajta („https://cdn.example.com/a.png”)",
    ),
    "CSS in a style attribute (a url() from another site too)": (
        "posts/tudja-pozadina.md",
        8,
        "U tekstu je stil napisan direktno u HTML-u („style”)",
    ),
    "an inline event handler": (
        "posts/klik.md",
        6,
        "U tekstu je kod (JavaScript) napisan direktno u HTML-u („onclick”)",
    ),
    "a text Notepad saved as .md.txt": (
        "posts/sacuvan-kao-txt.md.txt",
        1,
        "Fajl „sacuvan-kao-txt.md.txt” ima nastavak „.txt” iza „.md”",
    ),
    "an HTML file among the posts": ("posts/html-post.html", 1, "ne koristi fajlove tipa „.html”"),
    "an iPhone photo (HEIC)": ("images/IMG_1234.HEIC", 1, "ne koristi fajlove tipa „.heic”"),
    "a photo cut off while copied": ("images/prekinuta.jpg", 1, "Slika je nedovršena: fajl je prekinut"),
    "a post saved among the images": (
        "images/tekst-medju-slikama.md",
        1,
        "ne koristi fajlove tipa „.md” na ovom mestu",
    ),
    "an image claiming 30000×30000 pixels": ("images/ogromna.png", 1, "Slika je prevelika"),
    "a broken image": ("images/ostecena.png", 1, "Slika ne može da se otvori"),
}


@pytest.fixture
def content(tmp_path):
    """A copy of the valid test site as <tmp>/content."""
    content = tmp_path / "content"
    shutil.copytree(TESTDATA / "site", content)
    return content


def add_to_first_post(content: Path, text: str) -> None:
    """`text` at the end of the valid site's first post (its body ends at line 20)."""
    post = content / "posts/prvi-post.md"
    post.write_text(post.read_text(encoding="utf-8") + text, encoding="utf-8")


def problems_in(content: Path, name: str, text: str) -> list:
    """The check's problems in content/posts/<name>, a file written as `text` into the valid site."""
    (content / "posts" / name).write_text(text, encoding="utf-8")
    return [p for p in run_check(content, NOW).problems if p.path == f"content/posts/{name}"]


def test_the_valid_test_site_has_no_problems(content):
    result = run_check(content, NOW)
    assert result.problems == []
    assert result.files == 6
    assert not result.written


def test_the_real_content_has_no_errors():
    result = run_check()
    assert result.errors == [], format_report(result)
    assert result.files >= 15


@pytest.mark.parametrize("bad_file, line, message", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_gets_its_own_file_and_line_message(content, bad_file, line, message):
    shutil.copy(TESTDATA / "bad" / bad_file, content / bad_file)
    problems = run_check(content, NOW).problems
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert (problem.path, problem.line) == (f"content/{bad_file}", line)
    assert message in problem.message
    assert problem.is_error and len(problem.hint) > 20
    lined = bad_file.endswith(".md")  # an image, or a file the site does not read, has no lines to name
    assert str(problem).startswith(f"content/{bad_file}:{line}: " if lined else f"content/{bad_file}: ")
    assert "\n    Kako da popravite: " in str(problem)


def test_all_problems_are_reported_together_in_file_and_line_order(content):
    for bad_file, _line, _message in BAD_INPUTS.values():
        shutil.copy(TESTDATA / "bad" / bad_file, content / bad_file)
    result = run_check(content, NOW)
    found = {(problem.path, problem.line) for problem in result.problems}
    assert found == {(f"content/{bad_file}", line) for bad_file, line, _message in BAD_INPUTS.values()}
    assert result.problems == sorted(result.problems)
    count, files = (
        len(BAD_INPUTS),
        counted(
            6 + sum(not bad.startswith("images/") for bad, _l, _m in BAD_INPUTS.values()), "fajl", "fajla", "fajlova"
        ),
    )  # what is in images/ is not counted
    problems, in_files = counted(count, "problem", "problema", "problema"), counted(count, "fajlu", "fajla", "fajlova")
    assert format_report(result).endswith(f"našla {problems} u {in_files} (pregledano: {files}).")


def test_a_link_copied_from_the_preview_is_given_the_link_to_write_instead(content):
    shutil.copy(TESTDATA / "bad/posts/link-na-pregled.md", content / "posts")
    (problem,) = run_check(content, NOW).problems
    assert "[tekst]({filename}/posts/prvi-post.md#prvi-deo)" in problem.hint


def test_a_full_link_to_the_sites_own_address_is_checked_where_it_is_written(content, tmp_path):
    """Publishing knows the site's address: a broken https://<site>/… link is the check's, at its line,
    not the built site's link check's, at a line of minified HTML."""
    post = (TESTDATA / "bad/posts/los-apsolutni-link.md").read_text(encoding="utf-8")
    (content / "posts" / "svoj-sajt.md").write_text(
        post.replace("Slug: los-apsolutni-link", "Slug: svoj-sajt").replace(
            "(/usluge-i-cene/)", "(https://primer.rs/usluge-i-cene/) i [kontakt](https://primer.rs/kontakt/)"
        ),
        encoding="utf-8",
    )
    result = run_pipeline(
        STRICT, output=tmp_path / "out", extra_settings={"PATH": str(content), "SITEURL": "https://primer.rs"}
    )
    (problem,) = result.problems
    assert (problem.path, problem.line) == ("content/posts/svoj-sajt.md", 11)
    assert "Link „https://primer.rs/usluge-i-cene/” ne vodi ni na jednu stranicu ovog sajta" in problem.message


def test_a_part_of_a_page_is_suggested_as_the_whole_link_to_copy(content):
    """A question's heading ends in „?”, its address does not: „#kako-pocinjemo?” gets the link to write."""
    add_to_first_post(content, "\nVidi [odgovor]({filename}/faq/pitanja.md#kako-pocinjemo?).\n")
    (problem,) = run_check(content, NOW).problems
    assert problem.hint.endswith("Možda ste mislili: „{filename}/faq/pitanja.md#kako-pocinjemo”.")


def test_a_title_level_heading_typed_after_a_space_is_told_to_become_a_subheading(content):
    (content / "posts/razmak.md").write_text(
        "Title: Razmak\nDate: 2026-04-01 09:00\nCategory: Osnove\nSummary: Kratko.\n\nUvod.\n\n # Drugi deo\n",
        encoding="utf-8",
    )
    (problem,) = run_check(content, NOW).problems
    assert (problem.line, problem.message) == (
        8,
        "Red počinje razmakom ispred „#”, pa nije podnaslov nego običan tekst (na stranici se vidi i znak #).",
    )
    assert problem.hint.startswith("Obrišite razmak na početku reda, tako da red počinje sa „## ” (jedan #")


def test_a_photo_a_browser_cannot_show_is_told_to_be_saved_as_jpeg(content):
    shutil.copy(TESTDATA / "bad/images/IMG_1234.HEIC", content / "images")
    (problem,) = run_check(content, NOW).problems
    assert "Sačuvajte fotografiju kao JPEG (.jpg)" in problem.hint and "Markdown" not in problem.hint
    assert problem.hint.endswith("u tekstu napišite novo ime: {static}/images/IMG_1234.jpg")
    assert problem.is_error and "dok je ovaj fajl ovde, sajt ne može da se objavi" in problem.message


def test_an_image_without_alt_is_found_at_its_own_line_when_the_file_is_shown_twice(content):
    post = (content / "posts/prvi-post.md").read_text(encoding="utf-8")
    (content / "posts/prvi-post.md").write_text(
        post
        + '\nIsta slika, bez opisa:\n\n![]({static}/images/slika.svg)\n\nI u HTML-u: <img src="{static}/images/slika.svg">\n',
        encoding="utf-8",
    )
    markdown, html = run_check(content, NOW).problems
    lines = (content / "posts/prvi-post.md").read_text(encoding="utf-8").splitlines()
    assert lines[markdown.line - 1] == "![]({static}/images/slika.svg)"
    assert markdown.hint.startswith("U uglaste zagrade napišite šta se vidi na slici")
    assert lines[html.line - 1].startswith("I u HTML-u") and html.message == "Slika „slika.svg” nema opis (alt tekst)."
    assert (
        html.hint
        == 'Dodajte opis slike u atribut alt, na primer: <img src="{static}/images/slika.svg" alt="Šta se vidi na slici">'
    )


def test_a_photo_among_the_texts_is_told_to_move_to_the_images(content):
    shutil.copy(TESTDATA / "bad/images/IMG_1234.HEIC", content / "posts/radni sto.png")
    (problem,) = run_check(content, NOW).problems
    assert (problem.path, problem.message) == (
        "content/posts/radni sto.png",
        "Sajt ne koristi fajlove tipa „.png” na ovom mestu; dok je ovaj fajl ovde, sajt ne može da se objavi.",
    )
    assert (
        problem.hint == "Sliku premestite u content/images/, a u tekstu napišite putanju: {static}/images/radni sto.png"
    )


def test_a_faq_page_of_kind_mitovi_is_judged_as_myths(content):
    """Kind: mitovi is Kind: myths: a myth with no fact under it is the myths page's own error."""
    (content / "faq/mitovi.md").write_text(
        "Title: Mitovi\nSlug: mitovi\nSummary: Kratko.\nKind: Mitovi\n\n## VA je skup\n\n"
        "## VA radi samo sa firmama\n\nRadim i sa preduzetnicima.\n",
        encoding="utf-8",
    )
    problems = [p for p in run_check(content, NOW).problems if p.path == "content/faq/mitovi.md"]
    assert [(p.line, p.message) for p in problems] == [(6, "Ispod mita „VA je skup” nema činjenice.")]


@pytest.mark.parametrize("status", ["published", "draft"])
def test_a_question_on_two_faq_pages_is_a_warning_unless_one_is_a_draft(content, status):
    """A draft is often a copy of a page being reworked: its questions are the page's."""
    page = (content / "faq/pitanja.md").read_text(encoding="utf-8")
    (content / "faq/vise-pitanja.md").write_text(
        page.replace("Slug: pitanja", f"Slug: vise-pitanja\nStatus: {status}"), encoding="utf-8"
    )
    problems = run_check(content, NOW).problems
    if status == "draft":
        assert problems == []
        return
    assert [(p.path, p.line, p.is_error) for p in problems] == [
        ("content/faq/vise-pitanja.md", 10, False),  # a line lower than on pitanja.md: the Status line
        ("content/faq/vise-pitanja.md", 14, False),
    ]
    assert problems[0].message == "Pitanje „Kako počinjemo?” postoji i na stranici content/faq/pitanja.md (red 9)."


def test_the_check_knows_the_published_address_before_publishing(content, tmp_path):
    """`make check` said „sve je u redu” and the publish then stopped on a full link to the site itself."""
    add_to_first_post(
        content,
        "\nVidi [pitanja](https://primer.rs/faq/pitanja/#kako-pocinjemo) i [ovo](https://primer.rs/faq/nema/).\n",
    )
    extra = {"PATH": str(content), "BUILD_NOW": NOW.isoformat(), "PUBLISHED_SITEURL": "https://primer.rs"}
    (problem,) = run_pipeline(CHECK, DEV_SETTINGS, tmp_path / "out", extra).problems
    assert (problem.line, problem.is_error) == (22, True)
    assert "Link „https://primer.rs/faq/nema/” ne vodi ni na jednu stranicu ovog sajta" in problem.message


@pytest.mark.parametrize("mode, settings", [(CHECK, DEV_SETTINGS), (STRICT, PROD_SETTINGS)])
def test_links_to_the_published_sites_feeds_pass_in_the_preview_too(content, tmp_path, mode, settings):
    """The preview writes no feeds; a link to one is still good, a category's too (its slug from Pelican)."""
    add_to_first_post(
        content,
        "\nPratite [sve tekstove](/feeds/sve.atom.xml) ili [samo saradnju](/feeds/kategorija-saradnja.rss.xml)."
        + "\nA [nepostojeću kategoriju](/feeds/kategorija-nema.rss.xml) ne.\n",
    )
    result = run_pipeline(mode, settings, tmp_path / "out", {"PATH": str(content), "BUILD_NOW": NOW.isoformat()})
    (problem,) = result.problems
    assert "Link „/feeds/kategorija-nema.rss.xml” ne vodi ni na jednu stranicu" in problem.message


def test_a_link_to_a_later_page_of_a_list_is_a_warning_saying_why(content):
    """Which posts are on /strana/2/ changes with every new one: not surely wrong, never a good link."""
    add_to_first_post(content, "\nStariji tekstovi: [ovde](/kategorija/saradnja/strana/2/).\n")
    add_to_first_post(content, "A [ovde](/kategorija/nema-je/strana/2/) ne.\n")
    later, missing = run_check(content, NOW).problems
    assert (later.line, later.is_error) == (22, False)
    assert "jednu od strana spiska tekstova" in later.message and "{filename}" in later.hint
    assert (missing.line, missing.is_error) == (23, True), "a list the site does not have"
    assert "ne vodi ni na jednu stranicu ovog sajta" in missing.message


def test_errors_in_a_draft_or_a_scheduled_post_do_not_stop_a_publish_but_are_said(content, tmp_path):
    """Drafts and posts scheduled for later are not on the site; a half-written one must not hold back
    an urgent fix elsewhere. Said as warnings, in every mode, with why they wait."""
    broken = (TESTDATA / "bad/posts/nema-slike.md").read_text(encoding="utf-8")
    draft = broken.replace("Status: published", "Status: draft").replace("Slug: nema-slike", "Slug: nacrt-bez-slike")
    (content / "posts" / "nacrt-bez-slike.md").write_text(draft, encoding="utf-8")
    later = (datetime.now(ZoneInfo("Europe/Belgrade")) + timedelta(days=30)).strftime("%Y-%m-%d 10:00")
    scheduled = re.sub(r"^Date: .*$", f"Date: {later}", broken, flags=re.M).replace("Slug: nema-slike", "Slug: kasnije")
    (content / "posts" / "zakazan-bez-slike.md").write_text(scheduled, encoding="utf-8")
    bad_date = (TESTDATA / "bad/posts/los-datum.md").read_text(encoding="utf-8")
    bad_date = bad_date.replace("Status: published", "Status: draft").replace("27.11.2026", "juče")
    (content / "posts" / "nacrt-los-datum.md").write_text(bad_date, encoding="utf-8")
    result = run_pipeline(STRICT, "publishconf.py", tmp_path / "out", {"PATH": str(content)})
    assert result.written and result.ok, result.problems
    assert "content/posts/nacrt-los-datum.md" not in {d.source for d in result.documents}, "one Pelican cannot read"
    said = {problem.path: problem for problem in result.problems}
    assert set(said) == {
        f"content/posts/{name}.md" for name in ("nacrt-bez-slike", "zakazan-bez-slike", "nacrt-los-datum")
    }
    assert not any(problem.is_error for problem in result.problems)
    assert said["content/posts/nacrt-bez-slike.md"].message.endswith(
        "Ovo je nacrt, pa ne ide na sajt i ova greška ne zaustavlja objavljivanje."
    )
    assert said["content/posts/nacrt-los-datum.md"].message.endswith(
        "Ovo je nacrt, pa ne ide na sajt i ova greška ne zaustavlja objavljivanje."
    )
    assert "Tekst je zakazan za " in said["content/posts/zakazan-bez-slike.md"].message
    assert said["content/posts/nacrt-bez-slike.md"].hint.startswith("Stavite sliku u content/images/"), "hint as it was"
    assert not (tmp_path / "out" / "nacrti").exists() and not (tmp_path / "out" / "kasnije").exists()
    assert run_check(content).ok, "the check and the preview say the same"

    shutil.copy(TESTDATA / "bad/posts/nema-slike.md", content / "posts")  # the same error, published
    result = run_pipeline(STRICT, "publishconf.py", tmp_path / "out2", {"PATH": str(content)})
    assert not result.written and [p.path for p in result.errors] == ["content/posts/nema-slike.md"]


def test_an_editors_backup_copies_are_left_alone_like_pelican_leaves_them(content, tmp_path):
    for name in ("prvi-post.md~", "prvi-post.md.bak", "~$prvi-post.md"):
        shutil.copy(content / "posts/prvi-post.md", content / "posts" / name)
    result = run_pipeline(STRICT, "publishconf.py", tmp_path / "out", {"PATH": str(content)})
    assert result.written and result.problems == []
    assert sum(d.source.startswith("content/posts/prvi-post") for d in result.documents) == 1


def test_a_draft_that_wants_a_live_posts_address_does_not_take_it(content, tmp_path):
    """The older draft would claim the address first; the live post keeps it, and the draft is told."""
    draft = (content / "posts/drugi-post.md").read_text(encoding="utf-8")
    draft = re.sub(r"^Date: .*$", "Date: 2020-01-01 09:00\nStatus: draft", draft, count=1, flags=re.M)
    (content / "posts/stari-nacrt.md").write_text(draft, encoding="utf-8")
    result = run_pipeline(STRICT, "publishconf.py", tmp_path / "out", {"PATH": str(content)})
    assert result.written and result.ok, result.problems
    (problem,) = result.problems
    assert (
        problem.path == "content/posts/stari-nacrt.md"
        and "je već zauzeta: ima je i content/posts/drugi-post.md" in problem.message
    )
    assert (tmp_path / "out/drugi-post-navodnici-i-dj/index.html").is_file()


def test_a_text_pelican_cannot_read_gets_its_other_header_mistakes_said_at_once(content):
    """Pelican stops at the date; the author should not need a round trip per mistake."""
    (content / "posts/vise.md").write_text(
        "Title: Više grešaka\nDate: 31.11.2026\nKategorija: Osnove\nSummary: Kratak sažetak.\nStatus published\n\nTekst.\n",
        encoding="utf-8",
    )
    said = {(p.line, p.message.split(":")[0]) for p in run_check(content, NOW).problems}
    assert said == {
        (2, "Datum (Date) nije napisan u ispravnom obliku"),
        (3, "Sajt ne poznaje polje „Kategorija”"),
        (
            5,
            "Posle imena polja „Status” nedostaje dvotačka, pa se ovaj red i sve ispod njega prikazuju kao tekst, a ne čitaju kao zaglavlje.",
        ),
    }


def test_a_field_the_site_does_not_read_is_a_warning_naming_the_fields_it_reads(content):
    shutil.copy(TESTDATA / "warn/posts/nepoznato-polje.md", content / "posts")
    (problem,) = run_check(content, NOW).problems
    assert (problem.path, problem.line, problem.is_error) == ("content/posts/nepoznato-polje.md", 5, False)
    assert "Sajt ne poznaje polje „Boja”" in problem.message and "Title, Date, Modified" in problem.hint


@pytest.mark.parametrize(
    "bad_file, line, message",
    [
        ("posts/daleka-godina.md", 2, "Datum teksta je u 2062. godini („2062-05-01 09:00”)"),
        # the site's index does not know every file a build writes: the publish's link check decides
        ("posts/relativan-link.md", 6, "Link „kontakt/” verovatno ne vodi ni na jednu stranicu"),
        ("posts/oznake-bez-zareza.md", 4, "Oznaka „saradnja alati poverenje” je jedna oznaka od 3 reči"),
        ("posts/ista-oznaka.md", 4, "Oznaka „saradnja” je ista kao „Saradnja”"),
        ("posts/slika-bez-static.md", 6, "Slika „/images/slika.svg” je navedena bez {static}"),
        ("posts/natpis-u-recenici.md", 6, "Natpis „Tri polja” se ne vidi na stranici: slika nije sama u svom pasusu"),
    ],
)
def test_what_is_likely_but_not_surely_a_mistake_is_a_warning(content, bad_file, line, message):
    shutil.copy(TESTDATA / "warn" / bad_file, content / bad_file)
    (problem,) = run_check(content, NOW).problems
    assert (problem.path, problem.line, problem.is_error) == (f"content/{bad_file}", line, False)
    assert message in problem.message


def test_a_field_name_is_guessed_only_as_a_field_the_header_lacks(content):
    (content / "posts/polja.md").write_text(
        "Title: Naslov\nDate: 2026-05-01 09:00\nSubtitle: Kratak podnaslov\nUpdated: 2026-06-01 09:00\n"
        "Category: Osnove\nSummary: Sažetak.\nRelated_posts: prvi-post\nPrivate: true\n\nTekst.\n",
        encoding="utf-8",
    )
    subtitle, updated = run_check(content, NOW).problems  # Related_posts and Private are read by plugins
    assert (subtitle.line, subtitle.is_error, "Title" in subtitle.hint) == (3, False, True)  # not „mislili Title”
    assert "„Subtitle”, pa ga ne prikazuje nigde" in subtitle.message
    assert (updated.line, updated.is_error, updated.hint) == (4, True, "Napišite: Modified: 2026-06-01 09:00")


def test_links_that_work_on_the_site_pass_in_a_draft_too(content):
    """Relative links resolve from the address the text has once published, not its draft preview's."""
    (content / "posts/linkovi.md").write_text(
        "Title: Linkovi koji rade\nDate: 2026-05-01 09:00\nCategory: Osnove\nSummary: Sažetak.\nStatus: draft\n\n"
        "Pogledajte [kontakt](../kontakt/), [pretragu](../pretraga/?q=cena), "
        "[e-poštu](mailto:ana@primer.rs), [telefon](tel:+381111234567) i [Viber](viber://chat?number=381).\n",
        encoding="utf-8",
    )
    assert [
        p for p in run_check(content, NOW).problems if "linkovi.md" in p.path and "vrh-strane" not in p.message
    ] == []


def test_hints_name_the_fix_in_the_form_to_type(content):
    for bad_file in (
        "posts/los-slug.md",
        "posts/nepoznata-kategorija.md",
        "posts/los-link.md",
        "posts/predug-naslov.md",
        "posts/pogresno-ime-statusa.md",
        "posts/prazan-naslov.md",
        "images/tekst-medju-slikama.md",
        "posts/isti-slug.md",
        "posts/slika-za-deljenje-bez-opisa.md",
        "posts/nema-pdf.md",
    ):
        shutil.copy(TESTDATA / "bad" / bad_file, content / bad_file)
    hints = {problem.path: problem.hint for problem in run_check(content, NOW).problems}
    assert hints["content/posts/pogresno-ime-statusa.md"] == "Napišite: Status: draft"
    assert hints["content/posts/prazan-naslov.md"].startswith("Upišite vrednost posle dvotačke")
    assert "Tekst premestite u content/posts/" in hints["content/images/tekst-medju-slikama.md"]
    assert "Promenite red „Slug: prvi-post” u ovom fajlu" in hints["content/posts/isti-slug.md"]
    assert hints["content/posts/nema-pdf.md"].startswith("Stavite fajl u content/images/")
    assert "Image_alt: Radni sto" in hints["content/posts/slika-za-deljenje-bez-opisa.md"]  # the plugin's own hint
    assert "Slug: moj-novi-post" in hints["content/posts/los-slug.md"]
    assert "Osnove, Saradnja, Alati, Poverenje" in hints["content/posts/nepoznata-kategorija.md"]
    assert "Možda ste mislili: „{filename}/posts/prvi-post.md”." in hints["content/posts/los-link.md"]
    assert "Slug: saradnja-saradnja" in hints["content/posts/predug-naslov.md"]


def test_code_is_not_checked_and_drafts_may_link_to_drafts(content):
    # testdata/site has links inside code blocks and spans, and a draft linking to a draft.
    assert "```" in (content / "posts/prvi-post.md").read_text(encoding="utf-8")
    assert run_check(content, NOW).problems == []


def test_a_future_post_is_scheduled_not_a_problem(content):
    post = content / "posts/prvi-post.md"
    post.write_text(post.read_text(encoding="utf-8").replace("2026-03-10 09:00", "2026-12-24 08:30"), encoding="utf-8")
    result = run_check(content, NOW)
    assert result.problems == []
    assert [(shown, date.isoformat(), url) for shown, date, url in result.scheduled] == [
        ("content/posts/prvi-post.md", "2026-12-24T08:30:00+01:00", "")  # the check writes no preview
    ]
    said = format_report(result)
    assert "content/posts/prvi-post.md je zakazan za 24. decembra 2026. u 08:30" in said and "U pregledu" not in said


def test_a_published_post_may_not_link_to_a_scheduled_one(content):
    post = content / "posts/drugi-post.md"
    post.write_text(post.read_text(encoding="utf-8").replace("2026-03-12", "2027-01-05"), encoding="utf-8")
    problems = run_check(content, NOW).problems
    assert [(p.path, p.line) for p in problems] == [("content/posts/prvi-post.md", 16)]
    assert re.search(r"zakazan za 5\. januara 2027\. u \d\d:\d\d", problems[0].message), "with its time"
    assert problems[0].hint.startswith("Privremeno uklonite link, pa ga vratite kada taj tekst izađe;")


def test_an_faq_page_may_share_a_slug_with_a_post(content):
    (content / "faq/prvi-post.md").write_text(
        "Title: Pitanja\nSlug: prvi-post\nSummary: Kratko.\n\n## Pitanje?\n\nOdgovor.\n", encoding="utf-8"
    )
    assert run_check(content, NOW).problems == [], "faq/prvi-post/ and prvi-post/ are different addresses"


def test_a_draft_may_not_take_the_address_of_a_published_post(content):
    draft = content / "posts/nacrt.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("Slug: nacrt", "Slug: prvi-post"), encoding="utf-8")
    problems = run_check(content, NOW).problems
    assert [(p.path, p.line) for p in problems] == [("content/posts/nacrt.md", 4)]
    assert "„prvi-post” je već zauzeta: ima je i content/posts/prvi-post.md" in problems[0].message


def test_addresses_are_pelicans_own_slugs(content):
    """The slug of `Kada <b>x</b>` is whatever Pelican makes of it (kada-bxb), not a second guess."""
    (content / "posts/kada.md").write_text(
        "Title: Kada <b>x</b>\nDate: 2026-04-01 09:00\nSummary: Kratko.\n\nTekst.\n", encoding="utf-8"
    )
    (content / "posts/isti.md").write_text(
        "Title: Drugi\nSlug: kada-bxb\nDate: 2026-04-02 09:00\nSummary: Kratko.\n\nTekst.\n", encoding="utf-8"
    )
    problems = run_check(content, NOW).problems
    assert [(p.path, p.message) for p in problems] == [
        ("content/posts/isti.md", "Adresa (Slug) „kada-bxb” je već zauzeta: ima je i content/posts/kada.md.")
    ]


def test_an_faq_page_lives_at_pelicans_own_slug_and_its_trail_says_so(content, tmp_path):
    """No Slug: line: the FAQ page's address, the links to it and its breadcrumbs all use Pelican's slug."""
    (content / "faq/kada.md").write_text(
        "Title: Kada <b>x</b>\nDate: 2026-04-01 09:00\nSummary: Kratko.\n\n## Pitanje?\n\nOdgovor.\n", encoding="utf-8"
    )
    (content / "posts/veza.md").write_text(
        "Title: Veza\nDate: 2026-04-02 09:00\nSummary: Kratko.\nCategory: Saradnja\n\n"
        "Pogledajte [pitanja]({filename}/faq/kada.md#pitanje).\n",
        encoding="utf-8",
    )
    output = tmp_path / "output"
    result = run_pipeline(STRICT, output=output, extra_settings={"PATH": str(content)})
    assert result.ok, result.problems
    page = (output / "faq/kada-bxb/index.html").read_text(encoding="utf-8")
    assert 'href="/faq/kada-bxb/#pitanje"' in (output / "veza/index.html").read_text(encoding="utf-8")
    trail = next(item for item in json_ld(page) if item["@type"] == "BreadcrumbList")["itemListElement"]
    assert (trail[-1]["name"], trail[-1]["item"]) == ("Kada <b>x</b>", "/faq/kada-bxb/")


def json_ld(html: str) -> list[dict]:
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_a_title_with_a_line_separator_is_read_whole(content):
    (content / "posts/razdvojen.md").write_text(
        "Title: Prvi red\u2028drugi red\nDate: 2026-04-01 09:00\nSummary: Kratko.\n\nTekst.\n", encoding="utf-8"
    )
    assert run_check(content, NOW).problems == []


def test_a_link_out_of_content_is_rejected_and_never_copied(content, tmp_path):
    secret = tmp_path / "tajna.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>tajna</text></svg>', encoding="utf-8")
    (content / "images/precica.svg").symlink_to(secret)
    problems = run_check(content, NOW).problems
    assert [(p.path, p.line) for p in problems] == [("content/images/precica.svg", 1)]
    assert "van fascikle content" in problems[0].message
    output = tmp_path / "output"
    preview = run_pipeline(PREVIEW, output=output, extra_settings={"PATH": str(content)})
    assert preview.written and not preview.ok
    assert (output / "images/slika.svg").is_file() and not (output / "images/precica.svg").exists()


def test_a_strict_build_writes_nothing_when_the_content_has_an_error(content, tmp_path):
    shutil.copy(TESTDATA / "bad/posts/tudja-skripta.md", content / "posts/tudja-skripta.md")
    result = run_pipeline(STRICT, output=tmp_path / "output", extra_settings={"PATH": str(content)})
    assert not result.written and [p.path for p in result.errors] == ["content/posts/tudja-skripta.md"]
    assert not (tmp_path / "output").exists() or not any((tmp_path / "output").rglob("*.html"))


def test_language_rules_warn_without_stopping_anything(content):
    post = content / "posts/drugi-post.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nOvo moze  da sačeka «sutra».\n", encoding="utf-8")
    result = run_check(content, NOW)
    assert result.ok and result.errors == []
    messages = [p.message for p in result.problems if p.path == "content/posts/drugi-post.md"]
    assert any("„moze” je napisana bez kvačica; verovatno ste mislili „može”" in m for m in messages), messages
    assert any("Dva razmaka" in m for m in messages) and any("navodnika «" in m for m in messages)
    assert "upozorenje: " in format_report(result) and "uz 4 upozorenja" in format_report(result)  # «…»: one each


@pytest.mark.parametrize(
    "kind, size, expected",
    [
        ("wide", (4200, 300), "4200×300 piksela"),
        ("heavy", (1500, 1400), "MB"),
    ],
)
def test_a_very_large_original_is_a_warning_and_still_published(content, tmp_path, kind, size, expected):
    """Over 5 MB or 4000 px: said once, as a warning; the photo is used on the site all the same."""
    from PIL import Image

    noise = Image.merge("RGB", [Image.effect_noise(size, 120) for _ in range(3)])  # incompressible: a big file
    noise.save(content / "images/velika.png")
    assert (kind == "heavy") == ((content / "images/velika.png").stat().st_size > 5 * 1024 * 1024)
    add_to_first_post(content, "\n![Velika fotografija]({static}/images/velika.png)\n")
    result = run_check(content, NOW)
    assert result.ok and result.errors == []
    [problem] = result.problems
    assert (problem.path, problem.line, problem.is_error) == ("content/images/velika.png", 1, False)
    assert "Originalna slika je veća nego što sajtu treba" in problem.message and expected in problem.message
    assert "4.000 piksela" in problem.hint
    output = tmp_path / "output"
    assert run_pipeline(STRICT, output=output, extra_settings={"PATH": str(content)}).written
    assert (output / "images/velika.png").is_file()
    assert "velika-480." in (output / "prvi-post/index.html").read_text(encoding="utf-8")


def test_settings_are_read_afresh_by_every_check(tmp_path):
    """A long-lived process (live reload) sees an edited pelicanconf.py at its next check."""
    project = tmp_path / "project"
    for name in ("content", "theme", "plugins", "site_tools"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pelicanconf.py", project)
    post = project / "content/posts/kategorija-marketing.md"
    post.write_text(
        "Title: Marketing\nDate: 2026-04-01 09:00\nCategory: Marketing\nSummary: Kratko.\n\nTekst.\n", encoding="utf-8"
    )
    script = (
        "from site_tools.check import run_check\n"
        "from pathlib import Path\n"
        "first = run_check()\n"
        "conf = Path('pelicanconf.py')\n"
        'conf.write_text(conf.read_text().replace(\'"Poverenje"]\', \'"Poverenje", "Marketing"]\'))\n'
        "second = run_check()\n"
        "print(len(first.errors), len(second.errors))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(project)},
    )
    assert done.stdout.split() == ["1", "0"], done.stderr


def test_a_static_link_out_of_content_is_rejected_and_never_copied(content, tmp_path):
    (tmp_path / "tajna.txt").write_text("tajna", encoding="utf-8")
    (content / "posts/izlaz.md").write_text(
        "Title: Izlaz\nDate: 2026-04-01 09:00\nSummary: Kratko.\n\n[fajl]({static}/../tajna.txt)\n", encoding="utf-8"
    )
    output = tmp_path / "output"
    result = run_pipeline(PREVIEW, output=output, extra_settings={"PATH": str(content)})
    assert [(p.path, p.line) for p in result.errors] == [("content/posts/izlaz.md", 5)]
    assert "„/../tajna.txt” koji ne postoji" in result.errors[0].message
    assert result.written and not list(tmp_path.rglob("tajna.txt"))[1:], "only the original exists"


def test_a_suggestion_is_found_by_title_and_written_as_typed(content):
    (content / "posts/po-naslovu.md").write_text(
        "Title: Po naslovu\nDate: 2026-04-01 09:00\nSummary: Kratko.\n\n"
        "Vidite [prvi post]({filename}/posts/prvi-post-o-saradnji.md).\n"
    )
    problems = run_check(content, NOW).problems
    assert [p.path for p in problems] == ["content/posts/po-naslovu.md"]
    assert problems[0].hint.endswith("Možda ste mislili: „{filename}/posts/prvi-post.md”.")


def test_the_category_hint_lists_the_categories_and_names_no_code(content):
    shutil.copy(TESTDATA / "bad/posts/nepoznata-kategorija.md", content / "posts")
    hint = run_check(content, NOW).problems[0].hint
    assert hint.startswith("Izaberite jednu od kategorija: Osnove, Saradnja, Alati, Poverenje. ")
    assert "pelicanconf" not in hint and "CATEGORIES" not in hint


def test_starter_text_may_not_be_published(tmp_path):
    from site_tools.new_content import new_faq, new_post

    content = tmp_path / "content"
    shutil.copytree(TESTDATA / "site", content)
    post, _ = new_post("Moj novi tekst", now=NOW, content_dir=content)
    faq, _ = new_faq("Nova pitanja", kind="myths", now=NOW, content_dir=content)
    assert run_check(content, NOW).problems == [], "a new draft passes as it is"
    for path in (post, faq):
        path.write_text(
            path.read_text(encoding="utf-8").replace("Status: draft", "Status: published"), encoding="utf-8"
        )
    problems = run_check(content, NOW).problems
    assert {p.path for p in problems} == {"content/posts/moj-novi-tekst.md", "content/faq/nova-pitanja.md"}
    assert all(p.message.startswith("U tekstu je ostala rečenica iz šablona") for p in problems)
    assert ("content/posts/moj-novi-tekst.md", 6) in {(p.path, p.line) for p in problems}, "the Summary line"
    # With every starter sentence replaced, the starter's own short heading is still found, as a whole line.
    text = faq.read_text(encoding="utf-8")
    for sentence in starters.PLACEHOLDERS:
        text = text.replace(sentence, "Pravi tekst.")
    faq.write_text(text.replace("## Mit napisan", "## Drugi mitovi o ceni"), encoding="utf-8")
    (left,) = [p for p in run_check(content, NOW).problems if p.path == "content/faq/nova-pitanja.md"]
    assert left.message == "U tekstu je ostala rečenica iz šablona: „## Drugi mit”"
    assert text.splitlines()[left.line - 1] == "## Drugi mit"


@pytest.mark.parametrize("bad_file", ["posts/isti-slug.md", "posts/zauzeta-adresa.md"])
def test_the_preview_leaves_out_a_post_whose_address_is_taken(content, tmp_path, bad_file):
    """Pelican refuses to write a page twice: the preview shows the rest, and the problem, instead of failing."""
    shutil.copy(TESTDATA / "bad" / bad_file, content / bad_file)
    output = tmp_path / "output"
    preview = run_pipeline(PREVIEW, output=output, extra_settings={"PATH": str(content)})
    assert preview.written, format_report(preview)
    assert [(p.path, p.message.split(" ")[0]) for p in preview.problems] == [(f"content/{bad_file}", "Adresa")]
    assert "Ispravan naslov" not in "".join(page.read_text() for page in output.rglob("*.html"))
    assert "Prvi post o saradnji" in (output / "prvi-post/index.html").read_text(encoding="utf-8")


def test_a_file_outside_the_folders_the_site_reads_is_named(content):
    """Pelican passes over content/tekst.md without a word; the author would wonder where her post went (or
    publish without it)."""
    (content / "tekst.md").write_text("Title: Van fascikle\n\nTekst.\n", encoding="utf-8")
    (content / "tekstovi").mkdir()
    (content / "tekstovi/drugi.md").write_text("Title: Drugi\n\nTekst.\n", encoding="utf-8")
    (content / "CONVENTIONS.md").write_text("Pravila (IGNORE_FILES).\n", encoding="utf-8")
    (content / "posts/.skriven.md").write_text("skriven\n", encoding="utf-8")
    (content / "beleska.txt").write_text("Beleška.\n", encoding="utf-8")
    result = run_check(content, NOW)
    assert [(p.path, p.line, p.severity) for p in result.problems] == [
        ("content/beleska.txt", 1, "warning"),
        ("content/tekst.md", 1, "error"),  # a text, most likely meant for the site: publishing waits for it
        ("content/tekstovi/drugi.md", 1, "error"),
    ]
    assert "nije ni u jednoj od fascikli content/faq/, content/images/, content/pages/, content/posts/" in (
        result.problems[1].message
    )
    assert not result.ok


def test_a_post_titled_in_cyrillic_gets_a_latin_address_that_passes(tmp_path):
    from site_tools.new_content import new_post

    content = tmp_path / "content"
    shutil.copytree(TESTDATA / "site", content)
    post, url = new_post("Ђорђе и ћирилица", now=NOW, content_dir=content)
    assert post.name == "djordje-i-cirilica.md" and url.endswith("/djordje-i-cirilica/")
    assert "Slug: djordje-i-cirilica" in post.read_text(encoding="utf-8")
    assert run_check(content, NOW).errors == []


def test_text_right_below_the_header_is_not_taken_for_a_field(content):
    """No blank line after the header: Markdown starts the body there; a sentence may begin like a field's name."""
    (content / "posts/bez-praznog-reda.md").write_text(
        "Title: Bez praznog reda\nDate: 2026-04-01 09:00\nSummary: Kratko.\n"
        "Datum sastanka biramo zajedno, a opis posla stiže e-poštom.\n\nStatus: ovo je rečenica u tekstu.\n",
        encoding="utf-8",
    )
    assert run_check(content, NOW).problems == []


def test_a_link_to_a_text_pelican_could_not_read_points_at_that_texts_own_error(content):
    """Not „a file that does not exist”: the file is there, and its missing title is the one thing to fix."""
    (content / "posts/bez-naslova.md").write_text("Date: 2026-11-20 09:00\n\nTekst bez naslova.\n", encoding="utf-8")
    add_to_first_post(
        content, "\nVidi [tekst bez naslova]({filename}/posts/bez-naslova.md)\ni [opet]({filename}bez-naslova.md).\n"
    )
    problems = [p for p in run_check(content, NOW).problems if p.path == "content/posts/prvi-post.md"]
    assert [p.line for p in problems] == [22, 23], "the site's address and one relative to the post"
    for link in problems:
        assert link.message == "Link vodi na content/posts/bez-naslova.md, a taj tekst sajt ne može da pročita."
        assert (
            link.hint
            == "Ispravite grešku koja je navedena za content/posts/bez-naslova.md; tada će i ovaj link raditi."
        )
    problems = {(p.path, p.line): p for p in run_check(content, NOW).problems}
    assert any(path == "content/posts/bez-naslova.md" for path, _line in problems)


def test_links_in_a_summary_are_checked_at_its_line_like_the_bodys(content):
    """List pages show the Summary: a broken link or image there would pass the check and stop the publish."""
    (content / "posts/sazetak-sa-linkom.md").write_text(
        "Title: Sažetak sa linkovima\nDate: 2026-05-01 09:00\nCategory: Osnove\n"
        "Summary: Vidite [prvi]({filename}/posts/prvi-post.md), [ovo]({filename}/posts/nema.md) "
        "i ![slika]({static}/images/nema.png).\n\nTekst.\n",
        encoding="utf-8",
    )
    problems = run_check(content, NOW).problems
    assert [(p.path, p.line, p.is_error) for p in problems] == [("content/posts/sazetak-sa-linkom.md", 4, True)] * 2
    assert "„/posts/nema.md” koji ne postoji" in problems[0].message + problems[1].message
    assert "Slika „/images/nema.png” ne postoji" in problems[0].message + problems[1].message
    text = "Title: Sažetak sa delom\nDate: 2026-05-01 09:00\nCategory: Osnove\nSummary: Vidite [deo](#deo).\n\n## Deo\n"
    (problem,) = problems_in(content, "sazetak-sa-delom.md", text)
    assert problem.line == 4 and "važi samo na stranici ovog teksta" in problem.message, "the home page has no #deo"


def test_a_file_linked_with_filename_or_a_text_with_static_is_told_the_indicator_to_write(content):
    add_to_first_post(content, "\n![Slika]({filename}/images/slika.svg) i [post]({static}/posts/drugi-post.md)\n")
    problems = run_check(content, NOW).problems
    by_message = {p.message: p for p in problems}
    assert len(problems) == 2, "\n".join(map(str, problems))
    image = next(p for m, p in by_message.items() if "slika" in m and "{static}" in m)
    assert not image.is_error and image.line == 22 and image.hint == "Napišite: {static}/images/slika.svg"
    text = next(p for m, p in by_message.items() if "vodi na tekst" in m)
    assert text.is_error and text.hint == "Napišite: {filename}/posts/drugi-post.md"
    assert not any("used for linking" in p.message for p in problems), "Pelican's English warning is not repeated"


@pytest.mark.parametrize("slug", ["cir", "pagefind", "share", "nacrti", "images", "theme"])
def test_a_folder_the_site_writes_is_no_posts_address(content, slug):
    """The Cyrillic edition's home at /cir/ would overwrite such a post, and the other folders are files."""
    text = f"Title: Zauzeto\nDate: 2026-05-01 09:00\nCategory: Osnove\nSummary: Kratko.\nSlug: {slug}\n\nTekst.\n"
    (problem,) = problems_in(content, "zauzeto.md", text)
    assert (problem.path, problem.line, problem.is_error) == ("content/posts/zauzeto.md", 5, True)
    assert f"Adresa „/{slug}/” pripada samom sajtu" in problem.message


@pytest.mark.parametrize(
    "slug, hint",
    [
        ("moja_adresa", "Napišite: Slug: moja-adresa"),
        ("moja-adresa-", "Napišite: Slug: moja-adresa"),
        ("/moja-adresa/", "Napišite: Slug: moja-adresa"),
        ("/posts/moja", "Napišite: Slug: posts-moja"),
    ],
)
def test_a_slug_that_is_no_address_gets_one_to_write(content, slug, hint):
    text = f"Title: Dobar naslov\nDate: 2026-05-01 09:00\nCategory: Osnove\nSummary: Kratko.\nSlug: {slug}\n\nTekst.\n"
    problems = problems_in(content, "adresa.md", text)
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert problems[0].line == 5 and f"Adresa (Slug) „{slug}” sme da ima samo" in problems[0].message
    assert problems[0].hint == hint


def test_tags_separated_by_semicolons_are_told_to_use_commas(content):
    """Pelican splits Tags at „;” when there is one, so „početak, , alati,” would be one tag."""
    (problem,) = problems_in(
        content,
        "oznake-teksta.md",
        "Title: Oznake teksta\nDate: 2026-05-01 09:00\nCategory: Osnove\nTags: saradnja; početak, , alati,\n"
        "Summary: Kratko.\n\nTekst.\n",
    )
    assert (problem.line, problem.is_error) == (4, True) and "tačkom i zarezom (;)" in problem.message
    assert problem.hint == "Oznake odvojite samo zarezima: Tags: saradnja, početak, alati"
    text = "Title: Oznake teksta\nDate: 2026-05-01 09:00\nCategory: Osnove\nTags: cene; zakon; početak\nSummary: Kratko.\n\nTekst.\n"
    assert problems_in(content, "oznake-teksta.md", text) == [], "; alone separates tags too (Pelican)"


def test_a_paragraph_pasted_with_an_indent_is_said_to_show_as_code(content):
    add_to_first_post(
        content,
        "\n    Ovaj pasus je nalepljen sa četiri razmaka.\n    I nastavlja se.\n\nObičan pasus.\n\n\tA ovaj sa tabom.\n",
    )
    problems = run_check(content, NOW).problems
    assert [(p.line, p.is_error) for p in problems] == [(22, False), (27, False)], "\n".join(map(str, problems))
    assert "prikazuje kao kod" in problems[0].message


def test_fenced_code_is_no_pasted_paragraph(content):
    add_to_first_post(content, "\n```\n    uvučen red u bloku koda\n```\n")
    assert run_check(content, NOW).problems == []


def test_a_link_with_a_space_before_its_parenthesis_is_said_to_be_no_link(content):
    add_to_first_post(content, "\nVidite [drugi post] ({filename}/posts/drugi-post.md) i `[kod] ({static}/x.png)`.\n")
    (problem,) = run_check(content, NOW).problems
    assert (problem.line, problem.is_error) == (22, True) and "između ] i ( je razmak" in problem.message
    assert problem.hint == "Obrišite razmak: [drugi post]({filename}/posts/drugi-post.md)"


def test_a_scheduled_post_may_link_only_to_what_is_live_by_its_date(content):
    """It goes live on its date: a draft it links to, or a post scheduled after it, would be a broken link."""
    scheduled = content / "posts/nacrt.md"  # links to drugi-nacrt.md, a draft
    text = scheduled.read_text(encoding="utf-8").replace("2026-03-14 09:00", "2027-01-05 09:00")
    scheduled.write_text(text.replace("Status: draft", "Status: published"), encoding="utf-8")
    (problem,) = run_check(content, NOW).problems
    assert (problem.path, problem.line, problem.is_error) == ("content/posts/nacrt.md", 8, False)
    assert (
        "a taj tekst još nije objavljen (nacrt" in problem.message and "zakazan za 5. januara 2027." in problem.message
    )
    later = content / "posts/drugi-nacrt.md"
    text = later.read_text(encoding="utf-8").replace("Status: draft", "Status: published")
    later.write_text(re.sub(r"Date: .*", "Date: 2027-02-01 09:00", text, count=1), encoding="utf-8")
    (problem,) = run_check(content, NOW).problems
    assert "zakazan za 1. februara 2027." in problem.message, "scheduled after the post that links to it"
    later.write_text(re.sub(r"Date: .*", "Date: 2026-12-20 09:00", text, count=1), encoding="utf-8")
    assert run_check(content, NOW).problems == [], "live before it"


@pytest.mark.parametrize("field, value", [("Category", "Osnove"), ("Image_alt", "Radni sto sa laptopom")])
def test_a_space_before_a_fields_colon_is_named_as_the_cause(content, field, value):
    text = f"Title: Razmak pre dvotačke\nDate: 2026-05-01 09:00\nCategory: Osnove\nSummary: Kratko.\n{field} : {value}\n\nTekst.\n"
    problem = problems_in(content, "razmak-dvotacka.md", text)[0]
    assert (problem.line, problem.is_error) == (5, True)
    assert problem.message.startswith(f"Između imena polja „{field}” i dvotačke je razmak")
    assert problem.hint == f"Napišite: {field}: {value}"


@pytest.mark.parametrize(
    "written, hint",
    [
        ("15.3.2026. 9:30", "Napišite datum u obliku godina-mesec-dan sat:minut: Date: 2026-03-15 09:30"),
        ("15. 3. 2026. u 9.30h", "Napišite datum u obliku godina-mesec-dan sat:minut: Date: 2026-03-15 09:30"),
        ("2026-3-5", "Napišite datum u obliku godina-mesec-dan: Date: 2026-03-05"),
        ("2026-12-20 09.00", "Napišite datum u obliku godina-mesec-dan sat:minut: Date: 2026-12-20 09:00"),
        ("20/12/2026 09:00", "Napišite datum u obliku godina-mesec-dan sat:minut: Date: 2026-12-20 09:00"),
        ("2026.12.20", "Napišite datum u obliku godina-mesec-dan: Date: 2026-12-20"),
        (
            "2026-11-20\u00a010:00",
            "U datumu je nevidljiv znak ili dupli razmak (često posle kopiranja); napišite: Date: 2026-11-20 10:00",
        ),
        (
            "2026-11-20  10:00",
            "U datumu je nevidljiv znak ili dupli razmak (često posle kopiranja); napišite: Date: 2026-11-20 10:00",
        ),
        ("31.2.2026.", "Napišite datum kao godina-mesec-dan sat:minut, na primer: Date: 2026-11-27 10:00"),
    ],
)
def test_a_date_in_another_form_gets_its_own_date_to_write(content, written, hint):
    problems = problems_in(
        content, "datum.md", f"Title: Datum\nDate: {written}\nCategory: Osnove\nSummary: Kratko.\n\nTekst.\n"
    )
    assert problems[0].line == 2 and "nije napisan u ispravnom obliku" in problems[0].message
    assert problems[0].hint == hint


def test_a_first_line_read_as_a_field_is_told_to_leave_a_blank_line_above(content):
    """No blank line under the header: Markdown takes „Ukratko: …” for one more field, and the line is gone."""
    (problem,) = problems_in(
        content,
        "bez-praznog-reda.md",
        "Title: Bez praznog reda\nDate: 2026-05-01 09:00\nCategory: Osnove\nSummary: Kratko.\n"
        "Ukratko: ovo je prvi red teksta, odmah ispod zaglavlja.\n\nTekst.\n",
    )
    assert (problem.line, problem.is_error) == (5, False) and "„Ukratko”" in problem.message
    assert problem.hint.startswith("Polja koja sajt čita su Title, Date")
    assert problem.hint.endswith(
        "Ako je ovo prvi red teksta, a ne polje, ostavite prazan red iznad njega (između zaglavlja i teksta)."
    )
    (short,) = problems_in(
        content,
        "bez-praznog-reda.md",
        "Title: Kratko polje\nDate: 2026-05-01 09:00\nCategory: Osnove\nSummary: Kratko.\nAutor: Ana\n\nTekst.\n",
    )
    assert "prvi red teksta" not in short.hint, "a short value is a field"


def test_an_image_path_without_static_gets_its_own_name_in_the_line_to_write(content):
    add_to_first_post(content, "\n![Sto](../images/slika.svg)\n")
    (problem,) = run_check(content, NOW).problems
    assert problem.line == 22 and "ne počinje sa {static}" in problem.message
    assert problem.hint.startswith(
        "Napišite putanju od fascikle content, sa {static} ispred: {static}/images/slika.svg"
    )


def test_a_file_two_texts_attach_is_a_warning_at_the_attach_link(content):
    """{attach} moves a file beside the text that links it; a second text's {attach} cannot move it again."""
    add_to_first_post(content, "\n[Crtež]({attach}/images/slika.svg)\n")
    post = content / "posts/drugi-post.md"
    post.write_text(post.read_text(encoding="utf-8") + "\n[Isti crtež]({attach}/images/slika.svg)\n", encoding="utf-8")
    problems = [p for p in run_check(content, NOW).problems if "{attach}" in p.message]
    assert problems, "Pelican warns (for the first text too, once the file's address is taken)"
    for problem in problems:
        assert not problem.is_error and "Fajl „images/slika.svg” je naveden sa {attach}" in problem.message
        lines = (content.parent / problem.path).read_text(encoding="utf-8").splitlines()
        assert "{attach}/images/slika.svg" in lines[problem.line - 1], problem
        assert problem.hint.startswith("Napišite {static} umesto {attach}")
