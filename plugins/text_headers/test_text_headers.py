from pelican import signals
from pelican.readers import Readers
from pelican.settings import DEFAULT_CONFIG

from text_headers import escaped, use_text_header_readers


def test_markup_characters_in_title_and_summary_are_escaped_quotes_kept():
    meta = {"title": ["A <b> & </script> \"x\" 'y'"], "summary": ["<i>"], "tags": ["<a>"]}
    assert escaped(meta) == {
        "title": ["A &lt;b&gt; &amp; &lt;/script&gt; \"x\" 'y'"],
        "summary": ["&lt;i&gt;"],
        "tags": ["<a>"],
    }


def test_markdown_files_are_read_with_text_headers(tmp_path):
    (tmp_path / "post.md").write_text(
        "Title: 2 < 3 & <script>\nSummary: Kraj </script> i *naglasak* & [veza](/x/)\nDate: 2026-01-01\n\n"
        "Tekst sa <b>HTML-om</b>.\n",
        encoding="utf-8",
    )
    signals.readers_init.connect(use_text_header_readers)
    try:
        readers = Readers(dict(DEFAULT_CONFIG, TYPOGRIFY=False))
    finally:
        signals.readers_init.disconnect(use_text_header_readers)
    post = readers.read_file(str(tmp_path), "post.md")
    assert post.title == "2 &lt; 3 &amp; &lt;script&gt;"
    assert post.summary == '<p>Kraj &lt;/script&gt; i <em>naglasak</em> &amp; <a href="/x/">veza</a></p>'
    assert "<b>HTML-om</b>" in post.content  # the body is Markdown as ever
