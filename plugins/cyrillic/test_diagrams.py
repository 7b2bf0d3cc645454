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


def test_the_twins_map_is_the_same_whatever_order_pelican_lists_the_files(tmp_path):
    """The map is part of every twin's cache key: an order that changed between builds made every twin again."""
    from types import SimpleNamespace

    from cyrillic import diagrams

    statics = []
    for name in ("b.svg", "a.svg", "c.svg"):
        (tmp_path / name).write_text(SVG, encoding="utf-8")
        statics.append(
            SimpleNamespace(source_path=str(tmp_path / name), url=f"images/{name}", save_as=f"images/{name}")
        )
    maps = []
    for order in (statics, statics[::-1]):
        diagrams._written.clear()
        context = {"OUTPUT_PATH": str(tmp_path / "out"), "SITEURL": "", "staticfiles": list(order)}
        maps.append(list(diagrams.svg_twins(context).items()))
    assert maps[0] == maps[1] == [(f"/images/{n}", f"/cir/images/{n}") for n in ("a.svg", "b.svg", "c.svg")]
    assert (tmp_path / "out/cir/images/a.svg").read_text(encoding="utf-8") == cyrillic_svg(SVG)
