"""A Latin page → its Cyrillic twin (mirror.py), on a small page with every case."""

import json

from selectolax.lexbor import LexborHTMLParser

from cyrillic.editions import editions, mirrors, to_cyrillic_url, url_of
from cyrillic.mirror import cyrillic_page

SITE = "https://vavodic.rs"
SCRIPT = '<script data-label="Tamna tema">var label = "Tamna tema"; if (a < b && c) {}</script>'
PAGE = f"""<!doctype html>
<html lang="sr-Latn">
<head>
<meta charset="utf-8">
<title>Ljubav prema poslu — VA vodič</title>
<meta name="description" content="Kako da nadživite gužvu u Trellu.">
<link rel="canonical" href="{SITE}/ljubav/">
<meta property="og:url" content="{SITE}/ljubav/">
<meta property="og:title" content="Ljubav prema poslu">
<meta property="og:image" content="{SITE}/share/ljubav.abc.png">
<meta property="article:author" content="{SITE}/o-meni/">
<link rel="alternate" type="application/atom+xml" href="{SITE}/feeds/sve.atom.xml" title="Sve objave">
<link rel="alternate" hreflang="sr-Latn" href="{SITE}/ljubav/">
<link rel="alternate" hreflang="sr-Cyrl" href="{SITE}/cir/ljubav/">
<link rel="stylesheet" href="{SITE}/theme/css/site.1.css">
<script type="application/ld+json">{{"@type":"BlogPosting","headline":"Ljubav","url":"{SITE}/ljubav/",\
"inLanguage":"sr-Latn","image":"{SITE}/share/ljubav.abc.png","datePublished":"2026-11-27T09:00:00+01:00"}}</script>
{SCRIPT}
<style>p::before {{ content: "Činjenica"; }}</style>
</head>
<body>
<div class="script-switch"><a href="{SITE}/cir/ljubav/" hreflang="sr-Cyrl" lang="sr-Cyrl">Ћирилица</a></div>
<h2 id="injekcija-znanja">Injekcija znanja, 27. novembar 2026.</h2>
<p>Pišite na <a href="mailto:kontakt@vavodic.rs">kontakt@vavodic.rs</a> ili vidite <a href="/o-meni/#rad">o meni</a>,
<a href="https://trello.com/b/x">Trello</a> i <a href="{SITE}/images/slika.jpg">sliku</a>.</p>
<img src="/images/a.jpg" alt="Džep pun ideja" title="Podžupan">
<p><code>ljubav = "nadživeti"</code> i <span translate="no">Nadživeti ostaje</span>, <q lang="en">hello world</q>.</p>
<button aria-label="Kopirajte link" data-copy-url="{SITE}/ljubav/#injekcija-znanja">Kopirajte</button>
<a class="share-link" href="viber://forward?text=Ljubav%20{SITE.replace(":", "%3A").replace("/", "%2F")}%2Fljubav%2F">Viber</a>
<form action="/pretraga/"><input placeholder="Traži"></form>
</body>
</html>"""


def twin() -> LexborHTMLParser:
    return LexborHTMLParser(cyrillic_page(PAGE, SITE, f"{SITE}/ljubav/", {f"{SITE}/share/ljubav.abc.png": "CARD"}))


def attr(tree, selector, name="content"):
    return tree.css_first(selector).attributes[name]


def test_the_twin_declares_its_language_and_points_at_itself():
    tree = twin()
    assert attr(tree, "html", "lang") == "sr-Cyrl"
    assert attr(tree, "link[rel=canonical]", "href") == f"{SITE}/cir/ljubav/"
    assert attr(tree, "meta[property='og:url']") == f"{SITE}/cir/ljubav/"
    hreflang = {node.attributes["hreflang"]: node.attributes["href"] for node in tree.css("link[hreflang]")}
    assert hreflang == {"sr-Latn": f"{SITE}/ljubav/", "sr-Cyrl": f"{SITE}/cir/ljubav/"}


