"""Units of plugins/search: typed forms, what templates mark, FAQ records, and
the index step on a small hand-made site (the real Pagefind binary)."""

import json
import re
from types import SimpleNamespace

import pytest

from faq.model import parse_faq
from search import chunks, editions, expected_urls, faq_records, faq_titles, indexing, search_attributes, searchable
from search.small_site import RECORD, files
from search.variants import FIELD, cyrillic_meta, typed_forms
from shared.disk_cache import FolderStore


def test_words_with_dj_are_also_indexed_as_typed_with_d():
    html = "<p>Đorđe je <em>takođe</em> među nama; <b>ĐAK</b> i džemper, 2đ.</p>"
    assert typed_forms("Naslov sa rođendanom", html) == ["dak", "dorde", "medu", "rodendanom", "takode"]
    assert typed_forms("Bez tog slova", "<p>ništa</p>") == []
    anchored = '<div><h2 id="o">Obrađivač</h2><a href="#o"><span>Link do odeljka</span></a></div><p>Među</p>'
    assert typed_forms("", anchored) == ["medu", "obradivač"], "no word runs across blocks"


def test_cyrillic_words_are_also_indexed_as_typed_on_a_latin_keyboard_without_marks():
    """Cyrillic search writes „racun” as „рацун”: the index must hold that form of „рачун”."""
    html = "<p>Ђорђе шаље рачун за џемпер; <b>ЖИВОТ</b> и плаћање, а ја?</p>"
    assert typed_forms("Наслов", html, cyrillic=True) == [
        "дземпер", "дорде", "дјордје", "зивот", "плацање", "рацун", "саље",
    ]  # fmt: skip
    assert typed_forms("Без тих слова", "<p>нема</p>", cyrillic=True) == []
    assert cyrillic_meta("<p>рачун</p>") == f"{FIELD}:рацун" and cyrillic_meta("<p>нема</p>") is None


def item(**fields):
    defaults = {"status": "published", "scheduled": False, "title": "Đorđe", "content": "<p>takođe</p>", "url": "x/"}
    return SimpleNamespace(**{**defaults, **fields})


def test_only_published_live_content_is_marked_for_the_index():
    assert searchable(item())
    for unsearchable in (item(status="draft"), item(status="hidden"), item(scheduled=True)):
        assert not searchable(unsearchable)
        assert search_attributes(unsearchable) == ""
    marked = search_attributes(item())
    assert marked == f' data-pagefind-body data-pagefind-meta="{FIELD}:dorde takode"'
    assert search_attributes(item(title="A", content="<p>b</p>")) == " data-pagefind-body"


def test_a_page_without_text_is_indexed_by_its_title():
    """Pagefind leaves out a page whose marked block has no text: a post that is only a photo was missing
    from the index, and the publish stopped on it."""
    photo = item(title="Radni dan", content='<p><img src="/images/x.jpg" alt="Radni sto"></p>')
    assert search_attributes(photo) == "" and search_attributes(photo, "title") == " data-pagefind-body"
    assert search_attributes(item(), "title") == "", "a page with text is indexed by its text"
    assert search_attributes(item(status="draft", content=""), "title") == ""


def test_typed_forms_are_escaped_in_the_attribute():
    assert (
        '"'
        not in search_attributes(item(title='Đ"<', content=""))[len(' data-pagefind-body data-pagefind-meta="') : -1]
    )


MYTHS = """<p>Uvod o među nama.</p>
<h2 id="va-mora-da-radi-iz-moje-kancelarije">VA mora da radi iz moje kancelarije</h2>
<p>Ne mora. Radim iz kuće, takođe.</p>
<p>U <span translate="no">Miro Board</span> i <code>make serve</code>.</p>
<h2 id="djak-ne-moze-biti-va">Đak ne može biti VA</h2>
<p>Može.</p>"""


def faq_page(kind="myths"):
    faq = parse_faq(MYTHS, kind)
    return SimpleNamespace(
        status="published", scheduled=False, title="Mitovi o VA", content=MYTHS, url="faq/mitovi/", faq=faq
    )


