"""FAQ pages in the built site: questions, ids, links, JSON-LD, and a real browser.

The FAQ pages are each file in content/faq/ at the address Pelican gave it,
so a new FAQ file is covered without touching this file.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from selectolax.lexbor import LexborHTMLParser

from chromium import page_in
from faq_pages import faq_jsonld, folded, html_text, shown_questions
from pages import page_file, parse, question_ids, text
from serbian import plural

ROOT = Path(__file__).resolve().parent.parent
FAQ_SOURCES = sorted((ROOT / "content" / "faq").glob("*.md"))
GOOGLE_ANSWER_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "ol",
    "ul",
    "li",
    "a",
    "p",
    "div",
    "b",
    "strong",
    "i",
    "em",
}
MYTHS = "/faq/mitovi-o-virtuelnim-asistentima/"
PRACTICAL = "/faq/kako-izgleda-saradnja-sa-va/"
OFFICE_POST = "/moze-li-va-da-radi-iz-moje-kancelarije/"


def faq_paths(documents) -> list[str]:
    """The address of every FAQ page the build published, as Pelican gave it."""
    return sorted(f"/{page.url}" for page in documents if page.template == "faq" and page.status == "published")


def address_of(documents, source: Path) -> str:
    return next(f"/{page.url}" for page in documents if ROOT / page.source == source)


def test_the_content_has_the_faq_pages_the_issue_asks_for(prod_documents):
    assert {MYTHS, PRACTICAL} <= set(faq_paths(prod_documents))
    assert len(faq_paths(prod_documents)) == len(FAQ_SOURCES), "every FAQ file is published"


@pytest.mark.parametrize("source", FAQ_SOURCES, ids=lambda source: source.name)
def test_html_and_jsonld_hold_the_same_questions_and_answers(prod_site, prod_documents, source):
    url_path = address_of(prod_documents, source)
    tree = parse(page_file(prod_site, url_path))
    data = faq_jsonld(tree)
    canonical = tree.css_first('link[rel="canonical"]').attributes["href"]
    assert data["url"] == canonical
    shown = shown_questions(tree)
    assert len(shown) >= 8
    in_jsonld = [folded(q["name"]) for q in data["mainEntity"]]
    assert in_jsonld == [question for _id, question, _answer in shown]
    # Each answer is its opening (plugins/faq/jsonld.py); the question's url is the whole answer.
    for question, (_id, _question, answer) in zip(data["mainEntity"], shown, strict=True):
        opening = html_text(question["acceptedAnswer"]["text"])
        assert len(opening) >= 20 and opening[-1] in ".!?…" and answer.startswith(opening)
    for question in data["mainEntity"]:
        answer = LexborHTMLParser(question["acceptedAnswer"]["text"])
        assert {node.tag for node in answer.body.traverse() if not node.tag.startswith("-")} - {"body"} <= (
            GOOGLE_ANSWER_TAGS
        )


@pytest.mark.parametrize("source", [*FAQ_SOURCES, None], ids=lambda source: source.name if source else "index")
def test_ids_are_unique_and_every_in_page_link_resolves(prod_site, prod_documents, source):
    url_path = address_of(prod_documents, source) if source else "/faq/"
    tree = parse(page_file(prod_site, url_path))
    ids = [node.attributes["id"] for node in tree.css("[id]")]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    fragments = [a.attributes["href"][1:] for a in tree.css('a[href^="#"]')]
    assert not set(fragments) - set(ids)
    if url_path != "/faq/":
        questions = [item.attributes["id"] for item in tree.css(".faq-item")]
        toc = [a.attributes["href"][1:] for a in tree.css(".faq-toc a")]
        assert toc == questions, "the list at the top names every question, in order"


def test_every_link_to_an_faq_question_in_the_site_resolves(prod_site, prod_url):
    """Posts, pages and FAQ answers link to questions as /faq/<page>/#<id>."""
    links = 0
    for path in prod_site.rglob("*.html"):
        for anchor in parse(path).css("a[href]"):
            url = urlsplit(anchor.attributes["href"])
            if not url.path.startswith("/faq/") or not url.fragment:
                continue
            links += 1
            target = parse(page_file(prod_site, url.path))
            node = target.css_first(f'[id="{url.fragment}"]')
            assert node is not None and "faq-item" in node.attributes.get("class", ""), (path, url.geturl())
    assert links >= 15, "posts and pages link to specific questions"


def test_posts_and_myths_point_at_each_other(prod_site):
    office = parse(page_file(prod_site, OFFICE_POST))
    myths_linked = {
        urlsplit(a.attributes["href"]).fragment
        for a in office.css(".post-content a[href]")
        if urlsplit(a.attributes["href"]).path == MYTHS
    }
    assert len(myths_linked) >= 3, "the office post links the myths it answers"
    myths = parse(page_file(prod_site, MYTHS))
    for item in myths.css(".faq-item"):
        posts = [
            a for a in item.css(".faq-answer a[href]") if not urlsplit(a.attributes["href"]).path.startswith("/faq/")
        ]
        assert posts, f"myth #{item.attributes['id']} points to no post that explains it"


def test_myths_are_labelled_myth_and_fact(prod_site):
    tree = parse(page_file(prod_site, MYTHS))
    items = tree.css(".faq-item")
    assert len(items) >= 8
    for item in items:
        assert text(item.css_first(".faq-question .faq-label")) == "Mit:"
        assert text(item.css_first(".faq-answer .faq-label")) == "Činjenica:"
        assert text(item.css_first(".faq-permalink")) == "Link do ovog mita"
        assert text(item.css_first(".faq-share-summary")) == "Podelite ovaj mit"
    practical = parse(page_file(prod_site, PRACTICAL))
    assert not practical.css(".faq-label")
    for item in practical.css(".faq-item"):
        assert text(item.css_first(".faq-permalink")) == "Link do ovog pitanja"
        assert text(item.css_first(".faq-share-summary")) == "Podelite ovo pitanje"


