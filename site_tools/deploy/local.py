"""The default target: release folders on this machine, `current` switched atomically.

Point a web server's document root at <dir>/current (see releases.py for the layout).
"""

import os
import shutil
from pathlib import Path

from ..faults import pause_point
from . import releases
from .manifest import manifest
from .target import DeployError, Target

COPY_PAUSE_AFTER_FILES = 10  # where the "local:copying" pause point sits


class LocalTarget(Target):
    def __init__(self, base: Path, keep: int = 5, kept: tuple[str, ...] = ()):
        super().__init__(kept)
        self.base = Path(base)
        self.keep = keep
        self.description = f"lokalni folder {self.base}"

    @property
    def releases_dir(self) -> Path:
        return self.base / "releases"

    @property
    def current_link(self) -> Path:
        return self.base / "current"

    def current(self) -> str | None:
        """The live release's id, or None before the first publish."""
        link = self.current_link
        if not link.is_symlink():
            if link.exists():
                raise DeployError(f"{link} nije simbolička veza, pa ga objavljivanje ne sme menjati. Premestite ga i pokušajte ponovo.")
            return None
        return Path(os.readlink(link)).name

    def release_names(self) -> list[str]:
        return sorted(p.name for p in self.releases_dir.iterdir()) if self.releases_dir.is_dir() else []

    def live_manifest(self) -> dict[str, str]:
        current = self.current()
        return manifest(self.releases_dir / current, self.digest) if current else {}

    def deploy(self, staging: Path) -> str:
        self.releases_dir.mkdir(parents=True, exist_ok=True)
        self._remove_leftovers()
        current = self.current()
        release = releases.new_release_id()
        partial = self.releases_dir / f"{releases.PARTIAL}{release}"
        copied = 0

        def copy(source, destination):
            nonlocal copied
            shutil.copy2(source, destination)
            copied += 1
            if copied == COPY_PAUSE_AFTER_FILES:
                pause_point("local:copying")

        shutil.copytree(staging, partial, copy_function=copy)
        if current:
            self._carry_over(self.releases_dir / current, partial)
        partial.rename(self.releases_dir / release)  # complete: give it its final name
        pause_point("local:before-switch")
        self._switch(release)
        pause_point("local:after-switch")
        self._prune(release)
        return release

    def rollback(self) -> str:
        current = self.current()
        if not current:
            raise DeployError(f"U {self.base} još ništa nije objavljeno, pa nema na šta da se vrati.")
        target = releases.previous(self.release_names(), current)
        if not target:
            raise DeployError(f"Nema starije verzije od {releases.describe(current)}; vraćanje nije moguće.")
        self._switch(target)
        return target

    def _switch(self, release: str) -> None:
        temporary = self.base / f"current.tmp-{release}"
        if temporary.is_symlink():
            temporary.unlink()
        temporary.symlink_to(Path("releases") / release)
        os.replace(temporary, self.current_link)  # rename(2): atomic, readers see old or new

    def _carry_over(self, live: Path, new: Path) -> None:
        for name in self.kept:
            source, destination = live / name, new / name
            if (source.exists() or source.is_symlink()) and not destination.exists():
                if source.is_dir() and not source.is_symlink():
                    shutil.copytree(source, destination, symlinks=True)
                else:
                    shutil.copy2(source, destination, follow_symlinks=False)

    def _prune(self, live: str) -> None:
        for release in releases.to_prune(self.release_names(), live, self.keep):
            trash = self.releases_dir / f"{releases.TRASH}{release}"
            (self.releases_dir / release).rename(trash)  # never a half-deleted release
            shutil.rmtree(trash)

    def _remove_leftovers(self) -> None:
        for name in releases.leftovers(self.release_names()):
            shutil.rmtree(self.releases_dir / name, ignore_errors=True)
        for link in self.base.glob("current.tmp-*"):
            link.unlink()
