import pytest

from plain_text import plain


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ('Može li <span class="caps">VA</span> da&nbsp;radi?', "Može li VA da radi?"),
        ("Alati &amp; saveti", "Alati & saveti"),
        ("„Navodnici” &bdquo;i&rdquo; entiteti", "„Navodnici” „i” entiteti"),
        ("<p>Prvi\n  red</p>", "Prvi red"),
        ("&lt;/script&gt; ostaje tekst", "</script> ostaje tekst"),
        (None, ""),
    ],
)
def test_plain_strips_markup_and_decodes_entities(html, text):
    assert plain(html) == text
