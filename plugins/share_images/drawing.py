"""Draw one 1200×630 share card: the site's brand above a title that always fits.

The title is wrapped at word boundaries and its size shrinks until every line
fits the title box; a title too long even at the smallest size ends with „…”.
Characters the font cannot draw (most emoji) are left out rather than drawn
as empty boxes.
"""

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from fontTools.ttLib import TTFont
from PIL import Image, ImageColor, ImageDraw, ImageFont

FONT = Path(__file__).with_name("fonts") / "DejaVuSans-Bold.ttf"

WIDTH, HEIGHT = 1200, 630
# Colours from theme/css/00-tokens.css (light scheme).
BACKGROUND = "#f3efe6"
TEXT = "#1f2328"
ACCENT = "#a3441b"

BAR_WIDTH = 24
MARGIN = 80
BRAND_SIZE = 44
BRAND_TOP = 64
RULE_TOP = 140


class Box(NamedTuple):
    left: int
    top: int
    right: int
    bottom: int

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top


TITLE_BOX = Box(MARGIN, 180, WIDTH - MARGIN, HEIGHT - 70)
BRAND_BOX = Box(MARGIN, BRAND_TOP, WIDTH - MARGIN, RULE_TOP - 16)
TITLE_SIZES = range(76, 31, -2)
LINE_SPACING = 1.22
ELLIPSIS = "…"


class FittedText(NamedTuple):
    lines: list[str]
    font: ImageFont.FreeTypeFont
    line_height: int

    @property
    def height(self) -> int:
        ascent, descent = self.font.getmetrics()
        return (len(self.lines) - 1) * self.line_height + ascent + descent


@lru_cache(maxsize=4)
def _drawable(font_path: Path) -> frozenset[int]:
    return frozenset(TTFont(font_path, lazy=True).getBestCmap())


def drawable_text(text: str, font_path: Path = FONT) -> str:
    """`text` in composed form, without characters the font lacks, spaces folded."""
    known = _drawable(font_path)
    text = unicodedata.normalize("NFC", text)
    kept = "".join(ch if ord(ch) in known and ch.isprintable() else " " for ch in text)
    return " ".join(kept.split())


def _width(font: ImageFont.FreeTypeFont, text: str) -> int:
    """Right edge of the ink when drawn from x=0 (wider than advance for some glyphs)."""
    return max(font.getbbox(text)[2], round(font.getlength(text))) if text else 0


def _split_long_word(word: str, font, width: int) -> list[str]:
    pieces, piece = [], ""
    for ch in word:
        if piece and _width(font, piece + ch) > width:
            pieces.append(piece)
            piece = ch
        else:
            piece += ch
    return pieces + [piece]


DASHES = ("—", "–")


def _units(text: str) -> list[str]:
    """The words of `text`, a spaced dash kept with the word before it: a line never starts with „—”."""
    units: list[str] = []
    for word in text.split():
        if word in DASHES and units:
            units[-1] += " " + word
        else:
            units.append(word)
    return units


def wrap(text: str, font, width: int) -> list[str]:
    """Greedy word wrap; a word wider than the line is broken between letters."""
    lines: list[str] = []
    line = ""
    for word in _units(text):
        candidate = f"{line} {word}" if line else word
        if _width(font, candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        if _width(font, word) <= width:
            line = word
        else:
            *full, line = _split_long_word(word, font, width)
            lines.extend(full)
    if line:
        lines.append(line)
    return lines


@lru_cache(maxsize=64)  # one per size tried: loading the font file again for every card costs more than drawing
def _font(font_path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path), size)


def _shorten(line: str, font, width: int) -> str:
    """`line` cut at a word (or letter) so that it and „…” fit `width`."""
    words = line.split()
    while len(words) > 1 and _width(font, " ".join(words) + ELLIPSIS) > width:
        words.pop()
    line = " ".join(words)
    while line and _width(font, line + ELLIPSIS) > width:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS


def fit(text: str, box: Box, sizes=TITLE_SIZES, font_path: Path = FONT) -> FittedText:
    """The largest size at which `text` wraps into `box`; past the smallest, cut with „…”."""
    for size in sizes:
        font = _font(font_path, size)
        fitted = FittedText(wrap(text, font, box.width), font, round(size * LINE_SPACING))
        if fitted.height <= box.height:
            return fitted
    ascent, descent = font.getmetrics()
    max_lines = max(1, (box.height - ascent - descent) // fitted.line_height + 1)
    lines = fitted.lines[:max_lines]
    lines[-1] = _shorten(lines[-1], font, box.width)
    return FittedText(lines, font, fitted.line_height)


def _draw_lines(draw: ImageDraw.ImageDraw, fitted: FittedText, box: Box, fill: str, centre: bool):
    top = box.top + (box.height - fitted.height) // 2 if centre else box.top
    for number, line in enumerate(fitted.lines):
        draw.text((box.left, top + number * fitted.line_height), line, font=fitted.font, fill=fill, anchor="la")


def _blend(start: str, end: str, steps: int) -> list[tuple[int, int, int]]:
    a, b = ImageColor.getrgb(start), ImageColor.getrgb(end)
    return [tuple(round(x + (y - x) * i / (steps - 1)) for x, y in zip(a, b, strict=False)) for i in range(steps)]


@lru_cache(maxsize=1)
def _palette() -> Image.Image:
    """The card's only colours: the background blended into the text and accent colours.

    A fixed palette keeps the PNG small and makes the same text give the same
    pixels on every card (an adaptive palette would shift from card to card).
    """
    colours = _blend(BACKGROUND, TEXT, 32) + _blend(BACKGROUND, ACCENT, 32)
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in colours for channel in colour])
    return palette


def draw_card(title: str, brand: str, font_path: Path = FONT) -> Image.Image:
    """The share card for `title`, as a palette image (a small PNG)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, BAR_WIDTH - 1, HEIGHT - 1), fill=ACCENT)
    brand_text = fit(drawable_text(brand, font_path), BRAND_BOX, range(BRAND_SIZE, 19, -2), font_path)
    _draw_lines(draw, FittedText(brand_text.lines[:1], brand_text.font, 0), BRAND_BOX, ACCENT, centre=False)
    draw.rectangle((MARGIN, RULE_TOP, MARGIN + 96, RULE_TOP + 5), fill=ACCENT)
    _draw_lines(
        draw, fit(drawable_text(title, font_path), TITLE_BOX, font_path=font_path), TITLE_BOX, TEXT, centre=True
    )
    return image.quantize(palette=_palette(), dither=Image.Dither.NONE)
