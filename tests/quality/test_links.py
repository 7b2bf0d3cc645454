"""Link gate: every internal href/src (srcset, icons, manifest, og:image, CSS url())
and every #fragment in the production build resolves."""

from site_tools.links import check_site, references


def test_every_internal_link_and_fragment_resolves(prod_site, prod_url):
    broken = check_site(prod_site, prod_url)
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(map(str, broken))


def test_every_page_has_an_icon_so_browsers_ask_for_no_missing_favicon(prod_site, prod_url):
    """Without <link rel="icon"> browsers fetch /favicon.ico; a 404 there is a
    console error (Lighthouse best practices). The link test above checks that
    declared icons exist."""
    if (prod_site / "favicon.ico").is_file():
        return
    without = [
        file.relative_to(prod_site).as_posix()
        for file in sorted(prod_site.rglob("*.html"))
        if not any(ref.tag == "link" and "icon" in ref.rel for ref in references(file.read_text(encoding="utf-8")))
    ]
    assert not without, f"no /favicon.ico and no <link rel=icon> in: {', '.join(without)}"
