"""One publish (or rollback) at a time.

The lock is an flock(2) on a file: the kernel lets go of it the moment its
holder ends, however it ends (even `kill -9`), so a lock can never be left
behind. While held, the file says who holds it; a clean release empties it.
So a new holder that finds it non-empty knows the previous publish was
interrupted, says so, and goes on: the targets clear what such a run leaves
(a .partial- release, a current.tmp- link) only while holding the lock.

The local and Git targets lock a file on this machine; the SSH target holds
the same kind of lock on the server (ssh.py), for as long as its connection
stays open.
"""

import fcntl
import json
import os
import socket
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from .releases import describe_moment
from .target import DeployError

LOCK_FILE = ".publish.lock"


def holder_info(action: str = "objavljivanje") -> str:
    """What the lock file says while held: who, where, since when."""
    return json.dumps({
        "action": action, "pid": os.getpid(), "host": socket.gethostname(),
        "since": describe_moment(datetime.now(UTC)),
    })


def describe_holder(text: str) -> str:
    """"proces 1234 na računaru ana-laptop, od 27. 11. 2026. u 11:00:00" (or the raw text)."""
    try:
        info = json.loads(text)
        return f"proces {info['pid']} na računaru {info['host']}, od {info['since']}"
    except (ValueError, KeyError, TypeError):
        return text.strip() or "nepoznato"


def busy_error(holder: str, where: str) -> DeployError:
    return DeployError(
        f"Već je u toku drugo objavljivanje ili vraćanje ({where}; {describe_holder(holder)}). "
        "Sačekajte da se završi, pa pokušajte ponovo. Ništa nije promenjeno."
    )


def interrupted_note(holder: str) -> str:
    return (f"Napomena: prethodno objavljivanje je prekinuto pre kraja ({describe_holder(holder)}); "
            "njegovo zaključavanje je preuzeto, a ostatke tog pokušaja uklanja sledeće objavljivanje.")


@contextmanager
def local_lock(path: Path, where: str, action: str = "objavljivanje"):
    """Hold the lock in `path`; yield what an interrupted holder left there (or None)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise busy_error(_read(fd), where) from None
        left = _read(fd)
        _write(fd, holder_info(action))
        try:
            yield left or None
        finally:
            _write(fd, "")
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 4096).decode("utf-8", errors="replace").strip()


def _write(fd: int, text: str) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, text.encode(), 0)
