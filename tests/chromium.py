"""Debian's Chromium under Playwright, with the flags this offline machine needs."""

from contextlib import contextmanager

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


@contextmanager
def page_in(browser, **options):
    """One page in a fresh browser context made with `options` (viewport, java_script_enabled,
    color_scheme, …): nothing carried over from another test; closed however the block ends."""
    context = browser.new_context(**options)
    try:
        yield context.new_page()
    finally:
        context.close()


# The search page (theme/static/js/search.js) is done: it says what it found, and the list is no
# longer busy (a slow search says „u toku” before it is done).
SEARCH_DONE = (
    "() => document.querySelector('#pretraga-status')?.textContent.trim().length > 0"
    " && !document.querySelector('#pretraga-rezultati[aria-busy]')"
)
