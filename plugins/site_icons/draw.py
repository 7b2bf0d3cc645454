"""The site's mark, drawn once: a check mark ("V" for VA) on a rounded square.

One geometry gives the SVG (favicon in pages, header mark) and the PNG/ICO
files (Pillow), so every size looks the same.
"""

from urllib.parse import quote

from PIL import Image, ImageDraw

# Keep in step with theme/css/00-tokens.css (a test compares them).
ACCENT = "#a8431c"  # --accent, light scheme
ON_ACCENT = "#ffffff"  # --on-accent, light scheme
BACKGROUND = "#fbfaf7"  # --bg, light scheme
BACKGROUND_DARK = "#13171a"  # --bg, dark scheme

GRID = 32  # the drawing's coordinate system: a 32 x 32 square
CORNER = 7
CHECK = ((8.5, 16.5), (13.5, 21.5), (23.5, 10.5))
STROKE = 3.6
SUPERSAMPLE = 4  # draw large, scale down: Pillow's shapes have no anti-aliasing


def _points() -> str:
    return " ".join(f"{x:g} {y:g}" for x, y in CHECK)


def svg(background: str = ACCENT, foreground: str = ON_ACCENT) -> str:
    """A standalone SVG file of the mark."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {GRID} {GRID}">'
        f'<rect width="{GRID}" height="{GRID}" rx="{CORNER}" fill="{background}"/>'
        f'<path d="M{_points()}" fill="none" stroke="{foreground}" stroke-width="{STROKE:g}" '
        f'stroke-linecap="round" stroke-linejoin="round"/></svg>'
    )


def inline_svg(size: int = 30) -> str:
    """The mark for inline use in HTML: decorative, coloured by CSS (.site-mark)."""
    return (
        f'<svg class="site-mark" viewBox="0 0 {GRID} {GRID}" width="{size}" height="{size}" aria-hidden="true">'
        f'<rect width="{GRID}" height="{GRID}" rx="{CORNER}"/>'
        f'<path d="M{_points()}" fill="none" stroke-width="{STROKE:g}" '
        f'stroke-linecap="round" stroke-linejoin="round"/></svg>'
    )


def data_uri(svg_text: str) -> str:
    """An SVG as a data: URI: percent-encoded (smaller than base64), with
    single quotes so it sits in a double-quoted HTML attribute unescaped."""
    return "data:image/svg+xml," + quote(svg_text.replace('"', "'"), safe="=:/',.-")


def png(size: int, rounded: bool = True, padding: float = 0.0) -> Image.Image:
    """The mark as a `size` x `size` RGBA image.

    rounded=False fills the whole square (apple-touch-icon, maskable icons:
    the platform rounds them itself). `padding` shrinks the check mark
    towards the centre, as a share of the size, to keep it in a mask's safe zone.
    """
    big = size * SUPERSAMPLE
    scale = big / GRID
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if rounded:
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=CORNER * scale, fill=ACCENT)
    else:
        pen.rectangle((0, 0, big - 1, big - 1), fill=ACCENT)
    shrink = 1 - 2 * padding
    centre = GRID / 2

    def place(x, y):
        return ((centre + (x - centre) * shrink) * scale, (centre + (y - centre) * shrink) * scale)

    points = [place(x, y) for x, y in CHECK]
    width = STROKE * shrink * scale
    pen.line(points, fill=ON_ACCENT, width=round(width), joint="curve")
    for x, y in (points[0], points[-1]):  # round line caps
        pen.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=ON_ACCENT)
    return image.resize((size, size), Image.LANCZOS)
