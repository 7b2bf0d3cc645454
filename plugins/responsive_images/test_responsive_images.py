"""Units: sizes read from files, the variants planned and encoded, the cache, the HTML written."""

import sys
from pathlib import Path

import pytest
from PIL import Image

from responsive_images import markup, variants
from responsive_images.dimensions import UnreadableImage, raster_size, svg_size
from shared import rendered

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from photos import save_photo  # noqa: E402

SIZES = "(min-width: 40em) 37rem, calc(100vw - 2rem)"


@pytest.fixture(scope="module")
def photo(tmp_path_factory) -> Path:
    return save_photo(tmp_path_factory.mktemp("photo") / "livada.jpg", 1600, 1000)


@pytest.mark.parametrize(
    "root, size",
    [
        ('width="640" height="200" viewBox="0 0 640 200"', (640, 200)),
        ('viewBox="0 0 320 100"', (320, 100)),
        ('viewBox="0,0,300.4,99.6"', (300, 100)),
        ('width="100%" height="100%" viewBox="0 0 640 480"', (640, 480)),
        ('width="12cm" viewBox="0 0 400 300"', (400, 300)),
        ('width="800px" viewBox="0 0 400 300"', (800, 600)),
        ('width="50" height="20"', (50, 20)),
        ("", None),
        ('viewBox="0 0 0 0"', None),
    ],
)
def test_an_svg_is_as_large_as_its_attributes_or_its_viewbox(tmp_path, root, size):
    path = tmp_path / "crtez.svg"
    path.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" {root}><rect width="1" height="1"/></svg>', encoding="utf-8"
    )
    assert svg_size(path) == size


def test_a_broken_svg_has_no_size(tmp_path):
    path = tmp_path / "crtez.svg"
    path.write_text("<svg", encoding="utf-8")
    assert svg_size(path) is None


def test_a_photo_taken_sideways_is_as_large_as_it_shows(tmp_path):
    assert raster_size(save_photo(tmp_path / "a.jpg", 300, 200)) == (300, 200)
    assert raster_size(save_photo(tmp_path / "b.jpg", 300, 200, orientation=6)) == (200, 300)
    (tmp_path / "c.jpg").write_bytes(b"not a picture")
    with pytest.raises(UnreadableImage):
        raster_size(tmp_path / "c.jpg")


@pytest.mark.parametrize(
    "original, widths",
    [
        (2400, [480, 768, 1080, 1440]),
        (1440, [480, 768, 1080, 1440]),
        (1000, [480, 768, 1000]),
        (800, [480, 800]),  # 768 is too close to 800 to be worth a file
        (300, [300]),
    ],
)
def test_widths_are_never_wider_than_the_original(original, widths):
    assert variants.widths_for(original, (480, 768, 1080, 1440)) == widths


def test_a_jpeg_gets_avif_and_webp_sources_and_a_jpeg_fallback(photo):
    plan = variants.plan(photo, (1600, 1000), "JPEG")
    assert list(plan.formats) == ["AVIF", "WEBP", "JPEG"]
    assert [(v.width, v.height) for v in plan.formats["AVIF"]] == [(480, 300), (768, 480), (1080, 675), (1440, 900)]
    assert (plan.width, plan.height) == (1440, 900)
    assert plan.fallback.width == 1080 and plan.fallback.format == "JPEG"
    assert len({v.key for v in plan.variants}) == 12
    assert plan.formats["WEBP"][0].name.startswith("livada-480.") and plan.formats["WEBP"][0].name.endswith(".webp")


def test_other_formats_fall_back_to_themselves_or_are_left_alone(photo):
    assert list(variants.plan(photo, (1600, 1000), "PNG").formats) == ["AVIF", "WEBP", "PNG"]
    assert list(variants.plan(photo, (1600, 1000), "WEBP").formats) == ["AVIF", "WEBP"]
    assert list(variants.plan(photo, (1600, 1000), "AVIF").formats) == ["AVIF", "WEBP"]
    assert variants.plan(photo, (1600, 1000), "GIF") is None  # may be animated: served as it is


