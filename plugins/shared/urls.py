"""A URL written into HTML by a plugin, so that it survives every place it goes."""

from urllib.parse import quote, unquote, urlsplit, urlunsplit

# A path's characters that stay as they are; the comma is encoded: it separates a srcset's items.
KEPT = "/:@!$&'()*+;="


def encoded_url(url: str) -> str:
    """`url` with its path percent-encoded (spaces, commas, „%”, letters beyond ASCII): Pelican writes
    a file's URL as its name is („/images/Radni sto.jpg”), and a space would split a srcset. A path
    already encoded comes out the same; the scheme, host, query and fragment are left as they are."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=quote(unquote(parts.path), safe=KEPT)))