def test_text_attributes_and_metas_are_in_cyrillic():
    tree = twin()
    assert tree.css_first("title").text() == "Љубав према послу — ВА водич"
    assert attr(tree, "meta[name=description]") == "Како да надживите гужву у Trellu."
    assert attr(tree, "meta[property='og:title']") == "Љубав према послу"
    assert tree.css_first("h2").text() == "Инјекција знања, 27. новембар 2026."
    assert attr(tree, "h2", "id") == "injekcija-znanja", "ids stay Latin, so #fragments work in both editions"
    assert attr(tree, "img", "alt") == "Џеп пун идеја" and attr(tree, "img", "title") == "Поджупан"
    assert attr(tree, "button", "aria-label") == "Копирајте линк"
    assert attr(tree, "input", "placeholder") == "Тражи"
    assert attr(tree, "link[type='application/atom+xml']", "title") == "Све објаве"


def test_code_scripts_styles_and_marked_text_are_kept():
    html = cyrillic_page(PAGE, SITE, f"{SITE}/ljubav/")
    tree = LexborHTMLParser(html)
    assert tree.css_first("code").text() == 'ljubav = "nadživeti"'
    assert tree.css_first("[translate=no]").text() == "Nadživeti ostaje"
    assert tree.css_first("q").text() == "hello world"
    assert tree.css_first("style").text() == 'p::before { content: "Činjenica"; }'
    script = next(node for node in tree.css("script") if not node.attributes.get("type"))
    assert script.text() == LexborHTMLParser(SCRIPT).css_first("script").text(), "byte for byte: its CSP hash holds"
    assert script.attributes["data-label"] == "Тамна тема"
    assert "kontakt@vavodic.rs" in tree.css_first("p").text()


def test_links_to_pages_and_feeds_go_to_the_twins_and_files_stay():
    tree = twin()
    hrefs = [node.attributes["href"] for node in tree.css("a[href]")]
    assert "/cir/o-meni/#rad" in hrefs
    assert "https://trello.com/b/x" in hrefs and "mailto:kontakt@vavodic.rs" in hrefs
    assert f"{SITE}/images/slika.jpg" in hrefs
    assert attr(tree, "link[rel=stylesheet]", "href") == f"{SITE}/theme/css/site.1.css"
    assert attr(tree, "link[type='application/atom+xml']", "href") == f"{SITE}/cir/feeds/sve.atom.xml"
    assert attr(tree, "form", "action") == "/cir/pretraga/"
    assert attr(tree, "meta[property='article:author']") == f"{SITE}/cir/o-meni/"
    assert attr(tree, "button", "data-copy-url") == f"{SITE}/cir/ljubav/#injekcija-znanja"
    assert attr(tree, "a.share-link", "href") == "viber://forward?text=Љубав%20https://vavodic.rs/cir/ljubav/"


def test_the_switch_leads_back_to_latin():
    switch = twin().css_first(".script-switch a")
    assert switch.text() == "Latinica"
    assert switch.attributes == {"href": f"{SITE}/ljubav/", "hreflang": "sr-Latn", "lang": "sr-Latn"}


def test_json_ld_and_share_image():
    tree = twin()
    data = json.loads(tree.css_first("script[type='application/ld+json']").text())
    assert data == {
        "@type": "BlogPosting",
        "headline": "Љубав",
        "url": f"{SITE}/cir/ljubav/",
        "inLanguage": "sr-Cyrl",
        "image": "CARD",
        "datePublished": "2026-11-27T09:00:00+01:00",
    }
    assert attr(tree, "meta[property='og:image']") == "CARD"


def test_addresses_of_both_editions():
    assert url_of("a/b/index.html") == "a/b/" and url_of("index.html") == "" and url_of("404.html") == "404.html"
    pair = editions(SITE, "kategorija/alati/strana/2/index.html")
    assert pair.latin == f"{SITE}/kategorija/alati/strana/2/"
    assert pair.cyrillic == f"{SITE}/cir/kategorija/alati/strana/2/"
    assert editions(SITE, "cir/index.html") is None and editions(SITE, "feeds/sve.atom.xml") is None
    assert mirrors("") and mirrors("pretraga/") and mirrors("feeds/sve.rss.xml") and mirrors("404.html")
    assert not mirrors("images/a.jpg") and not mirrors("sitemap.xml") and not mirrors("cir/")
    assert to_cyrillic_url(f"{SITE}/cir/x/", SITE) == f"{SITE}/cir/x/"
    assert to_cyrillic_url("https://example.com/x/", SITE) == "https://example.com/x/"
    assert to_cyrillic_url("//example.com/x/", "") == "//example.com/x/"


