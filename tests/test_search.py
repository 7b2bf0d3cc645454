"""Search (plugins/search, /pretraga/, js/search.js) in Chromium, against production builds.

Two sites: the production build of the real content (`prod_site`, `prod_url`),
and the same content plus tests/data/search/ (a post and an FAQ page with
„Đorđe” and „džemper”, two drafts, and a scheduled post written here), built
for production and for the preview.
"""

import gzip
import re
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from chromium import SEARCH_DONE as DONE
from chromium import page_in
from conftest import built, documents_of, free_port
from pages import page_file, parse, question_ids, text
from publishing import files_mentioning
from site_tools.build import DEV_SETTINGS, PROD_SETTINGS
from site_tools.server import COMPRESSIBLE, BackgroundServer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from search import indexing, variants  # noqa: E402
from serbian.plurals import plural  # noqa: E402

TEST_CONTENT = ROOT / "tests" / "data" / "search"
DRAFT_WORDS = ("zrikavac", "kukumavka", "vodenbik")  # a draft post, a draft FAQ page, a scheduled post
CYRILLIC_DRAFT_WORDS = ("зрикавац", "кукумавка", "воденбик")  # the same, in the Cyrillic edition's index
BELGRADE = ZoneInfo("Europe/Belgrade")
FIRST_SEARCH_BUDGET = 150 * 1024
# Function form: Playwright evaluates a bare expression string with eval, which
# the pages' Content-Security-Policy (no 'unsafe-eval') refuses.
# Null-safe: right after a click the next page may not have its status line yet; the wait then tries again.


# --- Sites --------------------------------------------------------------------


def search_content(work: Path) -> Path:
    content = work / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copy(TEST_CONTENT / "dorde-i-dzemper.md", content / "posts")
    shutil.copy(TEST_CONTENT / "nacrt-zrikavac.md", content / "posts")
    shutil.copy(TEST_CONTENT / "samo-dijagram.md", content / "posts")
    shutil.copy(TEST_CONTENT / "pitanja-o-dordu.md", content / "faq")
    shutil.copy(TEST_CONTENT / "nacrt-kukumavka.md", content / "faq")
    future = (datetime.now(BELGRADE) + timedelta(days=30)).strftime("%Y-%m-%d %H:%M")
    (content / "posts" / "zakazani-vodenbik.md").write_text(
        f"Title: Zakazani Vodenbik\nDate: {future}\nCategory: Alati\nSlug: zakazani-vodenbik\n"
        "Summary: Zakazan tekst koji pretraga ne sme da nađe.\n\nTekst o vodenbiku: vodenbik i Đorđe.\n",
        encoding="utf-8",
    )
    return content


@pytest.fixture(scope="module")
def search_sites(tmp_path_factory, share_image_cache):
    """(production folder, its URL, preview folder) for the real content plus the test content."""
    work = tmp_path_factory.mktemp("search-site")
    content = search_content(work)
    port = free_port()
    common = {"PATH": str(content), "SHARE_IMAGE_CACHE": str(share_image_cache)}
    built(PROD_SETTINGS, work / "prod", {**common, "SITEURL": f"http://127.0.0.1:{port}"})
    built(DEV_SETTINGS, work / "dev", common)
    with BackgroundServer(work / "prod", port=port) as url:
        yield work / "prod", url, work / "dev"


@pytest.fixture(scope="module")
def test_url(search_sites):
    return search_sites[1]


@pytest.fixture
def page(browser):
    with page_in(browser, viewport={"width": 390, "height": 800}) as page:
        yield page


# --- Reading the search page ----------------------------------------------------


def search(page, base: str, query: str, everything: bool = False) -> dict:
    """Open /pretraga/?q=query; what it says and lists once the search is done
    (with `everything`, after „Prikažite još rezultata” until all are shown)."""
    page.goto(f"{base}/pretraga/?q={quote(query)}")
    page.wait_for_function(DONE)
    more = page.locator("#pretraga-jos")
    while everything and more.is_visible():
        shown_before = page.locator("#pretraga-rezultati > li").count()
        more.click()
        page.wait_for_function(f"() => document.querySelectorAll('#pretraga-rezultati > li').length > {shown_before}")
    return shown(page)


