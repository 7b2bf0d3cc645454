"""FAQPage structured data from the same parsed questions the page shows.

Each answer is its first sentence (the question's `url` is the whole answer on
the page): the full answers, repeated in the JSON-LD, were the largest part of
an FAQ page's weight (every word twice), and Google shows FAQ rich results
only for government and health sites (since 2023), so nothing shows the full
text from here. The question, its address and the first sentence say what
the answer is; the page, one #fragment away, says the rest.

`faq_page_data` returns a plain dict (so other JSON-LD code can embed it);
`script_json` turns any such dict into text that is safe inside
<script type="application/ld+json">, whatever the answers contain.
"""

import html
import json
import re
from urllib.parse import urljoin

import nh3
from markupsafe import Markup

from .model import FaqPage

# The only HTML Google reads in an FAQ answer.
ANSWER_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div", "b", "strong", "i", "em"}

# In JSON these escapes mean the same characters, but no "</script>", "<!--"
# or "&…;" can appear in the page source; U+2028/9 break older JS parsers.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


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


# A sentence ends at . ! ? or … followed by a space and a capital, a digit or an opening quote.
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[„\"‚(]?[A-ZČĆŠŽĐ0-9])")


def first_sentence(text: str) -> str:
    """The first sentence of plain `text` (all of it when it has one)."""
    return SENTENCE_END.split(re.sub(r"[ \t\r\n]+", " ", text).strip(), maxsplit=1)[0]


def faq_page_data(faq: FaqPage, url: str) -> dict:
    """schema.org FAQPage for an FAQ page published at `url`."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "url": url,
        "mainEntity": [
            {
                "@type": "Question",
                "url": f"{url}#{question.id}",
                "name": question.text,
                # Text, escaped: Answer.text is read as HTML. The whole answer is at the question's url.
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": html.escape(first_sentence(question.answer_text), quote=False),
                },
            }
            for question in faq.questions
        ],
    }


def script_json(data) -> Markup:
    """JSON for a <script type="application/ld+json"> block (the `ld_json` filter)."""
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE))
