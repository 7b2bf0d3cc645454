"""The Cyrillic edition (issue #13) in the production build: every page's twin
under /cir/, both editions pointing at each other, text that reads back to the
Latin page, feeds, sitemap, structured data, share cards, the switch in a
browser, and the check's warning for words the transliteration cannot judge."""

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from cyrillic.translit import CYRILLIC_RE, LATIN_RE, TOKEN_RE, is_kept, to_cyrillic, to_latin
from PIL import Image

from chromium import page_in
from pages import meta, page_file, parse, sitemap, text
from serbian.collation import sort_key
from site_tools.check import run_check

CIR = "cir/"
POST = "/izbor-va-i-zavrsetak-saradnje/"
MYTHS = "/faq/mitovi-o-virtuelnim-asistentima/"
# Kept out of the text comparison: the switch (it names the other script) and
# what is kept as written on purpose (code, marked text, other languages).
NOT_TEXT = ".script-switch, code, pre, script, style, svg, [translate=no]"


def latin_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if not path.relative_to(site).as_posix().startswith(CIR))


def twin_of(site: Path, page: Path) -> Path:
    return site / CIR / page.relative_to(site)


def addresses(site: Path, page: Path, base: str) -> tuple[str, str]:
    """The Latin page's address as its canonical link gives it (Pelican's URL; the 404 page has none,
    and is served at its file's path), and its twin's: the same path under /cir/."""
    canonical = parse(page).css_first("link[rel=canonical]")
    relative = page.relative_to(site).as_posix()
    latin = canonical.attributes["href"] if canonical is not None else f"{base}/{relative}"
    path = latin.removeprefix(base + "/")
    assert (
        latin.startswith(base + "/") and (path + "index.html" if path.endswith("/") or not path else path) == relative
    )
    return latin, f"{base}/{CIR}{path}"


def visible_text(tree) -> str:
    for node in tree.css(NOT_TEXT):
        node.decompose()
    return " ".join(tree.body.text(separator=" ").replace("\xa0", " ").split())


def test_every_latin_page_has_its_twin_and_nothing_else_is_under_cir(prod_site):
    latin = latin_pages(prod_site)
    assert len(latin) >= 40
    twins = sorted((prod_site / CIR).rglob("*.html"))
    assert twins == sorted(twin_of(prod_site, page) for page in latin)


def test_both_editions_declare_their_script_and_point_at_each_other(prod_site, base):
    for page in latin_pages(prod_site):
        twin = twin_of(prod_site, page)
        latin_url, cyrillic_url = addresses(prod_site, page, base)
        expected = {"sr-Latn": latin_url, "sr-Cyrl": cyrillic_url, "x-default": latin_url}
        has_canonical = []
        for path, lang, own in ((page, "sr-Latn", latin_url), (twin, "sr-Cyrl", cyrillic_url)):
            tree = parse(path)
            where = path.relative_to(prod_site)
            assert tree.css_first("html").attributes["lang"] == lang, where
            links = {node.attributes["hreflang"]: node.attributes["href"] for node in tree.css("link[hreflang]")}
            assert links == expected, where
            canonical = tree.css_first("link[rel=canonical]")
            has_canonical.append(canonical is not None)
            if canonical is not None:
                assert canonical.attributes["href"] == own and meta(tree, "og:url") == own, where
            switch = tree.css_first(".script-switch a")
            assert switch.attributes["href"] == (cyrillic_url if path == page else latin_url), where
            assert text(switch) == ("Ћирилица" if path == page else "Latinica")
        assert has_canonical[0] == has_canonical[1], f"{page}: a canonical link in both editions or neither"
    for path in ("/", POST, MYTHS, "/oznake/"):
        links = {
            node.attributes["hreflang"]: node.attributes["href"]
            for node in parse(page_file(prod_site, path)).css("link[hreflang]")
        }
        assert links == {"sr-Latn": base + path, "sr-Cyrl": f"{base}/cir{path}", "x-default": base + path}


def alphabetical_items(tree) -> list[str]:
    """The items of the page's alphabetical lists, in order; the lists then leave `tree`."""
    items = []
    for listed in tree.css("[data-alphabetical]"):
        items += [" ".join(item.text().split()) for item in listed.iter(include_text=False)]
        listed.decompose()
    return items


