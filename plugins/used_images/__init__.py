"""Production publishes only the files in content/images/ that a published text shows.

A photo the author drops in for a draft, a scheduled post or nothing yet is
not on the site until a text that uses it is (the preview shows them all, as
it shows drafts). "Uses" is what Pelican itself links: each written
document's `{static}`/`{attach}` links (`Content.get_static_links`, the list
Pelican copies linked files by; in its body and in a Summary header, which list
pages show), any address of the site its HTML loads or
links (`/images/x.png`, a video's poster: shared/rendered.py's table; for an
<img> the content check warns, but the page must still show it) and its own
share image (`Image:` in the header, plugins/share_images), matched to
Pelican's Static objects.

On with USED_IMAGES_ONLY (publishconf.py). It runs when Pelican has found the
static files (`static_generator_finalized`, after every text is read and
before anything is written) and trims the list Pelican copies from, which
the Cyrillic drawings (plugins/cyrillic/diagrams.py) follow too.
"""

import copy
from urllib.parse import quote, unquote, urljoin

from pelican import signals

from shared import documents, rendered, site_path, written_summary


def is_written(document) -> bool:
    """A document this build puts on the site (a draft in production has no save_as)."""
    return document.status != "draft" and bool(document.save_as)


def used_paths(written) -> set[str]:
    """The static files (as Pelican keys them: relative to content/) the written documents link to."""
    used = set()
    for document in written:
        for path in static_links(document):
            used |= {path, unquote(path)}
    return used


def static_links(document) -> set[str]:
    """Pelican's reading of a document's {static}/{attach} links: in its body, and in a Summary header
    (whose links Pelican replaces only after this point, so they are still as the author wrote them)."""
    links = set(document.get_static_links())
    summary = written_summary(document)
    if summary:
        as_summary = copy.copy(document)  # the same document, its body the summary: Pelican's own parsing
        as_summary._content = summary
        links |= as_summary.get_static_links()
    return links


def used_urls(written, own_siteurls, names=None) -> set[str]:
    """The addresses (relative to SITEURL) the written documents load or link without {static}, and
    the share images they name in their header. `names`, when given: only a document whose HTML
    has one of these file names (in lower case) in it is parsed (most show no file at all)."""
    used = {image.url for document in written if (image := getattr(document, "share_image", None))}
    for document in written:
        for parsed in _texts(document):
            lowered = parsed.html.lower() if names is not None else ""
            if names is not None and not any(name in lowered for name in names):
                continue
            for link in parsed.links:
                path = site_path(urljoin("/" + document.url, link), own_siteurls)
                if path is not None:
                    used.add(path)
    return used


def _texts(document) -> list[rendered.Rendered]:
    """A document's HTML: its body, and its Summary header's when it has one (list pages show it)."""
    summary = written_summary(document)
    return [rendered.of(document)] + ([rendered.Rendered(summary)] if summary else [])


def keep_used(generator) -> None:
    if not generator.settings.get("USED_IMAGES_ONLY"):
        return
    written = [document for document in documents(generator.context) if is_written(document)]
    settings = generator.settings
    own = [url for url in (settings.get("SITEURL"), settings.get("PUBLISHED_SITEURL")) if url]
    # A file's name as the HTML may hold it: as it is, or percent-encoded (either case of hex digits).
    names = {form.lower() for static in generator.staticfiles for form in (_name(static.url), quote(_name(static.url)))}
    paths, urls = used_paths(written), used_urls(written, own, names)
    # In place: the context's "staticfiles", which Pelican copies from, is this same list.
    generator.staticfiles[:] = [
        static for static in generator.staticfiles if static.get_relative_source_path() in paths or static.url in urls
    ]


def _name(url: str) -> str:
    return url.rsplit("/", 1)[-1]


def register():
    signals.static_generator_finalized.connect(keep_used)
