"""What every deploy target offers to `invoke publish` and `invoke rollback`."""

from abc import ABC, abstractmethod
from pathlib import Path

from .manifest import sha256_bytes


class DeployError(RuntimeError):
    """The target could not be reached or changed; the message is for the author (Serbian)."""


class Target(ABC):
    description: str  # where the site goes, as the author reads it
    digest = staticmethod(sha256_bytes)  # how live_manifest() identifies file contents

    def __init__(self, kept: tuple[str, ...] = ()):
        self.kept = tuple(kept)  # host files carried over from the live site (OUTPUT_RETENTION)

    def check_reachable(self) -> None:
        """Raise DeployError, saying so plainly, when the target cannot be reached."""

    def extra_files(self, staging: Path) -> dict[str, bytes]:
        """Files the target adds to every release beside the build (git: CNAME, .nojekyll)."""
        return {}

    @abstractmethod
    def live_manifest(self) -> dict[str, str]:
        """path → digest of what the target serves now ({} before the first publish)."""

    @abstractmethod
    def deploy(self, staging: Path) -> str:
        """Make the build in `staging` live, all at once; return a description of the new release."""

    @abstractmethod
    def rollback(self) -> str:
        """Make the previous release live again; return a description of it."""
