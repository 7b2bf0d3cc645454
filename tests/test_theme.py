"""The theme as a reader meets it, in Chromium and in the built files:
light/dark with a remembered choice and no flash, reading aids (reading time,
table of contents, heading links, previous/next, related posts), icons and
manifest, print and reduced-motion styles, minified production HTML."""

import itertools
import json
import math
import re
from pathlib import Path

import pytest
from PIL import Image

from chromium import page_in
from headings import TOC_MIN_HEADINGS
from pages import page_file, parse, text
from reading_time import WORDS_PER_MINUTE

ROOT = Path(__file__).resolve().parent.parent
LIGHT_BG, DARK_BG = "rgb(251, 250, 247)", "rgb(19, 23, 26)"  # --bg in theme/css/00-tokens.css


def h2_count(markdown: str) -> int:
    return len(re.findall(r"^## ", markdown, re.MULTILINE))


@pytest.fixture(scope="module")
def posts(prod_documents):
    """URL path → Markdown source of every post the production build published."""
    found = {
        f"/{post.url}": (ROOT / post.source).read_text(encoding="utf-8")
        for post in prod_documents
        if post.template == "article" and post.status == "published"
    }
    assert len(found) >= 3, "the theme tests need a few published posts"
    return found


@pytest.fixture(scope="module")
def long_post(posts) -> str:
    return max(posts, key=lambda path: h2_count(posts[path]))


# --- Light/dark ------------------------------------------------------------------

# Runs before any script of the page: records the theme when <body> first
# appears (so before anything can be painted) and the page background as soon
# as the document is parsed.
RECORD_FIRST_THEME = """
window.__theme = {};
new MutationObserver((_, observer) => {
  if (document.body) {
    window.__theme.atBody = document.documentElement.dataset.theme || null;
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
document.addEventListener("DOMContentLoaded", () => {
  window.__theme.background = getComputedStyle(document.body).backgroundColor;
});
"""


def open_page(browser, url, scheme="light", javascript=True, init=RECORD_FIRST_THEME):
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, color_scheme=scheme, java_script_enabled=javascript
    )
    if init and javascript:
        context.add_init_script(init)
    page = context.new_page()
    page.goto(url)
    return context, page


