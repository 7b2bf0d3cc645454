import os
from pathlib import Path

import pytest
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from PIL import Image, ImageChops

from share_images import cache, drawing
from share_images.custom import ShareImageError, custom_image
from share_images.painter import Painter

SERBIAN = "Šta đak čuje kod ćoška — Život u Žablju"
LONG_TITLE = ("Dugačak naslov o saradnji sa virtuelnim asistentom: čćđšž ČĆĐŠŽ & <b> „navodnici” ") * 3
LONG_TITLE = LONG_TITLE[:200]


def ink_box(title: str):
    """Where `title`'s pixels differ from a card with no title at all."""
    blank = drawing.draw_card("", "VA vodič").convert("RGB")
    card = drawing.draw_card(title, "VA vodič").convert("RGB")
    return ImageChops.difference(card, blank).getbbox()


def inside(box, outer: drawing.Box) -> bool:
    left, top, right, bottom = box
    return left >= outer.left and top >= outer.top and right <= outer.right and bottom <= outer.bottom


def test_card_is_1200_by_630():
    assert drawing.draw_card(SERBIAN, "VA vodič").size == (1200, 630)


@pytest.mark.parametrize(
    "title",
    [SERBIAN, LONG_TITLE, "Reč" * 80, " ".join(["reč"] * 500), "😀 " + SERBIAN + " 🚀 ⸻"],
    ids=["serbian", "200 characters", "one long word", "far too long", "emoji"],
)
def test_title_stays_inside_the_title_box(title):
    assert len(LONG_TITLE) == 200
    box = ink_box(title)
    assert box is not None, "nothing was drawn"
    assert inside(box, drawing.TITLE_BOX), f"ink at {box} outside {drawing.TITLE_BOX}"


def test_long_titles_wrap_and_shrink_but_keep_every_word():
    short = drawing.fit(drawing.drawable_text(SERBIAN), drawing.TITLE_BOX)
    long = drawing.fit(drawing.drawable_text(LONG_TITLE), drawing.TITLE_BOX)
    assert long.font.size < short.font.size
    assert len(long.lines) > len(short.lines)
    assert " ".join(long.lines) == drawing.drawable_text(LONG_TITLE)


def test_a_title_too_long_for_the_smallest_size_ends_with_an_ellipsis():
    fitted = drawing.fit(" ".join(["reč"] * 500), drawing.TITLE_BOX)
    assert fitted.font.size == min(drawing.TITLE_SIZES)
    assert fitted.lines[-1].endswith("…")
    assert fitted.height <= drawing.TITLE_BOX.height


def test_serbian_letters_are_kept_and_undrawable_characters_dropped():
    assert drawing.drawable_text(SERBIAN) == SERBIAN
    # U+1F9D1 (no glyph in DejaVu Sans Bold) goes; decomposed č is composed.
    assert drawing.drawable_text("Po\u010dinjemo 🧑 sa c\u030c") == "Počinjemo sa č"


GOLDEN = Path(__file__).with_name("testdata") / "card.png"
GOLDEN_TITLE = "Šta đak čuje kod ćoška — Život u Žablju, i još jedan red da se vidi prelom"


def test_a_card_is_drawn_exactly_as_the_card_a_person_looked_at(tmp_path):
    """testdata/card.png was checked by eye: every letter and mark, lines in order, the dash kept with
    „ćoška”. The ink-box tests above would pass with a wrong font or lost marks; this one would not.
    After a change to the drawing on purpose, look at the new card and copy it over testdata/card.png."""
    drawn = drawing.draw_card(GOLDEN_TITLE, "VA vodič").convert("RGB")
    golden = Image.open(GOLDEN).convert("RGB")
    if ImageChops.difference(drawn, golden).getbbox() is not None:
        drawn.save(tmp_path / "card.png")
        pytest.fail(f"the card differs from {GOLDEN}; the new drawing is {tmp_path / 'card.png'}")


def test_a_line_never_starts_with_a_spaced_dash():
    font = drawing._font(drawing.FONT, 76)
    lines = drawing.wrap("Šta đak čuje kod ćoška — Život u Žablju", font, drawing.TITLE_BOX.width)
    assert lines == ["Šta đak čuje kod", "ćoška — Život u Žablju"], "not „… ćoška” / „— Život …”"
    assert drawing.wrap("— počinje crtom", font, 2000) == ["— počinje crtom"]