def test_the_faq_index_lists_every_faq_page(prod_site, prod_url, prod_documents):
    tree = parse(page_file(prod_site, "/faq/"))
    assert text(tree.css_first("main h1")) == "Česta pitanja"
    cards = {urlsplit(card.css_first("h2 a").attributes["href"]).path: card for card in tree.css(".faq-card")}
    assert sorted(cards) == faq_paths(prod_documents)
    # The count is the page's questions, in its Serbian plural form.
    myths, practical = (len(parse(page_file(prod_site, path)).css(".faq-item")) for path in (MYTHS, PRACTICAL))
    assert myths >= 8 and practical >= 8
    assert text(cards[MYTHS].css_first(".faq-count")) == f"{myths} {plural(myths, 'mit', 'mita', 'mitova')}"
    assert (
        text(cards[PRACTICAL].css_first(".faq-count"))
        == f"{practical} {plural(practical, 'pitanje', 'pitanja', 'pitanja')}"
    )
    assert [text(li) for li in tree.css(".breadcrumbs li")] == ["Početna", "Česta pitanja"]
    faq_page = parse(page_file(prod_site, MYTHS))
    crumb_links = [a.attributes["href"] for a in faq_page.css(".breadcrumbs a")]
    assert crumb_links == [f"{prod_url}/", f"{prod_url}/faq/"]


@pytest.mark.parametrize("url_path", ["/", OFFICE_POST, "/kontakt/", MYTHS, "/faq/"])
def test_faq_is_in_the_main_navigation(prod_site, prod_url, url_path):
    nav = parse(page_file(prod_site, url_path)).css_first('nav[aria-label="Glavni meni"]')
    link = next(a for a in nav.css("a") if text(a) == "Pitanja")
    assert link.attributes["href"] == f"{prod_url}/faq/"
    assert ("aria-current" in link.attributes) == (url_path == "/faq/")


def test_the_faq_script_is_small_deferred_and_only_on_faq_pages(prod_site):
    scripts = [s for s in parse(page_file(prod_site, MYTHS)).css("script[src]") if "faq" in s.attributes["src"]]
    assert len(scripts) == 1 and "defer" in scripts[0].attributes
    script = prod_site / urlsplit(scripts[0].attributes["src"]).path.lstrip("/")
    assert script.stat().st_size < 3000
    assert not [s for s in parse(page_file(prod_site, OFFICE_POST)).css("script[src]") if "faq" in s.attributes["src"]]


# --- In Chromium --------------------------------------------------------------

TARGETS = [(MYTHS, -1), (MYTHS, 4), (PRACTICAL, 6)]  # (page, question index): far down, so it must scroll


@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
@pytest.mark.parametrize(("url_path", "index"), TARGETS)
def test_a_link_to_a_question_shows_it_expanded(browser, prod_site, prod_url, url_path, index, javascript):
    question_id = question_ids(prod_site, url_path)[index]
    with page_in(browser, java_script_enabled=javascript, viewport={"width": 390, "height": 740}) as page:
        page.goto(f"{prod_url}{url_path}#{question_id}")
        item = page.locator(f'[id="{question_id}"]')
        expect(item).to_have_attribute("open", "")
        expect(item.locator(".faq-question")).to_be_in_viewport()
        expect(item.locator(".faq-answer")).to_be_visible()
        expect(item.locator(".faq-answer p").first).to_be_in_viewport()
        expect(item.locator(".faq-permalink")).to_have_attribute("href", f"#{question_id}")
        copy = item.locator(".faq-copy")
        if javascript:
            expect(copy).to_be_visible()
        else:
            expect(copy).to_be_hidden()  # no control that cannot work
            expect(item.locator(".faq-copy-status")).to_have_text("")


def test_a_folded_question_opens_again_when_a_link_targets_it(browser, prod_site, prod_url):
    ids = question_ids(prod_site, MYTHS)
    with page_in(browser, viewport={"width": 390, "height": 740}) as page:
        page.goto(f"{prod_url}{MYTHS}#{ids[2]}")
        for question_id in (ids[2], ids[7]):
            item = page.locator(f'[id="{question_id}"]')
            item.locator(".faq-summary").click()  # the reader folds it
            expect(item).not_to_have_attribute("open", "")
            expect(item.locator(".faq-answer")).to_be_hidden()
            page.locator(f'.faq-toc a[href="#{question_id}"]').click()
            expect(item).to_have_attribute("open", "")
            expect(item.locator(".faq-answer")).to_be_visible()
            expect(item.locator(".faq-question")).to_be_in_viewport()


def test_copy_link_copies_the_question_address_and_says_so(browser, prod_site, prod_url):
    question_id = question_ids(prod_site, PRACTICAL)[3]
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=prod_url)
    try:
        page = context.new_page()
        page.goto(f"{prod_url}{PRACTICAL}")
        item = page.locator(f'[id="{question_id}"]')
        status = item.locator(".faq-copy-status")
        expect(status).to_have_attribute("role", "status")
        item.locator(".faq-copy").click()
        expect(status).to_have_text("Link je kopiran.")
        assert page.evaluate("navigator.clipboard.readText()") == f"{prod_url}{PRACTICAL}#{question_id}"
    finally:
        context.close()