def test_an_faq_page_is_indexed_by_its_introduction_and_each_question_as_a_record():
    page = faq_page()
    assert search_attributes(page) == f' data-pagefind-body data-pagefind-meta="{FIELD}:medu"'
    latin = editions({"HTML_LANG": "sr-Latn", "CYRILLIC_EDITION": False})[0]
    records = faq_records(page, latin)
    assert [record.url for record in records] == [
        "/faq/mitovi/#va-mora-da-radi-iz-moje-kancelarije",
        "/faq/mitovi/#djak-ne-moze-biti-va",
    ]
    first, second = records
    assert first.title == "Mit: VA mora da radi iz moje kancelarije"
    assert first.text == "Činjenica: Ne mora. Radim iz kuće, takođe. U Miro Board i make serve."
    assert first.meta == {FIELD: "takode"} and second.meta == {FIELD: "dak"}
    assert first.language == "sr-latn"
    assert faq_titles({"CYRILLIC_EDITION": False}, [page]) == {"/faq/mitovi/": "Mitovi o VA"}
    plain_questions = faq_records(faq_page("questions"), latin)
    assert plain_questions[0].title == "VA mora da radi iz moje kancelarije"
    assert plain_questions[0].text == "Ne mora. Radim iz kuće, takođe. U Miro Board i make serve."
    assert expected_urls([page], records, {"CYRILLIC_EDITION": False}) == {"/faq/mitovi/", *[r.url for r in records]}


def test_a_question_without_an_answer_is_no_record():
    """The check reports the empty answer; a preview still builds, and Pagefind would drop an empty record
    (the index would then miss a URL it was told to expect)."""
    page = faq_page("questions")
    page.faq = parse_faq(MYTHS + '<h2 id="prazno">Prazno pitanje?</h2>', "questions")
    assert [question.id for question in page.faq.questions][-1] == "prazno"
    latin = editions({"HTML_LANG": "sr-Latn", "CYRILLIC_EDITION": False})[0]
    assert [record.url for record in faq_records(page, latin)] == [
        "/faq/mitovi/#va-mora-da-radi-iz-moje-kancelarije",
        "/faq/mitovi/#djak-ne-moze-biti-va",
    ]


def test_the_cyrillic_edition_gets_its_own_records_titles_and_addresses():
    page = faq_page()
    latin, cyrillic = editions({"HTML_LANG": "sr-Latn"})
    assert (cyrillic.prefix, cyrillic.language) == ("/cir", "sr-cyrl")
    first = faq_records(page, cyrillic)[0]
    assert first.url == "/cir/faq/mitovi/#va-mora-da-radi-iz-moje-kancelarije"
    assert first.title == "Мит: ВА мора да ради из моје канцеларије"
    assert first.text == "Чињеница: Не мора. Радим из куће, такође. У Miro Board и make serve."
    assert first.language == "sr-cyrl"
    assert first.meta == {FIELD: "куце такоде такодје цињеница"}, "its own words, as a Latin keyboard types them"
    assert faq_titles({}, [page]) == {"/faq/mitovi/": "Mitovi o VA", "/cir/faq/mitovi/": "Митови о ВА"}
    records = faq_records(page, latin) + faq_records(page, cyrillic)
    assert expected_urls([page], records, {}) == {"/faq/mitovi/", "/cir/faq/mitovi/", *[r.url for r in records]}


def test_given_the_pages_one_run_per_language_indexes_the_same(small_site, tmp_path):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(small_site, site)
    pages = {"sr-latn": ["tekst/index.html"], "sr-cyrl": ["cir/tekst/index.html"]}
    bundle = indexing.build_index(site, [RECORD], pages)
    assert set(indexing.indexed(bundle)) == set(indexing.indexed(small_site / "pagefind"))
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["sr-cyrl", "sr-latn"]  # both runs' languages in one entry file

    empty = indexing.build_index(site, [], {"sr-latn": [], "sr-cyrl": []})  # a site with nothing to search yet
    assert not empty.exists()
    indexing.check_index(empty, set())


def test_only_marked_pages_and_records_are_indexed(small_site):
    found = indexing.indexed(small_site / "pagefind")
    assert set(found) == {"/tekst/", "/faq/x/#pitanje", "/cir/tekst/"}
    assert "Podelite" not in found["/tekst/"]["content"], "share links are left out"
    assert found["/tekst/"]["meta"] == {"title": "Tekst", "typed": "dorde"}
    assert found["/faq/x/#pitanje"]["meta"] == {"title": "Pitanje?", "url": "/faq/x/#pitanje", "typed": "dorde"}
    indexing.check_index(small_site / "pagefind", {"/tekst/", "/faq/x/#pitanje", "/cir/tekst/"})


def test_the_bundle_keeps_only_what_the_search_page_loads(small_site):
    bundle = small_site / "pagefind"
    top = sorted(path.name for path in bundle.iterdir())
    assert [name for name in top if not name.endswith(".pf_meta")] == [
        "fragment",
        "index",
        "pagefind-entry.json",
        "pagefind-worker.js",
        "pagefind.js",
        "sr-cyrl.chunks.json",
        "sr-latn.chunks.json",
        "wasm.sr-cyrl.pagefind",
        "wasm.sr-latn.pagefind",
    ]
    assert not (bundle / "stale.pf_fragment").exists(), "an earlier index is replaced whole"
    assert len(list((bundle / "index").iterdir())) >= 1


