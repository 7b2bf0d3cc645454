from urllib.parse import parse_qs, urlsplit

import pytest

from share_links import SERVICES, share_links

URL = "https://vavodic.rs/faq/česta-pitanja/?a=1&b=2#kako-počinjemo"
TITLE = "Šta je „VA” & kako? 100% #1 + više <b>"


def query(href: str) -> dict[str, str]:
    values = parse_qs(urlsplit(href).query, keep_blank_values=True, strict_parsing=True)
    assert all(len(v) == 1 for v in values.values()), href
    return {key: value[0] for key, value in values.items()}


@pytest.mark.parametrize("link", share_links(URL, TITLE), ids=lambda link: link.service)
def test_every_share_address_decodes_back_to_the_page(link):
    values = query(link.href)
    page = values.get("url") or values.get("u")
    if page is None:  # apps that take one message: the title, then the address
        page = (values.get("text") or values["body"]).rsplit(" ", 1)[1]
        assert (values.get("text") or values["body"]) == f"{TITLE} {URL}"
    assert page == URL
    if "subject" in values or ("text" in values and "url" in values):
        assert values.get("subject", values.get("text")) == TITLE


def test_values_are_fully_encoded():
    for link in share_links(URL, TITLE):
        _, _, rest = link.href.partition("?")
        assert " " not in rest and "+" not in rest and "#" not in rest, link.href
        assert "č" not in rest and "<" not in rest, link.href


def test_all_services_are_offered_in_order():
    assert [link.label for link in share_links(URL, TITLE)] == [label for _, label, _ in SERVICES]
    assert [link.service for link in share_links(URL, TITLE)] == [
        "viber",
        "whatsapp",
        "telegram",
        "facebook",
        "linkedin",
        "x",
        "email",
    ]
