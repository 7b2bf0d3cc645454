"""Units: what counts as used; whole builds are in tests/test_photos.py."""

from types import SimpleNamespace

from used_images import is_written, used_paths, used_urls


def document(status="published", save_as="x/index.html", links=(), share_image=None, html="", summary=None):
    return SimpleNamespace(
        status=status,
        save_as=save_as,
        url=save_as.removesuffix("index.html"),
        get_static_links=lambda: set(links),
        share_image=share_image,
        _content=html,
        metadata={"summary": summary} if summary else {},
    )


def test_a_draft_or_a_document_the_build_does_not_write_uses_nothing():
    assert is_written(document()) and is_written(document(status="hidden"))
    assert not is_written(document(status="draft")) and not is_written(document(save_as=""))


def test_a_link_counts_as_pelican_keys_the_file_and_unquoted():
    used = used_paths([document(links={"images/ra%C4%8Dun.png", "images/a.svg"})])
    assert {"images/račun.png", "images/a.svg"} <= used


def test_a_share_image_counts_by_its_address_and_a_text_without_one_adds_nothing():
    image = SimpleNamespace(url="images/naslovna.jpg")  # plugins/share_images' ShareImage: relative to SITEURL
    assert used_urls([document(share_image=image), document()], []) == {"images/naslovna.jpg"}


def test_a_file_loaded_or_linked_by_the_sites_address_counts_too():
    """The content check warns about /images/x.png without {static}, but the published page must show it."""
    html = (
        '<img alt="" src="/images/a%20b.png"><a href="../images/c.pdf">c</a>'
        '<video poster="/images/p.jpg"></video><img alt="" srcset="/images/s-1.jpg 1x, /images/s-2.jpg 2x">'
        '<a href="https://vavodic.rs/images/d.jpg">d</a><a href="https://drugi.rs/images/e.jpg">e</a>'
    )
    used = used_urls([document(save_as="tekst/index.html", html=html)], ["https://vavodic.rs"])
    assert {"images/a b.png", "images/c.pdf", "images/p.jpg", "images/s-1.jpg", "images/s-2.jpg"} <= used
    assert "images/d.jpg" in used and "images/e.jpg" not in used


def test_only_a_document_that_names_a_file_is_parsed():
    html = '<img alt="" src="/images/ra%c4%8dun.png">'
    assert "images/račun.png" in used_urls([document(html=html)], [], names={"ra%c4%8dun.png"})
    assert "images/račun.png" not in used_urls([document(html=html)], [], names={"b.png"})


def test_a_summary_header_loads_and_links_like_the_body():
    """List pages show a Summary header's HTML: a photo in it is as used as one in the body."""
    summary = '<a href="/images/cenovnik.pdf">cenovnik</a>'
    assert "images/cenovnik.pdf" in used_urls([document(summary=summary)], [], names={"cenovnik.pdf"})


def test_pelicans_static_links_are_read_in_a_summary_header_too():
    """Pelican's own parsing of {static}, on a real document whose Summary header links a file."""
    import copy as copying

    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    from used_images import static_links

    settings = copying.deepcopy(DEFAULT_CONFIG)
    settings["PATH"] = "/sajt/content"
    article = Article(
        '<p><img alt="" src="{static}/images/telo.png"></p>',
        metadata={"title": "Tekst", "summary": 'Vidite <a href="{static}../images/cenovnik.pdf">cenovnik</a>.'},
        settings=settings,
        source_path="/sajt/content/posts/tekst.md",
        context={"generated_content": {}, "static_content": {}, "static_links": set()},
    )
    assert static_links(article) == {"images/telo.png", "images/cenovnik.pdf"}
