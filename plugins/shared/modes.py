"""What a build is for (setting CONTENT_CHECK_MODE), read the same way by every plugin.

"check" reads and judges the content and writes nothing; "preview" (the
default: `invoke build`, `serve`, Pelican started by hand) writes the site
anyway and shows its problems in it; "production" (publishconf.py) stops on
an error before anything is written.
"""

CHECK, PREVIEW, PRODUCTION = "check", "preview", "production"


def mode(settings) -> str:
    return settings.get("CONTENT_CHECK_MODE", PREVIEW)


def is_preview(settings) -> bool:
    return mode(settings) == PREVIEW
