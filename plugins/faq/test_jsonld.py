import json

from markupsafe import Markup
from selectolax.lexbor import LexborHTMLParser

from faq.jsonld import ANSWER_TAGS, answer_html, faq_page_data, script_json
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


def test_answer_keeps_only_the_tags_google_allows_and_their_text():
    html = (
        '<p class="x">Tekst <span class="caps">VA</span> <code>&lt;b&gt;</code> <a href="/p/" title="t">link</a></p>\n'
        '<table><tr><td>ćelija</td></tr></table>\n<img src="a.svg" alt="slika"><script>alert(1)</script>\n'
        '<h3 id="h">Naslov</h3>\n<ol><li><strong>jako</strong> <em>nagnuto</em></li></ol><!-- komentar -->'
    )
    clean = answer_html(html, "https://vavodic.rs/faq/m/")
    tree = LexborHTMLParser(clean)
    tags = {node.tag for node in tree.body.traverse() if not node.tag.startswith("-")} - {"body"}
    assert tags <= ANSWER_TAGS
    assert [dict(node.attributes) for node in tree.css("[class], [id], [title], [src], [alt]")] == []
    assert tree.css_first("a").attributes == {"href": "https://vavodic.rs/p/"}
    assert plain(clean) == "Tekst VA <b> link ćelija Naslov jako nagnuto"
    assert "alert" not in clean and "komentar" not in clean


def test_fragment_links_point_at_the_page_since_answers_are_read_elsewhere():
    clean = answer_html('<p><a href="#drugo">drugo</a></p>', "https://vavodic.rs/faq/m/")
    assert clean == '<p><a href="https://vavodic.rs/faq/m/#drugo">drugo</a></p>'


def test_faq_page_data_from_the_adversarial_test_page(rendered):
    faq = parse_faq(rendered("adversarial.md"))
    data = faq_page_data(faq, "https://vavodic.rs/faq/pitanja-koja-lome-stvari/")
    assert data["@type"] == "FAQPage" and data["@context"] == "https://schema.org"
    assert json.loads(str(script_json(data))) == data
    entities = data["mainEntity"]
    assert [e["name"] for e in entities] == [q.text for q in faq.questions]
    assert [plain(e["acceptedAnswer"]["text"]) for e in entities] == [q.answer_text for q in faq.questions]
    assert all(set(e) == {"@type", "name", "acceptedAnswer"} for e in entities)
