"""A Git branch, GitHub Pages style: every publish is one commit on the branch.

ghp-import writes the build as a commit on top of the branch in a throwaway
repository, with .nojekyll and a CNAME (the branch's own is kept; else the
configured domain or SITEURL's); one `git push` then moves the branch, which
the server applies atomically.
Rollback commits again the files of the publish that was live before the
live one; a rollback commit names the publish it restored (ROLLBACK_TRAILER),
so a second rollback goes one step further back along the same history.
A URL with credentials in it is never printed (masking.py).
"""

import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from .. import ROOT
from ..faults import pause_point
from .lock import LOCK_FILE, local_lock
from .manifest import git_blob_bytes
from .masking import mask
from .releases import describe_moment
from .target import DeployError, Target, Version, remote_reason

REMOTE = "target"
ROLLBACK_TRAILER = "Vraceno-na:"  # in a rollback commit's message: the publish it restored
GITHUB_PAGES_HOSTS = (".github.io",)


class GitTarget(Target):
    digest = staticmethod(git_blob_bytes)

    def __init__(self, url: str, branch: str = "gh-pages", site_url: str = "", cname: str | None = None,
                 committer: tuple[str, str] = ("VA vodič", "objava@localhost"), kept: tuple[str, ...] = (),
                 lock_dir: Path = ROOT):
        super().__init__(kept)
        self.url, self.branch, self.site_url = url, branch, site_url
        self.cname_setting = cname
        self.committer = committer
        self.description = f"Git grana {branch} u {mask(url)}"
        self.lock_dir = Path(lock_dir)
        self._work: tempfile.TemporaryDirectory | None = None

    def lock(self):
        return local_lock(self.lock_dir / LOCK_FILE, self.description)

    # --- a throwaway repository that knows the remote branch --------------------
    def repository(self) -> Path:
        """The throwaway repository, created (and the branch fetched) on first use."""
        if self._work is None:
            self._work = tempfile.TemporaryDirectory(prefix="va-git-deploy-")
            self.git("init", "-q")
            self.git("remote", "add", REMOTE, self.url)
            if self.fetch():
                self.git("update-ref", f"refs/heads/{self.branch}", self.remote_ref)
        return Path(self._work.name)

    @property
    def remote_ref(self) -> str:
        return f"refs/remotes/{REMOTE}/{self.branch}"

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        workdir = self._work.name
        result = subprocess.run(["git", *args], cwd=workdir, capture_output=True, text=True, env=self.env())
        if check and result.returncode != 0:
            raise DeployError(f"Git komanda „git {args[0]}” nije uspela:\n{mask(result.stderr.strip())}")
        return result

    def env(self) -> dict:
        name, email = self.committer
        env = dict(os.environ, GIT_TERMINAL_PROMPT="0")
        env.setdefault("GIT_COMMITTER_NAME", name)
        env.setdefault("GIT_COMMITTER_EMAIL", email)
        env.setdefault("GIT_AUTHOR_NAME", env["GIT_COMMITTER_NAME"])
        env.setdefault("GIT_AUTHOR_EMAIL", env["GIT_COMMITTER_EMAIL"])
        return env

    def fetch(self) -> bool:
        """Fetch the branch; False when the remote has no such branch yet."""
        listed = self.git("ls-remote", REMOTE, f"refs/heads/{self.branch}", check=False)
        if listed.returncode != 0:
            raise DeployError(
                f"Git repozitorijum {mask(self.url)} nije dostupan ({mask(remote_reason(listed.stderr))}). "
                "Proverite vezu i git u deploy.toml, pa pokušajte ponovo."
            )
        if not listed.stdout.strip():
            return False
        self.git("fetch", "-q", REMOTE, f"+refs/heads/{self.branch}:{self.remote_ref}")
        return True

    def head(self) -> str | None:
        found = self.git("rev-parse", "--verify", "-q", f"{self.branch}^{{commit}}", check=False)
        return found.stdout.strip() or None

    # --- Target ---------------------------------------------------------------------
    def check_reachable(self) -> None:
        self.repository()  # fetching says plainly when the remote cannot be reached

    def live_manifest(self) -> dict[str, str]:
        self.repository()
        if not self.head():
            return {}
        listing = self.git("ls-tree", "-r", "-z", self.branch).stdout
        found = {}
        for entry in filter(None, listing.split("\0")):
            info, path = entry.split("\t", 1)
            found[path] = info.split()[2]
        return found

    def cname(self) -> bytes | None:
        """The live CNAME file, kept as it is; else the configured domain; else SITEURL's own domain."""
        if self.head():
            live = subprocess.run(["git", "show", f"{self.branch}:CNAME"], cwd=self.repository(), capture_output=True)
            if live.returncode == 0 and live.stdout.strip():
                return live.stdout
        if self.cname_setting is not None:
            return self.cname_setting.encode() + b"\n" if self.cname_setting else None
        host = urlsplit(self.site_url).hostname or ""
        if not host or host.endswith(GITHUB_PAGES_HOSTS) or host == "localhost" or host.replace(".", "").isdigit():
            return None
        return host.encode() + b"\n"

    def extra_files(self, staging: Path) -> dict[str, bytes]:
        extra = {".nojekyll": b""}  # GitHub Pages serves the files as they are, without Jekyll
        cname = self.cname()
        if cname and not (staging / "CNAME").exists():
            extra["CNAME"] = cname
        return extra

    def deploy(self, staging: Path, progress=None) -> str:
        self.repository()
        for name, data in self.extra_files(staging).items():
            (staging / name).write_bytes(data)
        command = [sys.executable, "-m", "ghp_import", "--remote", REMOTE, "--branch", self.branch,
                   "--message", "Objava sajta (invoke publish)"]
        before = self.head()
        result = subprocess.run([*command, str(staging)], cwd=self.repository(), capture_output=True, text=True, env=self.env())
        after = self.head()
        if result.returncode != 0 or not after or after == before:
            raise DeployError(f"ghp-import nije napravio novu verziju.\n{mask(result.stdout + result.stderr)}")
        pause_point("git:before-push")
        self.push(after)
        return after[:12]

    def rollback(self) -> Version:
        self.repository()
        head = self.head()
        if not head:
            raise DeployError(f"Na grani {self.branch} još ništa nije objavljeno, pa nema na šta da se vrati.")
        live = self.restored_publish(head)
        # What was on the branch when the live publish was made; a rollback commit there
        # stands for the publish it restored.
        before = self.git("rev-parse", "--verify", "-q", f"{live}^", check=False).stdout.strip()
        if not before:
            raise DeployError("Nema starije objave na toj grani; vraćanje nije moguće.")
        previous = self.restored_publish(before)
        message = f"Vraćena prethodna objava ({previous[:12]})\n\n{ROLLBACK_TRAILER} {previous}\n"
        commit = self.git("commit-tree", f"{previous}^{{tree}}", "-p", head, "-m", message).stdout.strip()
        self.push(commit)
        seconds = int(self.git("log", "-1", "--format=%ct", previous).stdout.strip())
        return Version(previous[:12], describe_moment(datetime.fromtimestamp(seconds, UTC)))

    def restored_publish(self, commit: str) -> str:
        """The publish whose files `commit` holds: itself, or what a rollback commit restored."""
        message = self.git("log", "-1", "--format=%B", commit).stdout
        for line in message.splitlines():
            if line.startswith(ROLLBACK_TRAILER):
                return line.removeprefix(ROLLBACK_TRAILER).strip()
        return commit

    def push(self, commit: str) -> None:
        pushed = self.git("push", "-q", REMOTE, f"{commit}:refs/heads/{self.branch}", check=False)
        if pushed.returncode != 0:
            raise DeployError(
                f"Slanje na {mask(self.url)} nije uspelo; grana {self.branch} nije menjana.\n{mask(pushed.stderr.strip())}"
            )
