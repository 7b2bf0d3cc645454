"""`invoke report`: editorial targets for the posts, as information, never as a failure.

How many posts there are, how long each one is, and whether it links to other
posts and to FAQ answers (and is linked from them). These are goals for the
author, not rules: a short announcement is a fine post, so nothing here stops a
build or a test run. `invoke check` and the tests guard what must hold.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from . import ROOT
from .check.report import counted
from .plugins import rendered, serbian
from .settings import load

# The length most posts aim for (content/CONVENTIONS.md); outside it is only noted.
WORDS_TARGET = (700, 1400)
POST_LINK_RE = re.compile(r"^\{filename\}/posts/(?P<file>[^#?]+\.md)")
FAQ_ANSWER_LINK_RE = re.compile(r"^\{filename\}/faq/[^#?]+\.md#")


STATUS_LABELS = {"draft": "nacrt", "hidden": "skriveno"}


@dataclass
class PostStats:
    name: str  # file name in content/posts/
    title: str
    status: str
    words: int
    links_to_posts: int
    links_to_answers: int
    linked_from: set[str] = field(default_factory=set)  # other content files that link here
    scheduled_for: datetime | None = None  # published, with a date still to come

    @property
    def mark(self) -> str:
        """What the post is if not live: [nacrt], [zakazano za …]; "" for a live post."""
        if self.status != "published":
            return f" [{STATUS_LABELS.get(self.status, self.status)}]"
        return f" [zakazano za {serbian.format_date(self.scheduled_for, 'genitive')}]" if self.scheduled_for else ""

    @property
    def notes(self) -> list[str]:
        low, high = WORDS_TARGET
        notes = []
        if self.words < low:
            notes.append(f"kraći od {low} reči")
        elif self.words > high:
            notes.append(f"duži od {high} reči")
        if not self.links_to_posts:
            notes.append("ne vodi ni na jedan drugi tekst")
        if not self.links_to_answers:
            notes.append("ne vodi ni na jedan odgovor iz čestih pitanja")
        if not self.linked_from:
            notes.append("nijedan tekst ni odgovor ne vodi na njega")
        return notes


def body_words(html: str) -> int:
    """Words of the text as Markdown rendered it, code left out."""
    tree = rendered.Rendered(html).tree
    for node in tree.css("pre, code"):
        node.decompose()
    return len(re.findall(r"\w+", tree.body.text(separator=" ") if tree.body else ""))


def links(html: str) -> list[str]:
    """Every link target as written ({filename}/… links not yet resolved)."""
    return [node.attributes.get("href") or "" for node in rendered.Rendered(html).tree.css("a[href]")]


@dataclass
class Report:
    posts: list[PostStats]
    unreadable: list[str]  # content files Pelican could not read (`invoke check` says why)


def collect(root: Path = ROOT, now: datetime | None = None) -> Report:
    """Each post as Pelican's Markdown reader reads it; a file it cannot read is only named."""
    from pelican.readers import Readers

    content = root / "content"
    readers = Readers(load())
    documents, unreadable = {}, []
    now = now or datetime.now(UTC)
    for source in sorted(content.rglob("*.md")):
        if source.name == "CONVENTIONS.md":
            continue
        try:
            documents[source] = readers.read_file(str(content), str(source.relative_to(content)))
        except Exception:  # noqa: BLE001 (any unreadable file is explained by `invoke check`)
            unreadable.append(source.relative_to(root).as_posix())
    stats = {}
    for source, document in documents.items():
        if source.parent != content / "posts":
            continue
        targets = links(document._content)
        stats[source.name] = PostStats(
            name=source.name,
            title=str(document.metadata.get("title") or source.stem),
            status=str(document.metadata.get("status") or "published"),
            words=body_words(document._content),
            links_to_posts=len({m.group("file") for t in targets if (m := POST_LINK_RE.match(t))} - {source.name}),
            links_to_answers=sum(1 for t in targets if FAQ_ANSWER_LINK_RE.match(t)),
            scheduled_for=_future(document.metadata.get("date"), now),
        )
    for source, document in documents.items():
        for target in links(document._content):
            match = POST_LINK_RE.match(target)
            post = stats.get(match.group("file")) if match else None
            if post and source != content / "posts" / post.name:
                post.linked_from.add(source.relative_to(content).as_posix())
    return Report(list(stats.values()), unreadable)


def _future(date, now: datetime) -> datetime | None:
    if not isinstance(date, datetime):
        return None
    aware = date if date.tzinfo else date.replace(tzinfo=UTC)
    return date if aware > now else None


def format_report(report: Report) -> str:
    stats = report.posts
    live = [post for post in stats if not post.mark]
    low, high = WORDS_TARGET
    lines = [
        f"Tekstova: {len(stats)}, od toga objavljenih: {len(live)}. Cilj za dužinu teksta: {low}–{high} reči.",
        "Ovo je samo pregled, a ne provera: ništa ovde ne zaustavlja izgradnju sajta.",
        "",
    ]
    if report.unreadable:
        lines += [
            f"Ne mogu da se pročitaju (zašto, kaže `invoke check`): {', '.join(report.unreadable)}",
            "",
        ]
    for post in sorted(stats, key=lambda p: p.name):
        lines.append(
            f"{post.name}{post.mark}: {counted(post.words, 'reč', 'reči', 'reči')}, "
            f"vodi na {counted(post.links_to_posts, 'tekst', 'teksta', 'tekstova')} "
            f"i {counted(post.links_to_answers, 'odgovor', 'odgovora', 'odgovora')}, "
            f"na njega vodi {counted(len(post.linked_from), 'fajl', 'fajla', 'fajlova')}"
        )
        lines.extend(f"    – {note}" for note in post.notes)
    return "\n".join(lines)
