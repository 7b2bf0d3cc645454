"""The publish checks give the same findings from kept parses as from fresh ones, and see an edit."""

from site_tools import html_check, links
from site_tools.html_check import check_site_html
from site_tools.kept_findings import findings_store

PAGE = """<!doctype html><html lang="sr-Latn"><head><title>Strana</title></head>
<body><main id="sadrzaj"><p><a href="/nema/">pokvaren</a> <a href="#sadrzaj">dobar</a>
<a href="/#nema-id">bez id</a></p><div><p>nezatvoren</main></body></html>
"""


def findings(site, link_store, html_store):
    return links.check_site(site, "", link_store), check_site_html(site, html_store)


def test_kept_findings_are_the_fresh_ones_and_an_edited_page_is_read_again(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    stores = (
        findings_store("links", links.__file__, tmp_path / "l"),
        findings_store("h", html_check.__file__, tmp_path / "h"),
    )
    fresh = findings(site, None, None)
    assert [link.url for link in fresh[0]] == ["/nema/", "/#nema-id"] and fresh[1]
    assert findings(site, *stores) == fresh  # parsed and kept
    assert findings(site, *stores) == fresh  # read back
    assert all(len(store.names()) == 1 for store in stores)

    (site / "index.html").write_text(PAGE.replace("/nema/", "/").replace("<div>", ""), encoding="utf-8")
    edited = findings(site, *stores)
    assert edited == findings(site, None, None)
    assert [link.url for link in edited[0]] == ["/#nema-id"]
