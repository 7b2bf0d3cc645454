"""FAQPage structured data from the same parsed questions the page shows.

`faq_page_data` returns a plain dict (so other JSON-LD code can embed it);
`script_json` turns any such dict into text that is safe inside
<script type="application/ld+json">, whatever the answers contain.
"""

import json
from urllib.parse import urljoin

import nh3
from markupsafe import Markup

from .model import FaqPage

# The only HTML Google reads in an FAQ answer.
ANSWER_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div", "b", "strong", "i", "em"}

# Inside <script> only "</" (which could end the element) and "<!--" (which
# changes how the parser reads the rest) matter; "&" is not decoded there.
# These JSON escapes mean the same characters; U+2028/9 break older JS
# parsers. Every other "<" stays as written, so the answers' HTML costs no
# extra bytes (the FAQ pages are near the 14 KB first-view budget).
_SCRIPT_SAFE = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029"})


def _script_safe(text: str) -> str:
    return text.replace("<!--", "\\u003c!--").replace("</", "<\\/").translate(_SCRIPT_SAFE)


def _only_links(tag: str, attribute: str, value: str) -> str | None:
    return value if (tag, attribute) == ("a", "href") else None


def answer_html(html: str, page_url: str = "") -> str:
    """`html` reduced to Google's allowed tags; other tags go, their text stays.

    Relative links (such as "#another-question") are resolved against
    `page_url`, since the answer is read away from the page.
    """
    return nh3.clean(
        str(html),
        tags=ANSWER_TAGS,
        attributes={"a": {"href"}},
        attribute_filter=_only_links,  # drops ammonia's default lang/title too
        link_rel=None,
        url_relative=lambda href: urljoin(page_url, href),
        strip_comments=True,
    ).strip()


def faq_page_data(faq: FaqPage, url: str) -> dict:
    """schema.org FAQPage for an FAQ page published at `url`."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "url": url,
        "mainEntity": [
            {
                # No "url" of its own ({url}#{id}): optional for schema.org and unused by
                # search engines, it cost about 30 bytes gzip a question on pages near
                # the 14 KB first-view budget.
                "@type": "Question",
                "name": question.text,
                "acceptedAnswer": {"@type": "Answer", "text": answer_html(question.answer_html, url)},
            }
            for question in faq.questions
        ],
    }


def script_json(data) -> Markup:
    """JSON for a <script type="application/ld+json"> block (the `ld_json` filter)."""
    return Markup(_script_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":"))))
