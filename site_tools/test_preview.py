"""The preview run: written whatever the content says, and honest about what changed."""

import shutil
from pathlib import Path

from site_tools import preview_address
from site_tools.build import PREVIEW, run_pipeline
from site_tools.check.report import format_report

TESTDATA = Path(__file__).parent / "check" / "testdata"


def preview(content: Path, output: Path):
    return run_pipeline(PREVIEW, output=output, extra_settings={"PATH": str(content)})


def reported_on_port_8001(result, monkeypatch, tmp_path) -> str:
    """The report as the author reads it while her preview runs on another port than 8000."""
    monkeypatch.setattr(preview_address, "STATE", tmp_path / "preview.json")
    with preview_address.announced("http://127.0.0.1:8001/"):
        return format_report(result)


def test_a_post_that_cannot_be_written_is_left_out_and_the_rest_is_built(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TESTDATA / "site", content)
    shutil.copy(TESTDATA / "bad/posts/predug-naslov.md", content / "posts")
    result = preview(content, tmp_path / "out")
    assert result.written and [p.path for p in result.errors] == ["content/posts/predug-naslov.md"]
    assert (tmp_path / "out/prvi-post/index.html").is_file()
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith("saradnja-saradnja")]
    home = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert 'class="preview-problems"' in home and "content/posts/predug-naslov.md:1" in home
    assert "<!-- preview-problems -->" not in home, "the banner is put in the slot"


def test_a_published_draft_gets_its_address_said_and_its_old_page_points_there(tmp_path, monkeypatch):
    content, output = tmp_path / "content", tmp_path / "out"
    shutil.copytree(TESTDATA / "site", content)
    first = preview(content, output)
    assert first.published == [] and (output / "nacrti/nacrt/index.html").is_file()
    draft = content / "posts/nacrt.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("Status: draft", "Status: published"), encoding="utf-8")
    second = preview(content, output)
    assert second.published == [("content/posts/nacrt.md", "nacrt/")]
    said = reported_on_port_8001(second, monkeypatch, tmp_path)
    assert (
        "Objavljeno u pregledu: content/posts/nacrt.md više nije ni nacrt ni zakazan; "
        "adresa mu je http://127.0.0.1:8001/nacrt/"
    ) in said
    moved = (output / "nacrti/nacrt/index.html").read_text(encoding="utf-8")
    assert "Nacrt je objavljen" in moved and 'href="/nacrt/"' in moved and "Nacrt — nije objavljeno" not in moved
    assert "<!-- preview-problems -->" not in moved
    assert (output / "nacrt/index.html").is_file()
    assert preview(content, output).published == [], "said once"
    assert (output / "nacrti/nacrt/index.html").read_text(encoding="utf-8") == moved, "the old page stays"
    other = content / "posts/drugi-nacrt.md"  # another save, anywhere
    other.write_text(other.read_text(encoding="utf-8") + "\nJoš jedan red.\n", encoding="utf-8")
    assert preview(content, output).written and (output / "nacrti/nacrt/index.html").is_file()

    draft.write_text(draft.read_text(encoding="utf-8").replace("Status: published", "Status: draft"), encoding="utf-8")
    preview(content, output)
    assert "Nacrt — nije objavljeno" in (output / "nacrti/nacrt/index.html").read_text(encoding="utf-8")
    assert not (output / "nacrt/index.html").exists(), "a draft again: its own page is back, the short one gone"


def test_a_scheduled_draft_gets_its_preview_address_said_and_its_old_page_points_there(tmp_path, monkeypatch):
    """A tab open on the draft would show „not found” once the draft is scheduled; the terminal gave no address."""
    content, output = tmp_path / "content", tmp_path / "out"
    shutil.copytree(TESTDATA / "site", content)
    preview(content, output)
    draft = content / "posts/nacrt.md"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(
        text.replace("Status: draft", "Status: published").replace("2026-03-14 09:00", "2030-05-06 09:30"),
        encoding="utf-8",
    )
    result = preview(content, output)
    assert result.published == []
    [(shown, date, url)] = result.scheduled
    assert (shown, date.isoformat()[:16], url) == ("content/posts/nacrt.md", "2030-05-06T09:30", "nacrt/")
    said = reported_on_port_8001(result, monkeypatch, tmp_path)
    assert (
        "Napomena: content/posts/nacrt.md je zakazan za 6. maja 2030. u 09:30; biće na sajtu od prvog objavljivanja "
        "posle tog trenutka. U pregledu je na adresi http://127.0.0.1:8001/nacrt/"
    ) in said
    moved = (output / "nacrti/nacrt/index.html").read_text(encoding="utf-8")
    assert "<h1>Nacrt je zakazan</h1>" in moved and "zakazan je za 6. maja 2030. u 09:30" in moved
    assert 'href="/nacrt/"' in moved
    assert "Zakazano za 6. maja 2030. u 09:30" in (output / "nacrt/index.html").read_text(encoding="utf-8")
    other = content / "posts/drugi-nacrt.md"  # another save, anywhere: the short page stays
    other.write_text(other.read_text(encoding="utf-8") + "\nJoš jedan red.\n", encoding="utf-8")
    preview(content, output)
    assert (output / "nacrti/nacrt/index.html").read_text(encoding="utf-8") == moved
