import os
import subprocess
import xml.etree.ElementTree as ET
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG

from sitemap_xml import Sitemap, content_date, file_date, git_commit_time, listed_content, newest, w3c_datetime

BELGRADE = ZoneInfo("Europe/Belgrade")
SETTINGS = dict(
    DEFAULT_CONFIG, SITEURL="https://vavodic.rs", TIMEZONE="Europe/Belgrade", ARTICLE_URL="{slug}/", PAGE_URL="{slug}/"
)
NAMESPACE = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# 2026-01-15 12:00:00 UTC: winter, so +01:00 in Belgrade; 2026-07-15 12:00:00 UTC: summer, +02:00.
WINTER, SUMMER = 1768478400, 1784116800


def article(slug="objava", **metadata):
    metadata = {"title": slug, "slug": slug, "date": datetime(2026, 3, 10, 9, 0, tzinfo=BELGRADE), **metadata}
    return Article("<p>x</p>", metadata=metadata, settings=SETTINGS, source_path=f"/site/content/posts/{slug}.md")


def page(source, **metadata):
    return Page(
        "<p>x</p>",
        metadata={"title": "Kontakt", "slug": "kontakt", **metadata},
        settings=SETTINGS,
        source_path=str(source),
    )


@pytest.fixture(autouse=True)
def fresh_git_cache():
    git_commit_time.cache_clear()
    yield
    git_commit_time.cache_clear()


def git(folder, *args, when=None):
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="t@example.com",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="t@example.com",
    )
    if when is not None:
        env.update(GIT_AUTHOR_DATE=f"@{when} +0000", GIT_COMMITTER_DATE=f"@{when} +0000")
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


# --- Dates ---------------------------------------------------------------------------------------------


def test_modified_wins_over_date():
    modified = datetime(2026, 7, 1, 12, 0, tzinfo=BELGRADE)
    assert content_date(article(modified=modified), BELGRADE) == modified
    assert w3c_datetime(content_date(article(), BELGRADE)) == "2026-03-10T09:00:00+01:00"


def test_an_undated_page_outside_git_gets_its_files_modification_time(tmp_path):
    source = tmp_path / "kontakt.md"
    source.write_text("Title: Kontakt\n", encoding="utf-8")
    os.utime(source, (SUMMER, SUMMER))
    assert w3c_datetime(content_date(page(source), BELGRADE)) == "2026-07-15T14:00:00+02:00"
    os.utime(source, (WINTER, WINTER))
    git_commit_time.cache_clear()
    assert w3c_datetime(file_date(source, BELGRADE)) == "2026-01-15T13:00:00+01:00"


