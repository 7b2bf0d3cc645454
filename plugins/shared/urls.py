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


def site_path(url: str, own_siteurls) -> str | None:
    """The path part of a URL on this site, relative to SITEURL and unquoted ("images/x.png"), or None for
    another site; `own_siteurls` are the addresses that are this site's (this build's, the published one)."""
    parts = urlsplit(url)
    if not (parts.scheme or parts.netloc):
        return unquote(parts.path).lstrip("/")
    for siteurl in own_siteurls:
        base = urlsplit(siteurl)
        if (parts.scheme, parts.netloc) == (base.scheme, base.netloc):
            return unquote(parts.path[len(base.path) :]).lstrip("/")
    return None
