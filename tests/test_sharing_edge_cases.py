"""Sharing on a project copy with awkward content: a hostile title and summary,
a draft, a hidden page, a post with its own image; and the share-image cache
across rebuilds. Each build is a production build, as `invoke publish` makes."""

import json
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from PIL import Image, ImageChops

from conftest import copy_project
from pages import html_of, meta, page_file, parse, sitemap, text
from quality import nu
from share_images import drawing
from sharing import by_type, json_ld, open_graph, shared_url, twitter, validation_issues
from site_tools.build import PROD_SETTINGS, pelican_command

BASE = "https://primer.vavodic.rs"
TITLE = (
    "Šta „VA” radi & zašto 'ne' kaže \"da\" <b>odmah</b> </script><script>alert(1)</script> 😀 "
    "čćđšž ŽĆČĐŠ — dug naslov o saradnji sa virtuelnim asistentkinjama, klijentima i rokovima za sve "
)
TITLE = (TITLE * 2)[:200].rstrip()
SUMMARY = "Opis sa \"navodnicima\", 'apostrofima', & znakom, <manje i </script> krajem 😀 — čćđšž."
HOSTILE = "/nezgodan-naslov/"
OWN_IMAGE = "/sopstvena-slika/"
# The project copy is not in Git, so an undated page is dated by its file's mtime: set, so known.
CONTACT_MTIME = 1784116800  # 2026-07-15 12:00:00 UTC


def post(slug: str, title: str, summary: str, status: str = "published", extra: str = "") -> str:
    return (
        f"Title: {title}\nDate: 2026-11-25 10:00\nCategory: Osnove\nTags: saradnja\nSlug: {slug}\n"
        f"Summary: {summary}\nStatus: {status}\n{extra}\n"
        "Prvi pasus, sa [vezom na kontakt](/kontakt/) i [fusnotom](#kraj).\n\n"
        "Drugi pasus teksta, da objava ne bude prazna.\n\n## Kraj\n\nPoslednji deo, na koji vodi fusnota.\n"
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("sharing") / "project")
    posts = project / "content" / "posts"
    (posts / "nezgodan-naslov.md").write_text(post("nezgodan-naslov", TITLE, SUMMARY), encoding="utf-8")
    (posts / "nacrt.md").write_text(post("nacrt-u-radu", "Nacrt u radu", "Još nije gotov.", "draft"), encoding="utf-8")
    (project / "content" / "pages" / "skrivena.md").write_text(
        "Title: Skrivena stranica\nSlug: skrivena-stranica\nStatus: hidden\nSummary: Nije za spisak.\n\nTekst.\n",
        encoding="utf-8",
    )
    Image.new("RGB", (1200, 630), "#0b5c8a").save(project / "content" / "images" / "naslovna.png")
    (posts / "sopstvena-slika.md").write_text(
        post(
            "sopstvena-slika",
            "Objava sa svojom slikom",
            "Ima svoju sliku.",
            extra="Image: {static}/images/naslovna.png\nImage_alt: Plava površina bez teksta\n"
            "Modified: 2030-01-15 18:30\n",  # after every real post, whatever the content holds
        ),
        encoding="utf-8",
    )
    Image.new("RGB", (3000, 2000), "#0b5c8a").save(project / "content" / "images" / "sa-telefona.jpg")
    (posts / "teska-slika.md").write_text(
        post(
            "teska-slika",
            "Objava sa fotografijom sa telefona",
            "Ima svoju veliku sliku.",
            extra="Image: {static}/images/sa-telefona.jpg\nImage_alt: Plava fotografija\n",
        ),
        encoding="utf-8",
    )
    faq = project / "content" / "faq" / "mitovi-o-virtuelnim-asistentima.md"
    header, body = faq.read_text(encoding="utf-8").split("\n\n", 1)
    header = re.sub(r"^Modified: .*\n?", "", header, flags=re.M).replace(
        "Date: 2026-04-01 09:00", "Date: 2026-04-01 09:00\nModified: 2026-11-30 19:30"
    )
    faq.write_text(f"{header}\n\n{body}", encoding="utf-8")
    os.utime(project / "content" / "pages" / "kontakt.md", (CONTACT_MTIME, CONTACT_MTIME))
    return project


