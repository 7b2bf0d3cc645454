"""Security headers: the production build's Content-Security-Policy (in every
page's <meta> and in _headers), the nginx snippet in the repository, and the
site in Chromium served with those headers: no violation on any page type,
and the scripts that make it work (theme toggle, copy link, FAQ links) still run."""

import base64
import hashlib
from pathlib import Path

import pytest
from playwright.sync_api import expect
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from chromium import SEARCH_DONE
from site_tools.nginx_headers import NGINX_FILE, nginx_conf_for
from site_tools.plugins import security_policy

REQUIRED = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
EXECUTABLE = {None, "", "module", "text/javascript", "application/javascript"}


def site_headers(prod_site: Path) -> dict[str, str]:
    return security_policy.parse_headers_file((prod_site / "_headers").read_text(encoding="utf-8"))


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def inline_script_hashes(html: str) -> set[str]:
    """Each inline script's sha256, found by another parser than the build's."""
    found = set()
    for script in HTMLParser(html).css("script"):
        if "src" in script.attributes or script.attributes.get("type") not in EXECUTABLE:
            continue
        digest = hashlib.sha256(script.text(deep=True).encode("utf-8")).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return found


def test_headers_file_has_the_policy_and_the_other_headers(prod_site):
    headers = site_headers(prod_site)
    policy = directives(headers["Content-Security-Policy"])
    for directive, sources in REQUIRED.items():
        assert policy[directive] == sources, directive
    assert policy["script-src"][0] == "'self'"
    assert all(source.startswith("'sha256-") for source in policy["script-src"][1:-1])
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert policy["script-src"][-1] == "'wasm-unsafe-eval'", "the build has Pagefind's files (search runs WebAssembly)"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"] and "microphone=()" in headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in headers, "HSTS is opt-in"


def inline_style_hashes(html: str) -> set[str]:
    found = set()
    for style in HTMLParser(html).css("style"):
        digest = hashlib.sha256(style.text(deep=True).encode("utf-8")).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return found


