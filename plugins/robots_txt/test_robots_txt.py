from robots_txt import robots_txt, url_prefix


def test_production_robots_txt_keeps_drafts_out_and_names_the_sitemap():
    settings = {"SITEURL": "https://vavodic.rs", "DRAFT_URL": "nacrti/{slug}/", "DRAFT_PAGE_URL": "nacrti/{slug}/"}
    assert robots_txt(settings) == ("User-agent: *\nDisallow: /nacrti/\n\nSitemap: https://vavodic.rs/sitemap.xml\n")


def test_without_an_absolute_siteurl_there_is_no_sitemap_line():
    text = robots_txt({"SITEURL": "", "DRAFT_URL": "drafts/{slug}.html"})
    assert "Sitemap" not in text and "Disallow: /drafts/" in text


def test_nothing_to_hide_allows_everything():
    assert robots_txt({"DRAFT_URL": "{slug}/", "DRAFT_PAGE_URL": ""}) == "User-agent: *\nDisallow:\n"


def test_url_prefix():
    assert url_prefix("nacrti/{slug}/") == "nacrti/" and url_prefix("{slug}/") == ""
