"""The educational content: enough real posts, each doing its job, and a
reader's path through them (home → post → related post and myth) works."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from pelican.readers import Readers
from pelican.settings import read_settings

POSTS = sorted((ROOT / "content/posts").glob("*.md"))
CATEGORIES = ["Osnove", "Saradnja", "Alati", "Poverenje"]
OFFICE_POST = ROOT / "content/posts/moze-li-va-da-radi-iz-moje-kancelarije.md"


READERS = Readers(read_settings(str(ROOT / "pelicanconf.py")))


def read(path: Path) -> dict:
    """The post's metadata as Pelican reads it."""
    return READERS.read_file(str(ROOT / "content"), str(path.relative_to(ROOT / "content"))).metadata


def body_words(path: Path) -> int:
    text = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets are not words
    return len(re.findall(r"\w+", text))


def test_there_are_at_least_eight_posts_beyond_the_office_post():
    assert OFFICE_POST in POSTS
    assert len(POSTS) - 1 >= 8


@pytest.mark.parametrize("path", POSTS, ids=[p.stem for p in POSTS])
def test_each_post_is_a_real_article(path):
    document = read(path)
    assert 500 <= body_words(path) <= 1200, f"{path.name}: {body_words(path)} words"
    assert document.get("summary"), f"{path.name}: no summary"
    assert document["category"].name in CATEGORIES
    assert document.get("tags"), f"{path.name}: no tags"
    text = path.read_text(encoding="utf-8")
    assert re.search(r"\{filename\}/posts/", text), f"{path.name} links to no other post"
    assert re.search(r"\{filename\}/faq/[^)#]+\.md#", text), f"{path.name} links to no myth or question"


def test_categories_are_three_to_five_and_all_used():
    used = {read(path)["category"].name for path in POSTS}
    assert 3 <= len(used) <= 5
    assert used == set(CATEGORIES)


def test_several_posts_carry_our_own_images_with_alt_text():
    with_images = [p for p in POSTS if re.search(r"!\[[^\]]{10,}\]\(\{static\}/images/", p.read_text(encoding="utf-8"))]
    assert len(with_images) >= 3


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
