"""What links may point at: content files, their headings, and the site's own addresses."""

import difflib
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

from pelican.readers import ensure_metadata_list

from ..plugins import serbian
from .config import CheckConfig
from .metadata import parse_date
from .source import Document
from .urls import url_of

# {filename}, {static} and {attach} links (also Pelican's older |filename| form).
INTERNAL_LINK_RE = re.compile(r"^(?:\{(?P<kind>filename|static|attach)\}|\|(?P<old>filename|static|attach)\|)(?P<path>[^#?]*)(?:[?#].*)?$")


@dataclass
class SiteTargets:
    config: CheckConfig
    now: datetime
    documents: dict = field(default_factory=dict)  # resolved Path -> Document
    urls: dict = field(default_factory=dict)  # URL relative to SITEURL -> Document or None (a list page)

    @classmethod
    def collect(cls, documents: list[Document], config: CheckConfig, now: datetime) -> "SiteTargets":
        targets = cls(config, now)
        targets.urls.update(dict.fromkeys(config.fixed_paths))
        for document in documents:
            targets.documents[document.path.resolve()] = document
            url = url_of(document, config)
            if url:
                targets.urls.setdefault(url, document)
            for tag in ensure_metadata_list(document.value("tags") or ""):
                targets.urls[config.url_patterns["TAG_URL"].format(slug=serbian.slugify(tag))] = None
        for category in config.categories:
            targets.urls[config.url_patterns["CATEGORY_URL"].format(slug=serbian.slugify(category))] = None
        return targets

    def resolve(self, document: Document, link_path: str) -> Path:
        """A {filename}/{static} path: from the content folder if it starts with /, else from the file's folder."""
        link_path = unquote(link_path)
        base = self.config.content if link_path.startswith("/") else document.path.parent
        return (base / link_path.lstrip("/")).resolve()

    def shown_link(self, path: Path) -> str:
        """How to write `path` after {filename} or {static}: /posts/x.md."""
        try:
            return "/" + path.relative_to(self.config.content.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def suggestion(self, missing: Path, pattern: str = "*", exclude: Path | None = None) -> str:
        """' Možda ste mislili: /posts/x.md?' for the closest existing file, or ''."""
        candidates = [self.shown_link(p) for p in self.config.content.rglob(pattern) if p.is_file() and p != exclude]
        return did_you_mean(self.shown_link(missing), candidates)

    def scheduled_for(self, document: Document) -> datetime | None:
        """The date of a post that is not a draft but dated in the future, else None."""
        date = parse_date(document.value("date") or "", self.config)
        if document.kind == "post" and document.status != "draft" and date and date > self.now:
            return date
        return None

    def unpublished_reason(self, target: Document) -> str | None:
        """Why `target` will not be on the live site now (a draft, or scheduled), or None."""
        if target.status == "draft":
            return "nacrt (Status: draft)"
        date = self.scheduled_for(target)
        return f"zakazan za {serbian.format_date(date)}" if date else None

    def heading_ids(self, document: Document) -> list[str]:
        """The ids Markdown's toc extension gives the document's headings (repeats get _1, _2)."""
        ids = []
        for _line, _level, text, explicit in document.headings():
            base = explicit or serbian.slugify(_plain(text))
            candidate, number = base, 0
            while candidate in ids:
                number += 1
                candidate = f"{base}_{number}"
            ids.append(candidate)
        return ids


def did_you_mean(wrong: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)
    return f" Možda ste mislili: {close[0]}?" if close else ""


def parse_internal_link(target: str) -> tuple[str, str, str] | None:
    """("filename", "/posts/x.md", "fragment") for a Pelican internal link, else None."""
    match = INTERNAL_LINK_RE.match(target)
    if not match:
        return None
    fragment = target.split("#", 1)[1] if "#" in target else ""
    return (match.group("kind") or match.group("old"), match.group("path"), fragment)


def _plain(heading: str) -> str:
    """Heading text without Markdown marks, links reduced to their text."""
    heading = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    return re.sub(r"[*_`]", "", heading)
