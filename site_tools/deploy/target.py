"""What every deploy target offers to `invoke publish` and `invoke rollback`,
and the three ways a deploy can end badly, told apart so the author hears the truth."""

import errno
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from .manifest import sha256_bytes


class DeployError(RuntimeError):
    """Stopped before the switch: the live site is as it was. The message is for the author (Serbian)."""


class PublishedWithProblem(DeployError):
    """The new release is live and whole, but a step after the switch failed (cleanup, pruning)."""

    def __init__(self, release: str, problem: str, advice: str):
        super().__init__(f"{problem}. {advice}")
        self.release, self.problem, self.advice = release, problem, advice


class LiveSiteUnsettled(DeployError):
    """The live site may be neither the old nor the new one: object storage stopped mid-upload,
    or the connection broke during the switch. Publishing again settles it."""


@dataclass(frozen=True)
class Version:
    """A published version of the site, as messages name it."""

    id: str
    published: str  # when it was published, for the author, in Belgrade time: "27. 11. 2026. u 11:00:00"

    def __str__(self) -> str:
        # The time first: the id of a local or ssh release is a UTC timestamp, which read as a time
        # would be an hour or two off the Belgrade time beside it.
        return f"objavljena {self.published} (oznaka: {self.id})"


class Target(ABC):
    description: str  # where the site goes, as the author reads it (no secrets: secrets.mask)
    digest = staticmethod(sha256_bytes)  # how live_manifest() identifies file contents
    local_only = False  # True where "published" means a folder on this computer, not a server
    all_at_once = True  # a release goes live in one step; object storage (S3) goes page by page

    def __init__(self, kept: tuple[str, ...] = ()):
        self.kept = tuple(kept)  # host files carried over from the live site (OUTPUT_RETENTION)

    @abstractmethod
    def lock(self) -> AbstractContextManager:
        """Hold the one-publish-at-a-time lock (lock.py); yields what an interrupted holder left, or None."""

    def check_reachable(self) -> None:
        """Raise DeployError, saying so plainly, when the target cannot be reached."""

    def check_rollback(self) -> None:
        """Raise DeployError when plainly nothing was ever published here (before lock() makes anything)."""

    def extra_files(self, staging: Path) -> dict[str, bytes]:
        """Files the target adds to every release beside the build (git: CNAME, .nojekyll)."""
        return {}

    @abstractmethod
    def live_manifest(self) -> dict[str, str]:
        """path → digest of what the target serves now ({} before the first publish)."""

    @abstractmethod
    def deploy(self, staging: Path, progress=None) -> str:
        """Make the build in `staging` live, all at once; return the new release's id.

        `progress`, when given, is called with (done, total) as files are sent.
        """

    @abstractmethod
    def rollback(self) -> Version:
        """Make the release that was live before the live one live again; return it."""


OS_ERROR_ADVICE = {
    errno.ENOSPC: "na disku nema mesta; oslobodite prostor",
    errno.EDQUOT: "prekoračena je kvota diska; oslobodite prostor",
    errno.EACCES: "nema dozvole za pisanje; proverite vlasnika i dozvole fascikle",
    errno.EPERM: "operacija nije dozvoljena; proverite vlasnika i dozvole fascikle",
    errno.EROFS: "disk je samo za čitanje",
    errno.EEXIST: "na tom mestu već postoji fajl istog imena",
    errno.ENOTDIR: "deo putanje je fajl, a ne fascikla",
    errno.EISDIR: "na tom mestu je fascikla, a ne fajl",
    errno.ENOENT: "fascikla ili fajl ne postoji",
    errno.ENAMETOOLONG: "putanja je predugačka",
    errno.EBUSY: "fajl koristi drugi program; zatvorite ga",
    errno.EIO: "disk ne može da se čita ili u njega da se piše; proverite disk",
}


def os_error_text(error: OSError) -> str:
    """"na disku nema mesta; oslobodite prostor (…/index.html)" for an OSError."""
    text = OS_ERROR_ADVICE.get(error.errno) or (error.strerror or str(error))
    # A failed copy names its source first and its target second; the target is where the disk is full.
    where = error.filename2 or error.filename
    return f"{text} ({where})" if where else text


# What ssh and git say when a server or repository cannot be reached, as the author can act on it.
REMOTE_REASONS = (
    ("could not resolve host", "adresa servera nije pronađena; proverite kako je napisana i internet vezu"),
    ("connection refused", "server odbija vezu; proverite adresu i port"),
    ("timed out", "server ne odgovara; proverite adresu i internet vezu"),
    ("network is unreachable", "nema internet veze"),
    (
        "host key verification failed",
        "ovaj računar ne poznaje ključ servera ili se ključ promenio; povežite se jednom sa ssh korisnik@server "
        "i potvrdite ključ ako je server pravi",
    ),
    ("permission denied (", "server nije prihvatio prijavu; proverite korisničko ime i SSH ključ"),  # (publickey)
    ("authentication failed", "prijava nije uspela; proverite korisničko ime i lozinku ili token"),
    ("does not appear to be a git repository", "na toj adresi nema Git repozitorijuma"),
    ("repository not found", "repozitorijum nije pronađen; proverite adresu i pristup"),
)


def remote_reason(stderr: str) -> str:
    """Why ssh or git could not reach the other side: in Serbian when it is a known reason, else the
    first line the tool marked as the error (its last words, "and the repository exists.", say nothing)."""
    text = stderr.strip()
    for said, reason in REMOTE_REASONS:
        if said in text.lower():
            return reason
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    marked = [line for line in lines if line.lower().startswith(("fatal:", "error:", "ssh:"))]
    return (marked or lines[-1:] or ["nema odgovora"])[0]