def shown(page) -> dict:
    results = page.evaluate("""() => [...document.querySelectorAll('#pretraga-rezultati > li')].map((item) => ({
        title: item.querySelector('h2 a').textContent,
        href: new URL(item.querySelector('h2 a').href).pathname + new URL(item.querySelector('h2 a').href).hash,
        where: item.querySelector('.search-result-where')?.textContent || '',
        marks: [...item.querySelectorAll('mark')].map((mark) => mark.textContent),
      }))""")
    return {"status": page.locator("#pretraga-status").text_content(), "results": results}


def hrefs(found: dict) -> list[str]:
    return [result["href"] for result in found["results"]]


def marks(found: dict) -> set[str]:
    return {mark.lower() for result in found["results"] for mark in result["marks"]}


def same_pages(page, base: str, *queries: str) -> bool:
    """Every query finds the same pages and questions (the order may differ:
    Pagefind ranks a word written exactly as typed a little higher)."""
    found = [search(page, base, query, everything=True) for query in queries]
    return all(count(each) == len(each["results"]) == count(found[0]) for each in found) and all(
        set(hrefs(each)) == set(hrefs(found[0])) for each in found
    )


def count(found: dict) -> int:
    match = re.match(r"(\d+) rezultat", found["status"])
    return int(match.group(1)) if match else 0


# --- Serbian matching ------------------------------------------------------------


@pytest.mark.parametrize(("typed", "written"), [("moze", "može"), ("sta", "šta"), ("cak", "čak")])
def test_without_diacritics_the_same_posts_are_found(page, prod_url, typed, written):
    plain = search(page, prod_url, typed)
    assert count(plain) > 0 and written in marks(plain), f"{typed}: marked {marks(plain)}"
    assert same_pages(page, prod_url, typed, written)


def test_inflected_forms_find_the_same_posts(page, prod_url):
    found = search(page, prod_url, "kancelarija", everything=True)
    assert count(found) >= 3
    assert {"kancelariji", "kancelarije", "kancelariju"} <= marks(found)
    assert same_pages(page, prod_url, "kancelarija", "kancelariji", "kancelarije")


@pytest.mark.parametrize("typed", ["djordje", "dorde", "Đorđe", "đorđe", "DORDE"])
def test_dj_or_d_for_dj_finds_the_word(page, test_url, typed):
    found = search(page, test_url, typed)
    assert hrefs(found)[:1] == ["/dorde-i-dzemper/"], found
    assert "đorđe" in marks(found)


def test_d_for_dj_finds_inflected_forms_and_starts_of_words(page, test_url):
    for typed in ("dorda", "dord"):
        found = search(page, test_url, typed)
        assert "/dorde-i-dzemper/" in hrefs(found), (typed, found)
        assert {"đorđe", "đorđa"} & marks(found), (typed, found)


@pytest.mark.parametrize("typed", ["sredivanje", "sredjivanje"])
def test_dj_or_d_in_the_real_content(page, prod_url, typed):
    found = search(page, prod_url, typed)
    assert count(found) > 0 and "sređivanje" in marks(found)
    assert same_pages(page, prod_url, typed, "sređivanje")


def test_dz_for_dzh_finds_the_word(page, test_url, prod_url):
    found = search(page, test_url, "dzemper")
    assert "/dorde-i-dzemper/" in hrefs(found)
    assert {"džemper", "džemperu"} & marks(found)
    found = search(page, prod_url, "menadzer")
    assert count(found) > 0 and "menadžer" in marks(found)
    assert same_pages(page, prod_url, "menadzer", "menadžer")


def test_a_cyrillic_query_finds_the_latin_page(page, prod_url, test_url):
    assert count(search(page, prod_url, "канцеларија")) > 0
    assert same_pages(page, prod_url, "канцеларија", "kancelarija")
    assert "/dorde-i-dzemper/" in hrefs(search(page, test_url, "Ђорђе"))
    assert "/dorde-i-dzemper/" in hrefs(search(page, test_url, "џемпер"))
    assert "menadžer" in marks(search(page, prod_url, "менаџер"))


