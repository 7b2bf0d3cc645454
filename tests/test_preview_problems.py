"""The preview never goes dark: problems are shown on every page until fixed (issue „author's workflow”).

`invoke livereload` runs in a project copy; Chromium reads the pages as the
author does while a broken post is added, another page edited, and the post fixed.
"""

import re

from playwright.sync_api import expect

from chromium import page_in
from serving import fetch_when, running_task

BROKEN = """Title: Pokvaren link
Date: 2026-04-01 09:00
Category: Saradnja
Summary: Tekst sa linkom koji ne vodi nigde.

Pogledajte [ovaj tekst]({filename}/posts/nepostojeci.md).
"""


def test_problems_show_on_every_page_until_fixed_and_the_rest_stays_current(project_copy, browser):
    post = project_copy / "content/posts/pokvaren-link.md"
    about = project_copy / "content/pages/o-meni.md"
    with running_task(project_copy, "livereload") as (base, server):
        fetch_when(f"{base}/o-meni/", server)
        # Script off: the banner is plain HTML, and the live-reload script would
        # reload the page in the middle of a check when a second rebuild lands.
        with page_in(browser, java_script_enabled=False) as page:
            page.goto(f"{base}/o-meni/")
            expect(page.locator(".preview-problems")).to_have_count(0)

            post.write_text(BROKEN, encoding="utf-8")
            about.write_text(about.read_text(encoding="utf-8") + "\nosveženo8\n", encoding="utf-8")
            fetch_when(f"{base}/o-meni/", server, contains="osveženo8")
            fetch_when(f"{base}/", server, contains="preview-problems")
            for address in ("/", "/o-meni/", "/pokvaren-link/"):
                page.goto(base + address)
                banner = page.locator(".preview-problems")
                expect(banner).to_be_visible()
                # Styled: the preview's bundle has theme/css/preview/ (the published one has not).
                expect(banner).to_have_css("border-bottom-width", "4px")
                expect(banner.locator("h2")).to_have_text("Sadržaj ima 1 problem; objavljivanje ga neće propustiti")
                expect(banner).to_contain_text("content/posts/pokvaren-link.md:6")
                expect(banner).to_contain_text("„/posts/nepostojeci.md” koji ne postoji")
                expect(banner).to_contain_text("Kako da popravite:")
            page.goto(f"{base}/o-meni/")
            expect(page.locator("main")).to_contain_text("osveženo8")

            post.write_text(
                BROKEN.replace("{filename}/posts/nepostojeci.md", "{filename}/pages/o-meni.md"), encoding="utf-8"
            )
            fetch_when(f"{base}/pokvaren-link/", server, contains='href="/o-meni/"')
            for address in ("/", "/o-meni/", "/pokvaren-link/"):
                fetch_when(base + address, server, absent="preview-problems")
                page.goto(base + address)
                expect(page.locator(".preview-problems")).to_have_count(0)
    said = server.stdout.read()
    assert "content/posts/pokvaren-link.md:6: Link vodi na fajl" in said
    assert "Pregled je na http://127.0.0.1:" in said
    assert not re.search(r"Traceback|INFO|WARNING|Serving on|Pelican", said), said


def test_the_banner_style_is_not_published(prod_site):
    """The published stylesheet carries nothing for the preview's banner, which no published page has."""
    (css,) = (prod_site / "theme" / "css").glob("site.*.css")
    assert "preview-problems" not in css.read_text(encoding="utf-8")
    assert not any("preview-problems" in page.read_text(encoding="utf-8") for page in prod_site.rglob("*.html"))
