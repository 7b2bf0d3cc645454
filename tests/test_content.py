"""The educational content: each post carries what lists and shares need, no
text recommends a tool that no longer exists, and a reader's path through the
posts (home → post → related post and myth) works.

Editorial targets (how many posts, how long, how many links) are not tests:
`invoke report` lists them, so a short announcement never fails the build.
"""

import re
from pathlib import Path

import pytest
from pelican.readers import Readers
from pelican.settings import read_settings
from playwright.sync_api import expect

from conftest import ROOT

POSTS = sorted((ROOT / "content/posts").glob("*.md"))
CATEGORIES = ["Osnove", "Saradnja", "Alati", "Poverenje"]

# Every file whose text reaches a reader: content (with its pictures) and the theme.
# content/CONVENTIONS.md is notes for authors and never published.
READER_TEXT = sorted(
    path
    for pattern in ("content/**/*.md", "content/**/*.svg", "theme/templates/**/*.html", "theme/static/**/*.js")
    for path in ROOT.glob(pattern)
    if path.name != "CONVENTIONS.md"
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n\s*[-*] |<[^>]+>")
SHUT_DOWN = re.compile(r"ugaš|ugasi", re.IGNORECASE)


READERS = Readers(read_settings(str(ROOT / "pelicanconf.py")))


def read(path: Path) -> dict:
    """The post's metadata as Pelican reads it."""
    return READERS.read_file(str(ROOT / "content"), str(path.relative_to(ROOT / "content"))).metadata


@pytest.mark.parametrize("path", POSTS, ids=[p.stem for p in POSTS])
def test_each_post_has_what_lists_and_shares_need(path):
    document = read(path)
    assert document.get("summary"), f"{path.name}: no summary"
    assert document["category"].name in CATEGORIES
    assert document.get("tags"), f"{path.name}: no tags"


def test_categories_are_three_to_five_and_all_used():
    used = {read(path)["category"].name for path in POSTS}
    assert 3 <= len(used) <= 5
    assert used == set(CATEGORIES)


def test_several_posts_carry_our_own_images_with_alt_text():
    with_images = [p for p in POSTS if re.search(r"!\[[^\]]{10,}\]\(\{static\}/images/", p.read_text(encoding="utf-8"))]
    assert len(with_images) >= 3


# --- No text recommends Skype (Microsoft shut it down in May 2025) --------------


def skype_recommendations(text: str) -> list[str]:
    """Sentences that name Skype without saying it was shut down."""
    return [
        " ".join(sentence.split())
        for sentence in SENTENCE_END.split(text)
        if "skype" in sentence.lower() and not SHUT_DOWN.search(sentence)
    ]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Razgovaramo preko Zooma ili Skypea. Zadaci su u Trellu.", 1),
        ("<text>Zoom ili Skype, uz termin</text>", 1),
        ("- **Sastanci:** Skype, Zoom\n- Zadaci: Trello", 1),
        ("Ako ste navikli na Skype, znajte da ga je Microsoft ugasio u maju 2025.", 0),
        ("Skype je ugašen. Sastanke držimo u Teamsu.", 0),
        ("Nijedan poziv ovde ne pominje taj program.", 0),
    ],
)
def test_the_skype_finder_tells_a_recommendation_from_a_notice(text, flagged):
    assert len(skype_recommendations(text)) == flagged


def test_no_text_recommends_skype():
    assert READER_TEXT, "no content or theme files found"
    found = {
        str(path.relative_to(ROOT)): sentences
        for path in READER_TEXT
        if (sentences := skype_recommendations(path.read_text(encoding="utf-8")))
    }
    assert not found, f"Skype was shut down in May 2025; recommend Zoom, Google Meet or Microsoft Teams: {found}"


# --- A reader's path ---------------------------------------------------------------


def test_a_reader_goes_from_home_to_a_post_a_myth_and_a_related_post(browser, prod_url):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    try:
        page.goto(f"{prod_url}/")
        page.locator(".post-card h2 a").first.click()
        post_title = page.locator("main h1").inner_text()
        assert post_title

        myth_link = page.locator('.post-content a[href*="/faq/"][href*="#"]').first
        target_id = myth_link.get_attribute("href").rsplit("#", 1)[1]
        myth_link.click()
        page.wait_for_url(f"**#{target_id}", wait_until="load")
        expect(page.locator(f"[id='{target_id}']")).to_be_in_viewport()

        page.go_back()
        page.wait_for_url(lambda url: "/faq/" not in url)
        related = page.locator(".related a").first
        related_title = related.inner_text()
        related.click()
        heading = page.locator("main h1").inner_text()
        assert heading != post_title
        assert " ".join(heading.split()) == " ".join(related_title.split())
    finally:
        page.close()