def test_every_page_carries_its_own_policy_allowing_exactly_its_inline_scripts(prod_site):
    """Each page's <meta> lists only its own scripts' and styles' hashes (and
    'wasm-unsafe-eval' only on the search page); the headers list them all."""
    policy = directives(site_headers(prod_site)["Content-Security-Policy"])
    used_scripts, used_styles, with_wasm = set(), set(), []
    pages = sorted(prod_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        metas = HTMLParser(html).css('meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, page
        head = html[: html.find("<script")]
        assert 'http-equiv="Content-Security-Policy"' in head, f"{page}: the policy must come before any script"
        meta = directives(metas[0].attributes["content"])
        assert "frame-ancestors" not in meta
        for directive, sources in REQUIRED.items():
            if directive != "frame-ancestors":
                assert meta[directive] == sources, f"{page}: {directive}"
        scripts, styles = inline_script_hashes(html), inline_style_hashes(html)
        assert meta["script-src"][0] == "'self'" and meta["style-src"][0] == "'self'"
        assert set(meta["script-src"][1:]) - {"'wasm-unsafe-eval'"} == scripts, f"{page}: exactly its own scripts"
        assert set(meta["style-src"][1:]) == styles, f"{page}: exactly its own styles"
        if "'wasm-unsafe-eval'" in meta["script-src"]:
            with_wasm.append(page.relative_to(prod_site).as_posix())
        used_scripts |= scripts
        used_styles |= styles
    assert sorted(with_wasm) == ["cir/pretraga/index.html", "pretraga/index.html"], "WebAssembly only where search runs"
    assert used_scripts == set(policy["script-src"][1:]) - {"'wasm-unsafe-eval'"}, "the headers: every hash, none stale"
    assert used_styles == set(policy["style-src"][1:])


def test_the_nginx_snippet_in_the_repository_matches_the_build(prod_site):
    """Changed an inline script or the policy? Run `.venv/bin/invoke nginx-headers` and commit the file."""
    committed = NGINX_FILE.read_text(encoding="utf-8")
    assert committed == nginx_conf_for(prod_site)
    assert "# add_header Strict-Transport-Security" in committed, "HSTS documented, commented out"


def test_nginx_sends_the_snippets_headers(prod_site, tmp_path):
    """The snippet works in a real nginx (as README shows it: included in the server block)."""
    import urllib.error
    import urllib.request

    from nginx import nginx_serving

    expected = site_headers(prod_site)
    with nginx_serving(prod_site, tmp_path / "nginx", NGINX_FILE) as base:
        for path, status in (("/", 200), ("/o-meni/", 200), ("/feeds/sve.atom.xml", 200), ("/nema-je/", 404)):
            try:
                response = urllib.request.urlopen(
                    urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"})
                )
            except urllib.error.HTTPError as error:
                response = error
            assert response.status == status, path
            for name, value in expected.items():
                assert response.headers.get_all(name) == [value], f"{path}: {name}"
            assert "Strict-Transport-Security" not in response.headers
            if path.endswith("/"):
                assert response.headers["Content-Encoding"] == "gzip", "text is compressed, as README advises"


# --- In Chromium, served with the headers ------------------------------------------

# Registered before any page script: every CSP violation the page reports.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline") + " " + event.sourceFile + ":" + event.lineNumber);
});
"""
POST = "/moze-li-va-da-radi-iz-moje-kancelarije/"
MYTHS = "/faq/mitovi-o-virtuelnim-asistentima/"
SEARCH = "/pretraga/?q=kancelarija"
PAGE_TYPES = [
    "/",
    "/strana/2/",
    POST,
    "/o-meni/",
    "/kontakt/",
    "/faq/",
    MYTHS,
    "/kategorija/osnove/",
    "/kategorije/",
    "/oznaka/saradnja/",
    "/oznake/",
    "/arhiva/",
    "/nema-ove-stranice/",
    SEARCH,
]
# The search page has listed its results (js/search.js); a function, as
# Playwright would evaluate an expression with eval, which the policy refuses.


@pytest.fixture
def open_page(browser, prod_url):
    contexts = []

    def open_page(path: str, scheme: str = "light"):
        context = browser.new_context(viewport={"width": 390, "height": 740}, color_scheme=scheme)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=prod_url)
        context.add_init_script(RECORD_VIOLATIONS)
        contexts.append(context)
        page = context.new_page()
        messages = []
        page.on("console", lambda message: messages.append(message.text))
        response = page.goto(prod_url + path)
        return page, response, messages

    yield open_page
    for context in contexts:
        context.close()


def assert_no_violations(page, messages):
    page.wait_for_load_state("load")
    assert page.evaluate("window.__violations") == []
    blocked = [m for m in messages if "Content Security Policy" in m or "Permissions-Policy" in m or "Refused to" in m]
    assert blocked == []


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_policy_violation_on_any_page_type(open_page, prod_site, path):
    page, response, messages = open_page(path)
    headers = response.all_headers()
    assert headers["content-security-policy"] == site_headers(prod_site)["Content-Security-Policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert page.evaluate("document.documentElement.lang") == "sr-Latn"
    if path == SEARCH:
        page.wait_for_function(SEARCH_DONE)
        assert page.locator("#pretraga-rezultati > li").count() > 0, "search runs under the policy"
    assert_no_violations(page, messages)


def test_the_theme_toggle_works_under_the_policy(open_page):
    page, _, messages = open_page("/")
    toggle = page.get_by_role("button", name="Tamna tema")  # put in place by an inline script
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.goto(page.url + "o-meni/")  # the head script applies the remembered choice
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert_no_violations(page, messages)


def test_copy_link_works_under_the_policy(open_page, prod_url):
    page, _, messages = open_page(POST)
    page.locator(".post .share").get_by_role("button", name="Kopirajte link").click()
    expect(page.locator(".post .share-status")).to_have_text("Link je kopiran.")
    assert page.evaluate("navigator.clipboard.readText()") == prod_url + POST
    assert_no_violations(page, messages)


def test_faq_links_work_under_the_policy(open_page):
    page, _, messages = open_page(MYTHS)
    link = page.locator(".faq-toc a").nth(2)
    question_id = link.get_attribute("href").removeprefix("#")
    item = page.locator(f'[id="{question_id}"]')
    item.locator(".faq-summary").click()  # the reader folds it
    expect(item).not_to_have_attribute("open", "")
    link.click()  # faq.js opens it again
    expect(item).to_have_attribute("open", "")
    expect(item.locator(".faq-answer")).to_be_visible()
    assert_no_violations(page, messages)


def test_the_meta_policy_alone_blocks_a_changed_inline_script(open_page, prod_site, prod_url):
    """On a host that sends no headers the <meta> policy holds: an inline script changed
    after the build (so its hash is not in the policy) does not run."""
    html = (prod_site / "index.html").read_text(encoding="utf-8")
    changed = html.replace("`tema`", "`tema!`")  # the toggle's storage key: the script would still make the button
    assert changed != html
    page, _, _ = open_page("/o-meni/")
    for body, toggles in ((html, 1), (changed, 0)):
        page.unroute(prod_url + "/")
        page.route(prod_url + "/", served_without_headers(body))
        page.goto(prod_url + "/")
        assert page.locator(".theme-toggle").count() == toggles
    assert any(v.startswith("script-src") for v in page.evaluate("window.__violations")), "reported as blocked"


def test_search_works_under_each_pages_meta_policy_alone(open_page, prod_url):
    """On a host that sends no headers only each page's own <meta> policy holds:
    the header field still loads search on a post (whose policy has no
    'wasm-unsafe-eval'), and the search page finds results."""
    page, _, messages = open_page("/o-meni/")

    def without_headers(route):
        response = route.fetch()
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"}
        route.fulfill(response=response, headers=headers)

    page.context.route("**/*", without_headers)
    page.goto(prod_url + POST)
    assert page.evaluate("document.querySelector('meta[http-equiv]').content").count("wasm") == 0
    with page.expect_request(lambda request: request.url.endswith("/pagefind/pagefind.js")):
        page.get_by_role("searchbox", name="Pretraga").focus()
    page.keyboard.type("kancelarija")
    page.keyboard.press("Enter")
    page.wait_for_function(SEARCH_DONE)
    assert page.locator("#pretraga-rezultati > li").count() > 0
    assert_no_violations(page, messages)


def served_without_headers(body: str):
    return lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=body)


def test_an_inline_event_handler_stops_the_production_build(project_copy):
    """What no hash can allow is caught by the build, not by readers' browsers."""
    from conftest import invoke
    from publishing import publish_env

    footer = project_copy / "theme/templates/partials/footer.html"
    footer.write_text(footer.read_text(encoding="utf-8") + '\n<button onclick="x()">x</button>\n', encoding="utf-8")
    result = invoke(project_copy, "publish", "--dry-run", env=publish_env("https://vavodic.rs"))
    assert result.returncode != 0
    assert "Content-Security-Policy would block this" in result.stdout
    assert "<button onclick=…> (inline event handler)" in result.stdout
    assert "zaustavljeno u koraku 2/4" in result.stdout