def test_the_key_changes_with_the_source_and_with_every_setting(photo, tmp_path):
    key = variants.plan(photo, (1600, 1000), "JPEG").formats["AVIF"][1].key
    assert variants.plan(photo, (1600, 1000), "JPEG").formats["AVIF"][1].key == key
    quality = variants.plan(photo, (1600, 1000), "JPEG", encoders={"AVIF": {"quality": 60, "speed": 6}})
    assert quality.formats["AVIF"][1].key != key
    assert quality.formats["WEBP"][1].key == variants.plan(photo, (1600, 1000), "JPEG").formats["WEBP"][1].key
    other = save_photo(tmp_path / "livada.jpg", 1600, 1000, seed=2)
    assert variants.plan(other, (1600, 1000), "JPEG").formats["AVIF"][1].key != key


def test_variants_are_encoded_once_in_their_formats_and_sizes(photo, tmp_path, monkeypatch):
    plan = variants.plan(photo, (1600, 1000), "JPEG", widths=(480, 768))
    files = variants.encode(plan, tmp_path)
    for variant, file in zip(plan.variants, files, strict=False):
        with Image.open(file) as image:
            assert (image.format, image.size) == (variant.format, (variant.width, variant.height))
    phone = plan.formats["AVIF"][1].width
    assert (
        phone == 768 and files[1].stat().st_size < files[3].stat().st_size < files[5].stat().st_size
    )  # AVIF < WebP < JPEG

    def no_encoding(*args, **kwargs):
        raise AssertionError("a cached variant was encoded again")

    monkeypatch.setattr(Image.Image, "save", no_encoding)
    assert variants.encode(plan, tmp_path) == files


def test_a_sideways_photo_is_turned_and_loses_its_metadata(tmp_path):
    source = save_photo(tmp_path / "uspravna.jpg", 900, 600, orientation=6)
    plan = variants.plan(source, raster_size(source), "JPEG", widths=(480,))
    files = variants.encode(plan, tmp_path / "cache")
    assert len(files) == 3, "AVIF, WebP and JPEG"
    for file in files:
        with Image.open(file) as image:
            assert image.size == (480, 720)
            assert not image.getexif().get(0x0112)


def test_a_transparent_png_keeps_its_transparency(tmp_path):
    source = tmp_path / "logo.png"
    Image.new("RGBA", (600, 300), (200, 0, 0, 0)).save(source)
    plan = variants.plan(source, (600, 300), "PNG", widths=(480,))
    files = variants.encode(plan, tmp_path / "cache")
    assert len(files) == 3, "AVIF, WebP and PNG"
    for file in files:
        with Image.open(file) as image:
            assert image.mode in ("RGBA", "RGBa") and image.getpixel((10, 10))[3] == 0


def test_the_published_original_keeps_its_pixels_and_orientation_but_not_the_place(tmp_path):
    source = save_photo(tmp_path / "kod-kuce.jpg", 600, 400, orientation=6, location=True)
    assert Image.open(source).getexif().get_ifd(0x8825), "the test photo has no location to remove"
    clean = variants.clean_original(source, tmp_path / "cache")
    with Image.open(clean) as image, Image.open(source) as original:
        assert image.getexif().get_ifd(0x8825) == {} and image.getexif().get(0x0112) == 6
        assert image.size == original.size and image.quantization == original.quantization
    assert variants.clean_original(source, tmp_path / "cache") == clean
    assert variants.clean_key(source) in clean.name
    (tmp_path / "crtez.png").write_bytes(b"")
    assert variants.clean_original(tmp_path / "crtez.png", tmp_path / "cache") is None


def test_prune_removes_only_what_no_image_uses(photo, tmp_path):
    plan = variants.plan(photo, (1600, 1000), "JPEG", widths=(480,))
    kept = variants.encode(plan, tmp_path)
    (tmp_path / ("0" * 64 + ".avif")).write_bytes(b"old")
    (tmp_path / ".half-written.tmp").write_bytes(b"")
    removed = variants.prune(tmp_path, {v.key for v in plan.variants})
    assert [p.name for p in removed] == ["0" * 64 + ".avif"]
    assert all(p.exists() for p in kept) and (tmp_path / ".half-written.tmp").exists()


def images_of(content_html: str, photo: Path, size=(1600, 1000)) -> list[markup.Image]:
    plan = variants.plan(photo, size, "JPEG")
    found = []
    for image in rendered.Rendered(content_html).images:
        item = markup.Image(image.attributes, image.alone_in_paragraph, size, plan)
        item.urls = {v: f"/images/{v.name}" for v in plan.variants}
        found.append(item)
    return found


