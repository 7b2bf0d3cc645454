"""Link gate: every internal href/src (srcset, icons, manifest, og:image, CSS url())
and every #fragment in the production build resolves."""

from site_tools.links import check_site, references


def test_every_internal_link_and_fragment_resolves(prod_site, prod_url):
    broken = check_site(prod_site, prod_url)
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(map(str, broken))


def test_every_page_names_its_icon_and_the_favicon_is_there_for_those_that_ask_anyway(prod_site):
    """Without <link rel="icon"> browsers fetch /favicon.ico; a 404 there is a
    console error (Lighthouse best practices). The link test above checks that
    the declared icons exist; some apps ask for /favicon.ico whatever a page says."""
    without = [
        file.relative_to(prod_site).as_posix()
        for file in sorted(prod_site.rglob("*.html"))
        if not any(ref.tag == "link" and "icon" in ref.rel for ref in references(file.read_text(encoding="utf-8")))
    ]
    assert len(list(prod_site.rglob("*.html"))) >= 40
    assert not without, f"no <link rel=icon> in: {', '.join(without)}"
    assert (prod_site / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00", "an ICO file"