def test_a_drawing_whose_name_was_percent_encoded_still_gets_its_twin():
    page = '<html lang="sr-Latn"><body><img alt="Crtež" src="/images/Crte%C5%BE%20sa%20tekstom.svg"></body></html>'
    twins = {"/images/Crtež sa tekstom.svg": "/cir/images/Crtež sa tekstom.svg"}  # as Pelican names the files
    img = LexborHTMLParser(cyrillic_page(page, "", "/x/", twins)).css_first("img")
    assert img.attributes["src"] == "/cir/images/Crte%C5%BE%20sa%20tekstom.svg"


def test_a_searched_block_gets_the_typed_words_of_its_own_twin_text():
    """The Latin page's field (đ typed as d) is of no use to the Cyrillic index: the twin's is made from its
    title and text."""
    page = (
        '<html lang="sr-Latn"><body><h1>{title}</h1>'
        '<div data-pagefind-body data-pagefind-meta="typed:dorda">{text} <code>čeka</code></div></body></html>'
    )
    made = cyrillic_page(page.format(title="Račun za Đorđa", text="Šaljem račun."), SITE, f"{SITE}/r/")
    assert (
        attr(LexborHTMLParser(made), "[data-pagefind-body]", "data-pagefind-meta") == "typed:дорда дјордја рацун саљем"
    )
    made = cyrillic_page(page.format(title="Mir", text="i red"), SITE, f"{SITE}/r/")
    assert "data-pagefind-meta" not in LexborHTMLParser(made).css_first("[data-pagefind-body]").attributes


def test_an_alphabetical_list_follows_the_azbuka_in_the_twin():
    items = "".join(f'<li><a href="/oznaka/{tag}/">#{tag}</a> (1)</li>' for tag in ("cene", "delegiranje", "zakon"))
    page = f'<html lang="sr-Latn"><body><ul data-alphabetical>{items}</ul><ol><li>c</li><li>a</li></ol></body></html>'
    tree = LexborHTMLParser(cyrillic_page(page, SITE, f"{SITE}/oznake/"))
    assert [item.text() for item in tree.css("ul li")] == ["#делегирање (1)", "#закон (1)", "#цене (1)"]
    assert [item.attributes["href"] for item in tree.css("ul a")][0] == "/cir/oznaka/delegiranje/"
    assert [item.text() for item in tree.css("ol li")] == ["ц", "а"], "other lists keep their order"


def test_nested_alphabetical_lists_and_names_kept_in_latin_are_in_order_too():
    inner = "<ul data-alphabetical><li>zakon</li><li>cene</li></ul>"
    page = f"<html><body><ul data-alphabetical><li>Trello</li><li>ugovor{inner}</li><li>alati</li></ul></body></html>"
    tree = LexborHTMLParser(cyrillic_page(page, SITE, f"{SITE}/x/"))
    outer = tree.css_first("ul")
    assert [item.text(deep=False) for item in outer.iter(include_text=False)] == ["алати", "уговор", "Trello"]
    assert [item.text() for item in tree.css("ul ul li")] == ["закон", "цене"]


def test_share_links_of_a_preview_without_siteurl_keep_the_address_in_ascii():
    latin = (
        '<html><body><a class="share-link" href="viber://forward?text=Kako%20da%20po%C4%8Dnemo%20'
        '%2Fkako-da-pocnemo%2F%23za-kraj">Viber</a></body></html>'
    )
    href = LexborHTMLParser(cyrillic_page(latin, "", "/kako-da-pocnemo/")).css_first("a.share-link").attributes["href"]
    assert href == "viber://forward?text=Како%20да%20почнемо%20/cir/kako-da-pocnemo/%23za-kraj"
