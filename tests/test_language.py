"""Language rules over the site content (plugins/content_check/language.py).

The same rules warn the author in `invoke check` and every build; here the
site's own content must pass them without a single warning.
"""

from __future__ import annotations

import unicodedata

from content_check import language
from site_tools.check import run_check
from site_tools.check.report import format_report


def test_the_content_has_no_language_warnings() -> None:
    result = run_check()
    warnings = [problem for problem in result.problems if not problem.is_error]
    assert result.files >= 15
    assert not warnings, format_report(result)


# Self-tests: prove that the rules find each kind of problem.
BAD_SAMPLE = """\
Klijent je rekao «dobro» i otišao.
Navodnici »ovako« nisu naši.
Engleski “dvostruki” i ‘jednostruki’ sajt sam pretvara u naše.
Ovo moze da se uradi, cak i vec danas.
Dva  razmaka.
Read more o tome, pa Click  Here ili Share.
Home, Next, Previous, Search, Menu, Tags, Category.
Rekla je ’možda’ i poslala mejl iz foldera.
Ćirilica se krije u reči kаfa.
"""


def found_by_line(text: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for number, prose, spacing in language.prose_lines(text.splitlines()):
        found.setdefault(number, []).extend(language.messages(prose, spacing))
    return found


def test_the_rules_find_every_problem() -> None:
    found = found_by_line(BAD_SAMPLE)

    def has(line: int, fragment: str) -> bool:
        return any(fragment in message for message in found.get(line, []))

    assert has(1, "navodnika «") and has(2, "navodnika »")
    assert not found.get(3), "English quotes are made Serbian as the text is read (serbian/typed_quotes.py)"
    assert has(4, "„moze” je napisana bez kvačica; verovatno ste mislili „može”")
    assert has(4, "„cak”") and has(4, "„vec”")
    assert has(5, "Dva razmaka") and has(6, "Dva razmaka")
    for phrase in ("read more", "click here", "share"):
        assert has(6, f"„{phrase}”"), phrase
    for phrase in ("home", "next", "previous", "search", "menu", "tags", "category"):
        assert has(7, f"„{phrase}”"), phrase
    # Inner quotes open with ‚, and one word for one thing.
    assert has(8, "Unutrašnji navodnik se otvara znakom ‚")
    assert has(8, "„mejl”: na sajtu se piše „e-pošta”") and has(8, "„foldera”: na sajtu se piše „fascikla”")
    # A Cyrillic а among Latin letters.
    assert has(9, "ćirilično slovo: а")


def test_a_line_written_in_cyrillic_is_told_to_be_written_in_latin() -> None:
    (said,) = language.messages("Ово је текст написан ћирилицом, са речју Trello.")
    assert said.startswith("Ovaj red je napisan ćirilicom. Pišite latinicom")


def test_several_cyrillic_letters_and_names_are_said_as_they_are() -> None:
    (said,) = language.messages("Pвиr je ovde.")
    assert "su ćirilična slova: в и." in said
    (capital,) = language.messages("Radim u programu ClickUp.")
    assert "ima veliko slovo usred reči, pa bi je ćirilično izdanje preslovilo u „ЦлицкУп”" in capital
    (foreign,) = language.messages("Radim u programu Xero.")
    assert "ima slovo w, x, y ili q, pa u ćiriličnom izdanju ostaje latinicom" in foreign


def test_the_rules_accept_good_text() -> None:
    good = """\
Klijent je pitao: „Da li biste mogli da radite ovde?” Rekla sam ‚možda’.
Za 10–15 minuta — ili kasnije — čak i već danas. O’Brien je ime.
Pročitajte [šta virtuelni asistent radi]({filename}/posts/sta-virtuelni-asistent-radi-a-sta-ne.md).
![Ikona kuće]({static}/images/home.svg)
Kod `"sta moze"` i <span class="x">tekst</span> se ne proverava.

```
print("read more", 'share')  # sta moze vec
```

- stavka
    - ugnežđena stavka
"""
    assert all(not messages for messages in found_by_line(good).values())


def test_link_targets_code_and_comments_are_not_prose() -> None:
    text = '[Tekst](/home/next?q="x") i `moze  "sta"` i <a href="menu">link</a>.\n<!-- sta moze -->\n'
    assert all(not messages for messages in found_by_line(text).values())


def test_diacritics_list_is_sound() -> None:
    pairs = language.diacritics()
    assert len(pairs) >= 40
    for wrong, correct in pairs.items():
        assert wrong.isascii(), wrong
        assert not correct.isascii(), correct
        stripped = unicodedata.normalize("NFD", correct.replace("đ", "dj"))
        stripped = "".join(c for c in stripped if not unicodedata.combining(c))
        assert stripped == wrong, (wrong, correct)
    # Bare forms that are real words must not be listed.
    for real_word in ("sto", "vise", "kuca", "reci", "posao", "vas", "posto", "vase", "znaci", "odluci"):
        assert real_word not in pairs, real_word
