"""What the content check needs to know about the site, taken from Pelican's settings."""

import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from ..plugins import breadcrumbs, faq_model

SUMMARY_MAX_CHARACTERS = 160
FAQ_KINDS = faq_model.KINDS
FAQ_FOLDER = breadcrumbs.FAQ_DIR
FAQ_URL = breadcrumbs.FAQ_INDEX[1] + "{slug}/"  # plugins/faq places published FAQ pages here


@dataclass(frozen=True)
class CheckConfig:
    root: Path  # the project; messages show paths relative to it
    content: Path
    article_paths: tuple[str, ...]
    page_paths: tuple[str, ...]
    static_paths: tuple[str, ...]
    categories: tuple[str, ...]
    url_patterns: dict  # ARTICLE_URL, PAGE_URL, DRAFT_URL, DRAFT_PAGE_URL, CATEGORY_URL, TAG_URL
    reserved: frozenset  # first path segments the site itself uses (kategorija, images, …)
    fixed_paths: frozenset  # URLs of the list pages: "", "arhiva/", …
    theme_static: tuple[Path, str]  # (folder in the theme, URL prefix)
    timezone: ZoneInfo

    @classmethod
    def from_settings(cls, settings: dict, root: Path, production: dict | None = None) -> "CheckConfig":
        """`settings` from pelicanconf.py; `production` (publishconf.py) adds the URLs only it makes (feeds)."""
        content = Path(settings["PATH"])
        patterns = {key: settings[key] for key in ("ARTICLE_URL", "PAGE_URL", "DRAFT_URL", "DRAFT_PAGE_URL", "CATEGORY_URL", "TAG_URL")}
        patterns["FAQ_URL"] = FAQ_URL
        url_settings = [*_url_settings(settings), FAQ_URL]
        reserved = {_first_segment(value) for value in url_settings + _url_settings(production or {})}
        reserved |= {_first_segment(p[1].replace("{base_name}/", "")) for p in settings.get("PAGINATION_PATTERNS", ())}
        reserved |= {*settings["STATIC_PATHS"], settings["THEME_STATIC_DIR"], "404.html"}
        reserved.discard("")
        fixed = {"", breadcrumbs.FAQ_INDEX[1], *(value for value in url_settings if "{" not in value and not value.endswith(".html"))}
        theme = Path(settings["THEME"])
        return cls(
            root=root,
            content=content,
            article_paths=tuple(settings["ARTICLE_PATHS"]),
            page_paths=tuple(settings["PAGE_PATHS"]),
            static_paths=tuple(settings["STATIC_PATHS"]),
            categories=tuple(settings.get("CATEGORIES") or ()),
            url_patterns=patterns,
            reserved=frozenset(reserved),
            fixed_paths=frozenset(fixed),
            theme_static=(theme / "static", settings["THEME_STATIC_DIR"]),
            timezone=ZoneInfo(settings["TIMEZONE"]),
        )

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def _url_settings(settings: dict) -> list[str]:
    """Every URL or output path pattern the settings define (pages, lists, feeds)."""
    return [
        value for key, value in settings.items()
        if key.endswith(("_URL", "_SAVE_AS", "_ATOM", "_RSS")) and isinstance(value, str) and value
    ]


def _first_segment(url: str) -> str:
    """"kategorija/{slug}/" -> "kategorija"; "{slug}/" -> ""."""
    return re.split(r"[/{]", url, maxsplit=1)[0]