def test_cache_draws_once_per_set_of_inputs(tmp_path, monkeypatch):
    drawn = []
    real_draw = drawing.draw_card
    monkeypatch.setattr(drawing, "draw_card", lambda *args: drawn.append(args) or real_draw(*args))

    first = cache.cached_card(tmp_path, SERBIAN, "VA vodič")
    stamp = first.stat().st_mtime_ns
    again = cache.cached_card(tmp_path, SERBIAN, "VA vodič")
    assert again == first and again.stat().st_mtime_ns == stamp
    assert len(drawn) == 1

    renamed = cache.cached_card(tmp_path, SERBIAN + "!", "VA vodič")
    rebranded = cache.cached_card(tmp_path, SERBIAN, "Drugi brend")
    assert len({first, renamed, rebranded}) == 3
    assert len(drawn) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (first, renamed, rebranded))


def test_cache_key_covers_the_font_and_the_drawing_code(tmp_path, monkeypatch):
    key = cache.card_key("a", "b")
    assert cache.card_key("a", "b") == key
    other_font = tmp_path / "font.ttf"
    other_font.write_bytes(drawing.FONT.read_bytes() + b"\0")
    assert cache.card_key("a", "b", other_font) != key
    changed_code = tmp_path / "drawing.py"
    changed_code.write_text(Path(drawing.__file__).read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    monkeypatch.setattr(drawing, "__file__", str(changed_code))
    assert cache.card_key("a", "b") != key


# --- The author's own image ------------------------------------------------------


def post(tmp_path, **metadata):
    settings = dict(DEFAULT_CONFIG, PATH=str(tmp_path), STATIC_PATHS=["images"])
    return Article(
        "<p>tekst</p>",
        metadata={"title": "Naslov", "slug": "naslov", **metadata},
        settings=settings,
        source_path=str(tmp_path / "posts" / "naslov.md"),
    )


def picture(tmp_path, name="images/slika.png", size=(1200, 630), kind="PNG") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, "#a3441b").save(path, kind)
    return path


def test_own_image_is_used_with_its_size_and_alt(tmp_path):
    picture(tmp_path, "images/naslovna.jpg", (1600, 900), "JPEG")
    image = custom_image(post(tmp_path, image="{static}/images/naslovna.jpg", image_alt="Sto sa laptopom"))
    assert image.url == "images/naslovna.jpg"
    assert (image.width, image.height, image.alt, image.mime_type) == (1600, 900, "Sto sa laptopom", "image/jpeg")
    assert image.source is None  # Pelican copies static files itself
    assert custom_image(post(tmp_path, image="images/naslovna.jpg", image_alt="x")).url == "images/naslovna.jpg"


def test_a_heavy_photo_is_shared_as_a_lighter_copy(tmp_path):
    """A phone's original (here 3000×2000, or a transparent PNG over 1 MB) would be dropped by the apps."""
    settings_cache = tmp_path / "cache"
    photo = picture(tmp_path, "images/sa-telefona.jpg", (3000, 2000), "JPEG")
    article = post(tmp_path, image="{static}/images/sa-telefona.jpg", image_alt="Sto")
    article.settings["SHARE_IMAGE_CACHE"] = str(settings_cache)
    image = custom_image(article)
    assert image.url.startswith("share/naslov.") and image.url.endswith(".jpg")
    assert (image.width, image.height, image.mime_type, image.alt) == (1200, 800, "image/jpeg", "Sto")
    assert image.source.parent == settings_cache / "photos"
    with Image.open(image.source) as made:
        assert (made.format, made.size) == ("JPEG", (1200, 800))
    assert custom_image(article) == image, "made once, found again by the photo's bytes"
    photo.write_bytes(photo.read_bytes() + b"\0")
    assert custom_image(article).url != image.url, "another photo, another copy"

    noisy = Image.frombytes("RGBA", (1300, 700), os.urandom(1300 * 700 * 4))
    noisy.save(tmp_path / "images/providna.png")
    assert (tmp_path / "images/providna.png").stat().st_size > 1_000_000
    article = post(tmp_path, image="{static}/images/providna.png", image_alt="Logo")
    article.settings["SHARE_IMAGE_CACHE"] = str(settings_cache)
    image = custom_image(article)
    with Image.open(image.source) as made:
        assert (made.format, made.mode, made.size) == ("JPEG", "RGB", (1200, 646))