def test_the_build_stops_when_the_index_holds_other_pages(small_site):
    with pytest.raises(indexing.SearchIndexError) as stopped:
        indexing.check_index(small_site / "pagefind", {"/tekst/", "/drugi/"})
    message = str(stopped.value)
    assert "u indeksu, a ne bi smelo: /faq/x/#pitanje" in message and "nedostaje u indeksu: /drugi/" in message


def test_the_same_site_gives_the_same_index(small_site, tmp_path):
    """Publishing compares files with the live site: an unchanged site must not look changed."""
    import shutil

    copy = tmp_path / "again"
    shutil.copytree(small_site, copy)
    for _build in range(6):  # Pagefind orders the two languages at random: pagefind-entry.json must not
        indexing.build_index(copy, [RECORD])
        assert files(copy / "pagefind") == files(small_site / "pagefind")


def test_a_kept_bundle_is_the_same_index_and_only_a_changed_language_is_indexed_again(
    small_site, tmp_path, monkeypatch
):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(small_site, site)
    pages = {"sr-latn": ["tekst/index.html"], "sr-cyrl": ["cir/tekst/index.html"]}
    runs = []
    run_pagefind = indexing._run_pagefind
    monkeypatch.setattr(
        indexing, "_run_pagefind", lambda site, names, output: runs.append(names) or run_pagefind(site, names, output)
    )

    def build(kept: bool) -> dict[str, bytes]:
        store = FolderStore(tmp_path / "kept", track=True) if kept else None
        bundle = indexing.build_index(site, [RECORD], pages, store)
        if store:
            store.prune()
        return files(bundle)

    made = build(kept=False)
    runs.clear()
    assert build(kept=True) == made and len(runs) == 2
    assert build(kept=True) == made and len(runs) == 2, "an unchanged site is not indexed again"
    assert len(list((tmp_path / "kept").iterdir())) == 2  # one bundle per language

    cyrillic = site / "cir/tekst/index.html"
    cyrillic.write_text(cyrillic.read_text(encoding="utf-8").replace("ради", "пише"), encoding="utf-8")
    edited = build(kept=True)
    assert runs[2:] == [["cir/tekst/index.html"]], "only the language with a changed page is indexed again"
    assert edited == build(kept=False) != made
    assert "пише" in indexing.indexed(site / "pagefind")["/cir/tekst/"]["content"]
    assert len(list((tmp_path / "kept").iterdir())) == 2, "the old Cyrillic bundle is pruned"


def test_a_cache_that_cannot_be_written_only_means_indexing_again(small_site, tmp_path):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(small_site, site)
    pages = {"sr-latn": ["tekst/index.html"], "sr-cyrl": ["cir/tekst/index.html"]}
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    bundle = indexing.build_index(site, [RECORD], pages, FolderStore(blocked / "search", track=True))
    assert files(bundle) == files(indexing.build_index(site, [RECORD], pages))


def test_each_language_lists_its_word_chunks_in_order_for_search_js(small_site):
    """plugins/search/chunks.py: the ranges read from Pagefind's metadata, one per index chunk file."""
    bundle = small_site / "pagefind"
    for language in ("sr-latn", "sr-cyrl"):
        ranges = json.loads((bundle / f"{language}.chunks.json").read_text(encoding="utf-8"))
        assert ranges and all(first <= last for first, last in ranges)
        assert all(earlier[1] < later[0] for earlier, later in zip(ranges, ranges[1:], strict=False))
    files = list((bundle / "index").glob("*.pf_index"))
    listed = sum(len(json.loads(path.read_text())) for path in bundle.glob("*.chunks.json"))
    assert listed == len(files)
    cyrillic = json.loads((bundle / "sr-cyrl.chunks.json").read_text())
    assert not any(re.search("[\u0400-\u04ff]", word) for pair in cyrillic for word in pair)  # its stemmer: Latin


def test_the_metadata_reader_reads_what_pagefind_writes_and_names_what_it_cannot():
    item = bytes.fromhex(
        "85"  # an array of 5:
        "6176"  # "v"
        "8183"
        "626161"
        "62627a"
        "626631"  # [["aa", "bz", "f1"]]
        "20"  # -1
        "a1616b01"  # {"k": 1}
        "4100"  # b"\x00"
    )
    assert chunks._item(item, 0) == (["v", [["aa", "bz", "f1"]], -1, {"k": 1}, b"\x00"], len(item))
    long_text = "ž" * 20  # 40 bytes: the length in the next byte
    assert chunks._item(bytes([0x78, 40]) + long_text.encode(), 0) == (long_text, 42)
    with pytest.raises(ValueError, match="byte 1 has no definite length"):
        chunks._item(bytes([0x81, 0x9F, 0xFF]), 0)
    with pytest.raises(ValueError, match="major type 6"):
        chunks._item(bytes([0xC0, 0x00]), 0)
