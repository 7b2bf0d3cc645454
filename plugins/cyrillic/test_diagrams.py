"""An SVG's shown text in Cyrillic; everything else as it was (diagrams.py)."""

from cyrillic.diagrams import cyrillic_svg

SVG = """<svg xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
<style>text { font-weight: bold; } .naslov { fill: #123 }</style>
<title id="t">Proces &amp; rok</title><desc>Kratak opis</desc>
<text class="naslov" x="1" y="2">Zadaci: <tspan font-weight="700">Trello</tspan> i&#160;Asana</text>
<text>Hitno:
  poziv</text>
</svg>"""


def test_only_the_shown_text_is_transliterated():
    assert cyrillic_svg(SVG) == (
        """<svg xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
<style>text { font-weight: bold; } .naslov { fill: #123 }</style>
<title id="t">Процес &amp; рок</title><desc>Кратак опис</desc>
<text class="naslov" x="1" y="2">Задаци: <tspan font-weight="700">Trello</tspan> и&#160;Asana</text>
<text>Хитно:
  позив</text>
</svg>"""
    )


def test_a_drawing_without_text_is_unchanged():
    plain = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'
    assert cyrillic_svg(plain) == plain
