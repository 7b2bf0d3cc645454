"""The gates for a post with real-size photos, as an author would add them from a phone.

The site's own content has only drawings, so this module builds the
production site from a copy of it plus tests/quality/photo_post/ and three
photographs made by tests/photos.py (2400 px and up, about 1.4 MB each, one
held sideways): nothing is downloaded and no photo is kept in the repository.
The post must pass the Lighthouse gate (test_lighthouse.py), and a 375 px phone
with device pixel ratio 2 must download at most PHONE_BUDGET bytes for its
first photo.
"""

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from chromium import page_in
from conftest import free_port
from photos import save_photo
from quality import lighthouse
from site_tools.build import PROD_SETTINGS, build
from site_tools.links import Site, check_site, references
from site_tools.server import BackgroundServer

ROOT = Path(__file__).resolve().parents[2]
POST = Path(__file__).parent / "photo_post" / "radni-dan-sa-terena.md"
POST_PATH = "/radni-dan-sa-terena/"
PHOTOS = {  # name: (width, height as stored, seed, EXIF orientation)
    "teren-livada.jpg": (2400, 1600, 1, None),
    "teren-uspravna.jpg": (2400, 1800, 2, 6),  # a phone held upright: stored sideways, shown 1800×2400
    "Pogled na brda č.jpg": (3000, 2000, 3, None),  # named as a computer names a copy: a space, a letter beyond ASCII
}
PHONE_BUDGET = 60 * 1024
PHONE = {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
COLUMN = {375: 375 - 2 * 16, 1280: 37 * 16}  # the column's CSS width at each viewport width


@pytest.fixture(scope="module")
def photo_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory, photo_port, share_image_cache) -> Path:
    """The production build of the site's content plus the photo post."""
    root = tmp_path_factory.mktemp("photo-site")
    content = root / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copy(POST, content / "posts" / POST.name)
    for name, (width, height, seed, orientation) in PHOTOS.items():
        save_photo(content / "images" / name, width, height, seed, orientation=orientation)
    output = root / "output"
    build(
        PROD_SETTINGS,
        output,
        {
            "PATH": str(content),
            "SITEURL": f"http://127.0.0.1:{photo_port}",
            "SHARE_IMAGE_CACHE": str(share_image_cache),
            "RESPONSIVE_IMAGE_CACHE": str(root / "cache"),
        },
        quiet=True,
    )
    return output


@pytest.fixture(scope="module")
def photo_url(photo_site, photo_port):
    with BackgroundServer(photo_site, port=photo_port) as url:
        yield url


def test_the_originals_are_real_size_photos(photo_site):
    for name in PHOTOS:
        assert (photo_site / "images" / name).stat().st_size > 1_000_000, f"{name} is not as heavy as a phone's photo"


def test_every_link_and_every_srcset_url_resolves(photo_site, photo_url):
    broken = check_site(photo_site, photo_url)
    assert not broken, "\n".join(map(str, broken))
    html = (photo_site / POST_PATH.strip("/") / "index.html").read_text(encoding="utf-8")
    srcset = [ref.url for ref in references(html) if ref.attribute == "srcset"]
    assert len(srcset) == 3 * 3 * 4, srcset  # 3 photos × 3 formats × 4 widths (all are wider than 1440 px)
    site = Site(photo_site, photo_url)
    assert all(site.file_for(url) is not None for url in srcset)


def images_on_the_page(page) -> list[dict]:
    return page.eval_on_selector_all(
        "main .post-content img",
        """(images) => images.map((img) => ({
        src: img.currentSrc, complete: img.complete, naturalWidth: img.naturalWidth,
        width: img.getBoundingClientRect().width, height: img.getBoundingClientRect().height,
        ratio: img.width / img.height, attrRatio: img.getAttribute('width') / img.getAttribute('height'),
        loading: img.getAttribute('loading'), fetchpriority: img.getAttribute('fetchpriority'),
    }))""",
    )


def test_a_phone_downloads_little_for_the_first_photo(browser, photo_url):
    downloaded = {}
    with page_in(browser, **PHONE) as page:
        page.on(
            "response",
            lambda response: (
                response.request.resource_type == "image" and downloaded.setdefault(response.url, len(response.body()))
            ),
        )
        page.goto(photo_url + POST_PATH, wait_until="load")
        first = images_on_the_page(page)[0]
    print(f"first photo on a 375 px phone, DPR 2: {first['src']} {downloaded.get(first['src'])} B")
    assert re.search(r"/images/teren-livada-768\.[0-9a-f]{10}\.avif$", first["src"]), first
    assert first["fetchpriority"] == "high" and first["loading"] is None
    assert downloaded[first["src"]] <= PHONE_BUDGET
    originals = [url for url in downloaded if urlsplit(url).path.endswith(tuple(f"/{name}" for name in PHOTOS))]
    assert not originals, f"the phone downloaded an original: {originals}"


@pytest.mark.parametrize("viewport_width", COLUMN)
def test_every_image_has_its_size_before_it_loads(browser, photo_url, viewport_width):
    """With every image request refused, each image already takes its place: the column's width, its own shape."""
    with page_in(browser, viewport={"width": viewport_width, "height": 800}) as page:
        page.route(re.compile(r"/images/"), lambda route: route.abort())
        page.goto(photo_url + POST_PATH, wait_until="load")
        found = images_on_the_page(page)
    assert len(found) == 3
    for image in found:
        assert image["naturalWidth"] == 0, "the image loaded although its request was refused"
        assert image["width"] == pytest.approx(COLUMN[viewport_width], abs=0.5), image
        assert image["height"] == pytest.approx(image["width"] / image["attrRatio"], abs=1), image
    assert [image["loading"] for image in found] == [None, "lazy", "lazy"]
    assert found[1]["attrRatio"] == pytest.approx(1800 / 2400, abs=0.01), "the upright photo is shown upright"


def test_the_caption_is_a_figcaption(photo_site):
    html = (photo_site / POST_PATH.strip("/") / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<figure><picture><source[^>]*type=image/avif", html)
    assert "<figcaption>Livada iza kancelarije, snimljena telefonom u junu</figcaption></figure>" in html


def test_the_photo_post_passes_lighthouse(photo_url):
    result = lighthouse.audit(photo_url + POST_PATH)
    scores = {category: result.scores(category) for category in lighthouse.CATEGORIES}
    print(f"Lighthouse photo post {POST_PATH}: {scores}, measured {result.timings()}")
    problems = result.problems("photo post")
    assert not problems, "\n".join(problems)


def test_the_photo_post_is_valid_html(photo_site):
    """<picture>, typed <source>s with sizes, fetchpriority and <figure> as the Nu HTML Checker reads them."""
    from quality import nu

    post = photo_site / POST_PATH.strip("/") / "index.html"
    found = nu.problems(nu.check([post], photo_site))
    assert not found, "\n".join(map(str, found))
