"""Reading built FAQ pages in tests: questions as shown, and their JSON-LD."""

import json

from selectolax.lexbor import LexborHTMLParser

from pages import text


def folded(value: str) -> str:
    return " ".join(value.replace("\xa0", " ").split())


def html_text(html: str) -> str:
    return folded(LexborHTMLParser(f"<body>{html}</body>").body.text())


def ld_items(data):
    """Every JSON-LD object in a block, through lists and @graph."""
    if isinstance(data, list):
        for item in data:
            yield from ld_items(item)
    elif "@graph" in data:
        yield from ld_items(data["@graph"])
    else:
        yield data


def faq_jsonld(tree) -> dict:
    """The page's one FAQPage object (every ld+json block must parse)."""
    blocks = [json.loads(node.text()) for node in tree.css('script[type="application/ld+json"]')]
    faq_pages = [item for block in blocks for item in ld_items(block) if item.get("@type") == "FAQPage"]
    assert len(faq_pages) == 1, f"expected one FAQPage block, found {len(faq_pages)}"
    return faq_pages[0]


def shown_questions(tree) -> list[tuple[str, str, str]]:
    """(id, question, answer) as a reader sees them, without the Mit/Činjenica labels."""
    for label in tree.css(".faq-verdict"):
        label.decompose()
    return [
        (item.attributes["id"], text(item.css_first(".faq-question-text")), text(item.css_first(".faq-answer")))
        for item in tree.css(".faq-item")
    ]
