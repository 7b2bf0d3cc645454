import json
import re
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

from PIL import Image

from site_icons import draw, manifest, write_icons

TOKENS = Path(__file__).resolve().parents[2] / "theme" / "css" / "00-tokens.css"
SETTINGS = {"SITENAME": "VA vodič", "SITESUBTITLE": "Podnaslov", "DEFAULT_LANG": "sr", "HTML_LANG": "sr-Latn"}


def token(name: str) -> tuple[str, str]:
    """(light, dark) of a light-dark() colour token in the theme."""
    match = re.search(rf"--{name}:\s*light-dark\((#[0-9a-f]+),\s*(#[0-9a-f]+)\)", TOKENS.read_text())
    return match.group(1), match.group(2)


def same_colour(a: str, b: str) -> bool:
    def full(c):
        c = c.lower().lstrip("#")
        return "".join(ch * 2 for ch in c) if len(c) == 3 else c

    return full(a) == full(b)


def test_icon_colours_are_the_theme_tokens():
    assert same_colour(draw.ACCENT, token("accent")[0])
    assert same_colour(draw.ON_ACCENT, token("on-accent")[0])
    assert (draw.BACKGROUND, draw.BACKGROUND_DARK) == token("bg")


def test_svg_is_well_formed_and_the_data_uri_decodes_to_it():
    root = ElementTree.fromstring(draw.svg())
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("viewBox") == "0 0 32 32"
    uri = draw.data_uri(draw.svg())
    assert uri.startswith("data:image/svg+xml,")
    assert not re.search(r'[\s"<>#]', uri)  # safe in a double-quoted attribute, valid URL
    assert unquote(uri.removeprefix("data:image/svg+xml,")) == draw.svg().replace('"', "'")


def test_inline_mark_is_decorative():
    mark = ElementTree.fromstring(draw.inline_svg())
    assert mark.get("aria-hidden") == "true" and mark.get("class") == "site-mark"


def test_png_is_drawn_in_the_accent_with_a_white_check():
    image = draw.png(192).convert("RGB")
    assert image.size == (192, 192)
    accent = tuple(int(draw.ACCENT[i : i + 2], 16) for i in (1, 3, 5))
    assert image.getpixel((96, 20)) == accent  # top middle: background
    centre_of_stroke = (round(13.5 * 6), round(21.5 * 6))  # the check's corner, scaled 32 → 192
    assert image.getpixel(centre_of_stroke) == (255, 255, 255)
    corner = draw.png(192).getpixel((0, 0))
    assert corner[3] == 0  # rounded: transparent corner
    assert draw.png(180, rounded=False).getpixel((0, 0))[3] == 255  # full bleed


def test_manifest_is_serbian_and_points_at_relative_icons():
    data = manifest(SETTINGS)
    assert data["name"] == "VA vodič" and data["short_name"] == "VA vodič" and data["lang"] == "sr-Latn"
    assert data["start_url"] == "./" and data["theme_color"] == draw.ACCENT
    assert {icon["sizes"] for icon in data["icons"]} >= {"192x192", "512x512"}


def test_write_icons_writes_every_file_the_manifest_and_pages_name(tmp_path):
    written = {path.name for path in write_icons(tmp_path, SETTINGS)}
    data = json.loads((tmp_path / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert {icon["src"] for icon in data["icons"]} <= written
    assert {"favicon.ico", "apple-touch-icon.png", "icon.svg"} <= written
    for icon in data["icons"]:
        if icon["type"] == "image/png":
            width, height = map(int, icon["sizes"].split("x"))
            assert Image.open(tmp_path / icon["src"]).size == (width, height)
    assert Image.open(tmp_path / "apple-touch-icon.png").size == (180, 180)
    favicon = Image.open(tmp_path / "favicon.ico")
    assert favicon.format == "ICO" and {(16, 16), (32, 32), (48, 48)} <= set(favicon.info["sizes"])


def test_icons_are_drawn_once_into_the_store_and_linked_after(tmp_path, monkeypatch):
    from shared.disk_cache import FolderStore

    store = FolderStore(tmp_path / "kept")
    drawn = write_icons(tmp_path / "first", SETTINGS)
    first = {path.name: path.read_bytes() for path in drawn}
    assert {path.name: path.read_bytes() for path in write_icons(tmp_path / "kept-once", SETTINGS, store)} == first

    def no_drawing(*args, **kwargs):
        raise AssertionError("drawn again")

    monkeypatch.setattr(draw, "png", no_drawing)
    again = write_icons(tmp_path / "again", SETTINGS, store)
    assert {path.name: path.read_bytes() for path in again} == first
    assert (tmp_path / "again" / "icon-512.png").stat().st_nlink > 1  # linked from the store, not copied
