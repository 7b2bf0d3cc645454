"""The preview's problem banner, put into each page as it is written, not rendered with it.

Every page's template leaves a slot (`preview_problems_slot`, a constant
comment); the banner is rendered once per build from partials/preview_problems.html
and put into the slot as each page is written (shared/output.py's finishing),
in Cyrillic on a Cyrillic twin (the pages pass through write_page by plugins/render_cache's
writer, which every build uses). So pages and twins are rendered and kept
(plugins/render_cache, plugins/cyrillic) without it, and a change in the
problems alone (a line number moved, a warning fixed) renders no page again:
at 1000 posts, that first save after a change took three times as long as any other.
"""

from markupsafe import Markup

from shared import CYRILLIC_PREFIX, cyrillic_html
from shared.output import finish_pages_with, in_output, stop_finishing

SLOT = Markup("<!-- preview-problems -->")
TEMPLATE = "partials/preview_problems.html"


class Banner:
    def __init__(self, generator, problems: list):
        self.output = generator.settings["OUTPUT_PATH"]
        self.siteurl = generator.settings.get("SITEURL", "")
        self.latin = Markup(generator.env.get_template(TEMPLATE).render(preview_problems=problems))

    def put_in(self, path, html: str) -> str:
        name = in_output(path, self.output) or ""
        # The transliteration is remembered (mirror.html_fragment): once per build.
        banner = cyrillic_html(self.latin, self.siteurl) if name.startswith(CYRILLIC_PREFIX) else self.latin
        return html.replace(SLOT, banner, 1)


_shown: list[Banner] = []


def show(generator, problems: list) -> Banner:
    """From now on each page written gets the banner of `problems` (none: the slot is emptied)."""
    hide()  # an earlier build in this process that stopped before its end
    generator.context["preview_problems_slot"] = SLOT
    banner = Banner(generator, problems)
    _shown[:] = [banner]
    finish_pages_with(banner.put_in, first=True)  # security_headers (asked at `initialized`) minifies after it
    return banner


def hide() -> None:
    """Pages are written as rendered again (the build has written its pages)."""
    if _shown:
        stop_finishing(_shown.pop().put_in)
