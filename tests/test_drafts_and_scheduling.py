"""Drafts and scheduled posts: marked in the preview, absent from every production file.

Each test content file carries one made-up word (zrikavac, vodenbik, kukumavka)
in its slug, title, tag and text, so "absent" means: no built file, of any
kind (gzip-compressed ones unpacked), contains that word.
"""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from conftest import free_port, invoke
from pages import parse, text
from publishing import files_mentioning, publish_env, publish_ok, write_post

BELGRADE = ZoneInfo("Europe/Belgrade")
DRAFT, SCHEDULED, DRAFT_FAQ = "zrikavac", "vodenbik", "kukumavka"
CYRILLIC_WORDS = ("зрикавац", "воденбик", "кукумавка")  # the same words in the Cyrillic twins


def add_unpublished_content(project):
    write_post(
        project,
        "nacrt-zrikavac",
        "Nacrt Zrikavac",
        "2026-02-01 09:00",
        tags=f"saradnja, {DRAFT}oznaka",
        status="draft",
        body=f"Tekst o zrikavcu: {DRAFT}. Vidi [kontakt]({{filename}}/pages/kontakt.md).",
    )
    future = (datetime.now(BELGRADE) + timedelta(days=30)).strftime("%Y-%m-%d %H:%M")
    write_post(
        project,
        "zakazani-vodenbik",
        "Zakazani Vodenbik",
        future,
        tags=f"alati, {SCHEDULED}oznaka",
        body=f"Tekst o vodenbiku: {SCHEDULED}.",
    )
    result = invoke(project, "new-faq", "Pitanja Kukumavka", "--kind", "myths")
    assert result.returncode == 0, result.stderr


def test_drafts_and_scheduled_posts_are_marked_in_the_preview(project_copy):
    add_unpublished_content(project_copy)
    result = invoke(project_copy, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "content/posts/zakazani-vodenbik.md je zakazan za" in result.stdout
    output = project_copy / "output"
    draft = (output / "nacrti/nacrt-zrikavac/index.html").read_text(encoding="utf-8")
    assert "Nacrt — nije objavljeno" in draft
    scheduled = (output / "zakazani-vodenbik/index.html").read_text(encoding="utf-8")
    assert "Zakazano za " in scheduled and "Nacrt — nije objavljeno" not in scheduled
    meta_line = text(parse(output / "zakazani-vodenbik/index.html").css_first(".post-meta"))
    assert re.search(r"min čitanja Zakazano za ", meta_line), "the mark is a word of its own"
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "/zakazani-vodenbik/" in home and "Zakazano za " in home, "the preview lists it, marked"
    faq = (output / "nacrti/pitanja-kukumavka/index.html").read_text(encoding="utf-8")
    assert "Nacrt — nije objavljeno" in faq
    # The made-up words are in the preview, so their absence below means something.
    for word in (DRAFT, SCHEDULED, DRAFT_FAQ, *CYRILLIC_WORDS):
        assert files_mentioning(output, word), word


def test_drafts_and_scheduled_posts_leave_no_trace_in_production(project_copy):
    add_unpublished_content(project_copy)
    env = publish_env(f"http://127.0.0.1:{free_port()}")
    result = publish_ok(project_copy, env)
    assert "content/posts/zakazani-vodenbik.md je zakazan za" in result.stdout
    live = project_copy / "deploy/current"
    assert (live / "index.html").is_file() and (live / "sitemap.xml").is_file() and (live / "feeds").is_dir()
    marks = ("Nacrt —", "Zakazano za", "Нацрт —", "Заказано за")
    assert files_mentioning(live, DRAFT, SCHEDULED, DRAFT_FAQ, *CYRILLIC_WORDS, *marks) == []
    assert not (live / "nacrti").exists() and not (live / "cir/nacrti").exists()
    # Only robots.txt names the preview folder, to keep crawlers out of it.
    assert files_mentioning(live, "/nacrti/") == ["robots.txt: /nacrti/"]


def test_a_scheduled_post_goes_live_with_the_first_publish_after_its_date(project_copy):
    date = (datetime.now(BELGRADE) + timedelta(hours=1)).replace(microsecond=0)
    write_post(
        project_copy,
        "uskoro-vodenbik",
        "Uskoro Vodenbik",
        date.strftime("%Y-%m-%d %H:%M:%S"),
        body=f"Tekst: {SCHEDULED}.",
    )
    env = publish_env(f"http://127.0.0.1:{free_port()}")
    live = project_copy / "deploy/current"

    before = publish_ok(project_copy, env)
    assert "content/posts/uskoro-vodenbik.md je zakazan za" in before.stdout
    assert files_mentioning(live, SCHEDULED) == []

    # Two hours on by the clock the publish and everything it starts read (libfaketime), without waiting:
    # Pelican's own WITH_FUTURE_DATES decides, as it will on the day.
    after = publish_ok(project_copy, env, clock="+2h")
    assert "zakazan" not in after.stdout
    assert (live / "uskoro-vodenbik/index.html").is_file()
    assert "/uskoro-vodenbik/" in (live / "index.html").read_text(encoding="utf-8")
    assert "uskoro-vodenbik" in (live / "feeds/sve.atom.xml").read_text(encoding="utf-8")
    assert "Zakazano za" not in (live / "uskoro-vodenbik/index.html").read_text(encoding="utf-8")