def test_the_twin_reads_back_as_the_latin_page(prod_site):
    """Cyrillic → Latin of every twin's text is the Latin page's text (kept words are Latin in both);
    an alphabetical list has the same items, each edition in its own alphabet's order."""
    for page in latin_pages(prod_site):
        latin_tree, cyrillic_tree = parse(page), parse(twin_of(prod_site, page))
        latin_items, cyrillic_items = alphabetical_items(latin_tree), alphabetical_items(cyrillic_tree)
        assert sorted(map(to_latin, cyrillic_items)) == sorted(latin_items), page.relative_to(prod_site)
        assert latin_items == sorted(latin_items, key=sort_key) and cyrillic_items == sorted(
            cyrillic_items, key=sort_key
        )
        latin = visible_text(latin_tree)
        cyrillic = visible_text(cyrillic_tree)
        assert to_latin(cyrillic) == latin, page.relative_to(prod_site)
        assert cyrillic == to_cyrillic(latin)


def test_tags_and_categories_are_in_serbian_alphabetical_order(prod_site):
    """Code-point order put „#poverenje” before „#početak”, and kept the Latin order on the Cyrillic page."""
    for name in ("oznake", "kategorije"):
        latin = alphabetical_items(parse(prod_site / name / "index.html"))
        cyrillic = alphabetical_items(parse(prod_site / CIR / name / "index.html"))
        assert len(latin) >= 4 and latin == sorted(latin, key=sort_key) and cyrillic == sorted(cyrillic, key=sort_key)
    tags = [item.split()[0] for item in alphabetical_items(parse(prod_site / "oznake" / "index.html"))]
    assert tags.index("#početak") < tags.index("#poverenje")
    twins = [item.split()[0] for item in alphabetical_items(parse(prod_site / CIR / "oznake" / "index.html"))]
    assert twins.index("#делегирање") < twins.index("#цене") and twins != [to_cyrillic(tag) for tag in tags]


def test_no_latin_words_in_the_twins_but_kept_ones(prod_site):
    latin_words = set()
    for twin in (prod_site / CIR).rglob("*.html"):
        tree = parse(twin)
        for node in tree.css(NOT_TEXT):
            node.decompose()
        for match in TOKEN_RE.finditer(tree.body.text(separator=" ") + " " + tree.css_first("title").text()):
            word = match.group("word")
            if word and LATIN_RE.search(word) and not is_kept(word):
                latin_words.add(word)
    assert not latin_words
    assert CYRILLIC_RE.search(parse(prod_site / CIR / "index.html").body.text())


def test_the_twins_show_the_drawings_in_cyrillic(prod_site, base):
    """A diagram's words are part of the page: each twin's SVG is the Latin one with its text transliterated."""
    drawings = {}
    for twin in (prod_site / CIR).rglob("*.html"):
        for image in parse(twin).css("main img[src$='.svg']"):
            drawings[image.attributes["src"]] = twin
    assert len(drawings) >= 3
    for src in drawings:
        assert src.startswith(base + "/cir/images/"), f"{drawings[src]} shows the Latin {src}"
        svg = (prod_site / src.removeprefix(base + "/")).read_text(encoding="utf-8")
        latin = (prod_site / src.removeprefix(base + "/cir/")).read_text(encoding="utf-8")
        shown = " ".join(re.findall(r"<(?:text|tspan|title|desc)\b[^>]*>([^<]*)<", svg))
        words = [m.group("word") for m in TOKEN_RE.finditer(shown) if m.group("word")]
        assert words and not [w for w in words if LATIN_RE.search(w) and not is_kept(w)], src
        assert to_latin(svg) == to_latin(latin) and svg != latin, "only the text changed"
        assert ET.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg", "still well-formed SVG"


def test_dates_reading_time_and_faq_labels_are_in_cyrillic(prod_site):
    post = parse(page_file(prod_site, "/cir" + POST))
    assert re.search(
        r"\d{1,2}\. (јануара|фебруара|марта|априла|маја|јуна|јула|августа|септембра|октобра|новембра|децембра) \d{4}\.",
        text(post.css_first("time")),
    )
    assert "мин читања" in text(post.body)
    myths = parse(page_file(prod_site, "/cir" + MYTHS))
    labels = {text(node).rstrip(":") for node in myths.css(".faq-label")}
    assert labels == {"Мит", "Чињеница"}
    latin_ids = [node.attributes["id"] for node in parse(page_file(prod_site, MYTHS)).css("[id]")]
    assert [node.attributes["id"] for node in myths.css("[id]")] == latin_ids, "same ids: #fragments work in both"


