"""Release folders shared by the local and SSH targets, and the history rollback follows.

    <base>/releases/<id>/           one complete site per publish (id sorts by time)
    <base>/releases/.partial-<id>/  being written; never served, removed by the next publish
    <base>/history/<id>             "previous=<id>": what was live when <id> was published
    <base>/current -> releases/<id> what the web server serves, switched atomically
    <base>/.publish.lock            held while a publish or rollback runs (lock.py)

A release folder only gets its final name once it is complete, and `current`
is replaced by renaming a new symlink over it, so at any moment `current`
points at a whole release: the old one or the new one.

Rollback follows history, not time: from the live release it goes to the one
that was live before that release was published. A rollback does not write
history, so a second rollback goes one step further back along the same line,
and a release that was rolled back as bad is never picked again (the S3 target
keeps the same history in its manifests: s3.py).
"""

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from .target import DeployError

PARTIAL = ".partial-"
TRASH = ".trash-"
BELGRADE = ZoneInfo("Europe/Belgrade")
ID_RE = re.compile(r"^\d{8}-\d{6}-\d{6}$")
PREVIOUS = "previous="


def new_release_id(now: datetime | None = None) -> str:
    """A UTC timestamp that sorts in publish order: 20261127-103005-123456."""
    return (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")


def is_release(name: str) -> bool:
    return bool(ID_RE.match(name))


def describe(release_id: str) -> str:
    """"27. 11. 2026. u 11:30:05" (Belgrade time, as the posts' dates) for a release id, which is UTC."""
    return describe_moment(datetime.strptime(release_id, "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC))


def describe_moment(moment: datetime) -> str:
    """A moment as messages say it, in Belgrade time like every date the author writes: "27. 11. 2026. u 11:30:05"."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(BELGRADE)
    return f"{moment.day}. {moment.month}. {moment.year}. u {moment:%H:%M:%S}"


def history_entry(previous: str | None) -> str:
    """The text of history/<id>: what was live before <id> was published."""
    return f"{PREVIOUS}{previous or ''}\n"


def parse_history_entry(text: str) -> str | None:
    for line in text.splitlines():
        if line.startswith(PREVIOUS):
            value = line.removeprefix(PREVIOUS).strip()
            return value if is_release(value) else None
    return None


def previous(releases: list[str], current: str | None, history: dict[str, str | None] | None = None) -> str | None:
    """The release to roll back to from `current`, or None.

    `history` maps a release to what was live before it was published. Releases
    published before history was kept fall back to time order.
    """
    history = history or {}
    if current in history:
        return history[current]
    ordered = sorted(r for r in releases if is_release(r))
    if current not in ordered:
        return None
    index = ordered.index(current)
    return ordered[index - 1] if index > 0 else None


def chain(releases: list[str], current: str | None, history: dict[str, str | None] | None = None) -> list[str]:
    """`current`, then each release rollback would go to in turn (only ones still there)."""
    present = {r for r in releases if is_release(r)}
    line, release = [], current
    while release in present and release not in line:
        line.append(release)
        release = previous(releases, release, history)
    return line


def to_prune(releases: list[str], current: str | None, keep: int,
             history: dict[str, str | None] | None = None) -> list[str]:
    """Releases rollback can no longer reach within `keep` steps; the live one is never pruned.

    The kept ones are the live release and the ones before it along history, so a
    release that was rolled back as bad goes first, however new it is.
    """
    kept = set(chain(releases, current, history)[:max(keep, 1)])
    return sorted((r for r in releases if is_release(r) and r not in kept), reverse=True)


def leftovers(names: list[str]) -> list[str]:
    """Partial and half-deleted releases left behind by an interrupted run."""
    return [n for n in names if n.startswith((PARTIAL, TRASH))]


def rollback_target(names: list[str], current: str, history: dict, keep: int, where: str = "") -> str:
    """The release a rollback makes live: the one live before `current` (DeployError if there is none left)."""
    target = previous(names, current, history)
    if not target:
        raise DeployError(f"Nema starije verzije od {describe(current)}; vraćanje nije moguće.")
    if target not in names:
        raise DeployError(
            f"Verzija koja je bila pre ove ({describe(target)}) više ne postoji{where}: čuva se "
            f"{keep} poslednjih (keep u deploy.toml). Vraćanje nije moguće."
        )
    return target
