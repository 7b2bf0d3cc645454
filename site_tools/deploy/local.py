"""The default target: release folders on this machine, `current` switched atomically.

Point a web server's document root at <dir>/current (see releases.py for the
layout). Every release is readable by the web server whatever the author's
umask: folders 0755, files 0644.
"""

import os
import shutil
from pathlib import Path

from ..faults import fail_point, pause_point
from . import releases
from .lock import LOCK_FILE, local_lock
from .manifest import manifest
from .target import DeployError, PublishedWithProblem, Target, Version, os_error_text

COPY_PAUSE_AFTER_FILES = 10  # where the "local:copying" pause and fault points sit
DIR_MODE, FILE_MODE = 0o755, 0o644


class LocalTarget(Target):
    local_only = True  # unless a web server here serves deploy/current, nobody else sees it
    def __init__(self, base: Path, keep: int = 5, kept: tuple[str, ...] = ()):
        super().__init__(kept)
        self.base = Path(base)
        self.keep = keep
        self.description = f"lokalna fascikla {self.base}"

    @property
    def releases_dir(self) -> Path:
        return self.base / "releases"

    @property
    def history_dir(self) -> Path:
        return self.base / "history"

    @property
    def current_link(self) -> Path:
        return self.base / "current"

    def check_reachable(self) -> None:
        """What a trial publish can tell without changing anything: the release folder can be made and written."""
        existing = self.base
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not existing.is_dir():
            raise DeployError(f"Fascikla {self.base} ne može da se napravi: {existing} je fajl, a ne fascikla.")
        if not os.access(existing, os.W_OK | os.X_OK):
            raise DeployError(
                f"U fasciklu {existing} ne može da se piše: nema dozvole ili je disk samo za čitanje; "
                "proverite vlasnika i dozvole fascikle (ili dir u deploy.toml)."
            )

    def lock(self):
        try:
            make_dirs(self.base)
        except OSError as error:
            raise DeployError(f"Fascikla {self.base} ne može da se napravi: {os_error_text(error)}.") from error
        return local_lock(self.base / LOCK_FILE, self.description)

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

    def history(self) -> dict[str, str | None]:
        if not self.history_dir.is_dir():
            return {}
        return {
            path.name: releases.parse_history_entry(path.read_text(encoding="utf-8", errors="replace"))
            for path in self.history_dir.iterdir() if releases.is_release(path.name)
        }

    def live_manifest(self) -> dict[str, str]:
        current = self.current()
        return manifest(self.releases_dir / current, self.digest) if current else {}

    def deploy(self, staging: Path, progress=None) -> str:
        try:
            make_dirs(self.releases_dir)
            make_dirs(self.history_dir)
            self._remove_leftovers()
        except OSError as error:
            raise DeployError(f"Fascikla za verzije {self.releases_dir} nije upotrebljiva: {os_error_text(error)}.") from error
        current = self.current()
        release = releases.new_release_id()
        try:
            self._write_release(staging, release, current, progress)
        except OSError as error:
            shutil.rmtree(self.releases_dir / f"{releases.PARTIAL}{release}", ignore_errors=True)
            (self.history_dir / release).unlink(missing_ok=True)
            raise DeployError(
                f"Nova verzija nije mogla da se upiše u {self.releases_dir}: {os_error_text(error)}. "
                "Nedovršena kopija je obrisana."
            ) from error
        pause_point("local:before-switch")
        try:
            self._switch(release)
        except OSError as error:
            raise DeployError(f"Prebacivanje na novu verziju nije uspelo: {os_error_text(error)}.") from error
        pause_point("local:after-switch")
        try:
            fail_point("local:prune", str(self.releases_dir))
            self._prune(release)
        except OSError as error:
            raise PublishedWithProblem(
                release, f"stare verzije nisu obrisane: {os_error_text(error)}",
                f"Sajt radi. Obrišite višak iz {self.releases_dir} ručno ili ga prepustite sledećem objavljivanju.",
            ) from error
        return release

    def _write_release(self, staging: Path, release: str, current: str | None, progress) -> None:
        """Copy the build into releases/<id>, readable by the web server; complete before named."""
        partial = self.releases_dir / f"{releases.PARTIAL}{release}"
        files = sorted(path for path in staging.rglob("*") if path.is_file())
        partial.mkdir()
        os.chmod(partial, DIR_MODE)
        for copied, source in enumerate(files, start=1):
            destination = partial / source.relative_to(staging)
            make_dirs(destination.parent)
            shutil.copyfile(source, destination)  # an OSError here is the real one (ENOSPC, EACCES…)
            os.chmod(destination, FILE_MODE)
            if progress:
                progress(copied, len(files))
            if copied == COPY_PAUSE_AFTER_FILES:
                fail_point("local:copying", str(source), str(destination))
                pause_point("local:copying")
        if current:
            self._carry_over(self.releases_dir / current, partial)
        # History first: a release is never complete without knowing what came before it.
        write_atomically(self.history_dir / release, releases.history_entry(current))
        partial.rename(self.releases_dir / release)  # complete: give it its final name

    def check_rollback(self) -> None:
        """A mistyped `dir` must not become a new folder with a lock file in it."""
        if not self.base.is_dir():
            raise self._nothing_published()

    def rollback(self) -> Version:
        current = self.current()
        if not current:
            raise self._nothing_published()
        target = releases.rollback_target(self.release_names(), current, self.history(), self.keep)
        self._switch(target)
        return Version(target, releases.describe(target))

    def _nothing_published(self) -> DeployError:
        return DeployError(f"U {self.base} još ništa nije objavljeno, pa nema na šta da se vrati.")

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
        for release in releases.to_prune(self.release_names(), live, self.keep, self.history()):
            trash = self.releases_dir / f"{releases.TRASH}{release}"
            (self.releases_dir / release).rename(trash)  # never a half-deleted release
            shutil.rmtree(trash)
        names = set(self.release_names())
        for entry in self.history_dir.iterdir():
            if entry.name not in names:
                entry.unlink()

    def _remove_leftovers(self) -> None:
        for name in releases.leftovers(self.release_names()):
            shutil.rmtree(self.releases_dir / name, ignore_errors=True)
        for link in self.base.glob("current.tmp-*"):
            link.unlink()


def make_dirs(path: Path) -> None:
    """Create `path` and any missing parents as 0755 (the umask would make them 0700)."""
    missing = []
    while not path.exists():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir()
        os.chmod(folder, DIR_MODE)


def write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.chmod(temporary, FILE_MODE)
    os.replace(temporary, path)
