"""Language-quality test over the site content (posts, pages, FAQ).

Run from the repository root:
    python -m pytest tests/test_language.py -q
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import language_check as lc  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SCANNED_DIRS = ("posts", "pages", "faq")


def content_files() -> list[Path]:
    files: list[Path] = []
    for name in SCANNED_DIRS:
        files.extend(sorted((CONTENT / name).rglob("*.md")))
    return files


PAIRS = lc.load_diacritics()


@pytest.mark.parametrize(
    "path", content_files(), ids=lambda p: str(p.relative_to(CONTENT))
)
def test_content_language(path: Path) -> None:
    relative = str(path.relative_to(ROOT))
    problems = lc.check_file(path, PAIRS)
    assert not problems, "\n" + "\n".join(p.format(relative) for p in problems)


def test_content_exists() -> None:
    assert content_files(), "no Markdown files found under content/{posts,pages,faq}"


# ---------------------------------------------------------------------------
# Self-tests: prove that the checker finds each kind of problem.
# ---------------------------------------------------------------------------

BAD_SAMPLE = """\
Title: Sta "VA" radi
Date: 2026-03-10 09:00
Tags: home, next
Summary: Ovo je 'kratak' opis.

Klijent je rekao “dobro” i otišao.
Hrvatski navodnici „ovako“ nisu naši.
Engleski ‘jednostruki’ navodnici.
Ovo moze da se uradi, cak i vec danas.
Dva  razmaka.
Read more o tome, pa Click  Here ili Share.
Home, Next, Previous, Search, Menu, Tags, Category.
Rekla je ’možda’ i poslala mejl iz foldera.
Ćirilica se krije u reči kаfa.
"""


def messages_by_line(text: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for problem in lc.check_text(text, PAIRS):
        found.setdefault(problem.line, []).append(problem.message)
    return found


def test_self_check_finds_every_problem() -> None:
    found = messages_by_line(BAD_SAMPLE)

    def has(line: int, fragment: str) -> bool:
        return any(fragment in message for message in found.get(line, []))

    # Title is prose: ASCII quotes and missing diacritics are caught.
    assert has(1, "ASCII double quote")
    assert has(1, "„Sta” should be „šta”")
    # Tags is not prose: its values are ignored.
    assert 3 not in found
    # Summary is prose.
    assert has(4, "ASCII single quote")
    # Body.
    assert has(6, "U+201C")
    assert has(7, "U+201C")
    assert has(8, "U+2018")
    assert has(9, "„moze” should be „može”")
    assert has(9, "„cak” should be „čak”")
    assert has(9, "„vec” should be „već”")
    assert has(10, "double space")
    assert has(11, "„read more”")
    assert has(11, "„click here”")
    assert has(11, "„share”")
    assert has(11, "double space")
    for phrase in ("home", "next", "previous", "search", "menu", "tags", "category"):
        assert has(12, f"„{phrase}”"), phrase
    # Inner quotes open with ‚, and one word for one thing.
    assert has(13, "inner quote opens with ’")
    assert has(13, "„mejl”: the site says „e-pošta”")
    assert has(13, "„foldera”: the site says „fascikla”")
    # A Cyrillic а among Latin letters.
    assert has(14, "Cyrillic letter in Latin text: а")


def test_self_check_problem_names_file_and_line() -> None:
    problem = lc.check_text("Title: Ok\n\nOvo moze.\n", PAIRS)[0]
    assert problem.format("content/posts/x.md").startswith("content/posts/x.md:3: ")


def test_self_check_accepts_good_text() -> None:
    good = """\
Title: Može li VA da radi iz moje kancelarije?
Date: 2026-03-10 09:00
Category: Saradnja
Tags: kancelarija, saradnja
Slug: moze-li-va-da-radi-iz-moje-kancelarije
Summary: Zašto klijenti pitaju „može li” i šta tačno odgovaram.
Status: published

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
    assert lc.check_text(good, PAIRS) == []


def test_self_check_ignores_link_targets_and_code() -> None:
    text = 'Title: Ok\n\n[Tekst](/home/next?q="x") i `moze  "sta"` i <a href="menu">link</a>.\n'
    # link text "link" is not in the list; targets, code and tags are stripped
    assert lc.check_text(text, PAIRS) == []


def test_diacritics_list_is_sound() -> None:
    assert len(PAIRS) >= 40
    for wrong, correct in PAIRS.items():
        assert wrong.isascii(), wrong
        assert not correct.isascii(), correct
        stripped = unicodedata.normalize("NFD", correct.replace("đ", "dj"))
        stripped = "".join(c for c in stripped if not unicodedata.combining(c))
        assert stripped == wrong, (wrong, correct)
    # Bare forms that are real words must not be listed.
    for real_word in ("sto", "vise", "kuca", "reci", "posao", "vas"):
        assert real_word not in PAIRS, real_word
