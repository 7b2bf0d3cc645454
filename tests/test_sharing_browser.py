"""Share links in a real browser: tapping copy, the system share sheet, tap
targets, and the page without JavaScript."""

import pytest
from playwright.sync_api import expect

POST = "/moze-li-va-da-radi-iz-moje-kancelarije/"
FAQ = "/faq/mitovi-o-virtuelnim-asistentima/"
PHONE = {"width": 390, "height": 740}

# Stands in for the system share sheet, which headless Chromium does not have.
FAKE_SHARE = "navigator.share = (data) => { window.sharedData = data; return Promise.resolve(); };"


@pytest.fixture
def open_page(browser, prod_url):
    contexts = []

    def open_page(path, javascript=True, init_script=None):
        context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=prod_url)
        if init_script:
            context.add_init_script(init_script)
        contexts.append(context)
        page = context.new_page()
        page.goto(prod_url + path)
        return page

    yield open_page
    for context in contexts:
        context.close()


def test_copy_link_copies_the_address_and_says_so(open_page, prod_url):
    page = open_page(POST)
    share = page.locator(".post .share")
    button = share.get_by_role("button", name="Kopirajte link")
    assert share.get_by_role("status").inner_text() == ""
    button.click()
    expect(page.locator(".post .share-status")).to_have_text("Link je kopiran.")
    assert page.evaluate("navigator.clipboard.readText()") == prod_url + POST


def test_system_share_button_only_where_the_browser_can_share(open_page, prod_url):
    page = open_page(POST)
    assert page.evaluate("typeof navigator.share") == "undefined"
    expect(page.locator(".post .share").get_by_role("button", name="Druge aplikacije…")).to_have_count(0)

    page = open_page(POST, init_script=FAKE_SHARE)
    button = page.locator(".post .share").get_by_role("button", name="Druge aplikacije…")
    button.click()
    assert page.evaluate("window.sharedData") == {
        "title": "Može li VA da radi iz moje kancelarije?",
        "url": prod_url + POST,
    }


@pytest.mark.parametrize("path", [POST, FAQ])
def test_share_controls_are_named_and_easy_to_tap(open_page, path):
    page = open_page(path, init_script=FAKE_SHARE)
    page.locator("details.faq-share").evaluate_all("all => all.forEach((details) => { details.open = true; })")
    controls = page.locator(".share .share-link")
    assert controls.count() >= 8
    for index in range(controls.count()):
        control = controls.nth(index)
        assert control.is_visible(), f"share control {index} is hidden, so it is not measured"
        box = control.bounding_box()
        name = control.inner_text().strip()
        assert name, f"share control {index} has no visible name"
        assert box["width"] >= 24 and box["height"] >= 24, f"{name}: {box}"


def test_without_javascript_links_work_and_no_dead_buttons_show(open_page):
    page = open_page(POST, javascript=False)
    share = page.locator(".post .share")
    assert share.get_by_role("link", name="WhatsApp").is_visible()
    assert share.get_by_role("button").count() == 0  # hidden, so not in the accessibility tree


def test_faq_questions_keep_a_single_copy_button(open_page):
    page = open_page(FAQ)
    first = page.locator(".faq-item").first
    assert first.get_by_role("button", name="Kopirajte link").count() == 1
    viber = first.locator(".share").get_by_role("link", name="Viber")
    assert not viber.is_visible()  # folded: six buttons after every answer crowded a phone's screen
    first.get_by_text("Podelite ovaj mit").click()  # FAQ is the myths page
    assert viber.is_visible()
