"""The foundation: every page type builds (warnings are fatal), in Serbian."""

import re

import pytest

from pages import meta, page_file, parse, text

OFFICE_POST = "/moze-li-va-da-radi-iz-moje-kancelarije/"

PAGE_TYPES = {  # page type: (address, its heading)
    "home": ("/", "Šta treba da znate o radu sa virtuelnim asistentom"),
    "home, page 2": ("/strana/2/", "Blog — strana 2"),
    "article": (OFFICE_POST, "Može li VA da radi iz moje kancelarije?"),
    "page": ("/o-meni/", "O meni"),
    "services page": ("/usluge/", "Usluge"),
    "contact page": ("/kontakt/", "Kontakt"),
    "category": ("/kategorija/saradnja/", "Kategorija: Saradnja"),
    "tag": ("/oznaka/poverenje/", "Oznaka: poverenje"),
    "archives": ("/arhiva/", "Arhiva"),
    "category list": ("/kategorije/", "Kategorije"),
    "tag list": ("/oznake/", "Oznake"),
    "404": ("/404.html", "Stranica nije pronađena"),
}


@pytest.mark.parametrize(("url_path", "heading"), PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_every_page_type_is_built_in_serbian(dev_site, url_path, heading):
    path = page_file(dev_site, url_path)
    assert path.is_file(), f"{url_path} was not built"
    tree = parse(path)
    assert tree.css_first("html").attributes["lang"] == "sr-Latn"
    assert text(tree.css_first("main h1")) == heading
    assert tree.css_first('nav[aria-label="Glavni meni"]')


def test_post_page_has_title_date_url_and_serbian_quotes(dev_site):
    tree = parse(page_file(dev_site, OFFICE_POST))
    assert tree.css_first("title").text() == "Može li VA da radi iz moje kancelarije? — VA vodič"
    assert text(tree.css_first("article h1")) == "Može li VA da radi iz moje kancelarije?"
    time = tree.css_first("article .post-meta time")
    assert time.text() == "10. marta 2026."
    assert time.attributes["datetime"].startswith("2026-03-10T09:00:00+01:00")
    prose = tree.css_first(".post-content").text()
    assert "„" in prose and "”" in prose
    assert not re.search(r'["“]', prose), "ASCII or English quotes in the post's prose"


def test_links_use_pretty_urls(dev_site):
    listings = ["/"] + [f"/strana/{page.name}/" for page in (dev_site / "strana").iterdir()]
    assert len(listings) >= 2, "the home page is paginated"
    hrefs = [a.attributes.get("href") for listing in listings for a in parse(page_file(dev_site, listing)).css("a")]
    assert OFFICE_POST in hrefs
    assert not [href for href in hrefs if href and href.endswith(".html")]


def test_no_typogrify_markup_in_title_or_meta(dev_site):
    for path in dev_site.rglob("*.html"):
        tree = parse(path)
        title = tree.css_first("title").text()
        description = meta(tree, "description") or ""
        for shown in (title, description):
            assert "<span" not in shown and "&nbsp;" not in shown and "\xa0" not in shown, path
        assert "&amp;nbsp;" not in path.read_text(encoding="utf-8"), path


def test_body_keeps_typogrify_refinements(dev_site):
    html = page_file(dev_site, OFFICE_POST).read_text(encoding="utf-8")
    # No widont: a no-break space between a title's last two words broke a word on a phone instead;
    # the stylesheet asks the browser for even lines (text-wrap: balance, pretty).
    assert not re.search(r"\w&nbsp;\w", html.split("<main", 1)[1])
    # But no <span class="caps"> (TYPOGRIFY_OMIT_FILTERS): no CSS styles it, so it is only weight.
    assert 'class="caps"' not in html


def test_stylesheet_is_one_cache_busted_file(dev_site):
    tree = parse(page_file(dev_site, "/"))
    links = tree.css('link[rel="stylesheet"]')
    assert len(links) == 1
    href = links[0].attributes["href"]
    assert re.fullmatch(r"/theme/css/site\.[0-9a-f]{10}\.css", href)
    assert (dev_site / href.lstrip("/")).stat().st_size > 500