def test_a_word_that_is_not_on_the_site_finds_nothing(page, prod_url):
    """Pagefind alone would fall back to the longest indexed word the query starts with („asdfgh” → „a”)."""
    for query in ("asdfgh", "nepostojecarec", "kancelarija xyzzy"):
        found = search(page, prod_url, query)
        assert found["results"] == [] and found["status"].startswith(f"Nema rezultata za „{query}”"), found


def test_a_word_finds_every_page_with_a_longer_word_in_the_chunks_after_its_own(page, prod_site, prod_port, tmp_path):
    """Pagefind loads only the index chunk whose word range holds the typed word, so longer
    words in the chunks after it were missed („ugovor” found 26 pages, „уговор” 27).
    Here every word on 70 pages starts with „ugovor” and fills several chunks."""
    site = tmp_path / "site"
    shutil.copytree(prod_site, site)  # the real search page and scripts, served from another port
    port = free_port()
    search_page = site / "pretraga" / "index.html"
    search_page.write_text(
        search_page.read_text(encoding="utf-8").replace(f"//127.0.0.1:{prod_port}/", f"//127.0.0.1:{port}/"),
        encoding="utf-8",
    )
    letters, per_page, pages = "abcdefghijklmnoprstuvz", 60, 70

    def word(number: int) -> str:
        return "ugovor" + "".join(letters[number // len(letters) ** place % len(letters)] for place in range(3))

    files = []
    for number in range(pages):
        path = site / "ugovori" / str(number) / "index.html"
        path.parent.mkdir(parents=True)
        words = " ".join(word(number * per_page + index) for index in range(per_page))
        path.write_text(
            f'<!doctype html><html lang="sr-Latn"><head><meta charset="utf-8"><title>Strana {number}</title></head>'
            f"<body data-pagefind-body><h1>Strana {number}</h1><p>{words}.</p></body></html>",
            encoding="utf-8",
        )
        files.append(path.relative_to(site).as_posix())
    indexing.build_index(site, pages={"sr-Latn": files})
    assert len(list((site / "pagefind" / "index").glob("*.pf_index"))) >= 4  # the words span several chunks
    with BackgroundServer(site, port=port) as url:
        for query in ("ugovor", "ugovo", "ugovorb"):
            expected = sum(
                any(word(number * per_page + index).startswith(query) for index in range(per_page))
                for number in range(pages)
            )
            assert count(search(page, url, query)) == expected, query


def test_the_chunks_a_word_needs_are_asked_for_as_pagefind_reads_queries(page, prod_url):
    """search.js `chunkProbes`: one query per chunk that can hold a word starting with the typed
    one (its last letters cut, as a stem would be), each a word inside that chunk's range once
    Pagefind drops its punctuation; Cyrillic compared in Latin, asked in Cyrillic."""
    page.goto(f"{prod_url}/pretraga/")
    probes = page.evaluate("""async () => {
        const { chunkProbes } = await import('/theme/js/search.js');
        const chunks = [["a", "ugovor"], ["ugovori", "ugovorima"], ["ugovoru", "vam"], ["vama", "z"]];
        return {
          ugovor: chunkProbes("ugovor", chunks, false),
          quoted: chunkProbes("„ugovor”", chunks, false),
          short: chunkProbes("ug", chunks, false),
          cyrillic: chunkProbes("уговор", chunks, true),
          punctuation: chunkProbes("dana", [["dan", "dana"], ["dana”", "do"], ["dobar", "e"]], false),
        };
      }""")
    assert probes["ugovor"] == ["a\u0001", "ugovori\u0001", "ugovoru\u0001"]
    assert probes["quoted"] == probes["ugovor"]
    assert probes["short"] == []  # still being typed: Pagefind alone
    assert probes["cyrillic"] == ["а\u0001", "уговори\u0001", "уговору\u0001"]
    assert probes["punctuation"] == ["dan\u0001", "do"]  # „dana”” reaches Pagefind as „dana”, outside its range


# --- FAQ questions as results --------------------------------------------------------


def test_each_faq_question_is_a_result_of_its_own(page, prod_site, prod_url):
    found = search(page, prod_url, "kancelarija")
    questions = [result for result in found["results"] if "#" in result["href"]]
    assert questions, found
    for result in questions:
        path, question = result["href"].split("#")
        assert path.startswith("/faq/") and question in question_ids(prod_site, path)
        faq_title = text(parse(page_file(prod_site, path)).css_first("h1"))
        assert result["where"] == f"Česta pitanja: {faq_title}"
    page.locator("#pretraga-rezultati a[href*='#']").first.click()
    page.wait_for_url(re.compile(r"/faq/.+#.+"))
    question = urlsplit(page.url).fragment
    expect(page.locator(f'[id="{question}"] .faq-question')).to_be_in_viewport()


def test_a_question_found_by_d_for_dj_links_to_itself(page, search_sites, test_url):
    question = question_ids(search_sites[0], "/faq/pitanja-o-dordu/")[0]
    found = search(page, test_url, "dorde dzemper")
    assert f"/faq/pitanja-o-dordu/#{question}" in hrefs(found), found
    assert {"džemper"} <= marks(found)


def test_a_post_that_is_only_a_picture_is_found_by_its_title_in_both_scripts(page, test_url):
    """Indexed by its title (plugins/search: a body without text is left out by Pagefind). „слици” also
    looks like a word with č typed without its mark; the word as typed is kept when the respelled one
    is no word of the site (search.js found nothing here before)."""
    for base, query in ((test_url, "jednoj slici"), (f"{test_url}/cir", "једној слици")):
        found = search(page, base, query)
        assert any(href.endswith("/samo-dijagram/") for href in hrefs(found)), found


# --- What is in the index ---------------------------------------------------------------


def expected_index(site: Path) -> set[str]:
    """The published posts, pages and FAQ pages of the build in `site` (at Pelican's addresses), and every FAQ question."""
    urls = set()
    for document in documents_of(site):
        if document.status == "published":
            url = f"/{document.url}"
            urls.add(url)
            if document.template == "faq":
                urls.update(f"{url}#{question}" for question in question_ids(site, url))
    return urls | {"/cir" + url for url in urls}  # the Cyrillic edition's twins and their questions


def test_the_index_holds_exactly_the_published_posts_pages_and_questions(prod_site, search_sites):
    for site in (prod_site, search_sites[0]):
        expected = expected_index(site)
        assert len(expected) >= 40 and set(indexing.indexed(site / "pagefind")) == expected


def test_no_list_page_is_in_the_index(prod_site, prod_documents):
    from quality.site_pages import classify

    groups = classify(prod_site, prod_documents)
    lists = {"home", "category", "category-list", "tag", "tag-list", "archives", "faq-index", "search", "404"}
    list_paths = {
        "/" + file.relative_to(prod_site).as_posix().removesuffix("index.html")
        for kind, files in groups.items()
        if kind.removeprefix("cir-") in lists
        for file in files
    }
    indexed = {url.split("#")[0] for url in indexing.indexed(prod_site / "pagefind")}
    assert list_paths and not indexed & list_paths
    assert {"/cir/", "/cir/pretraga/"} <= list_paths


def test_drafts_and_scheduled_posts_are_never_found(page, search_sites, test_url):
    prod, _, dev = search_sites
    assert files_mentioning(prod / "pagefind", *DRAFT_WORDS, *CYRILLIC_DRAFT_WORDS) == []
    assert not [url for url in indexing.indexed(prod / "pagefind") if "nacrt" in url or "vodenbik" in url]
    # The preview shows them (at /nacrti/, the scheduled post marked), but its index leaves them out too.
    assert files_mentioning(dev, "zrikavac") and files_mentioning(dev, "vodenbik")
    assert files_mentioning(dev / "pagefind", *DRAFT_WORDS, *CYRILLIC_DRAFT_WORDS) == []
    assert not [url for url in indexing.indexed(dev / "pagefind") if url.startswith(("/nacrti/", "/cir/nacrti/"))]
    for word in DRAFT_WORDS:
        assert search(page, test_url, word)["results"] == [], word


# --- The page ---------------------------------------------------------------------------------


def test_results_say_how_many_in_serbian_and_are_announced(page, prod_url):
    found = search(page, prod_url, "kancelarija")
    n = count(found)
    assert found["status"] == f"{n} {plural(n, 'rezultat', 'rezultata', 'rezultata')} za „kancelarija”."
    status = page.locator("#pretraga-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    assert found["results"]
    for result in found["results"]:
        assert result["title"].strip(), result
        assert result["marks"] or "#" in result["href"], result  # an FAQ question's hit may mark no word


def test_the_cyrillic_edition_searches_its_own_pages_in_cyrillic(page, prod_site, prod_url):
    """/cir/pretraga/ searches the Cyrillic index: Cyrillic strings, titles and excerpts, links into /cir/."""
    found = search(page, f"{prod_url}/cir", "канцеларија", everything=True)
    assert page.evaluate("document.documentElement.lang") == "sr-Cyrl"
    assert re.match(r"^\d+ резултата? за „канцеларија”\.$", found["status"]), found["status"]
    assert found["results"] and all(result["href"].startswith("/cir/") for result in found["results"]), found
    assert {mark.lower() for mark in marks(found)} & {"канцеларија", "канцеларији", "канцеларије", "канцеларију"}
    for result in found["results"]:
        assert not re.search(r"[čćšžđ]", result["title"].lower()), result  # Cyrillic, not the Latin page's title
        if "#" in result["href"]:
            path = result["href"].split("#")[0]
            faq_title = text(parse(page_file(prod_site, path)).css_first("h1"))
            assert result["where"] == f"Честа питања: {faq_title}"
    latin_pages = {href.removeprefix("/cir") for href in hrefs(search(page, prod_url, "kancelarija", everything=True))}
    assert {href.removeprefix("/cir") for href in hrefs(found)} == latin_pages, "both editions find the same pages"
    typed_in_latin = search(page, f"{prod_url}/cir", "kancelarija", everything=True)
    assert set(hrefs(typed_in_latin)) == set(hrefs(found)), "a Latin query on a Cyrillic page is read in Cyrillic"


@pytest.mark.parametrize(
    ("typed", "written"),
    [("moze", "може"), ("racun", "рачун"), ("zasto", "зашто"), ("placanje", "плаћање"), ("cuvate", "чувате")],
)
def test_a_latin_query_without_diacritics_on_a_cyrillic_page_finds_what_the_latin_edition_finds(
    page, prod_url, typed, written
):
    """moze → мозе is no word: the twins' typed words (plugins/search/variants.py) find може, and the
    query is spelled as the page spells it, so the real word is marked."""
    cyrillic = search(page, f"{prod_url}/cir", typed, everything=True)
    assert cyrillic["status"].startswith(f"{len(cyrillic['results'])} резултат"), cyrillic["status"]
    assert written in marks(cyrillic), marks(cyrillic)
    latin = search(page, prod_url, typed, everything=True)
    assert {href.removeprefix("/cir") for href in hrefs(cyrillic)} == set(hrefs(latin))


@pytest.mark.parametrize("typed", ["dorde", "djordje", "dzemper", "dordu"])
def test_d_dj_and_dz_on_a_cyrillic_page_find_dje_and_dzhe(page, test_url, typed):
    found = search(page, f"{test_url}/cir", typed)
    assert "/cir/dorde-i-dzemper/" in hrefs(found), found
    assert {"ђорђе", "ђорђа", "ђорђу", "џемпер", "џемперу"} & marks(found), marks(found)


def test_a_slow_search_says_it_is_under_way_and_then_what_it_found(page, prod_url):
    """On slow mobile data the first search loads Pagefind and its index: the page says it is searching."""
    page.goto(f"{prod_url}/pretraga/")
    network = page.context.new_cdp_session(page)
    network.send("Network.enable")
    slow = {"offline": False, "latency": 1500, "downloadThroughput": -1, "uploadThroughput": -1}
    network.send("Network.emulateNetworkConditions", slow)
    page.fill("#pretraga-upit", "ugovor")
    page.wait_for_function("() => document.querySelector('#pretraga-status').textContent.includes('je u toku')")
    assert page.locator("#pretraga-status").text_content() == "Pretraga za „ugovor” je u toku…"
    assert page.locator("#pretraga-rezultati[aria-busy=true]").count() == 1
    page.wait_for_function(DONE, timeout=60_000)
    assert count(shown(page)) > 0


def test_a_latin_word_not_on_the_cyrillic_pages_is_pointed_to_the_latin_search(page, prod_url):
    found = search(page, f"{prod_url}/cir", "kvrljuz")
    assert found["results"] == [] and "(može, šta)" in found["status"] and "„Latinica”" in found["status"]
    switch = page.locator(".script-switch a[hreflang]")
    assert urlsplit(switch.get_attribute("href")).query == "q=kvrljuz"
    switch.click()
    page.wait_for_function(DONE)
    assert urlsplit(page.url).path == "/pretraga/" and page.locator("#pretraga-upit").input_value() == "kvrljuz"
    found = search(page, f"{prod_url}/cir", "ugovr")  # no letter that could have lost its mark: no advice on marks
    assert found["status"] == "Нема резултата за „ugovr”. Пробајте другу или краћу реч."


@pytest.mark.parametrize(
    ("typed", "written"),
    [("obradivač", "обрађивач"), ("obrađivac", "обрађивач"), ("zasticeni", "заштићени"), ("zašticeni", "заштићени")],
)
def test_a_word_with_some_of_its_marks_on_a_cyrillic_page_finds_the_word(page, prod_url, typed, written):
    """„zašticeni” → „заштицени”: neither the word as written nor its typed form (застицени)."""
    found = search(page, f"{prod_url}/cir", typed, everything=True)
    assert found["results"] and set(hrefs(found)) == set(
        hrefs(search(page, f"{prod_url}/cir", written, everything=True))
    )


def test_respelling_follows_the_page_word_letter_by_letter(page, prod_url):
    page.goto(f"{prod_url}/pretraga/")
    spelled = page.evaluate("""async () => {
        const { respellWord, withoutMarks, UNMARKED } = await import('/theme/js/search.js');
        const cyrillic = UNMARKED['sr-cyrl'];
        const respelled = (word, pageWord, table = cyrillic) => respellWord(word, [pageWord], table);
        return {
          cyrillic: [
            respelled('рацун', 'Рачун'), respelled('рацуна', 'рачун'), respelled('дорде', 'Ђорђе'),
            respelled('дјордје', 'Ђорђе'), respelled('дјорд', 'Ђорђе'), respelled('дордје', 'Ђорђе'),
            respelled('дземпер', 'џемпер'), respelled('дземперу', 'џемпер'), respelled('мозе', 'може'),
            respelled('рачун', 'рачун'), respelled('ра', 'рачун'), respelled('кућа', 'рачун'),
          ],
          latin: [respelled('dordu', 'Đorđe', UNMARKED['sr-latn']), respelled('moze', 'može', UNMARKED['sr-latn'])],
          unmarked: withoutMarks('шешир ђак џеп', cyrillic),
          table: cyrillic,
        };
      }""")
    assert spelled["cyrillic"] == [
        "рачун", "рачуна", "ђорђе", "ђорђе", "ђорђ", "ђорђе", "џемпер", "џемперу", "може", "рачун", "ра", "кућа",
    ]  # fmt: skip
    assert spelled["latin"] == ["đorđu", "moze"], "Pagefind folds č ć š ž in Latin itself"
    assert spelled["unmarked"] == "сесир дак дзеп"
    assert spelled["table"] == {letter: list(ways) for letter, ways in variants.CYRILLIC_TYPED.items()}, (
        "search.js and plugins/search/variants.py type the same letters the same ways"
    )


def test_plural_forms_match_the_python_ones(page, prod_url):
    page.goto(f"{prod_url}/pretraga/")
    forms = page.evaluate("""async () => {
        const search = await import('/theme/js/search.js');
        return Array.from({length: 230}, (_, n) => search.plural(n, ['rezultat', 'rezultata', 'rezultata']));
      }""")
    assert forms == [plural(n, "rezultat", "rezultata", "rezultata") for n in range(230)]
    assert (forms[1], forms[3], forms[5], forms[11], forms[21], forms[22], forms[112]) == (
        "rezultat",
        "rezultata",
        "rezultata",
        "rezultata",
        "rezultat",
        "rezultata",
        "rezultata",
    )


def test_more_results_load_on_request_and_take_the_focus(page, prod_url):
    found = search(page, prod_url, "moze")
    total = count(found)
    assert total > 10 and len(found["results"]) == 5
    more = page.locator("#pretraga-jos")
    more.click()
    expect(page.locator("#pretraga-rezultati > li")).to_have_count(10)
    expect(page.locator("#pretraga-rezultati > li").nth(5).locator("a")).to_be_focused()
    assert len(search(page, prod_url, "moze", everything=True)["results"]) == total
    expect(more).to_be_hidden()


def test_keyboard_only_and_the_query_kept_in_the_address(page, prod_url):
    page.goto(f"{prod_url}/pretraga/")
    page.keyboard.press("Tab")  # the skip link
    field = page.locator("#pretraga-upit")
    while not field.evaluate("(node) => node === document.activeElement"):
        page.keyboard.press("Tab")
    page.keyboard.type("kancelarija")
    page.wait_for_function(DONE)
    assert urlsplit(page.url).query == "q=kancelarija"
    assert page.title().startswith("„kancelarija” — ")
    first = shown(page)["results"][0]
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")  # the first result
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(first["href"]) + "$"))
    # The address can be shared: opening it again shows the same results.
    again = search(page, prod_url, "kancelarija")
    assert again["results"][0] == first


def test_without_javascript_one_sentence_points_to_the_archive_categories_and_faq(browser, prod_url):
    with page_in(browser, java_script_enabled=False) as page:
        page.goto(f"{prod_url}/pretraga/?q=kancelarija")
        sentence = page.locator("#pretraga-bez-js")
        expect(sentence).to_be_visible()
        assert sentence.text_content().count(".") == 1
        links = [urlsplit(link.get_attribute("href")).path for link in sentence.locator("a").all()]
        assert links == ["/arhiva/", "/kategorije/", "/faq/"]
        expect(page.locator("#pretraga-rezultati > li")).to_have_count(0)
        expect(page.locator("form[role=search] input[type=search][name=q]")).to_be_visible()


@pytest.mark.parametrize("path", ["/", "/cir/faq/"])
def test_the_header_form_shows_only_where_search_can_run(browser, prod_url, path):
    """Without JavaScript the header form would lead to a page that cannot search: it is not shown."""
    shown = {}
    for javascript in (True, False):
        with page_in(browser, java_script_enabled=javascript) as page:
            page.goto(prod_url + path)
            shown[javascript] = page.locator(".site-search").is_visible()
    assert shown == {True: True, False: False}


def test_with_javascript_the_sentence_is_never_painted(page, prod_url):
    page.goto(f"{prod_url}/pretraga/?q=kancelarija")
    expect(page.locator("#pretraga-bez-js")).to_be_hidden()


# --- Every other page: the header form, and nothing of search loaded before it is used -------------


def test_every_page_has_the_search_form_in_its_header(prod_site, prod_documents):
    from quality.site_pages import classify

    for kind, files in classify(prod_site, prod_documents).items():
        for file in files:
            tree = parse(file)
            form = tree.css_first("header form[role=search]")
            cyrillic = kind.startswith("cir-")
            if kind.removeprefix("cir-") == "search":
                assert form is None, "the search page has its own form"
                continue
            assert form is not None, file
            assert urlsplit(form.attributes["action"]).path == ("/cir/pretraga/" if cyrillic else "/pretraga/")
            assert (form.attributes.get("method") or "get").lower() == "get"
            field = form.css_first("input[type=search][name=q]")
            # Named for screen readers; „Tražite” beside it says what it is for, and it gets the width.
            assert field.attributes["aria-label"] == ("Претрага" if cyrillic else "Pretraga")


@pytest.mark.parametrize("path", ["/", "/cir/"])
@pytest.mark.parametrize("width", [320, 360, 390])
def test_the_search_form_does_not_crowd_the_menu(browser, prod_url, width, path):
    with page_in(browser, viewport={"width": width, "height": 700}) as page:
        page.goto(f"{prod_url}{path}")
        nav = page.locator(".site-nav ul").bounding_box()
        form = page.locator(".site-search").bounding_box()
        assert form["y"] >= nav["y"] + nav["height"] - 1, "the form sits on its own row, under the menu"
        assert form["x"] >= 0 and form["x"] + form["width"] <= width
        field = page.get_by_role("searchbox", name=re.compile("^(Pretraga|Претрага)$")).bounding_box()
        assert field["width"] >= 0.45 * width, "the field gets the width („Tražite” beside it says what it is for)"
        page.evaluate("document.querySelector('.site-search').remove()")
        assert page.locator(".site-nav ul").bounding_box() == nav, "the menu is the same with and without the form"


def test_search_code_loads_only_when_the_field_is_focused(page, prod_url):
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(f"{prod_url}/", wait_until="networkidle")
    assert not [path for path in requested if "search" in path or path.startswith("/pagefind/")], requested
    with page.expect_request(lambda request: urlsplit(request.url).path == "/pagefind/pagefind.js"):
        page.get_by_role("searchbox", name="Pretraga").focus()
    assert "/theme/js/search.js" in requested
    page.keyboard.type("moze")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/pretraga/\?q=moze$"))
    page.wait_for_function(DONE)
    assert count(shown(page)) > 0


# --- Bytes of a first search ----------------------------------------------------------------------


def served_size(site: Path, path: str) -> int:
    """Bytes as our server (and a host set up as the README says) sends the file: gzip for text."""
    file = site / path.lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    data = file.read_bytes()
    return len(gzip.compress(data, compresslevel=6, mtime=0)) if file.suffix in COMPRESSIBLE else len(data)


def first_search(browser, site: Path, base: str, query: str) -> tuple[int, list[tuple[int, str]]]:
    context = browser.new_context(viewport={"width": 390, "height": 800})
    paths = []
    try:
        context.on("request", lambda request: paths.append(urlsplit(request.url).path))
        page = context.new_page()
        page.goto(f"{base}/pretraga/?q={quote(query)}")
        page.wait_for_function(DONE)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    sizes = [(served_size(site, path), path) for path in dict.fromkeys(paths)]
    return sum(size for size, _ in sizes), sizes


@pytest.mark.parametrize("query", ["kancelarija", "moze", "virtuelni asistent", "proces cilj rok", "канцеларија"])
def test_a_first_search_stays_within_150_kb(browser, prod_site, prod_url, query):
    total, sizes = first_search(browser, prod_site, prod_url, query)
    print(
        f"first search „{query}”: {total} B ({total / 1024:.1f} KB) gzip in {len(sizes)} requests: "
        + ", ".join(f"{path} {size}" for size, path in sizes)
    )
    assert total <= FIRST_SEARCH_BUDGET, sizes


def test_the_website_json_ld_on_the_home_page_says_how_to_search(prod_site, prod_url):
    import json

    def website(file):
        items = [json.loads(node.text()) for node in parse(file).css('script[type="application/ld+json"]')]
        return next(item for item in items if item["@type"] == "WebSite")

    assert website(prod_site / "index.html")["potentialAction"] == {
        "@type": "SearchAction",
        "target": {"@type": "EntryPoint", "urlTemplate": f"{prod_url}/pretraga/?q={{search_term_string}}"},
        "query-input": "required name=search_term_string",
    }
    # Search engines read it on the home page; other pages save the bytes.
    assert "potentialAction" not in website(page_file(prod_site, "/kontakt/"))