def test_structured_data_is_in_cyrillic_and_about_the_twin(prod_site, base):
    tree = parse(page_file(prod_site, "/cir" + MYTHS))
    items = [json.loads(node.text()) for node in tree.css('script[type="application/ld+json"]')]
    faq = next(item for item in items if item["@type"] == "FAQPage")
    latin_items = [
        json.loads(n.text()) for n in parse(page_file(prod_site, MYTHS)).css('script[type="application/ld+json"]')
    ]
    latin_faq = next(item for item in latin_items if item["@type"] == "FAQPage")
    assert faq["inLanguage"] == "sr-Cyrl" and faq["url"] == f"{base}/cir{MYTHS}"
    assert faq["name"] == to_cyrillic(text(parse(page_file(prod_site, MYTHS)).css_first("h1")))
    assert [question["name"] for question in faq["mainEntity"]] == [
        to_cyrillic(question["name"]) for question in latin_faq["mainEntity"]
    ]
    assert faq["primaryImageOfPage"]["url"] == meta(tree, "og:image")


def test_the_cyrillic_home_page_says_how_to_search_its_own_edition(prod_site, base):
    latin, cyrillic = (
        json.loads(parse(page_file(prod_site, path)).css_first('script[type="application/ld+json"]').text())
        for path in ("/", "/cir/")
    )
    action, twin = (
        next(item for item in data.get("@graph", [data]) if item.get("potentialAction"))["potentialAction"]
        for data in (latin, cyrillic)
    )
    assert twin["target"]["urlTemplate"] == f"{base}/cir/pretraga/?q={{search_term_string}}"
    assert twin["query-input"] == action["query-input"] == "required name=search_term_string"


def test_the_author_and_the_publisher_are_the_same_entities_in_both_editions(prod_site, base):
    def ids(path):
        found = {}
        for node in parse(page_file(prod_site, path)).css('script[type="application/ld+json"]'):
            data = json.loads(node.text())
            for item in [data, data.get("publisher") or {}, data.get("author") or {}]:
                if item.get("@type") in ("Person", "Organization"):
                    found[item["@type"]] = item["@id"]
        return found

    assert ids(MYTHS) == ids("/cir" + MYTHS) == {"Person": f"{base}/#autor", "Organization": f"{base}/#izdavac"}