def test_a_photo_becomes_a_picture_with_typed_sources_and_its_size(photo):
    html = '<p>Uvod.</p>\n<p><img alt="Livada" src="{static}/images/livada.jpg"></p>'
    out = rendered.Rendered(markup.rewrite(html, images_of(html, photo), SIZES)).tree
    picture = out.css_first("p > picture")
    avif, webp = picture.css("source")
    assert (avif.attributes["type"], webp.attributes["type"]) == ("image/avif", "image/webp")
    assert avif.attributes["srcset"].split(", ")[0].endswith(".avif 480w")
    assert avif.attributes["srcset"].split(", ")[-1].endswith(".avif 1440w")
    assert all(node.attributes["sizes"] == SIZES for node in picture.css("source, img"))
    img = picture.css_first("img")
    assert (img.attributes["width"], img.attributes["height"], img.attributes["alt"]) == ("1440", "900", "Livada")
    assert img.attributes["src"].startswith("/images/livada-1080.") and img.attributes["src"].endswith(".jpg")
    assert ".jpg 768w" in img.attributes["srcset"]
    assert markup.rewrite(html, images_of(html, photo), SIZES).startswith("<p>Uvod.</p>\n<p><picture>")


def test_a_file_name_with_spaces_and_diacritics_is_percent_encoded_in_src_and_srcset(photo):
    html = '<p><img alt="Sto" src="{static}/images/Radni sto, novi.jpg"></p>'
    items = images_of(html, photo)
    items[0].urls = {v: f"/images/Radni sto, novi č-{v.name}" for v in items[0].plan.variants}
    img = rendered.Rendered(markup.rewrite(html, items, SIZES)).tree.css_first("img")
    assert img.attributes["src"].startswith("/images/Radni%20sto%2C%20novi%20%C4%8D-")
    first, *_ = img.attributes["srcset"].split(", ")
    url, width = first.split(" ")  # one URL and its width: the spaces no longer split it
    assert url.startswith("/images/Radni%20sto%2C%20novi%20%C4%8D-") and width.endswith("w")


def test_the_first_image_is_fetched_first_and_the_rest_lazily(photo):
    html = '<p><img alt="a" src="x"></p><p>Tekst <img alt="b" src="y"> i <img alt="c" src="z"></p>'
    imgs = rendered.Rendered(markup.rewrite(html, images_of(html, photo), SIZES)).tree.css("img")
    assert imgs[0].attributes.get("fetchpriority") == "high" and "loading" not in imgs[0].attributes
    for img in imgs[1:]:
        assert (img.attributes["loading"], img.attributes["decoding"]) == ("lazy", "async")
        assert "fetchpriority" not in img.attributes


def test_a_title_alone_in_its_paragraph_becomes_a_caption(photo):
    html = (
        '<p><img alt="Livada" src="x" title="Pogled &amp; terasa"></p>\n'
        '<p>U tekstu <img alt="Mala" src="y" title="Samo naslov"></p>'
    )
    out = markup.rewrite(html, images_of(html, photo), SIZES)
    tree = rendered.Rendered(out).tree
    figure = tree.css_first("figure")
    assert figure.parent.tag == "body" and figure.css_first("figcaption").text() == "Pogled & terasa"
    assert "title" not in figure.css_first("img").attributes
    inline = tree.css("p img")[0]
    assert inline.attributes["title"] == "Samo naslov" and len(tree.css("figure")) == 1


def test_an_svg_gets_its_size_and_keeps_its_address(photo):
    item = markup.Image({"alt": "Dijagram", "src": "{static}/images/d.svg"}, True, (640, 200))
    item.src = "/images/d.svg"
    out = markup.rewrite('<p><img alt="Dijagram" src="{static}/images/d.svg"></p>', [item], SIZES)
    assert out == '<p><img src="/images/d.svg" alt="Dijagram" width="640" height="200" fetchpriority="high"></p>'


def test_images_left_alone_and_commented_ones_do_not_shift_the_rest(photo):
    html = '<!-- <img src="staro"> --><p><img alt="a" src="https://example.com/a.png"><img alt="b" src="b"></p>'
    found = images_of(html, photo)
    assert len(found) == 2
    out = markup.rewrite(html, [None, found[1]], SIZES)
    assert out.startswith('<!-- <img src="staro"> --><p><img alt="a" src="https://example.com/a.png"><picture>')
