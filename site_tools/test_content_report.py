"""`invoke report` counts words and links and notes what is off target, without failing."""

from pathlib import Path

from site_tools.content_report import collect, format_report

LONG_POST = """Title: Dug tekst
Date: 2026-11-01 09:00
Category: Osnove
Summary: Dug tekst sa linkovima.

{words}

Pogledajte [kratak tekst]({{filename}}/posts/kratak.md) i [odgovor]({{filename}}/faq/pitanja.md#prvo-pitanje).
"""

SHORT_POST = """Title: Kratko obaveštenje
Date: 2026-11-02 09:00
Category: Osnove
Summary: Sajt ima novu stranicu.
Status: draft

Sajt ima novu stranicu. `kod se ne broji`
"""


def make_site(root: Path) -> Path:
    (root / "content/posts").mkdir(parents=True)
    (root / "content/faq").mkdir()
    (root / "content/posts/dug.md").write_text(LONG_POST.format(words="reč " * 800), encoding="utf-8")
    (root / "content/posts/kratak.md").write_text(SHORT_POST, encoding="utf-8")
    (root / "content/faq/pitanja.md").write_text(
        "Title: Pitanja\nSummary: Pitanja.\n\n## Prvo pitanje\n\nVidite [dug tekst]({filename}/posts/dug.md).\n",
        encoding="utf-8",
    )
    (root / "content/CONVENTIONS.md").write_text("[x]({filename}/posts/kratak.md)\n", encoding="utf-8")
    return root


def test_the_report_counts_words_and_links_in_both_directions(tmp_path):
    stats = {post.name: post for post in collect(make_site(tmp_path)).posts}
    long, short = stats["dug.md"], stats["kratak.md"]
    assert 800 <= long.words <= 815
    assert (long.links_to_posts, long.links_to_answers) == (1, 1)
    assert long.linked_from == {"faq/pitanja.md"}
    assert long.notes == []
    assert short.words == 4 and short.status == "draft"
    assert short.linked_from == {"posts/dug.md"}, "CONVENTIONS.md is notes, not site text"
    assert short.notes == [
        "kraći od 700 reči",
        "ne vodi ni na jedan drugi tekst",
        "ne vodi ni na jedan odgovor iz čestih pitanja",
    ]


def test_the_report_names_every_post_and_is_only_information(tmp_path):
    site = make_site(tmp_path)
    (site / "content/posts/zakazan.md").write_text(
        LONG_POST.format(words="reč " * 800).replace("2026-11-01", "2030-01-15"), encoding="utf-8"
    )
    (site / "content/posts/nije-utf8.md").write_bytes("Title: Čačak\n\nTekst.\n".encode("cp1250"))
    text = format_report(collect(site))
    assert text.startswith("Tekstova: 3, od toga objavljenih: 1.")
    assert "ništa ovde ne zaustavlja izgradnju sajta" in text
    assert "kratak.md [nacrt]: 4 reči, vodi na 0 tekstova i 0 odgovora, na njega vodi 2 fajla" in text
    assert "zakazan.md [zakazano za 15. januara 2030.]: " in text
    assert "Ne mogu da se pročitaju (zašto, kaže `invoke check`): content/posts/nije-utf8.md" in text
    assert "    – kraći od 700 reči" in text