def test_an_undated_committed_page_gets_its_last_commit_date_not_its_mtime(tmp_path):
    git(tmp_path, "init", "-q")
    source = tmp_path / "kontakt.md"
    source.write_text("prvo\n", encoding="utf-8")
    git(tmp_path, "add", "kontakt.md")
    git(tmp_path, "commit", "-q", "-m", "prvo", when=WINTER)
    source.write_text("drugo\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "drugo", when=SUMMER)
    (tmp_path / "drugi.md").write_text("x\n", encoding="utf-8")
    git(tmp_path, "add", "drugi.md")
    git(tmp_path, "commit", "-q", "-m", "another file, later", when=SUMMER + 86400)
    os.utime(source, (WINTER, WINTER))  # a fresh clone's mtime says nothing about the content
    assert w3c_datetime(content_date(page(source), BELGRADE)) == "2026-07-15T14:00:00+02:00"


def test_a_page_edited_since_its_last_commit_gets_its_mtime(tmp_path):
    git(tmp_path, "init", "-q")
    source = tmp_path / "kontakt.md"
    source.write_text("prvo\n", encoding="utf-8")
    git(tmp_path, "add", "kontakt.md")
    git(tmp_path, "commit", "-q", "-m", "prvo", when=WINTER)
    source.write_text("izmenjeno, još nije sačuvano u Gitu\n", encoding="utf-8")
    os.utime(source, (SUMMER, SUMMER))
    assert w3c_datetime(content_date(page(source), BELGRADE)) == "2026-07-15T14:00:00+02:00"
    untracked = tmp_path / "nov.md"
    untracked.write_text("nov\n", encoding="utf-8")
    os.utime(untracked, (WINTER, WINTER))
    assert w3c_datetime(file_date(untracked, BELGRADE)) == "2026-01-15T13:00:00+01:00"


def test_without_git_the_modification_time_is_used(tmp_path, monkeypatch):
    source = tmp_path / "kontakt.md"
    source.write_text("x\n", encoding="utf-8")
    os.utime(source, (WINTER, WINTER))
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    assert w3c_datetime(file_date(source, BELGRADE)) == "2026-01-15T13:00:00+01:00"


def test_a_missing_file_has_no_date(tmp_path):
    assert file_date(tmp_path / "nema.md", BELGRADE) is None


# --- List pages --------------------------------------------------------------------------------------------


def test_a_list_page_is_as_new_as_the_newest_content_it_lists():
    old, new = article("stara"), article("nova", date=datetime(2026, 5, 1, 9, 0, tzinfo=BELGRADE))
    edited = article("izmenjena", modified=datetime(2026, 6, 1, 9, 0, tzinfo=BELGRADE))
    assert newest([old, new], BELGRADE) == datetime(2026, 5, 1, 9, 0, tzinfo=BELGRADE)
    assert newest([old, new, edited], BELGRADE) == datetime(2026, 6, 1, 9, 0, tzinfo=BELGRADE)
    assert newest([], BELGRADE) is None


def test_what_a_list_page_lists():
    a, b, c = article("a"), article("b"), article("c")
    assert listed_content({"articles": [a, b, c], "dates": [c, b, a]}) == [c, b, a]
    paginated = {"articles": [a, b, c], "dates": [a, b, c], "articles_page": SimpleNamespace(object_list=[b])}
    assert listed_content(paginated) == [b]
    assert listed_content({"articles": [a, b, c], "listed_content": [c]}) == [c]
    assert listed_content({"articles": [a], "listed_content": []}) == []


# --- The file ----------------------------------------------------------------------------------------------


def written(sitemap, output, name, **context):
    sitemap.add(str(output / name), {**SETTINGS, "OUTPUT_PATH": str(output), **context})


def test_the_sitemap_lists_pages_in_url_order_with_belgrade_dates(tmp_path):
    sitemap = Sitemap()
    post = article("moja-objava", modified=datetime(2026, 7, 1, 12, 0, tzinfo=BELGRADE))
    older = article("starija")
    written(sitemap, tmp_path, "moja-objava/index.html", article=post)
    written(sitemap, tmp_path, "starija/index.html", article=older)
    written(
        sitemap,
        tmp_path,
        "index.html",
        articles=[post, older],
        articles_page=SimpleNamespace(object_list=[post, older]),
    )
    written(
        sitemap,
        tmp_path,
        "strana/2/index.html",
        articles=[post, older],
        articles_page=SimpleNamespace(object_list=[older]),
    )
    written(sitemap, tmp_path, "faq/index.html", articles=[post], listed_content=[])
    root = ET.fromstring(sitemap.xml("https://vavodic.rs"))
    entries = [
        (url.findtext("s:loc", namespaces=NAMESPACE), url.findtext("s:lastmod", namespaces=NAMESPACE))
        for url in root.findall("s:url", NAMESPACE)
    ]
    assert entries == [
        ("https://vavodic.rs/", "2026-07-01T12:00:00+02:00"),
        ("https://vavodic.rs/faq/", None),  # lists nothing: no date to give
        ("https://vavodic.rs/moja-objava/", "2026-07-01T12:00:00+02:00"),
        ("https://vavodic.rs/starija/", "2026-03-10T09:00:00+01:00"),
        ("https://vavodic.rs/strana/2/", "2026-03-10T09:00:00+01:00"),
    ]
    assert [child.tag for child in root.find("s:url", NAMESPACE)] == [
        f"{{{NAMESPACE['s']}}}loc",
        f"{{{NAMESPACE['s']}}}lastmod",
    ]


def test_drafts_hidden_private_excluded_and_non_html_files_stay_out(tmp_path):
    sitemap = Sitemap()
    written(sitemap, tmp_path, "nacrt/index.html", article=article("nacrt", status="draft"))
    written(sitemap, tmp_path, "skrivena/index.html", page=page("/site/content/pages/s.md", status="hidden"))
    written(sitemap, tmp_path, "privatna/index.html", article=article("privatna", private="True"))
    written(sitemap, tmp_path, "404.html", SITEMAP_EXCLUDE=[r"^404\.html$"])
    written(sitemap, tmp_path, "nacrti/x/index.html", article=article("x"), SITEMAP_EXCLUDE=[r"^nacrti/"])
    written(sitemap, tmp_path, "feeds/sve.atom.xml")
    assert sitemap.entries == {}


def test_the_same_pages_give_the_same_bytes_whatever_order_they_were_written_in(tmp_path):
    posts = [article(slug, date=datetime(2026, month, 1, 9, 0, tzinfo=BELGRADE)) for month, slug in enumerate("abc", 3)]
    outputs = []
    for order in (posts, posts[::-1]):
        sitemap = Sitemap()
        for post in order:
            written(sitemap, tmp_path, f"{post.slug}/index.html", article=post)
        written(sitemap, tmp_path, "arhiva/index.html", articles=order, dates=order)
        outputs.append(sitemap.xml("https://vavodic.rs"))
    assert outputs[0] == outputs[1]
    assert "<loc>https://vavodic.rs/arhiva/</loc><lastmod>2026-05-01T09:00:00+02:00</lastmod>" in outputs[0]


def test_urls_are_escaped_for_xml(tmp_path):
    sitemap = Sitemap()
    written(sitemap, tmp_path, "a&b/index.html", articles=[])
    assert "<loc>https://vavodic.rs/a&amp;b/</loc>" in sitemap.xml("https://vavodic.rs")
    ET.fromstring(sitemap.xml("https://vavodic.rs"))


def test_writing_resets_for_the_next_build(tmp_path):
    sitemap = Sitemap()
    written(sitemap, tmp_path, "objava/index.html", article=article())
    sitemap.write(SimpleNamespace(output_path=str(tmp_path), settings=SETTINGS))
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8").count("<url>") == 1
    assert sitemap.entries == {}
