"""`invoke check`: validate the content before it is built or published.

Every problem names its file and line and says, in plain Serbian, how to fix it.
All problems are collected in one run. One small module per kind of check.
"""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .. import ROOT
from .. import settings as site_settings
from . import faq, images, links, metadata, share_image, urls
from .config import FAQ_FOLDER, CheckConfig
from .problem import Problem
from .source import Document, read_document
from .targets import SiteTargets

__all__ = ["CheckConfig", "CheckResult", "Problem", "check_content", "load_config", "run_check"]

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")


@dataclass
class CheckResult:
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    scheduled: list[tuple[Document, datetime]] = field(default_factory=list)  # future-dated posts

    @property
    def ok(self) -> bool:
        return not self.problems


def load_config(root: Path = ROOT) -> CheckConfig:
    return CheckConfig.from_settings(
        site_settings.load(site_settings.DEV_SETTINGS_FILE, root), root,
        production=site_settings.load(site_settings.PROD_SETTINGS_FILE, root),
    )


def run_check(root: Path = ROOT, now: datetime | None = None) -> CheckResult:
    return check_content(load_config(root), now)


def check_content(config: CheckConfig, now: datetime | None = None) -> CheckResult:
    now = now or datetime.now(config.timezone)
    result, documents = CheckResult(), []
    for path, kind in _content_files(config):
        result.files += 1
        read = read_document(path, config.shown(path), kind)
        if isinstance(read, Problem):
            result.problems.append(read)
        else:
            documents.append(read)
    targets = SiteTargets.collect(documents, config, now)
    for document in documents:
        result.problems += metadata.check(document, config)
        result.problems += faq.check(document)
        result.problems += links.check(document, targets)
        result.problems += images.check(document, targets)
        result.problems += share_image.check(document, config)
        if targets.scheduled_for(document):
            result.scheduled.append((document, targets.scheduled_for(document)))
    result.problems += urls.check(documents, config)
    result.problems.sort()
    return result


def _content_files(config: CheckConfig):
    """(path, kind) for every Markdown file Pelican will read, in a stable order."""
    folders = [(folder, "post") for folder in config.article_paths]
    folders += [(folder, "faq" if folder == FAQ_FOLDER else "page") for folder in config.page_paths]
    for folder, kind in folders:
        base = config.content / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            hidden = any(part.startswith(".") for part in path.relative_to(base).parts)
            if path.is_file() and path.suffix.lower() in MARKDOWN_SUFFIXES and not hidden:
                yield path, kind
