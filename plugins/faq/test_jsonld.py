import json

from markupsafe import Markup
from selectolax.lexbor import LexborHTMLParser

from faq.jsonld import faq_page_data, opening, script_json
from faq.model import parse_faq
from plain_text import plain

NASTY = {
    "name": "Kaže „zdravo”, \"hi\" i 'ej' </script><script>alert(1)</script> <!-- & --> ]]> 🙂👍🏽🇷🇸",
    "text": 'red\u2028red\u2029kraj & &amp; < > \\ " /',
}


def test_script_json_round_trips_and_cannot_end_the_script_block():
    text = script_json(NASTY)
    assert isinstance(text, Markup)
    assert json.loads(str(text)) == NASTY
    for dangerous in ("</", "<!--", "\u2028", "\u2029"):
        assert dangerous not in text
    # An HTML parser reads the whole text as the script's, and it is the same data.
    page = LexborHTMLParser(f'<script type="application/ld+json">{text}</script><p>after</p>')
    assert json.loads(page.css_first("script").text(deep=True)) == NASTY
    assert page.css_first("p").text() == "after"
    assert "<p>" in script_json({"text": "<p>odgovor</p>"}), "other HTML stays as written"
    assert "🙂👍🏽🇷🇸" in text and "„zdravo”" in text  # readable, not \\u-escaped


def test_faq_page_data_from_the_adversarial_test_page(rendered):
    faq = parse_faq(rendered("adversarial.md"))
    data = faq_page_data(faq, "https://vavodic.rs/faq/pitanja-koja-lome-stvari/")
    assert data["@type"] == "FAQPage" and data["@context"] == "https://schema.org"
    assert json.loads(str(script_json(data))) == data
    entities = data["mainEntity"]
    assert [e["name"] for e in entities] == [q.text for q in faq.questions]
    answers = [plain(e["acceptedAnswer"]["text"]) for e in entities]
    assert answers == [opening(q.answer_text) for q in faq.questions]
    assert answers[0] == "Prolaze: „ovako”, „ovako” i ‚ovako’.", "its opening, not the whole answer"
    assert all(q.answer_text.startswith(a) for a, q in zip(answers, faq.questions, strict=True))
    assert all(set(e) == {"@type", "name", "acceptedAnswer"} for e in entities), "no url per question: bytes"


def test_opening_is_the_first_sentence_and_more_while_it_is_short():
    assert opening("Prvo pa drugo, dovoljno dugo. Drugo.") == "Prvo pa drugo, dovoljno dugo."
    assert opening("Ne. Radim kao preduzetnica. Treće.") == "Ne. Radim kao preduzetnica.", "a bare „Ne.” brings why"
    assert opening("Da. Da. Da. Dovoljno.") == "Da. Da. Da. Dovoljno."
    assert opening("Cena je 5.000 dinara, npr. za mesec. „Drugo” pa dalje.") == "Cena je 5.000 dinara, npr. za mesec."
    assert opening("Da li je to tačno? Da! 2026. je godina.") == "Da li je to tačno? Da!"
    assert opening("  Jedna   rečenica bez tačke ") == "Jedna rečenica bez tačke"
    assert opening("Kratko.") == "Kratko."
