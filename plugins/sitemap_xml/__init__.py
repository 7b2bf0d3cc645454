"""sitemap.xml whose dates mean something, and the same bytes for the same site.

Every HTML page Pelican writes (`content_written`) is listed, except drafts,
hidden or private content and the URLs matching SITEMAP_EXCLUDE (regular
expressions on the URL relative to SITEURL, e.g. r"^404\\.html$"). Its
<lastmod> is read from Pelican's own objects:

- an article or page: its `Modified`, else its `Date`;
- a page without either (kontakt, o-meni, …): when its file is committed
  and unchanged, the date of the file's last Git commit; otherwise (edited
  since, not in a Git repository, no git) the file's modification time;
- a list page (home, category, tag, archives, the category and tag lists,
  the FAQ index, and each of their numbered pages): the newest of those dates
  among the content it lists (`listed_content` given to write_file, else the
  paginated page's articles, else the generator's `articles`); a list with
  nothing in it has no <lastmod>.

Dates are W3C datetimes in TIMEZONE (Europe/Belgrade: +01:00 or +02:00),
to the second. Nothing depends on the build time and the URLs are sorted, so
an unchanged site gives a byte-identical sitemap.xml. There is no
<changefreq> or <priority>: search engines ignore both, and a guessed
"daily" on a page that changed months ago says nothing true.

This replaces the pelican-sitemap package, which stamps every list page and
every undated page with the build time (written "-00:00", offset unknown).
"""

import logging
import re
import subprocess
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from pelican import signals

from shared.output import in_output

log = logging.getLogger(__name__)

SITEMAP_FILE = "sitemap.xml"
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
# Characters a URL path may keep as they are (the rest is percent-encoded).
URL_SAFE = "/%:@!$&'()*+,;=-._~"


# --- Dates --------------------------------------------------------------------------------


def _git(args: list[str], folder: Path) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


@cache
def git_commit_time(path: Path) -> int | None:
    """When `path` was last committed (Unix time), if it is committed and unchanged since."""
    changes = _git(["status", "--porcelain", "--", path.name], path.parent)
    if changes is None or changes.strip():
        return None  # not in a repository, or edited, added or untracked: the commit date would be wrong
    committed = _git(["log", "-1", "--format=%ct", "--", path.name], path.parent)
    return int(committed) if committed and committed.strip().isdigit() else None


def file_date(path: str | Path, zone: ZoneInfo) -> datetime | None:
    """The file's last Git commit date, else its modification time; None if it cannot be read."""
    path = Path(path).resolve()
    timestamp = git_commit_time(path)
    if timestamp is None:
        try:
            timestamp = int(path.stat().st_mtime)
        except OSError:
            return None
    return datetime.fromtimestamp(timestamp, zone)


def content_date(content, zone: ZoneInfo) -> datetime | None:
    """`Modified`, else `Date`, else the date of the content's source file."""
    date = getattr(content, "modified", None) or getattr(content, "date", None)
    if date is None:
        source = getattr(content, "source_path", None)
        return file_date(source, zone) if source else None
    return date.astimezone(zone) if date.tzinfo else date.replace(tzinfo=zone)


def newest(contents, zone: ZoneInfo) -> datetime | None:
    dates = [date for date in (content_date(content, zone) for content in contents) if date]
    return max(dates, default=None)


def w3c_datetime(date: datetime) -> str:
    return date.isoformat(timespec="seconds")


# --- Pages ----------------------------------------------------------------------------------


def content_of(context):
    """The article or page a written file shows, or None for a list page."""
    return context.get("article") or context.get("page")


def listed_content(context) -> list:
    """What a list page lists: its own list, its page of a paginated list, or all articles."""
    if context.get("listed_content") is not None:
        return list(context["listed_content"])
    page = context.get("articles_page")
    if page is not None:
        return list(page.object_list)
    return list(context.get("dates") or context.get("articles") or [])


def is_listed(content) -> bool:
    if content is None:
        return True
    return getattr(content, "status", "published") == "published" and str(getattr(content, "private", "")) != "True"


def url_of(path: str, output_path: str) -> str | None:
    """The URL (relative to SITEURL) of a written file: "a/b/index.html" -> "a/b/"; None outside the output."""
    relative = in_output(path, output_path)
    return None if relative is None else re.sub(r"(^|/)index\.html$", r"\1", relative)


class Sitemap:
    def __init__(self):
        self.entries: dict[str, datetime | None] = {}

    def reset(self, *_args, **_kwargs):
        """Start a build afresh (Pelican's autoreload builds many times in one process)."""
        self.entries = {}
        git_commit_time.cache_clear()

    def add(self, path, context):
        """Note one written file; `context` is the one its template was rendered with (settings included)."""
        if not str(path).endswith(".html"):
            return
        content = content_of(context)
        if not is_listed(content):
            return
        url = url_of(str(path), context["OUTPUT_PATH"])
        if url is None or any(re.search(pattern, url) for pattern in context.get("SITEMAP_EXCLUDE", ())):
            return
        zone = ZoneInfo(context.get("TIMEZONE") or "UTC")
        self.entries[url] = (
            content_date(content, zone) if content is not None else newest(listed_content(context), zone)
        )

    def xml(self, siteurl: str) -> str:
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{NAMESPACE}">']
        for url in sorted(self.entries):
            date = self.entries[url]
            lastmod = f"<lastmod>{w3c_datetime(date)}</lastmod>" if date else ""
            lines.append(f"<url><loc>{escape(f'{siteurl}/{quote(url, safe=URL_SAFE)}')}</loc>{lastmod}</url>")
        lines.append("</urlset>")
        return "\n".join(lines) + "\n"

    def write(self, pelican):
        target = Path(pelican.output_path, SITEMAP_FILE)
        target.write_text(self.xml(pelican.settings.get("SITEURL", "")), encoding="utf-8")
        log.info("Writing %s (%d URLs)", target, len(self.entries))
        self.reset()


sitemap = Sitemap()


def name_the_address(pelican):
    """The content check takes a link to /sitemap.xml for a page of the site."""
    pelican.settings.setdefault("SITE_LIST_URLS", []).append(SITEMAP_FILE)


def register():
    signals.initialized.connect(name_the_address)
    signals.get_generators.connect(sitemap.reset)
    signals.content_written.connect(sitemap.add)
    signals.finalized.connect(sitemap.write)
