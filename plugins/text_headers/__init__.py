"""Title and Summary headers are text: what the author types is shown, never run as HTML.

Pelican keeps a Markdown file's Title as typed and renders its Summary as
Markdown (raw HTML passes through), and the theme prints both as HTML. So `<`,
`>` and `&` in these two headers are escaped before anything else reads them:
a post about „<script>” shows those characters, and a stray `<` can neither
swallow a heading nor leave a broken tag in a list page. Markdown emphasis and
links in a Summary still work; quotes stay as typed for the „…” rules.
"""

import html

from pelican import signals
from pelican.readers import MarkdownReader

TEXT_HEADERS = ("title", "summary")


def escaped(meta: dict) -> dict:
    """Markdown's raw header values ({name: [lines]}) with markup characters escaped."""
    return {
        name: [html.escape(line, quote=False) for line in lines] if name.lower() in TEXT_HEADERS else lines
        for name, lines in meta.items()
    }


def text_header_reader(reader_class: type) -> type:
    """`reader_class`, reading Title and Summary as text."""

    class TextHeaderReader(reader_class):
        def _parse_metadata(self, meta):
            return super()._parse_metadata(escaped(meta))

    TextHeaderReader.__name__ = f"TextHeader{reader_class.__name__}"
    return TextHeaderReader


def use_text_header_readers(readers):
    """Swap every Markdown reader for one with text headers (before the readers are made)."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class and issubclass(reader_class, MarkdownReader):
            readers.reader_classes[extension] = text_header_reader(reader_class)


def register():
    signals.readers_init.connect(use_text_header_readers)
