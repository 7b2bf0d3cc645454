import re

import pytest
from markupsafe import Markup

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


@pytest.mark.parametrize(
    "text",
    ["Prvi\n\n  red\t", "\xa0uvučeno\u2003i\u2009tanko\xa0", "  ", "", "Šta, „zašto”, kako? 30 %", "a\u2028b\u3000c"],
)
def test_text_without_markup_comes_out_as_the_full_path_makes_it(text):
    """The shortcut for text without < or & (a post's whole text, counted for reading time) changes nothing."""
    assert plain(text) == re.sub(r"\s+", " ", Markup(text + "<b></b>").striptags().replace("\xa0", " ")).strip()
