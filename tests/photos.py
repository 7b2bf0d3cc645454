"""Test photographs made on the spot: a landscape with the detail and grain of a phone photo.

No image is downloaded or kept in the repository. A flat gradient would
compress to almost nothing and prove nothing about the bytes a phone
downloads, so the picture has what makes real photos heavy: shapes with
edges, textures at several scales and sensor noise. The same seed gives the
same picture.
"""

import math
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

EXIF_ORIENTATION = 0x0112
GPS_IFD = 0x8825
# Where a phone says the photo was taken (Belgrade), as EXIF writes it.
BELGRADE = {1: "N", 2: (44.0, 49.0, 3.5), 3: "E", 4: (20.0, 27.0, 24.0)}


def _texture(size: tuple[int, int], scale: int, sigma: float) -> Image.Image:
    """Gaussian noise drawn at 1/scale of `size` and enlarged: blotches `scale` pixels across."""
    small = (max(2, size[0] // scale), max(2, size[1] // scale))
    return Image.effect_noise(small, sigma).resize(size, Image.Resampling.BICUBIC)


def _hill(draw: ImageDraw.ImageDraw, rng: random.Random, width: int, height: int, base: float, colour) -> None:
    waves = [(rng.uniform(0.5, 4), rng.uniform(0, math.tau), rng.uniform(0.02, 0.08)) for _ in range(4)]
    points = [(0, height)]
    for x in range(0, width + 8, 8):
        y = base + sum(amp * math.sin(freq * math.tau * x / width + phase) for freq, phase, amp in waves)
        points.append((x, y * height))
    points.append((width, height))
    draw.polygon(points, fill=colour)


def landscape(width: int = 2400, height: int = 1600, seed: int = 1) -> Image.Image:
    """An RGB picture of hills, trees and sky, `width`×`height`."""
    rng = random.Random(seed)
    sky_top, sky_bottom = (70, 120, 190), (205, 220, 235)
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.composite(
        Image.new("RGB", (width, height), sky_bottom), Image.new("RGB", (width, height), sky_top), gradient
    )
    draw = ImageDraw.Draw(image)
    for _cloud in range(rng.randint(5, 9)):
        x, y = rng.uniform(0, width), rng.uniform(0, height * 0.3)
        w, h = rng.uniform(0.1, 0.3) * width, rng.uniform(0.03, 0.08) * height
        draw.ellipse((x, y, x + w, y + h), fill=(240, 242, 246))
    image = image.filter(ImageFilter.GaussianBlur(width / 200))
    draw = ImageDraw.Draw(image)
    for layer, base in enumerate((0.45, 0.55, 0.68, 0.8)):
        green = (
            40 + 25 * layer + rng.randint(-10, 10),
            90 + 15 * layer + rng.randint(-10, 10),
            40 + rng.randint(-10, 10),
        )
        _hill(draw, rng, width, height, base, green)
    for _ in range(width * height // 1500):  # foliage, stones, flowers: small shapes with edges
        x, y = rng.uniform(0, width), rng.uniform(height * 0.45, height)
        r = rng.uniform(2, 14) * (0.5 + y / height)
        shade = rng.randint(-40, 40)
        colour = rng.choice([(50, 110, 45), (90, 130, 50), (120, 100, 60), (200, 190, 80), (150, 60, 60)])
        draw.ellipse((x - r, y - r * 0.7, x + r, y + r * 0.7), fill=tuple(max(0, min(255, c + shade)) for c in colour))
    for _ in range(rng.randint(6, 12)):  # trees
        x, foot = rng.uniform(0, width), rng.uniform(0.55, 0.9) * height
        trunk, crown = rng.uniform(0.004, 0.01) * width, rng.uniform(0.03, 0.07) * width
        draw.rectangle((x - trunk, foot - crown * 1.8, x + trunk, foot), fill=(70, 50, 35))
        draw.ellipse(
            (x - crown, foot - crown * 3, x + crown, foot - crown),
            fill=(30 + rng.randint(0, 30), 80 + rng.randint(0, 40), 35),
        )
    light = ImageChops.add(_texture((width, height), 60, 30), _texture((width, height), 8, 25), scale=2)
    image = Image.blend(image, ImageChops.overlay(image, Image.merge("RGB", [light] * 3)), 0.6)
    image = image.filter(ImageFilter.GaussianBlur(0.7))  # a lens is never perfectly sharp
    grain = Image.merge("RGB", [Image.effect_noise((width, height), 10) for _ in range(3)])
    return ImageChops.add(image, grain, scale=1.0, offset=-128)


def save_photo(
    path: Path,
    width: int = 2400,
    height: int = 1600,
    seed: int = 1,
    quality: int = 90,
    orientation: int | None = None,
    location: bool = False,
) -> Path:
    """A JPEG like a phone's (`orientation`: the EXIF tag a phone writes when held sideways;
    `location`: the GPS position it adds when location is on)."""
    exif = Image.Exif()
    if orientation:
        exif[EXIF_ORIENTATION] = orientation
    if location:
        exif.get_ifd(GPS_IFD).update(BELGRADE)
    path.parent.mkdir(parents=True, exist_ok=True)
    landscape(width, height, seed).save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path
