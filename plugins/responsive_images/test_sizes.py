"""`sizes` says how wide the theme's column is: kept in step with the CSS it describes.

The browser picks a file from srcset by `sizes` before any CSS is loaded, so
a `sizes` wider than the column downloads too much and a narrower one too
little. tests/test_photos.py measures the rendered width in Chromium; this
test names the CSS rule that changed.
"""

import re
from pathlib import Path

from pelican.settings import read_settings

import responsive_images

ROOT = Path(__file__).resolve().parents[2]
CSS = ROOT / "theme" / "css"


def test_sizes_is_the_theme_column():
    tokens = (CSS / "00-tokens.css").read_text(encoding="utf-8")
    layout = (CSS / "20-layout.css").read_text(encoding="utf-8")
    measure = re.search(r"--measure:\s*([\d.]+rem)", tokens).group(1)
    phone_space = float(re.search(r"--space:\s*([\d.]+)rem", tokens).group(1))
    wide = re.search(r"@media \(min-width: ([\d.]+em)\) \{\s*:root \{ --space: ([\d.]+)rem", layout)
    breakpoint, wide_space = wide.group(1), float(wide.group(2))
    # From the breakpoint up, the viewport less the wider gutters is already the measure.
    assert float(breakpoint[:-2]) * 16 - 2 * wide_space * 16 >= float(measure[:-3]) * 16
    gutters = f"{2 * phone_space:g}rem"
    expected = f"(min-width: {breakpoint}) {measure}, calc(100vw - {gutters})"
    assert read_settings(str(ROOT / "pelicanconf.py"))["RESPONSIVE_IMAGE_SIZES"] == expected
    assert responsive_images.DEFAULT_SIZES == expected
