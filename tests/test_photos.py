"""Photos through whole builds: variants cached and pruned, drafts' photos kept out, every image sized.

The quality gates for a photo post (Lighthouse, bytes on a phone) are in
tests/quality/test_photos.py; these tests build small sites from a copy of
the content with photos made by tests/photos.py.
"""

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from pages import page_file, parse
from photos import save_photo
from site_tools.build import DEV_SETTINGS, PREVIEW, PROD_SETTINGS, STRICT, run_pipeline

ROOT = Path(__file__).resolve().parent.parent
POST = """Title: Fotografije sa terena
Date: 2026-11-18 09:00
Category: Saradnja
Tags: saradnja
Slug: fotografije-sa-terena
Summary: Dve fotografije sa terena.
Status: {status}

![Livada sa drvećem]({{static}}/images/{first})

Tekst između fotografija.

![Brda u daljini]({{static}}/images/{second})
"""


@pytest.fixture
def content(tmp_path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    save_photo(content / "images" / "livada.jpg", 1600, 1000, seed=1)
    save_photo(content / "images" / "brda.jpg", 1200, 800, seed=2)
    return content


def write_post(content: Path, first="livada.jpg", second="brda.jpg", status="published") -> None:
    (content / "posts" / "fotografije.md").write_text(
        POST.format(first=first, second=second, status=status), encoding="utf-8"
    )


def build(content: Path, output: Path, settings=PROD_SETTINGS):
    result = run_pipeline(
        STRICT,
        settings,
        output,
        {
            "PATH": str(content),
            "SITEURL": "https://primer.rs",
            "SHARE_IMAGE_CACHE": str(content.parent / "share-cache"),
            "RESPONSIVE_IMAGE_CACHE": str(content.parent / "image-cache"),
        },
    )
    assert result.written and result.ok, "\n".join(map(str, result.problems))
    return result


def cached(content: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (content.parent / "image-cache").iterdir()}


def variant_names(output: Path, stem: str) -> set[str]:
    return {p.name for p in (output / "images").glob(f"{stem}-*")}


def test_a_rebuild_encodes_nothing_and_a_photo_no_longer_used_leaves_the_cache(content, tmp_path):
    write_post(content)
    build(content, tmp_path / "first")
    first = cached(content)
    # two photos, three formats (1600 px: 480, 768, 1080, 1440; 1200 px: 480, 768, 1200), and each original cleaned
    assert len(first) == (4 + 3) * 3 + 2
    assert variant_names(tmp_path / "first", "livada") and variant_names(tmp_path / "first", "brda")

    build(content, tmp_path / "second")
    assert cached(content) == first, "a rebuild encoded variants again"
    assert variant_names(tmp_path / "second", "livada") == variant_names(tmp_path / "first", "livada")

    write_post(content, second="livada.jpg")  # brda.jpg is in content/images but no document shows it
    build(content, tmp_path / "third")
    assert set(cached(content)) < set(first) and len(cached(content)) == 4 * 3 + 1, "brda.jpg's copies left the cache"
    assert not variant_names(tmp_path / "third", "brda") and not (tmp_path / "third/images/brda.jpg").exists()


def test_the_published_original_does_not_say_where_it_was_taken(content, tmp_path):
    from PIL import Image

    save_photo(content / "images" / "livada.jpg", 1600, 1000, orientation=6, location=True)
    before = (content / "images" / "livada.jpg").read_bytes()
    write_post(content)
    build(content, tmp_path / "site")
    with Image.open(tmp_path / "site/images/livada.jpg") as published:
        assert published.getexif().get_ifd(0x8825) == {} and published.getexif().get(0x0112) == 6
        assert published.size == (1600, 1000)
    assert (content / "images" / "livada.jpg").read_bytes() == before, "the author's file was changed"


@pytest.mark.parametrize("status", ["draft", "scheduled", "unused"])
def test_a_photo_no_published_text_shows_is_not_published(content, tmp_path, status):
    """A photo dropped in for a draft, a scheduled post or nothing yet goes on the site with the first
    published text that shows it; the preview shows it (without its location, as every JPEG)."""
    from PIL import Image

    save_photo(content / "images" / "livada.jpg", 1600, 1000, orientation=6, location=True)
    if status == "draft":
        write_post(content, status="draft")
    elif status == "scheduled":
        write_post(content)
        post = content / "posts" / "fotografije.md"
        post.write_text(post.read_text(encoding="utf-8").replace("Date: 2026-11-18", "Date: 2999-11-18"), "utf-8")
    build(content, tmp_path / "site")
    assert not (tmp_path / "site/images/livada.jpg").exists() and not (tmp_path / "site/images/brda.jpg").exists()
    assert (tmp_path / "site/images/proces-cilj-rok.svg").is_file(), "what published posts show is there"
    previewed = run_pipeline(PREVIEW, DEV_SETTINGS, tmp_path / "preview", {"PATH": str(content)})
    assert previewed.written
    with Image.open(tmp_path / "preview/images/livada.jpg") as shown:
        assert shown.getexif().get_ifd(0x8825) == {} and shown.getexif().get(0x0112) == 6


def test_a_drawing_only_a_draft_shows_is_not_published_in_either_script(content, tmp_path):
    """A diagram with words also gets a Cyrillic copy (plugins/cyrillic/diagrams.py): neither goes live early."""
    (content / "images" / "plan.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40"><text x="4" y="24">Plan rada</text></svg>',
        encoding="utf-8",
    )
    write_post(content, first="plan.svg", status="draft")
    build(content, tmp_path / "site")
    assert not (tmp_path / "site/images/plan.svg").exists() and not (tmp_path / "site/cir/images/plan.svg").exists()
    assert (tmp_path / "site/cir/images/proces-cilj-rok.svg").is_file(), "a published post's drawing is in both"
    previewed = run_pipeline(PREVIEW, DEV_SETTINGS, tmp_path / "preview", {"PATH": str(content)})
    assert previewed.written and "План рада" in (tmp_path / "preview/cir/images/plan.svg").read_text(encoding="utf-8")


def test_a_photo_is_published_with_the_first_published_text_that_uses_it(content, tmp_path):
    """Shown in a published text (even if a draft shows it too), linked to (in the body or the Summary, which
    list pages show), named as its share image, or
    shown by the site's address without {static} (a warning, but the page must not lose it)."""
    save_photo(content / "images" / "samo-nacrt.jpg", 800, 600, seed=5)
    write_post(content, second="samo-nacrt.jpg", status="draft")  # shows livada.jpg and samo-nacrt.jpg
    save_photo(content / "images" / "naslovna.jpg", 1200, 630, seed=3)
    save_photo(content / "images" / "velika.jpg", 800, 600, seed=4)
    save_photo(content / "images" / "sazetak.jpg", 800, 600, seed=6)
    (content / "posts" / "objavljeno.md").write_text(
        "Title: Objavljeno sa slikama\nDate: 2026-11-19 09:00\nCategory: Saradnja\nTags: saradnja\n"
        "Summary: Tekst koji pokazuje, povezuje i deli slike, i [jednu samo iz sažetka]({static}/images/sazetak.jpg).\n"
        "Image: {static}/images/naslovna.jpg\nImage_alt: Naslovna fotografija sa terena.\n\n"
        "![Livada sa drvećem]({static}/images/livada.jpg)\n\n"
        "Pogledajte [fotografiju u punoj veličini]({static}/images/velika.jpg).\n\n"
        "![Brda u daljini](/images/brda.jpg)\n",
        encoding="utf-8",
    )
    result = build(content, tmp_path / "site")
    assert any("bez {static}" in problem.message for problem in result.problems)
    images = tmp_path / "site/images"
    assert {"livada.jpg", "naslovna.jpg", "velika.jpg", "brda.jpg", "sazetak.jpg"} <= {p.name for p in images.iterdir()}
    assert not (images / "samo-nacrt.jpg").exists(), "only the draft shows it"
    page = (tmp_path / "site/objavljeno-sa-slikama/index.html").read_text(encoding="utf-8")
    assert "https://primer.rs/images/naslovna.jpg" in page and "/images/velika.jpg" in page
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "https://primer.rs/images/sazetak.jpg" in home, "the home page lists the post with its Summary"


def test_a_photo_cut_off_while_copied_stops_the_publish_and_is_left_out_of_the_preview(content, tmp_path):
    """Its location is at the start of the file, so it survives the cut; Pillow cannot re-save what is
    missing, and the site's phone copies would fail mid-build. The check says so first, at the file."""
    whole = save_photo(content / "images" / "livada.jpg", 1600, 1000, location=True).read_bytes()
    (content / "images" / "livada.jpg").write_bytes(whole[: len(whole) // 2])
    write_post(content)
    published = run_pipeline(STRICT, PROD_SETTINGS, tmp_path / "site", {"PATH": str(content)})
    (problem,) = published.errors
    assert not published.written and problem.where == "content/images/livada.jpg"
    assert problem.message.startswith("Slika je nedovršena: fajl je prekinut")
    previewed = run_pipeline(PREVIEW, DEV_SETTINGS, tmp_path / "preview", {"PATH": str(content)})
    assert previewed.written and not (tmp_path / "preview/images/livada.jpg").exists()
    assert (tmp_path / "preview/images/brda.jpg").is_file(), "the other photos are there"


def test_a_changed_photo_gets_new_addresses(content, tmp_path):
    write_post(content)
    build(content, tmp_path / "before")
    save_photo(content / "images" / "livada.jpg", 1600, 1000, seed=9)
    build(content, tmp_path / "after")
    assert variant_names(tmp_path / "after", "livada").isdisjoint(variant_names(tmp_path / "before", "livada"))
    assert variant_names(tmp_path / "after", "brda") == variant_names(tmp_path / "before", "brda")


def test_a_drafts_photos_are_not_published(content, tmp_path):
    write_post(content, status="draft")
    build(content, tmp_path / "site")
    assert not variant_names(tmp_path / "site", "livada") and not (tmp_path / "site/images/livada.jpg").exists()
    image_cache = content.parent / "image-cache"
    assert not image_cache.exists() or not any(image_cache.iterdir()), "copies made of photos nobody will see"


def test_the_feed_shows_the_photos_with_absolute_addresses(content, tmp_path):
    write_post(content)
    build(content, tmp_path / "site")
    feed = (tmp_path / "site/feeds/sve.atom.xml").read_text(encoding="utf-8")
    entry = feed.split("Fotografije sa terena", 2)[-1]
    assert "&lt;picture&gt;&lt;source" in entry and "https://primer.rs/images/livada-480." in entry
    assert "srcset=&quot;/images" not in entry and "src=&quot;/images" not in entry


def test_every_content_image_of_the_site_has_its_size(dev_site, dev_documents):
    """The site's own drawings are SVGs: sized from their files; the first image of a post is fetched first."""
    sized = 0
    for document in dev_documents:
        source = ROOT / document.source
        if "{static}/images/" not in source.read_text(encoding="utf-8") or document.template not in ("article", "page"):
            continue
        images = parse(dev_site / document.save_as).css(".post-content img, .page-content img")
        assert images, source
        for number, image in enumerate(images):
            width, height = image.attributes.get("width"), image.attributes.get("height")
            assert width and height and int(width) > 0 and int(height) > 0, (source.name, image.attributes)
            expected = {"fetchpriority": "high"} if number == 0 else {"loading": "lazy", "decoding": "async"}
            assert expected.items() <= image.attributes.items(), (source.name, image.attributes)
            sized += 1
    assert sized >= 3


FAQ_PAGE = """Title: Pitanja sa fotografijom
Date: 2026-11-18 09:00
Slug: pitanja-sa-fotografijom
Summary: Odgovor koji pokazuje fotografiju.
Kind: questions

Uvod sa [linkom na mitove]({filename}/faq/mitovi-o-virtuelnim-asistentima.md).

## Kako izgleda kancelarija?

![Livada sa drvećem]({static}/images/livada.jpg)

Ovako izgleda pogled.
"""


def test_a_photo_in_an_faq_answer_is_responsive_too(content, tmp_path):
    (content / "faq" / "fotografija.md").write_text(FAQ_PAGE, encoding="utf-8")
    build(content, tmp_path / "site")
    tree = parse(page_file(tmp_path / "site", "/faq/pitanja-sa-fotografijom/"))
    answer = tree.css_first('[id="kako-izgleda-kancelarija"]')
    sources = answer.css("picture source")
    assert [s.attributes["type"] for s in sources] == ["image/avif", "image/webp"]
    img = answer.css_first("picture img")
    assert (img.attributes["width"], img.attributes["height"]) == ("1440", "900")  # the widest variant
    for candidate in sources[0].attributes["srcset"].split(","):
        assert (tmp_path / "site" / urlsplit(candidate.split()[0]).path.lstrip("/")).is_file()
    assert (tmp_path / "site" / urlsplit(img.attributes["src"]).path.lstrip("/")).is_file()
    assert (tmp_path / "site/images/livada.jpg").is_file(), "an FAQ answer's photo is published (only it shows it)"
    intro_links = [a.attributes["href"] for a in tree.css(".faq-intro a")]
    assert "https://primer.rs/faq/mitovi-o-virtuelnim-asistentima/" in intro_links, intro_links
