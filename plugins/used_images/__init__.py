"""Production publishes only the files in content/images/ that a published text shows.

A photo the author drops in for a draft, a scheduled post or nothing yet is
not on the site until a text that uses it is (the preview shows them all, as
it shows drafts). "Uses" is what Pelican itself links: each written
document's `{static}`/`{attach}` links (`Content.get_static_links`, the list
Pelican copies linked files by), its links to a file by the site's address
(`/images/x.png`: the content check warns, but the page must still show it)
and its own share image (`Image:` in the header, plugins/share_images),
matched to Pelican's Static objects.

On with USED_IMAGES_ONLY (publishconf.py). It runs when Pelican has found the
static files (`static_generator_finalized`, after every text is read and
before anything is written), so nothing else has to know a file was left out.
"""

from urllib.parse import unquote, urljoin, urlsplit

from pelican import signals

from shared import documents, rendered


def is_written(document) -> bool:
    """A document this build puts on the site (a draft in production has no save_as)."""
    return document.status != "draft" and bool(document.save_as)


def used_paths(written) -> set[str]:
    """The static files (as Pelican keys them: relative to content/) the written documents link to."""
    used = set()
    for document in written:
        for path in document.get_static_links():
            used |= {path, unquote(path)}
    return used


def used_urls(written, siteurl: str) -> set[str]:
    """The addresses (relative to SITEURL) the written documents link to without {static}, and
    the share images they name in their header."""
    used = {image.url for document in written if (image := getattr(document, "share_image", None))}
    for document in written:
        for link in rendered.of(document).links:
            if siteurl and link.startswith(siteurl + "/"):
                link = link[len(siteurl) :]
            parts = urlsplit(urljoin("/" + document.url, link))
            if not (parts.scheme or parts.netloc):
                used.add(unquote(parts.path).lstrip("/"))
    return used


def keep_used(generator) -> None:
    if not generator.settings.get("USED_IMAGES_ONLY"):
        return
    written = [document for document in documents(generator.context) if is_written(document)]
    paths, urls = used_paths(written), used_urls(written, generator.settings.get("SITEURL", ""))
    # In place: the context's "staticfiles", which Pelican copies from, is this same list.
    generator.staticfiles[:] = [
        static for static in generator.staticfiles if static.get_relative_source_path() in paths or static.url in urls
    ]


def register():
    signals.static_generator_finalized.connect(keep_used)
