"""axe-core gate: no violations (WCAG 2.0–2.2 A/AA and best practices) on every
page type, in every colour mode, on a phone and a desktop width."""

import pytest

from chromium import SEARCH_DONE, page_in
from quality import axe

# The search page has listed its results and said how many (js/search.js). A
# function, not an expression: Playwright evaluates an expression with eval,
# which the Content-Security-Policy refuses.


@pytest.fixture(scope="module")
def colour_modes(prod_site) -> list[axe.ColourMode]:
    css = "\n".join(path.read_text(encoding="utf-8") for path in sorted(prod_site.rglob("*.css")))
    modes = axe.colour_modes(css)
    # Read from the CSS, so the toggle's two forced themes would vanish unseen if its selectors changed shape.
    assert [str(mode) for mode in modes] == [
        *("light", "dark", "dark via toggle (system light)", "light via toggle (system dark)")
    ]
    return modes


def test_no_axe_violations(site_page, prod_url, browser, colour_modes):
    failures, checked = [], 0
    for mode in colour_modes:
        for width in axe.WIDTHS:
            with page_in(browser, viewport={"width": width, "height": axe.HEIGHT}, color_scheme=mode.system) as page:
                response = page.goto(prod_url + site_page.path, wait_until="load")
                assert response.status == site_page.status, f"{site_page.path} answered {response.status}"
                if site_page.kind == "search":  # check the results too, once js/search.js has shown them
                    page.wait_for_function(SEARCH_DONE)
                found = axe.violations(page, mode.theme)
            checked += 1
            where = f"{site_page.type} {site_page.path}, {mode}, {width} px"
            failures += [f"{where}: {line}" for line in axe.describe(found)]
    print(f"axe {site_page.type}: {len(failures)} violations in {checked} runs ({', '.join(map(str, colour_modes))})")
    assert not failures, "\n".join(failures)


def test_axe_reports_a_known_violation(browser):
    """The gate can fail: grey-on-white text and an unlabelled button are caught."""
    page = browser.new_page()
    try:
        page.set_content(
            '<html lang="sr-Latn"><title>x</title><main><p style="color:#bbb">Slab kontrast</p><button></button></main></html>'
        )
        found = {violation["id"] for violation in axe.violations(page)}
    finally:
        page.close()
    assert {"color-contrast", "button-name"} <= found