def build(project: Path, output: Path, cache: Path) -> Path:
    command = pelican_command(PROD_SETTINGS, output, {"SITEURL": BASE, "SHARE_IMAGE_CACHE": str(cache)})
    result = subprocess.run(command, cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("share-image-cache")


@pytest.fixture(scope="module")
def site(project, cache, tmp_path_factory) -> Path:
    return build(project, tmp_path_factory.mktemp("site"), cache)


def visible_title(site: Path) -> str:
    return text(parse(page_file(site, HOSTILE)).css_first("article h1"))


# --- A hostile title and summary ----------------------------------------------------------


def test_hostile_title_is_shown_as_typed_and_runs_nothing(site):
    tree = parse(page_file(site, HOSTILE))
    title = visible_title(site)
    for piece in ("</script><script>alert(1)</script>", "<b>odmah</b>", "&", "😀", "čćđšž ŽĆČĐŠ", "„VA”", "‚ne’"):
        assert piece in title, piece
    assert len(title) == 200
    assert tree.css_first("h1 b") is None and tree.css_first("h1 script") is None
    assert not [s for s in tree.css("script") if (s.text() or "").strip() == "alert(1)"]
    assert text(tree.css_first("title")) == f"{title} — VA vodič"


def test_hostile_text_is_identical_in_every_tag_and_in_json_ld(site):
    html = html_of(site, HOSTILE)
    tree, og, tw, items = parse(page_file(site, HOSTILE)), open_graph(html), twitter(html), by_type(json_ld(html))
    title = visible_title(site)
    description = meta(tree, "description")
    assert og["og:title"] == [title] == [tw["twitter:title"]] == [items["BlogPosting"]["headline"]]
    assert items["BreadcrumbList"]["itemListElement"][-1]["name"] == title
    assert og["og:description"] == [description] == [items["BlogPosting"]["description"]]
    assert description == "Opis sa „navodnicima”, ‚apostrofima’, & znakom, <manje i </script> krajem 😀 — čćđšž."
    assert og["og:image:alt"] == [f"VA vodič: {title}"]
    share = parse(page_file(site, HOSTILE)).css_first(".share")
    assert share.attributes["aria-label"] == f"Podelite: {title}"
    # js/share.js gives the system share sheet the title the Telegram link carries.
    assert parse_qs(urlsplit(share.css_first("a.share-telegram").attributes["href"]).query)["text"] == [title]


def test_json_ld_cannot_close_its_script_element(site):
    html = html_of(site, HOSTILE)
    blocks = re.findall(r"<script type=\"?application/ld\+json\"?>(.*?)</script>", html, re.DOTALL)
    assert len(blocks) == len(json_ld(html)) == 4
    for block in blocks:
        # Only these can end the element or change how the parser reads it (plugins/faq/jsonld.py).
        assert "</" not in block and "<!--" not in block
        json.loads(block)
    assert validation_issues(json_ld(html)) == []


def test_hostile_post_share_links_carry_the_exact_title_and_address(site):
    links = parse(page_file(site, HOSTILE)).css(".post .share a.share-link")
    title = visible_title(site)
    for link in links:
        assert shared_url(link.attributes["href"]) == BASE + HOSTILE
    telegram = parse_qs(urlsplit(links[2].attributes["href"]).query)
    assert telegram["text"] == [title]


def test_hostile_post_html_is_valid(site):
    files = [page_file(site, HOSTILE), page_file(site, "/"), page_file(site, "/kategorija/osnove/")]
    problems = nu.problems(nu.check(files, site))
    assert not problems, "\n".join(map(str, problems))


def test_feeds_keep_the_hostile_text_and_absolute_links(site):
    for name in ("sve.atom.xml", "sve.rss.xml", "kategorija-osnove.atom.xml"):
        feed = feedparser.parse((site / "feeds" / name).read_bytes())
        assert feed.bozo == 0, name
        entry = next(e for e in feed.entries if e.link == BASE + HOSTILE)
        assert entry.title == visible_title(site)
        body = entry.content[0].value if "content" in entry else entry.summary
        assert f'href="{BASE}/kontakt/"' in body and f'href="{BASE}{HOSTILE}#kraj"' in body


def test_share_image_shows_exactly_the_title(site):
    url = meta(parse(page_file(site, HOSTILE)), "og:image")
    built = Image.open(site / url.removeprefix(BASE + "/")).convert("RGB")
    assert built.size == (1200, 630)
    expected = drawing.draw_card(visible_title(site), "VA vodič").convert("RGB")
    assert ImageChops.difference(built, expected).getbbox() is None
    blank = drawing.draw_card("", "VA vodič").convert("RGB")
    left, top, right, bottom = ImageChops.difference(built, blank).getbbox()
    box = drawing.TITLE_BOX
    assert box.left <= left and box.top <= top and right <= box.right and bottom <= box.bottom


# --- The author's own image ----------------------------------------------------------------


def test_own_image_replaces_the_drawn_card(site):
    tree = parse(page_file(site, OWN_IMAGE))
    assert meta(tree, "og:image") == f"{BASE}/images/naslovna.png" == meta(tree, "twitter:image")
    assert (meta(tree, "og:image:width"), meta(tree, "og:image:height")) == ("1200", "630")
    assert meta(tree, "og:image:alt") == "Plava površina bez teksta"
    assert (site / "images" / "naslovna.png").is_file()
    assert not list((site / "share").glob("sopstvena-slika.*"))


def test_a_photo_larger_than_apps_take_is_shared_as_a_lighter_copy(site):
    tree = parse(page_file(site, "/teska-slika/"))
    shared = meta(tree, "og:image")
    assert shared.startswith(f"{BASE}/share/teska-slika.") and shared.endswith(".jpg")
    assert (meta(tree, "og:image:width"), meta(tree, "og:image:height"), meta(tree, "og:image:type")) == (
        "1200",
        "800",
        "image/jpeg",
    )
    with Image.open(site / shared.removeprefix(f"{BASE}/")) as copy:
        assert copy.size == (1200, 800)


# --- Drafts and hidden pages stay out -------------------------------------------------------


def test_outside_git_an_undated_page_is_dated_by_its_files_mtime_and_lists_by_their_newest_post(site):
    dates = sitemap(site)
    assert dates[BASE + "/kontakt/"] == "2026-07-15T14:00:00+02:00"
    assert dates[BASE + HOSTILE] == "2026-11-25T10:00:00+01:00"  # Date
    assert dates[BASE + OWN_IMAGE] == "2030-01-15T18:30:00+01:00"  # Modified wins
    # The post updated on 2030-01-15 (after every real post) is the newest: every list that shows it says so.
    for url in ("/", "/arhiva/", "/kategorija/osnove/", "/oznaka/saradnja/", "/kategorije/", "/oznake/"):
        assert dates[BASE + url] == "2030-01-15T18:30:00+01:00", url
    assert dates[BASE + "/kategorija/alati/"] < "2030-01-15T18:30:00+01:00"  # it does not list that post
    assert dates[BASE + "/faq/"] == dates[BASE + "/faq/mitovi-o-virtuelnim-asistentima/"] == "2026-11-30T19:30:00+01:00"


@pytest.mark.parametrize("url_path", [OWN_IMAGE, "/faq/mitovi-o-virtuelnim-asistentima/"])
def test_an_updated_page_shows_both_dates_as_its_card_and_json_ld_give_them(site, url_path):
    html = html_of(site, url_path)
    tree, og = parse(page_file(site, url_path)), open_graph(html)
    item = next(item for item in json_ld(html) if item["@type"] in ("BlogPosting", "FAQPage"))
    meta_line = tree.css_first("article .post-meta")
    published, modified = (node.attributes["datetime"] for node in meta_line.css("time"))
    assert "ažurirano" in text(meta_line)
    assert published == og["article:published_time"][0] == item["datePublished"]
    assert modified == og["article:modified_time"][0] == item["dateModified"] == sitemap(site)[BASE + url_path]


def test_feeds_give_an_updated_post_its_updated_time(site):
    feed = feedparser.parse((site / "feeds" / "sve.atom.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link == BASE + OWN_IMAGE)
    assert entry.published.startswith("2026-11-25T10:00:00") and entry.updated == "2030-01-15T18:30:00+01:00"


def test_drafts_and_hidden_pages_are_left_out_of_feeds_and_sitemap(site):
    locs = list(sitemap(site))
    assert BASE + HOSTILE in locs
    feed_text = "".join(path.read_text(encoding="utf-8") for path in (site / "feeds").glob("*.xml"))
    for hidden in ("nacrt-u-radu", "skrivena-stranica"):
        assert not [loc for loc in locs if hidden in loc], hidden
        assert hidden not in feed_text


def test_a_hidden_page_is_written_but_search_engines_are_asked_to_leave_it_out(site):
    for address in ("/skrivena-stranica/", "/cir/skrivena-stranica/"):
        assert meta(parse(page_file(site, address)), "robots") == "noindex", address
    assert meta(parse(page_file(site, HOSTILE)), "robots") is None


# --- The share-image cache across builds ---------------------------------------------------


def snapshot(folder: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}


def test_rebuilding_redraws_only_what_changed(project, cache, site, tmp_path):
    before = snapshot(cache)
    assert len(before) >= 15  # every post, page and FAQ page, and the site card

    build(project, tmp_path / "again", cache)
    assert snapshot(cache) == before, "an unchanged build redrew share images"

    source = project / "content" / "posts" / "dostupnost-i-vreme-odgovora.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("Title: Kada sam dostupna", "Title: Kada sam zaista dostupna"),
        encoding="utf-8",
    )
    changed = build(project, tmp_path / "changed", cache)
    after = snapshot(cache)
    new = set(after) - set(before)
    assert len(new) == 2, new  # the card and its Cyrillic twin's (plugins/cyrillic)
    assert {name: after[name] for name in before} == before
    for path in ("/dostupnost-i-vreme-odgovora/", "/cir/dostupnost-i-vreme-odgovora/"):
        image = meta(parse(page_file(changed, path)), "og:image")
        assert image.endswith(".png") and any(name[:10] in image for name in new), path


def test_a_broken_own_image_stops_the_build_naming_file_and_line(project_copy, cache, tmp_path):
    source = project_copy / "content" / "posts" / "losa-slika.md"
    source.write_text(
        post(
            "losa-slika", "Loša slika", "Slika ne postoji.", extra="Image: {static}/images/nema.png\nImage_alt: Opis\n"
        ),
        encoding="utf-8",
    )
    command = pelican_command(PROD_SETTINGS, tmp_path / "out", {"SITEURL": BASE, "SHARE_IMAGE_CACHE": str(cache)})
    wide = {**os.environ, "COLUMNS": "400"}  # Pelican's log would wrap long lines at 80
    result = subprocess.run(command, cwd=project_copy, capture_output=True, text=True, env=wide)
    output = " ".join((result.stdout + result.stderr).split())
    assert result.returncode != 0
    assert "content/posts/losa-slika.md:8: Slika za deljenje „{static}/images/nema.png” ne postoji" in output
