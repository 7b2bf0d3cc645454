"""The link checker on small hand-made builds."""

import json

import pytest

from site_tools.links import NO_FILE, check_site, is_other_origin, no_id, references, srcset_urls

SITE_URL = "http://127.0.0.1:8000"


def write(root, relative, text):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    write(tmp_path, "index.html", '<h1 id="vrh">Početna</h1><a href="/o-meni/#kontakt">O meni</a>')
    write(tmp_path, "o-meni/index.html", '<h2 id="kontakt">Kontakt</h2>\n<a href="#vrh">gore</a>')
    write(tmp_path, "theme/site.css", "body{background:url(../images/pozadina.svg)}")
    write(tmp_path, "images/pozadina.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    return tmp_path


def broken(site):
    return [(link.source, link.line, link.url, link.reason) for link in check_site(site, SITE_URL)]


def test_a_site_whose_links_all_resolve_has_no_broken_links(site):
    write(site, "o-meni/index.html", '<h2 id="kontakt">Kontakt</h2><a href="/#vrh">gore</a>')
    assert broken(site) == []


def test_missing_fragment_names_the_file_line_and_id(site):
    assert broken(site) == [("o-meni/index.html", 2, "#vrh", no_id("vrh", "o-meni/index.html"))]


def test_cross_page_fragment_is_checked_in_the_target_page(site):
    write(site, "index.html", '<h1 id="vrh">x</h1><a href="o-meni/#nema">O meni</a>')
    write(site, "o-meni/index.html", '<h2 id="kontakt">Kontakt</h2>')
    assert broken(site) == [("index.html", 1, "o-meni/#nema", no_id("nema", "o-meni/index.html"))]


def test_absolute_links_to_the_site_url_are_internal(site):
    write(site, "o-meni/index.html", f'<h2 id="kontakt">K</h2><a href="{SITE_URL}/nema-me/">x</a>')
    assert broken(site) == [("o-meni/index.html", 1, f"{SITE_URL}/nema-me/", NO_FILE)]


def test_every_fetching_attribute_is_checked(site):
    html = (
        '<h2 id="kontakt">K</h2>'
        '<link rel="icon" href="/favicon.svg"><link rel="manifest" href="/manifest.webmanifest">'
        '<meta property="og:image" content="/share/o-meni.png">'
        '<img src="/images/pozadina.svg" srcset="/images/a.png 1x, /images/b.png 2x" alt="">'
        '<script src="/theme/app.js" defer></script>'
    )
    write(site, "o-meni/index.html", html)
    assert [url for _, _, url, _ in broken(site)] == [
        "/favicon.svg",
        "/manifest.webmanifest",
        "/share/o-meni.png",
        "/images/a.png",
        "/images/b.png",
        "/theme/app.js",
    ]


def test_css_and_manifest_urls_are_checked(site):
    write(site, "o-meni/index.html", '<h2 id="kontakt">K</h2>')
    write(site, "theme/site.css", "@import 'nema.css';\nbody{background:url(\"../images/nema.svg\")}")
    manifest = {"start_url": "/", "icons": [{"src": "/icon-192.png"}]}
    write(site, "manifest.webmanifest", json.dumps(manifest))
    assert broken(site) == [
        ("manifest.webmanifest", 1, "/icon-192.png", NO_FILE),
        ("theme/site.css", 1, "nema.css", NO_FILE),
        ("theme/site.css", 2, "../images/nema.svg", NO_FILE),
    ]


def test_other_sites_and_non_http_links_are_not_followed(site):
    html = (
        '<h2 id="kontakt">K</h2><a href="https://www.linkedin.com/sharing/share-offsite/?url=x">LinkedIn</a>'
        '<a href="mailto:ana@example.rs">pošta</a><a href="viber://forward?text=x">Viber</a>'
        '<img src="data:image/gif;base64,R0lGOD" alt="">'
    )
    write(site, "o-meni/index.html", html)
    assert broken(site) == []


def test_directory_without_trailing_slash_resolves_to_its_index(site):
    write(site, "o-meni/index.html", '<h2 id="kontakt">K</h2><a href="/o-meni">x</a>')
    assert broken(site) == []


def test_percent_encoded_fragment_is_decoded(site):
    write(site, "o-meni/index.html", '<h2 id="kontakt">K</h2><h3 id="šta-je">x</h3><a href="#%C5%A1ta-je">x</a>')
    assert broken(site) == []


def test_srcset_and_inline_style_urls_are_found():
    found = references('<img srcset="a.png 1x,b.png 2x"><div style="background:url(\'c.svg\')"></div>')
    assert [(ref.attribute, ref.url) for ref in found] == [("srcset", "a.png"), ("srcset", "b.png"), ("style", "c.svg")]
    assert srcset_urls(" a.png 480w, b.png 960w ") == ["a.png", "b.png"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://fonts.googleapis.com/css", True),
        ("//cdn.example.com/x.js", True),
        (f"{SITE_URL}/theme/site.css", False),
        ("/theme/site.css", False),
        ("mailto:ana@example.rs", False),
    ],
)
def test_other_origin(url, expected):
    assert is_other_origin(url, SITE_URL) is expected