def test_no_image_header_means_no_own_image(tmp_path):
    assert custom_image(post(tmp_path)) is None


@pytest.mark.parametrize(
    ("make", "header", "message"),
    [
        (None, "{static}/images/nema.png", "ne postoji"),
        (
            lambda t: (t / "images" / "crtez.svg").write_text("<svg/>") if (t / "images").mkdir() is None else None,
            "{static}/images/crtez.svg",
            "nije PNG ni JPEG",
        ),
        (lambda t: picture(t, size=(100, 100)), "{static}/images/slika.png", "ima samo 100×100"),
        (lambda t: picture(t, "drugo/slika.png"), "drugo/slika.png", "nije u fascikli content/images/"),
        (lambda t: picture(t), "{static}/images/../images/slika.png", "nije u fascikli"),
    ],
    ids=["missing", "svg", "too small", "outside static paths", "dot-dot"],
)
def test_unusable_own_image_is_reported_with_the_file_name(tmp_path, make, header, message):
    if make:
        make(tmp_path)
    with pytest.raises(ShareImageError) as error:
        custom_image(post(tmp_path, image=header, image_alt="Opis"))
    assert "posts/naslov.md" in str(error.value) and message in str(error.value)


def test_errors_name_the_header_line(tmp_path):
    source = tmp_path / "posts" / "naslov.md"
    source.parent.mkdir()
    source.write_text("Title: Naslov\nSlug: naslov\nImage: images/nema.png\nImage_alt: Opis\n\nImage: u tekstu\n")
    with pytest.raises(ShareImageError, match=r"posts/naslov\.md:3: Slika za deljenje „images/nema\.png” ne postoji"):
        custom_image(post(tmp_path, image="images/nema.png", image_alt="Opis"))


def test_own_image_needs_alt_text(tmp_path):
    picture(tmp_path)
    with pytest.raises(ShareImageError, match="Uz Image napišite i Image_alt"):
        custom_image(post(tmp_path, image="{static}/images/slika.png"))


# --- Drawing in worker processes ---------------------------------------------------


def test_painter_gives_each_card_its_cached_path_and_draws_it_before_finish_returns(tmp_path):
    painter = Painter(workers=2)
    titles = [f"{SERBIAN} {number}" for number in range(5)]
    paths = [painter.card(tmp_path, title, "VA vodič") for title in titles]
    assert paths == [cache.card_path(tmp_path, title, "VA vodič") for title in titles]
    painter.finish()
    for path, title in zip(paths, titles, strict=True):
        assert path.read_bytes() == cache.cached_card(tmp_path / "serial", title, "VA vodič").read_bytes()
    stamp = paths[0].stat().st_mtime_ns
    assert painter.card(tmp_path, titles[0], "VA vodič") == paths[0]
    later = painter.card(tmp_path, "Kartica za ćirilično izdanje", "VA vodič")  # asked for while writing
    painter.close()
    assert paths[0].stat().st_mtime_ns == stamp  # a cached card is never drawn again
    assert later.is_file()


def test_painter_raises_a_drawing_error_at_finish(tmp_path, monkeypatch):
    def broken(*args):
        raise OSError("font missing")

    monkeypatch.setattr(drawing, "draw_card", broken)  # the workers are forked from this process
    painter = Painter(workers=1)
    painter.card(tmp_path, SERBIAN, "VA vodič")
    with pytest.raises(OSError, match="font missing"):
        painter.finish()
    assert list(tmp_path.iterdir()) == []


def test_an_image_outside_the_images_folder_gets_the_line_to_write_with_its_own_name(tmp_path):
    picture(tmp_path, "radni-sto.jpg")
    with pytest.raises(ShareImageError) as error:
        custom_image(post(tmp_path, image="radni-sto.jpg", image_alt="Opis"))
    assert error.value.hint == "Sačuvajte sliku u content/images/ i napišite: Image: {static}/images/radni-sto.jpg"
