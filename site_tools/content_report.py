"""`invoke report`: editorial targets for the posts, as information, never as a failure.

How many posts there are, how long each one is, and whether it links to other
posts and to FAQ answers (and is linked from them). These are goals for the
author, not rules: a short announcement is a fine post, so nothing here stops a
build or a test run. `invoke check` and the tests guard what must hold.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import ROOT
from .check.source import Document, read_document
from .plugins import serbian

# The length most posts aim for (content/CONVENTIONS.md); outside it is only noted.
WORDS_TARGET = (700, 1400)
POST_LINK_RE = re.compile(r"\{filename\}/posts/(?P<file>[^)#\s]+\.md)")
FAQ_ANSWER_LINK_RE = re.compile(r"\{filename\}/faq/[^)#\s]+\.md#")


@dataclass
class PostStats:
    name: str  # file name in content/posts/
    title: str
    status: str
    words: int
    links_to_posts: int
    links_to_answers: int
    linked_from: set[str] = field(default_factory=set)  # other content files that link here

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


def body_words(document: Document) -> int:
    """Words of the body, without link targets, image addresses or code."""
    text = "\n".join(line for _, line in document.body)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return len(re.findall(r"\w+", text))


def collect(root: Path = ROOT) -> list[PostStats]:
    content = root / "content"
    posts = sorted((content / "posts").glob("*.md"))
    stats = {}
    for path in posts:
        document = read_document(path, path.name, "post")
        if not isinstance(document, Document):
            continue
        text = "\n".join(line for _, line in document.body)
        stats[path.name] = PostStats(
            name=path.name,
            title=document.value("title") or path.stem,
            status=document.status,
            words=body_words(document),
            links_to_posts=len({m.group("file") for m in POST_LINK_RE.finditer(text)} - {path.name}),
            links_to_answers=len(FAQ_ANSWER_LINK_RE.findall(text)),
        )
    for source in sorted(content.rglob("*.md")):
        if source.name == "CONVENTIONS.md":
            continue
        for match in POST_LINK_RE.finditer(source.read_text(encoding="utf-8")):
            target = stats.get(match.group("file"))
            if target and source != content / "posts" / target.name:
                target.linked_from.add(str(source.relative_to(content)))
    return list(stats.values())


def counted(number: int, one: str, few: str, many: str) -> str:
    return f"{number} {serbian.plural(number, one, few, many)}"


def format_report(stats: list[PostStats]) -> str:
    published = [post for post in stats if post.status == "published"]
    low, high = WORDS_TARGET
    lines = [
        f"Objava: {len(stats)} (objavljeno {len(published)}). Cilj za dužinu teksta: {low}–{high} reči.",
        "Ovo je pregled za autora, a ne provera: ništa ovde ne zaustavlja izgradnju sajta.",
        "",
    ]
    for post in sorted(stats, key=lambda p: p.name):
        status = "" if post.status == "published" else f" [{post.status}]"
        lines.append(
            f"{post.name}{status}: {counted(post.words, 'reč', 'reči', 'reči')}, "
            f"vodi na {counted(post.links_to_posts, 'tekst', 'teksta', 'tekstova')} "
            f"i {counted(post.links_to_answers, 'odgovor', 'odgovora', 'odgovora')}, "
            f"na njega vodi {counted(len(post.linked_from), 'fajl', 'fajla', 'fajlova')}"
        )
        lines.extend(f"    – {note}" for note in post.notes)
    return "\n".join(lines)
