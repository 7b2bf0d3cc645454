"""Each page type loaded in Chromium: the right status, only same-origin requests,
nothing missing, and fully readable with JavaScript off."""

from urllib.parse import urlsplit

from chromium import page_in
from quality import budget
from site_tools.links import Site

# Everything inside <main> a reader needs; each must be visible with JavaScript off.
READABLE = "main h1, main h2, main h3, main p, main li, main dt, main dd, main blockquote, main pre"
# Visible elements among READABLE that are not; those inside closed
# <details> (a collapsed table of contents) are shown by a click, not by JS.
HIDDEN_WITHOUT_JS = """(selector) => [...document.querySelectorAll(selector)]
  .filter((node) => node.textContent.trim() && !node.closest("details:not([open]), [hidden], noscript"))
  .filter((node) => {
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    return style.visibility !== "visible" || Number(style.opacity) === 0 || box.width === 0 || box.height === 0;
  })
  .map((node) => node.tagName.toLowerCase() + ": " + node.textContent.trim().slice(0, 60))"""


def test_loads_only_from_this_site_and_nothing_fails(site_page, prod_site, prod_url, browser, prod_settings):
    requests, failed = [], []
    with page_in(browser, viewport={"width": 375, "height": 800}) as page:
        page.on("request", lambda request: requests.append((request.resource_type, request.url)))
        page.on("requestfailed", lambda request: failed.append(f"{request.url} ({request.failure})"))
        page.on(
            "response", lambda response: response.status >= 400 and failed.append(f"{response.url} ({response.status})")
        )
        response = page.goto(prod_url + site_page.path, wait_until="networkidle")
        status = response.status

    assert status == site_page.status, f"{site_page.path} answered {status}, expected {site_page.status}"
    elsewhere = [
        url for _, url in requests if urlsplit(url).scheme in ("http", "https") and not url.startswith(prod_url + "/")
    ]
    assert not elsewhere, f"{site_page.type} {site_page.path} requested other origins: {elsewhere}"
    expected_miss = [f"{prod_url}{site_page.path} (404)"] if site_page.status == 404 else []
    assert failed == expected_miss, f"{site_page.type} {site_page.path}: failed requests {failed}"

    # The budget's static model of the first view misses nothing the browser fetched.
    view = budget.first_view(Site(prod_site, prod_url), site_page.file, prod_settings["STATIC_PATHS"])
    modelled = {resource.url for resource in view.resources + view.deferred}
    content = budget.content_paths(prod_settings["STATIC_PATHS"])
    # The search page's script then loads the index; tests/test_search.py measures that first search.
    later = ("/pagefind/",) if site_page.kind == "search" else ()
    unmodelled = [
        url
        for kind, url in requests
        if kind != "document" and url not in modelled and not urlsplit(url).path.startswith(content + later)
    ]
    print(f"requests {site_page.type}: {[url for _, url in requests]}")
    assert not unmodelled, (
        f"{site_page.type} {site_page.path}: fetched but not in the budget's first view: {unmodelled}"
    )


def test_readable_with_javascript_off(site_page, prod_url, browser):
    with page_in(browser, viewport={"width": 375, "height": 800}, java_script_enabled=False) as page:
        response = page.goto(prod_url + site_page.path, wait_until="load")
        assert response.status == site_page.status
        heading = page.locator("main h1")
        assert heading.count() == 1 and heading.is_visible(), f"{site_page.path}: no visible h1 without JavaScript"
        assert len(page.locator("main").inner_text().split()) >= 10, f"{site_page.path}: main is nearly empty"
        hidden = page.evaluate(HIDDEN_WITHOUT_JS, READABLE)
    assert not hidden, f"{site_page.type} {site_page.path}: hidden with JavaScript off: {hidden}"


# Words split across two lines in a heading, and elements sticking out past the right edge.
NARROW_SCREEN_FAULTS = """() => {
  const broken = [];
  for (const heading of document.querySelectorAll("main h1, main h2, main h3")) {
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\\s\\u00a0]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  const width = document.documentElement.clientWidth;
  const outside = [...document.querySelectorAll("body *")]
    .filter((node) => !node.closest("pre, table, [hidden], .sr-only, .skip-link"))
    .filter((node) => { const box = node.getBoundingClientRect(); return box.width && box.right > width + 1; })
    .map((node) => node.tagName.toLowerCase() + "." + node.className + ": " + node.textContent.trim().slice(0, 40));
  return {broken, outside};
}"""


def test_on_a_320_px_phone_no_heading_word_breaks_and_nothing_sticks_out(prod_site, prod_url, browser):
    """The smallest phones still sold, on every page of both editions: a long pair of words must
    wrap between the words, never inside one, and nothing may run past the right edge."""
    paths = sorted(
        "/" + path.relative_to(prod_site).parent.as_posix().removeprefix(".") + "/"
        for path in prod_site.rglob("index.html")
        if "pagefind" not in path.parts
    )
    faults = {}
    with page_in(browser, viewport={"width": 320, "height": 640}) as page:
        for path in paths:
            page.goto(prod_url + path.replace("//", "/"), wait_until="load")
            found = page.evaluate(NARROW_SCREEN_FAULTS)
            if found["broken"] or found["outside"]:
                faults[path] = found
    assert len(paths) > 50
    assert faults == {}
