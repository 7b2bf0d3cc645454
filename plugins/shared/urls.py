"""A URL written into HTML by a plugin, so that it survives every place it goes."""

from urllib.parse import quote

# RFC 3986's reserved characters and "%" stay as they are (an encoded URL is not encoded twice);
# the comma is encoded: it separates the items of a srcset.
KEPT = ":/?#[]@!$&'()*+;=%"


def encoded_url(url: str) -> str:
    """`url` with spaces, commas and letters beyond ASCII percent-encoded: Pelican writes a file's
    URL as its name is („/images/Radni sto.jpg”), and a space would split a srcset."""
    return quote(url, safe=KEPT)