def background(page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def evaluated(browser, url: str, script: str, width: int, height: int = 800):
    """What `script` returns on the page at `url`, in a viewport of `width` × `height`."""
    with page_in(browser, viewport={"width": width, "height": height}) as page:
        page.goto(url)
        return page.evaluate(script)


def test_a_remembered_dark_choice_is_applied_before_the_first_paint(browser, prod_url, long_post):
    stored_before_navigation = "localStorage.setItem('tema', 'dark');" + RECORD_FIRST_THEME
    context, page = open_page(browser, prod_url + long_post, scheme="light", init=stored_before_navigation)
    try:
        first = page.evaluate("window.__theme")
        assert first["atBody"] == "dark", "the theme must be set in <head>, before <body> exists"
        assert first["background"] == DARK_BG
        assert page.locator(".theme-toggle").get_attribute("aria-pressed") == "true"
    finally:
        context.close()


@pytest.mark.parametrize("system, chosen", [("light", "dark"), ("dark", "light")])
def test_the_toggle_choice_survives_a_reload(browser, prod_url, system, chosen):
    context, page = open_page(browser, prod_url + "/", scheme=system)
    colours = {"light": LIGHT_BG, "dark": DARK_BG}
    try:
        toggle = page.get_by_role("button", name="Tamna tema")
        assert background(page) == colours[system]
        toggle.click()
        assert background(page) == colours[chosen]
        assert toggle.get_attribute("aria-pressed") == str(chosen == "dark").lower()
        assert page.evaluate("localStorage.getItem('tema')") == chosen

        page.reload()
        assert page.evaluate("window.__theme") == {"atBody": chosen, "background": colours[chosen]}
        assert (
            page.get_by_role("button", name="Tamna tema").get_attribute("aria-pressed") == str(chosen == "dark").lower()
        )
    finally:
        context.close()


@pytest.mark.parametrize("system", ["light", "dark"])
def test_without_a_choice_the_theme_follows_the_system(browser, prod_url, system):
    context, page = open_page(browser, prod_url + "/", scheme=system)
    try:
        assert page.evaluate("window.__theme.atBody") is None
        assert background(page) == {"light": LIGHT_BG, "dark": DARK_BG}[system]
        assert page.locator(".theme-toggle").get_attribute("aria-pressed") == str(system == "dark").lower()
    finally:
        context.close()


@pytest.mark.parametrize("system", ["light", "dark"])
def test_without_javascript_no_toggle_and_colours_follow_the_system(browser, prod_url, long_post, system):
    context, page = open_page(browser, prod_url + long_post, scheme=system, javascript=False)
    try:
        assert page.locator(".theme-toggle").count() == 0
        assert background(page) == {"light": LIGHT_BG, "dark": DARK_BG}[system]
        assert page.locator("main h1").is_visible() and page.locator(".toc").is_visible()
    finally:
        context.close()


# --- Reading aids -----------------------------------------------------------------


def test_long_posts_have_a_table_of_contents_whose_links_resolve(prod_site, posts):
    with_toc = 0
    for path in posts:
        tree = parse(page_file(prod_site, path))
        toc = tree.css_first("nav.toc")
        headings = tree.css(".post-content h2")  # as built: a "## " inside a code block is no heading
        if len(headings) < TOC_MIN_HEADINGS:
            assert toc is None, f"{path}: a short post needs no table of contents"
            continue
        with_toc += 1
        assert toc is not None, f"{path} has {len(headings)} ## headings but no table of contents"
        assert text(toc.css_first(".toc-title")) == "Sadržaj"
        links = toc.css("a")
        assert [a.attributes["href"] for a in links] == [f"#{h.attributes['id']}" for h in headings]
        assert [text(a) for a in links] == [text(h) for h in headings]
    assert with_toc, "no post is long enough to show a table of contents"


def test_a_toc_link_takes_the_reader_to_its_section(browser, prod_url, long_post):
    context, page = open_page(browser, prod_url + long_post)
    try:
        link = page.locator("nav.toc a").last
        target = link.get_attribute("href")
        link.click()
        page.wait_for_function("hash => location.hash === hash", arg=target)
        page.wait_for_function(
            "id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; }",
            arg=target[1:],
        )
    finally:
        context.close()


def test_headings_have_links_with_a_serbian_name_beside_them(browser, prod_url, long_post):
    context, page = open_page(browser, prod_url + long_post)
    try:
        headings = page.locator(".post-content h2, .post-content h3")
        anchors = page.get_by_role("link", name=re.compile(r"^Link do odeljka „.+”$"))
        assert anchors.count() == headings.count() > 0
        for index in range(headings.count()):
            heading, anchor = headings.nth(index), anchors.nth(index)
            assert anchor.get_attribute("href") == "#" + heading.get_attribute("id")
            name = heading.inner_text().strip()
            # The heading's own name stays clean: the link sits beside it.
            assert page.get_by_role("heading", name=name, exact=True).count() >= 1
            drawn = anchor.evaluate("node => getComputedStyle(node, '::before').content")
            assert drawn.startswith('"#"'), "the visible '#' is drawn by CSS, with empty alt text"
        box = anchors.first.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, "heading links are at least 24 px targets"
    finally:
        context.close()


def test_reading_time_is_shown_in_serbian_and_fits_the_text(prod_site, posts):
    for path in posts:
        tree = parse(page_file(prod_site, path))
        shown = text(tree.css_first(".post-header .reading-time"))
        match = re.fullmatch(r"(\d+) min čitanja", shown)
        assert match, f"{path}: reading time reads {shown!r}"
        for hidden in tree.css(".post-content .visually-hidden"):
            hidden.decompose()
        words = len(re.findall(r"\w+", tree.css_first(".post-content").text()))
        assert int(match.group(1)) == max(1, math.ceil(words / WORDS_PER_MINUTE)), f"{path}: {words} words, {shown}"


def article_dates(site: Path, posts) -> dict[str, str]:
    return {path: parse(page_file(site, path)).css_first(".post-header time").attributes["datetime"] for path in posts}


def local_path(href: str, base: str) -> str:
    assert href.startswith(base + "/"), f"{href} is not a link within the site"
    return href[len(base) :]


def test_previous_and_next_link_the_neighbouring_posts_by_date(prod_site, prod_url, posts):
    dates = article_dates(prod_site, posts)
    by_date = sorted(posts, key=dates.get)
    for older, current, newer in zip([None, *by_date], by_date, [*by_date[1:], None], strict=False):
        nav = parse(page_file(prod_site, current)).css_first("nav.post-nav")
        prev_link, next_link = nav.css_first('a[rel="prev"]'), nav.css_first('a[rel="next"]')
        assert (local_path(prev_link.attributes["href"], prod_url) if prev_link else None) == older, current
        assert (local_path(next_link.attributes["href"], prod_url) if next_link else None) == newer, current
        if prev_link:
            older_title = text(parse(page_file(prod_site, older)).css_first("article h1"))
            assert text(prev_link.css_first(".post-nav-title")) == older_title


def test_related_posts_share_a_tag_and_are_real_posts(prod_site, prod_url, posts):
    def tags(path):
        return {text(a) for a in parse(page_file(prod_site, path)).css(".tag-list a")}

    shown = 0
    for path in posts:
        section = parse(page_file(prod_site, path)).css_first("section.related")
        if section is None:
            continue
        assert text(section.css_first("h2")) == "Pročitajte i ovo"
        related = [local_path(a.attributes["href"], prod_url) for a in section.css("a")]
        assert 1 <= len(related) <= 3 and path not in related
        for other in related:
            assert other in posts, f"{path}: related link {other} is not a published post"
            assert tags(path) & tags(other), f"{path} and {other} share no tag"
        shown += 1
    assert shown >= len(posts) - 1, "nearly every post shares a tag with another"


def test_every_post_ends_with_a_call_to_action(prod_site, prod_url, posts):
    for path in posts:
        cta = parse(page_file(prod_site, path)).css_first("article .post-footer .contact-cta")
        assert cta is not None, path
        button = cta.css_first("a.button")
        assert text(button) == "Pišite mi" and button.attributes["href"] == f"{prod_url}/kontakt/"
        assert "počnemo\xa0— bez obaveze" in cta.text(), "a line never starts with the dash"


def test_breadcrumbs_on_posts_and_list_pages_lead_up_to_real_pages(prod_site, prod_url, long_post):
    category = next((prod_site / "kategorija").iterdir()).name
    tag = next((prod_site / "oznaka").iterdir()).name
    expected = {
        long_post: None,
        f"/kategorija/{category}/": ["Početna", "Kategorije"],
        f"/oznaka/{tag}/": ["Početna", "Oznake"],
        "/arhiva/": ["Početna"],
        "/kategorije/": ["Početna"],
        "/oznake/": ["Početna"],
    }
    for path, names in expected.items():
        nav = parse(page_file(prod_site, path)).css_first("nav.breadcrumbs")
        assert nav is not None, f"{path} has no breadcrumbs"
        links = nav.css("a")
        assert text(links[0]) == "Početna"
        if names:
            assert [text(a) for a in links] == names, path
        for a in links:
            assert page_file(prod_site, local_path(a.attributes["href"], prod_url)).is_file(), path
        assert nav.css("li")[-1].attributes.get("aria-current") == "page"


# --- Icons and manifest --------------------------------------------------------------


def test_icons_and_manifest_exist_and_are_referenced(prod_site, prod_url):
    tree = parse(page_file(prod_site, "/"))
    icon = tree.css_first('link[rel="icon"]').attributes["href"]
    assert icon.startswith("data:image/svg+xml,"), "the page icon is inline: no request on first view"
    touch = local_path(tree.css_first('link[rel="apple-touch-icon"]').attributes["href"], prod_url)
    assert Image.open(prod_site / touch.lstrip("/")).size == (180, 180)
    manifest_path = local_path(tree.css_first('link[rel="manifest"]').attributes["href"], prod_url)
    manifest = json.loads((prod_site / manifest_path.lstrip("/")).read_text(encoding="utf-8"))
    assert manifest["name"] == manifest["short_name"] == "VA vodič" and manifest["lang"] == "sr-Latn"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    sizes = set()
    for entry in manifest["icons"]:
        file = prod_site / entry["src"]
        assert file.is_file(), entry
        if entry["type"] == "image/png":
            sizes.add(entry["sizes"])
            assert "{}x{}".format(*Image.open(file).size) == entry["sizes"]
    assert {"192x192", "512x512"} <= sizes
    assert Image.open(prod_site / "favicon.ico").format == "ICO"
    assert {m.attributes["media"] for m in tree.css('meta[name="theme-color"]')} == {
        "(prefers-color-scheme: light)",
        "(prefers-color-scheme: dark)",
    }


def test_the_browser_finds_favicon_and_manifest(browser, prod_url):
    context = browser.new_context()
    try:
        for path in ("/favicon.ico", "/manifest.webmanifest", "/apple-touch-icon.png", "/icon.svg"):
            response = context.request.get(prod_url + path)
            assert response.status == 200, path
    finally:
        context.close()


# --- Footer ---------------------------------------------------------------------------


def footer_links(site: Path, url_path: str, label="Pregled objava") -> list:
    nav = parse(page_file(site, url_path)).css_first("footer.site-footer nav")
    assert nav.attributes["aria-label"] == label, url_path
    assert "·" not in text(nav)
    return nav.css("ul > li > a")


def test_footer_links_are_a_list_in_a_labelled_nav(prod_site, base):
    for url_path, current in (("/", None), ("/arhiva/", "Arhiva"), ("/oznake/", "Oznake")):
        links = footer_links(prod_site, url_path)
        assert [text(a) for a in links] == ["Arhiva", "Kategorije", "Oznake", "RSS"], url_path
        assert [text(a) for a in links if a.attributes.get("aria-current") == "page"] == ([current] if current else [])
        # The published site's feed of every post, as visitors who follow sites in a reader look for it.
        assert links[-1].attributes["href"] == f"{base}/feeds/sve.rss.xml"
        assert (prod_site / "feeds" / "sve.rss.xml").is_file()
    cyrillic = footer_links(prod_site, "/cir/", "Преглед објава")[-1]
    assert (text(cyrillic), cyrillic.attributes["href"]) == ("RSS", f"{base}/cir/feeds/sve.rss.xml")
    assert (prod_site / "cir" / "feeds" / "sve.rss.xml").is_file()


def test_the_preview_has_no_feed_so_its_footer_does_not_link_one(dev_site):
    assert [text(a) for a in footer_links(dev_site, "/")] == ["Arhiva", "Kategorije", "Oznake"]


@pytest.mark.parametrize("path", ["/", "/cir/"])
def test_footer_links_stay_tidy_on_a_320_px_phone(browser, prod_url, path):
    layout = evaluated(
        browser,
        prod_url + path,
        """() => {
          const nav = document.querySelector('.site-footer nav');
          const links = [...nav.querySelectorAll('a')].map(a => a.getBoundingClientRect().toJSON());
          return {
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            bullets: [...nav.querySelectorAll('li')].map(li => getComputedStyle(li).listStyleType),
            footer: document.querySelector('.site-footer').getBoundingClientRect().toJSON(),
            links,
          };
        }""",
        width=320,
        height=640,
    )
    assert layout["overflow"] <= 0, "the page scrolls sideways"
    assert set(layout["bullets"]) == {"none"}
    links, footer = layout["links"], layout["footer"]
    assert len(links) == 4 and len({round(link["top"]) for link in links}) == 1, "the four links share one line"
    for link, after in zip(links, links[1:], strict=False):
        assert after["left"] - link["right"] >= 16, "links sit apart, easy to tap"
    for link in links:
        assert link["height"] >= 24 and footer["left"] <= link["left"] and link["right"] <= footer["right"]


@pytest.mark.parametrize("path", ["/", "/koliko-kosta-virtuelni-asistent/", "/cir/", "/faq/cena-ugovor-i-podaci/"])
def test_a_date_line_breaks_between_its_parts_on_a_360_px_phone(browser, prod_url, path):
    """„10. novembra 2026. · ažurirano 1.” / „decembra 2026.” split a date, and lines began with „·”
    („Saradnja” / „· 5 min čitanja”)."""
    lines = evaluated(
        browser,
        prod_url + path,
        """() => [...document.querySelectorAll('.post-meta')].map((meta) => ({
            dates: [...meta.querySelectorAll('time')].map((time) => time.getClientRects().length),
            separators: [...meta.textContent.matchAll(/(.)·/gs)].map((match) => match[1]),
            // How far each „·” is from the start of its line: 0 (or a no-break space's width) starts one.
            offsets: [...(function* () {
              const walker = document.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
              const left = meta.getBoundingClientRect().left;
              for (let node; (node = walker.nextNode()); ) {
                for (const match of node.data.matchAll(/·/g)) {
                  const range = document.createRange();
                  range.setStart(node, match.index);
                  range.setEnd(node, match.index + 1);
                  yield range.getBoundingClientRect().left - left;
                }
              }
            })()],
          }))""",
        width=360,
    )
    assert lines and any(line["dates"] for line in lines)
    for line in lines:
        assert set(line["dates"]) <= {1}, "every date on one line"
        assert set(line["separators"]) <= {"\xa0"}, "a no-break space before every „·”: no line starts with one"
        assert all(offset > 12 for offset in line["offsets"]), "no line starts with „·” (a link is an inline-block)"


# --- Output ---------------------------------------------------------------------------


def test_production_html_is_minified_and_development_html_readable(dev_site, prod_site, long_post):
    prod_html = page_file(prod_site, long_post).read_text(encoding="utf-8")
    dev_html = page_file(dev_site, long_post).read_text(encoding="utf-8")
    assert "\n  <" in dev_html, "development output keeps its indentation"
    assert "\n  <" not in prod_html and prod_html.count("\n") < dev_html.count("\n") / 5
    # Minifying keeps what the reader gets.
    prod_tree, dev_tree = parse(page_file(prod_site, long_post)), parse(page_file(dev_site, long_post))
    assert text(prod_tree.css_first("article h1")) == text(dev_tree.css_first("article h1"))
    assert len(prod_tree.css("main a")) == len(dev_tree.css("main a"))

    def letters(tree):  # white space between tags is what minifying may drop
        return re.sub(r"\s", "", tree.css_first(".post-content").text())

    assert letters(prod_tree) == letters(dev_tree)


def test_no_script_file_blocks_rendering(prod_site):
    for path in prod_site.rglob("*.html"):
        for script in parse(path).css("head script[src]"):
            attributes = script.attributes
            assert "defer" in attributes or "async" in attributes or attributes.get("type") == "module", (
                f"{path}: render-blocking script {attributes.get('src')}"
            )


# --- The header on small phones ---------------------------------------------------

MEASURE_HEADER = """() => {
  const links = [...document.querySelectorAll('.site-nav a')];
  const boxes = links.map(a => a.getBoundingClientRect());
  const row = document.querySelector('.site-nav ul');
  const name = document.querySelector('.site-name').getBoundingClientRect();
  return {
    labels: links.map(a => a.textContent.trim()),
    visible: links.map(a => a.checkVisibility()),
    tops: boxes.map(b => Math.round(b.top)),
    lefts: boxes.map(b => b.left),
    rights: boxes.map(b => b.right),
    heights: boxes.map(b => b.height),
    nameBottom: name.bottom,
    pageWidth: document.documentElement.scrollWidth,
    rowOverflow: row.scrollWidth - row.clientWidth,
  };
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize("width", [320, 360, 390])
def test_the_main_menu_fits_one_row_on_small_phones(browser, prod_url, long_post, width, javascript):
    """Every menu link on one row under the name, none hidden or clipped, no sideways scrolling."""
    with page_in(browser, viewport={"width": width, "height": 700}, java_script_enabled=javascript) as page:
        for path in ("/", long_post, "/faq/"):
            page.goto(prod_url + path)
            header = page.evaluate(MEASURE_HEADER)
            where = f"{path} at {width} px"
            assert header["labels"] and all(header["visible"]), (
                f"{where}: every menu link is shown, none behind a script"
            )
            assert len(set(header["tops"])) == 1, f"{where}: the menu wraps: {header['labels']} at {header['tops']}"
            assert min(header["tops"]) >= header["nameBottom"] - 1, f"{where}: the menu has its own row"
            assert min(header["lefts"]) >= 0 and max(header["rights"]) <= width, f"{where}: a link is cut off"
            assert header["pageWidth"] <= width and header["rowOverflow"] <= 0, f"{where}: scrolls sideways"
            assert min(header["heights"]) >= 24, f"{where}: tap targets of at least 24 px"
            gaps = [b - a for a, b in zip(header["rights"], header["lefts"][1:], strict=False)]
            assert min(gaps) >= 0, f"{where}: links overlap"


HEADER_FOCUS = """() => {
  const node = document.activeElement, box = node.getBoundingClientRect();
  return node.closest('.site-header') && {
    name: node.textContent.trim() || node.name, top: box.top, bottom: box.bottom, left: box.left, right: box.right,
  };
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize("width", [320, 390, 700, 1280])
def test_tab_goes_through_the_header_in_reading_order(browser, prod_url, width, javascript):
    """Left to right along a row, then down to the next: at no width does focus jump back up or back left."""
    with page_in(browser, viewport={"width": width, "height": 700}, java_script_enabled=javascript) as page:
        for path in ("/", "/cir/"):
            page.goto(prod_url + path)
            stops = []
            for _ in range(20):
                page.keyboard.press("Tab")
                stop = page.evaluate(HEADER_FOCUS)
                if stop:
                    stops.append(stop)
                elif stops:
                    break
            names = [stop["name"] for stop in stops]
            assert len(names) >= 7 + 2 * javascript, (
                f"{path} at {width} px: {names}"
            )  # name, switch, 5 links (+ toggle, search)
            for before, after in itertools.pairwise(stops):
                same_row = after["top"] < before["bottom"] and after["bottom"] > before["top"]
                assert (same_row and after["left"] >= before["right"] - 1) or after["top"] >= before["bottom"] - 1, (
                    f"{path} at {width} px: Tab goes from {before['name']} back to {after['name']}: {names}"
                )


@pytest.mark.parametrize("path", ["/", "/cir/"])
def test_on_a_320_px_phone_the_name_script_link_and_theme_toggle_share_the_first_row(browser, prod_url, path):
    with page_in(browser, viewport={"width": 320, "height": 700}) as page:
        page.goto(prod_url + path)
        boxes = [
            page.locator(selector).bounding_box() for selector in (".site-name", ".script-switch a", ".theme-toggle")
        ]
        middles = [box["y"] + box["height"] / 2 for box in boxes]
        assert max(middles) - min(middles) < 2, boxes
        assert boxes[-1]["x"] + boxes[-1]["width"] <= 320 - 16, "the toggle stays inside the page's margin"
        assert min(box["height"] for box in boxes[1:]) >= 24, "tap targets of at least 24 px"
        toggle = page.get_by_role("button", name=re.compile("Tamna tema|Тамна тема"))
        assert toggle.count() == 1, "the icon-only toggle keeps its name"
        assert boxes[-1]["width"] < 60, "on a phone the toggle is its icon"
        page.set_viewport_size({"width": 1280, "height": 700})
        assert toggle.bounding_box()["width"] > 100, "a wide screen shows the label beside the icon"


def test_keyboard_users_get_the_skip_link_and_a_visible_focus_ring(browser, prod_url, long_post):
    context, page = open_page(browser, prod_url + long_post, scheme="dark")
    try:
        page.keyboard.press("Tab")
        skip = page.locator(":focus")
        assert skip.inner_text() == "Preskočite na sadržaj" and skip.is_visible()
        assert skip.bounding_box()["y"] >= 0, "the skip link moves into view when focused"
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        assert focused.evaluate("node => node.closest('main') !== null"), "Tab after the skip link lands in the content"
        ring = focused.evaluate(
            "node => { const s = getComputedStyle(node); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
        )
        assert ring[0] != "none" and ring[1] >= 2
    finally:
        context.close()


def test_print_shows_only_the_text(browser, prod_url, long_post):
    context, page = open_page(browser, prod_url + long_post, scheme="dark")
    try:
        page.emulate_media(media="print")
        assert background(page) == "rgb(255, 255, 255)"
        for selector in (
            ".site-nav",
            ".theme-toggle",
            ".toc",
            ".contact-cta",
            ".post-nav",
            ".site-search",
            ".script-switch",
        ):
            assert page.locator(selector).count(), f"{selector} is not on the page: hiding it would prove nothing"
            assert not page.locator(selector).first.is_visible(), selector
        assert page.locator(".post-content").is_visible()
    finally:
        context.close()


def test_a_folded_faq_question_prints_with_its_answer_and_its_links_spelled_out(browser, prod_url):
    context, page = open_page(browser, prod_url + "/faq/cena-ugovor-i-podaci/")
    try:
        first = page.locator(".faq-item").first
        first.locator(".faq-summary").click()
        assert first.get_attribute("open") is None and not first.locator(".faq-answer").is_visible()
        page.emulate_media(media="print")
        assert first.locator(".faq-answer").is_visible(), "printed with its answer"
        assert page.locator(".faq-tools").count() and not page.locator(".faq-tools").first.is_visible()
        outside = page.locator('.faq-answer a[href^="http"]').first
        assert outside.evaluate("node => getComputedStyle(node, '::after').content").startswith('" (http')
    finally:
        context.close()


@pytest.mark.parametrize("motion, behaviour", [("reduce", "auto"), ("no-preference", "smooth")])
def test_reduced_motion_is_respected(browser, prod_url, motion, behaviour):
    with page_in(browser, reduced_motion=motion) as page:
        page.goto(prod_url + "/")
        assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == behaviour


def test_lines_of_text_keep_a_comfortable_measure(browser, prod_url, long_post):
    """About 60–75 characters a line on a wide screen (the font decides the exact number)."""
    per_line = evaluated(
        browser,
        prod_url + long_post,
        """() => {
          const p = [...document.querySelectorAll('.post-content p')]
            .reduce((longest, node) => node.textContent.length > longest.textContent.length ? node : longest);
          const lines = p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight);
          return p.textContent.length / (Math.round(lines) - 0.5);
        }""",
        width=1280,
    )
    assert 58 <= per_line <= 80, f"{per_line:.0f} characters a line"
