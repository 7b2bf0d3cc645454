import re
from pathlib import Path

from shared import rendered

TEMPLATES = Path(__file__).resolve().parents[2] / "theme" / "templates"
LITERAL_ID = re.compile(r'\bid="([^"{]+)"')


def test_every_id_the_templates_write_is_reserved_from_headings():
    written = {match for path in TEMPLATES.rglob("*.html") for match in LITERAL_ID.findall(path.read_text())}
    assert written <= rendered.TEMPLATE_IDS, written - rendered.TEMPLATE_IDS


def test_a_heading_named_like_a_template_id_gets_a_suffix():
    parsed = rendered.Rendered('<h2 id="srodne-objave">Srodne objave</h2><h2 id="x">X</h2>')
    assert [h.id for h in parsed.headings] == ["srodne-objave-1", "x"]


def test_sections_carry_the_id_the_page_shows():
    intro, sections = rendered.Rendered('<p>a</p><h2 id="sadrzaj">S</h2><p>b</p>').sections("h2")
    assert (intro, sections) == ("<p>a</p>", [("sadrzaj-1", "S", "<p>b</p>")])