def test_the_cyrillic_edition_installs_as_itself(prod_site, base):
    """Added to a phone's home screen from a /cir/ page: „ВА водич”, opening at /cir/, with the site's icons."""
    link = parse(page_file(prod_site, "/cir/")).css_first("link[rel=manifest]").attributes["href"]
    assert link == f"{base}/cir/manifest.webmanifest"
    manifest = json.loads((prod_site / "cir/manifest.webmanifest").read_text(encoding="utf-8"))
    assert (manifest["name"], manifest["lang"], manifest["start_url"]) == ("ВА водич", "sr-Cyrl", "./")
    latin_manifest = json.loads((prod_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert sizes == {icon["sizes"] for icon in latin_manifest["icons"]} and sizes >= {"192x192", "512x512"}
    for icon in manifest["icons"]:
        assert (prod_site / "cir" / icon["src"]).resolve().is_file(), icon
    latin = parse(page_file(prod_site, "/")).css_first("link[rel=manifest]").attributes["href"]
    assert latin == f"{base}/manifest.webmanifest"


def test_share_cards_are_drawn_in_cyrillic(prod_site, base):
    latin, cyrillic = (meta(parse(page_file(prod_site, path)), "og:image") for path in (POST, "/cir" + POST))
    assert latin != cyrillic and cyrillic.startswith(base + "/share/")
    card = prod_site / cyrillic.removeprefix(base + "/")
    with Image.open(card) as image:
        assert image.size == (1200, 630)
    assert meta(parse(page_file(prod_site, "/cir" + POST)), "og:image:alt").startswith("ВА водич: ")


def test_the_sitemap_lists_both_editions(prod_site, base):
    entries = sitemap(prod_site)
    latin = {loc: lastmod for loc, lastmod in entries.items() if not loc.startswith(f"{base}/cir/")}
    assert f"{base}/" in latin and f"{base}{POST}" in latin
    assert {loc.replace(base, f"{base}/cir", 1): lastmod for loc, lastmod in latin.items()} == {
        loc: lastmod for loc, lastmod in entries.items() if loc.startswith(f"{base}/cir/")
    }
    assert not any("404" in loc for loc in entries)


@pytest.mark.parametrize("name", ["sve.atom.xml", "sve.rss.xml", "kategorija-saradnja.atom.xml"])
def test_the_feeds_have_cyrillic_twins(prod_site, base, name):
    latin = feedparser.parse((prod_site / "feeds" / name).read_bytes())
    cyrillic = feedparser.parse((prod_site / CIR / "feeds" / name).read_bytes())
    assert not cyrillic.bozo and len(cyrillic.entries) == len(latin.entries) > 0
    assert cyrillic.feed.get("language") == "sr-Cyrl"
    for latin_entry, entry in zip(latin.entries, cyrillic.entries, strict=True):
        assert entry.title == to_cyrillic(latin_entry.title)
        assert entry.link == latin_entry.link.replace(base, f"{base}/cir", 1)
        assert entry.id != latin_entry.id
        assert CYRILLIC_RE.search(entry.summary)
    pages = parse(prod_site / CIR / "index.html")
    feeds = [node.attributes["href"] for node in pages.css('link[rel=alternate][type$="xml"]')]
    assert feeds and all(href.startswith(f"{base}/cir/feeds/") for href in feeds)


@pytest.mark.parametrize("name", ["sve.atom.xml", "sve.rss.xml"])
def test_the_cyrillic_feeds_show_the_cyrillic_drawings(prod_site, base, name):
    """A drawing with words, in a Cyrillic feed entry, is its Cyrillic twin, as on the twin page."""
    latin = (prod_site / "feeds" / name).read_text(encoding="utf-8")
    cyrillic = (prod_site / CIR / "feeds" / name).read_text(encoding="utf-8")
    drawings = set(re.findall(rf"{re.escape(base)}/(images/[\w-]+\.svg)", latin))
    twinned = {path for path in drawings if (prod_site / CIR / path).is_file()}
    assert twinned, "the content has drawings with words in its feed"
    for path in twinned:
        assert f"{base}/{path}" not in cyrillic and f"{base}/cir/{path}" in cyrillic


def test_inline_scripts_are_the_same_bytes_in_both_editions(prod_site):
    def scripts(path):
        return [
            node.text() for node in parse(path).css("script") if node.attributes.get("type") != "application/ld+json"
        ]

    for path in (POST, MYTHS, "/"):
        latin = page_file(prod_site, path)
        assert scripts(latin) == scripts(twin_of(prod_site, latin)) != []


def test_the_switch_leads_to_the_same_page_in_the_other_script(browser, prod_url):
    with page_in(browser, viewport={"width": 375, "height": 700}) as page:
        page.goto(prod_url + POST)
        title = page.locator("h1").inner_text()
        page.get_by_role("link", name="Ћирилица").click()
        page.wait_for_url(prod_url + "/cir" + POST)
        assert page.locator("html").get_attribute("lang") == "sr-Cyrl"
        assert page.locator("h1").inner_text() == to_cyrillic(title)
        assert page.get_by_role("button", name="Тамна тема").is_visible()
        page.get_by_role("link", name="Latinica").click()
        page.wait_for_url(prod_url + POST)
        assert page.locator("h1").inner_text() == title
        # A #fragment works in both editions, the switch keeps it, and a miss under /cir/ gets the Cyrillic 404 page.
        page.goto(prod_url + MYTHS + "#va-je-moj-zaposleni")
        page.get_by_role("link", name="Ћирилица").click()
        page.wait_for_url(prod_url + "/cir" + MYTHS + "#va-je-moj-zaposleni")
        assert page.locator("#va-je-moj-zaposleni").is_visible()
        response = page.goto(prod_url + "/cir/ova-stranica-ne-postoji/")
        assert response.status == 404 and page.locator("html").get_attribute("lang") == "sr-Cyrl"


def test_the_check_warns_about_words_it_cannot_transliterate(tmp_path):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "alati.md").write_text(
        "Title: Alati koje koristim\nDate: 2026-11-27 09:00\nCategory: Alati\nSummary: Kratak pregled alata.\n\n"
        "Zadatke vodim u Trellu, a sastanke držim na Zoomu.\n\n"
        "Ankete pravim u Typeformu, a sajt je na Wixu.\n\n"
        'Za tabele je tu <span translate="no">Airtable Xtra</span>, označen da ostane kako je napisan.\n',
        encoding="utf-8",
    )
    result = run_check(content)
    warnings = [problem for problem in result.problems if not problem.is_error and "w, x, y ili q" in problem.message]
    assert [(Path(problem.path).name, problem.line) for problem in warnings] == [("alati.md", 8), ("alati.md", 8)]
    assert {re.search(r"„(\w+)”", problem.message).group(1) for problem in warnings} == {"Typeformu", "Wixu"}
    assert "plugins/cyrillic/kept_words.txt" in warnings[0].message


def test_every_twin_has_its_card_and_names_the_site_in_cyrillic(prod_site, base):
    for twin in sorted((prod_site / CIR).rglob("*.html")):
        tree = parse(twin)
        where = twin.relative_to(prod_site)
        assert meta(tree, "og:site_name") == "ВА водич" and CYRILLIC_RE.search(meta(tree, "description")), where
        image = meta(tree, "og:image")
        assert image.startswith(base + "/share/") and (prod_site / image.removeprefix(base + "/")).is_file(), where
        items = [json.loads(node.text()) for node in tree.css('script[type="application/ld+json"]')]
        website = next(item for item in items if item["@type"] == "WebSite")
        assert website["publisher"]["name"] == "ВА водич" and website["url"] == f"{base}/cir/", where
        assert website["inLanguage"] == "sr-Cyrl", where


EXCEPTIONS_POST = """Title: Nadživeti gužvu: konjunkcija alata i injekcija reda
Date: 2026-11-27 09:00
Category: Alati
Tags: alati
Summary: Kako podžupan, njiva i LJUBAV prema redu opstaju uz Zoom, Trello i Viber.

## Džep pun alata

NJIVA je velika, a Ljubav prema poslu vanjezički signal. Sastanke držim na Zoomu,
zadatke u Trellu, poruke na Viberu, a dokumente u Google Meetu delim sa Đorđem.

Pišite na kontakt@vavodic.rs ili pogledajte https://www.example.com/Vodic/ pre sastanka.
Komanda `ljubav --nadživeti` i <span translate="no">Ljubav ostaje latinicom</span> se ne menjaju.
"""


def test_a_post_full_of_exceptions_and_names_reads_right_in_cyrillic(tmp_path):
    """A post written for this test (not in content/), built with the whole production pipeline."""
    from conftest import copy_project
    from site_tools.build import PROD_SETTINGS, pelican_command

    project = copy_project(tmp_path / "project")
    (project / "content" / "posts" / "izuzeci.md").write_text(EXCEPTIONS_POST, encoding="utf-8")
    output = tmp_path / "site"
    settings = {"SITEURL": "https://vavodic.rs", "SHARE_IMAGE_CACHE": str(tmp_path / "cards")}
    built = subprocess.run(
        pelican_command(PROD_SETTINGS, output, settings), cwd=project, capture_output=True, text=True
    )
    assert built.returncode == 0, built.stdout + built.stderr
    slug = "/nadziveti-guzvu-konjunkcija-alata-i-injekcija-reda/"
    tree = parse(page_file(output, "/cir" + slug))
    assert text(tree.css_first("h1")) == "Надживети гужву: конјункција алата и инјекција реда"
    assert text(tree.css_first("article h2")) == "Џеп пун алата"
    body = " ".join(text(node) for node in tree.css("article .post-content p"))
    for expected in (
        "ЊИВА је велика, а Љубав према послу ванјезички сигнал.",
        "Састанке држим на Zoomu,",
        "задатке у Trellu, поруке на Viberu, а документе у Google Meetu делим са Ђорђем.",
        "Пишите на kontakt@vavodic.rs или погледајте https://www.example.com/Vodic/ пре састанка.",
        "Команда ljubav --nadživeti и Ljubav ostaje latinicom се не мењају.",
    ):
        assert expected in body, expected
    assert meta(tree, "description") == "Како поджупан, њива и ЉУБАВ према реду опстају уз Zoom, Trello и Viber."
    assert not any(char in body for char in "\u200b\u200c\u200d\u2060\ufeff")
