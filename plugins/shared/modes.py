"""What a build is for (setting CONTENT_CHECK_MODE): the content check, the CSS bundle
and the disk caches read it here, so a build without the setting is a preview to all.

"check" reads and judges the content and writes nothing; "preview" (the
default: `invoke build`, `serve`, Pelican started by hand) writes the site
anyway and shows its problems in it; "production" (publishconf.py) stops on
an error before anything is written.

Pagefind's background indexing (search/background.py) is the one exception:
it runs only when a caller names the preview (the `invoke` tasks do), so that
Pelican started by hand ends with its search index made.
"""

CHECK, PREVIEW, PRODUCTION = "check", "preview", "production"


def mode(settings) -> str:
    return settings.get("CONTENT_CHECK_MODE", PREVIEW)


def is_preview(settings) -> bool:
    return mode(settings) == PREVIEW
