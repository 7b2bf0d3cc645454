"""FAQPage structured data from the same parsed questions the page shows.

Each answer is its opening: the first sentence, and the next ones too while
it is shorter than OPENING_CHARACTERS, so a bare „Ne.” brings its reason
(the whole answer is on the page, the FAQPage's `url`): the full answers, repeated in the JSON-LD, were the largest part of
an FAQ page's weight (every word twice), and Google shows FAQ rich results
only for government and health sites (since 2023), so nothing shows the full
text from here. The question and the opening say what the answer is;
the page says the rest. A question has no `url` of its own: optional for
schema.org, unused by search engines, and about 30 bytes gzip a question on
pages at the 14 KB first-view budget (the Cyrillic myths page).

`faq_page_data` returns a plain dict (so other JSON-LD code can embed it);
`script_json` turns any such dict into text that is safe inside
<script type="application/ld+json">, whatever the answers contain.
"""

import html
import json
import re

from markupsafe import Markup

from .model import FaqPage

# Inside <script> only "</" (which could end the element) and "<!--" (which
# changes how the parser reads the rest) matter; "&" is not decoded there.
# These JSON escapes mean the same characters; U+2028/9 break older JS
# parsers. Every other "<" stays as written, so the answers' HTML costs no
# extra bytes (the FAQ pages are near the 14 KB first-view budget).
_SCRIPT_SAFE = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029"})


def _script_safe(text: str) -> str:
    return text.replace("<!--", "\\u003c!--").replace("</", "<\\/").translate(_SCRIPT_SAFE)


# A sentence ends at . ! ? or … followed by a space and a capital, a digit or an opening quote.
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[„\"‚(]?[A-ZČĆŠŽĐ0-9])")


OPENING_CHARACTERS = 20


def opening(text: str) -> str:
    """The first sentences of plain `text`, as many as make OPENING_CHARACTERS (all of it when it is shorter)."""
    sentences = SENTENCE_END.split(re.sub(r"[ \t\r\n]+", " ", text).strip())
    taken = [sentences[0]]
    for sentence in sentences[1:]:
        if len(" ".join(taken)) >= OPENING_CHARACTERS:
            break
        taken.append(sentence)
    return " ".join(taken)


def faq_page_data(faq: FaqPage, url: str) -> dict:
    """schema.org FAQPage for an FAQ page published at `url`."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "url": url,
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.text,
                # Text, escaped: Answer.text is read as HTML.
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": html.escape(opening(question.answer_text), quote=False),
                },
            }
            for question in faq.questions
        ],
    }


def script_json(data) -> Markup:
    """JSON for a <script type="application/ld+json"> block (the `ld_json` filter)."""
    return Markup(_script_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":"))))
