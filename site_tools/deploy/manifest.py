"""What a site tree holds (path → digest), and what changes between two trees."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def git_blob_bytes(data: bytes) -> str:
    """The id git gives a file with this content (what `git ls-tree` lists)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def manifest(folder: Path, digest=sha256_bytes) -> dict[str, str]:
    """Every file under `folder` (symlinks followed) as "a/b.html" → digest of its bytes."""
    folder = Path(folder).resolve()
    return {
        path.relative_to(folder).as_posix(): digest(path.read_bytes())
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def compare(new: dict[str, str], live: dict[str, str], kept: tuple[str, ...] = ()) -> Changes:
    """How `live` becomes `new`. Files under a `kept` top-level name are carried over, never removed."""
    def is_kept(path: str) -> bool:
        return path.split("/", 1)[0] in kept

    return Changes(
        added=sorted(path for path in new if path not in live),
        changed=sorted(path for path in new if path in live and new[path] != live[path]),
        removed=sorted(path for path in live if path not in new and not is_kept(path)),
    )
