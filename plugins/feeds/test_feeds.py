from types import SimpleNamespace

from feeds import absolute_links, clean_items, feed_links

POST = "https://vavodic.rs/moj-post/"


def test_relative_links_and_images_become_absolute():
    html = (
        '<a href="/kontakt/">k</a> <a href="#beleska">b</a> <img src="../images/a.svg" alt="">'
        ' <a href="https://example.org/x">e</a> <a href="mailto:a@b.rs">m</a> <a href="?a=1&amp;b=2">q</a>'
    )
    assert absolute_links(html, POST) == (
        '<a href="https://vavodic.rs/kontakt/">k</a> <a href="https://vavodic.rs/moj-post/#beleska">b</a>'
        ' <img src="https://vavodic.rs/images/a.svg" alt="">'
        ' <a href="https://example.org/x">e</a> <a href="mailto:a@b.rs">m</a>'
        ' <a href="https://vavodic.rs/moj-post/?a=1&amp;b=2">q</a>'
    )


def test_without_an_absolute_base_nothing_changes():
    assert absolute_links('<a href="/x/">x</a>', "/moj-post/") == '<a href="/x/">x</a>'
    assert absolute_links(None, POST) is None


def test_feed_items_are_rewritten_in_place():
    item = {"title": "Za šta služi\xa0koji </script>", "link": POST, "description": '<a href="/a/">a</a>', "content": None}
    clean_items({}, SimpleNamespace(items=[item]))
    assert item["description"] == '<a href="https://vavodic.rs/a/">a</a>'
    assert item["title"] == "Za šta služi koji </script>"


def test_head_links_name_the_site_feed_and_the_category_feed():
    context = {
        "SITENAME": "VA vodič",
        "SITEURL": "https://vavodic.rs",
        "FEED_DOMAIN": "https://vavodic.rs",
        "FEED_ALL_ATOM": "feeds/sve.atom.xml",
        "FEED_ALL_RSS": "feeds/sve.rss.xml",
        "CATEGORY_FEED_ATOM": "feeds/kategorija-{slug}.atom.xml",
        "CATEGORY_FEED_RSS": None,
        "category": SimpleNamespace(slug="osnove"),
    }
    links = feed_links(context)
    assert [(link.mime_type, link.url) for link in links] == [
        ("application/atom+xml", "https://vavodic.rs/feeds/sve.atom.xml"),
        ("application/rss+xml", "https://vavodic.rs/feeds/sve.rss.xml"),
        ("application/atom+xml", "https://vavodic.rs/feeds/kategorija-osnove.atom.xml"),
    ]
    assert links[0].title == "VA vodič: sve objave (Atom)"


def test_no_feeds_no_links():
    assert feed_links({"SITENAME": "VA vodič", "SITEURL": ""}) == []
