"""Release folders shared by the local and SSH targets.

    <base>/releases/<id>/        one complete site per publish (id sorts by time)
    <base>/releases/.partial-<id>/  being written; never served, removed by the next publish
    <base>/current -> releases/<id>  what the web server serves, switched atomically

A release folder only gets its final name once it is complete, and `current`
is replaced by renaming a new symlink over it, so at any moment `current`
points at a whole release: the old one or the new one.
"""

import re
from datetime import UTC, datetime

PARTIAL = ".partial-"
TRASH = ".trash-"
ID_RE = re.compile(r"^\d{8}-\d{6}-\d{6}$")


def new_release_id(now: datetime | None = None) -> str:
    """A UTC timestamp that sorts in publish order: 20261127-103005-123456."""
    return (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")


def is_release(name: str) -> bool:
    return bool(ID_RE.match(name))


def describe(release_id: str) -> str:
    """"27. 11. 2026. u 11:30:05 (UTC)" for messages."""
    moment = datetime.strptime(release_id, "%Y%m%d-%H%M%S-%f")
    return f"{moment.day}. {moment.month}. {moment.year}. u {moment:%H:%M:%S} (UTC)"


def previous(releases: list[str], current: str | None) -> str | None:
    """The release published just before `current`, or None."""
    ordered = sorted(r for r in releases if is_release(r))
    if current not in ordered:
        return None
    index = ordered.index(current)
    return ordered[index - 1] if index > 0 else None


def to_prune(releases: list[str], current: str | None, keep: int) -> list[str]:
    """Releases beyond the newest `keep`; the live one is never pruned."""
    ordered = sorted((r for r in releases if is_release(r)), reverse=True)
    return [r for r in ordered[max(keep, 1):] if r != current]


def leftovers(names: list[str]) -> list[str]:
    """Partial and half-deleted releases left behind by an interrupted run."""
    return [n for n in names if n.startswith((PARTIAL, TRASH))]
