"""How the S3 target types, caches and orders what it sends."""

import pytest

from site_tools.deploy import s3_rules
from site_tools.deploy.s3_rules import IMMUTABLE, REVALIDATE, SHORT


@pytest.mark.parametrize(
    "path, content_type, cache",
    [
        ("index.html", "text/html; charset=utf-8", REVALIDATE),
        ("feeds/sve.atom.xml", "application/atom+xml; charset=utf-8", REVALIDATE),
        ("feeds/kategorija-alati.rss.xml", "application/rss+xml; charset=utf-8", REVALIDATE),
        ("sitemap.xml", "application/xml; charset=utf-8", REVALIDATE),
        ("robots.txt", "text/plain; charset=utf-8", REVALIDATE),
        ("manifest.webmanifest", "application/manifest+json", REVALIDATE),
        ("theme/css/site.86b5110b6b.css", "text/css; charset=utf-8", IMMUTABLE),
        ("share/o-meni.2b9578dd5b.png", "image/png", IMMUTABLE),
        ("images/slika.svg", "image/svg+xml", SHORT),
        ("theme/js/share.js", "text/javascript; charset=utf-8", SHORT),
        ("favicon.ico", "image/x-icon", SHORT),
        ("fonts/inter.woff2", "font/woff2", SHORT),
        ("fonts/inter.3f2a9c1b.woff2", "font/woff2", IMMUTABLE),
        ("pagefind/pagefind.js", "text/javascript; charset=utf-8", SHORT),
        ("pagefind/fragment/sr_3a1b2c4d5e.pf_fragment", "application/octet-stream", IMMUTABLE),
        ("pagefind/index/sr_9f8e7d6c5b.pf_index", "application/octet-stream", IMMUTABLE),
        ("pagefind/wasm.unknown.pagefind", "application/octet-stream", SHORT),
        ("pagefind/pagefind-entry.json", "application/json; charset=utf-8", SHORT),
    ],
)
def test_every_file_type_has_an_explicit_type_and_cache_class(path, content_type, cache):
    assert s3_rules.content_type(path) == content_type
    assert s3_rules.cache_control(path) == cache


def test_links_are_read_as_bucket_paths():
    html = ('<a href=https://vavodic.rs/o-meni/>x</a><img src="/images/a.svg"><link href=../theme/css/s.css rel=stylesheet>'
            '<a href="https://drugi.sajt/x/">y</a><a href=#gore>z</a><a href="https://vavodic.rs/">h</a>')
    assert s3_rules.page_links("blog/post/index.html", html, "https://vavodic.rs") == {
        "o-meni/index.html", "images/a.svg", "blog/theme/css/s.css", "blog/post/index.html", "index.html",
    }
    assert s3_rules.object_path("https://vavodic.rs/a%20b/", "https://vavodic.rs") == "a b/index.html"
    assert s3_rules.object_path("https://vavodic.rs.evil/x", "https://vavodic.rs") is None


def test_upload_order_files_first_then_new_pages_by_links_then_changed_pages_then_feeds():
    paths = ["index.html", "novi/index.html", "oznaka/nova/index.html", "theme/css/site.1234567890.css",
             "share/novi.abcdef1234.png", "sitemap.xml", "feeds/sve.atom.xml", "o-meni/index.html", "strana/3/index.html"]
    new = {"novi/index.html", "oznaka/nova/index.html", "theme/css/site.1234567890.css", "share/novi.abcdef1234.png",
           "strana/3/index.html"}
    links = {
        "novi/index.html": {"theme/css/site.1234567890.css", "index.html"},
        "strana/3/index.html": {"novi/index.html"},  # a new list page after the new post it lists
        "oznaka/nova/index.html": {"novi/index.html"},
    }
    assert s3_rules.upload_order(paths, new, links) == [
        ["share/novi.abcdef1234.png", "theme/css/site.1234567890.css"],
        ["novi/index.html"],
        ["oznaka/nova/index.html", "strana/3/index.html"],
        ["index.html", "o-meni/index.html"],
        ["feeds/sve.atom.xml", "sitemap.xml"],
    ]


def test_new_pages_that_link_to_each_other_go_out_together():
    links = {"a/index.html": {"b/index.html"}, "b/index.html": {"a/index.html"}, "c/index.html": {"a/index.html"}}
    new = set(links)
    assert s3_rules.upload_order(sorted(links), new, links) == [["a/index.html", "b/index.html"], ["c/index.html"]]
