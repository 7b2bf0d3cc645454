"""A server over SSH: rsync into a new release folder there, then switch `current` there.

The server keeps the same layout as the local target (releases.py). rsync's
--link-dest hard-links files that did not change from the live release, so a
publish uploads only what changed and every release is still complete.
Needs ssh and rsync here, and sh, rsync and GNU coreutils on the server.
"""

import shlex
import subprocess
from pathlib import Path

from ..faults import pause_point
from . import releases
from .target import DeployError, Target

CONNECT_TIMEOUT = 10  # seconds
SSH_FAILED = 255  # ssh's own exit status when it cannot connect or log in

STATE = r"""
set -e
mkdir -p "$1/releases"
cd "$1"
printf 'current=%s\n' "$(readlink current 2>/dev/null || true)"
ls -1A releases
"""
REMOVE_LEFTOVERS = r"""
set -e
cd "$1/releases"
shift
for name in "$@"; do rm -rf -- "$name"; done
rm -f ../current.tmp-*
"""
MANIFEST = r"""
set -e
cd "$1/current" 2>/dev/null || exit 0
find . -type f -print0 | xargs -0 -r sha256sum
"""
# Carry host files over from the live release, then give the upload its final name.
FINISH = r"""
set -e
cd "$1"
id=$2
shift 2
for name in "$@"; do
  if [ -e "current/$name" ] && [ ! -e "releases/.partial-$id/$name" ]; then
    cp -a "current/$name" "releases/.partial-$id/"
  fi
done
mv -T "releases/.partial-$id" "releases/$id"
"""
SWITCH = r"""
set -e
cd "$1"
ln -sfn "releases/$2" "current.tmp-$2"
mv -T "current.tmp-$2" current
"""
PRUNE = r"""
set -e
cd "$1/releases"
shift
for id in "$@"; do mv -T "$id" ".trash-$id" && rm -rf -- ".trash-$id"; done
"""


class SshTarget(Target):
    def __init__(self, destination: str, port: int | None = None, key: str | None = None,
                 options: list[str] | None = None, keep: int = 5, kept: tuple[str, ...] = ()):
        super().__init__(kept)
        host, separator, path = destination.partition(":")
        if not separator or not host or not path.startswith("/"):
            raise DeployError(
                f"SSH odredište „{destination}” nije ispravno. Napišite ga kao korisnik@server:/apsolutna/putanja."
            )
        self.host, self.path, self.keep = host, path.rstrip("/") or "/", keep
        self.ssh = ["ssh", "-o", "BatchMode=yes", "-o", f"ConnectTimeout={CONNECT_TIMEOUT}"]
        if port:
            self.ssh += ["-p", str(port)]
        if key:
            self.ssh += ["-i", str(key)]
        self.ssh += list(options or [])
        self.description = f"server {destination}"

    def run(self, script: str, *args: str) -> str:
        """Run a shell script on the server with `args` as $1…; return its output."""
        command = [*self.ssh, self.host, "sh -s -- " + shlex.join([self.path, *args])]
        result = subprocess.run(command, input=script, capture_output=True, text=True)
        if result.returncode == SSH_FAILED:
            raise self.unreachable(result.stderr)
        if result.returncode != 0:
            raise DeployError(f"Komanda na serveru {self.host} nije uspela:\n{result.stderr.strip()}")
        return result.stdout

    def unreachable(self, stderr: str) -> DeployError:
        reason = (stderr.strip().splitlines() or ["nema odgovora"])[-1]
        return DeployError(
            f"Server {self.host} nije dostupan ({reason}). Sajt na serveru nije menjan. "
            "Proverite internet vezu i podešavanja VA_DEPLOY_SSH*, pa pokušajte ponovo."
        )

    def state(self) -> tuple[str | None, list[str]]:
        """(live release id or None, names in releases/)."""
        lines = self.run(STATE).splitlines()
        current = lines[0].removeprefix("current=").strip()
        return (Path(current).name if current else None), lines[1:]

    def check_reachable(self) -> None:
        self.state()

    def live_manifest(self) -> dict[str, str]:
        found = {}
        for line in self.run(MANIFEST).splitlines():
            digest, _, path = line.partition("  ")
            found[path.removeprefix("./")] = digest
        return found

    def deploy(self, staging: Path) -> str:
        current, names = self.state()
        leftovers = releases.leftovers(names)
        if leftovers:
            self.run(REMOVE_LEFTOVERS, *leftovers)
        release = releases.new_release_id()
        rsync = ["rsync", "-rlp", "--checksum", "--delete", "-e", shlex.join(self.ssh)]
        if current:
            rsync.append(f"--link-dest=../{current}")
        rsync += [f"{staging}/", f"{self.host}:{self.path}/releases/{releases.PARTIAL}{release}/"]
        pause_point("ssh:before-upload")
        result = subprocess.run(rsync, capture_output=True, text=True)
        if result.returncode != 0:
            raise DeployError(
                f"Slanje na server {self.host} nije uspelo; sajt na serveru nije menjan.\n{result.stderr.strip()}"
            )
        pause_point("ssh:before-switch")
        self.run(FINISH, release, *self.kept)
        self.run(SWITCH, release)
        pause_point("ssh:after-switch")
        _, names = self.state()
        prune = releases.to_prune(names, release, self.keep)
        if prune:
            self.run(PRUNE, *prune)
        return release

    def rollback(self) -> str:
        current, names = self.state()
        if not current:
            raise DeployError(f"Na serveru {self.host} još ništa nije objavljeno, pa nema na šta da se vrati.")
        target = releases.previous(names, current)
        if not target:
            raise DeployError(f"Nema starije verzije od {releases.describe(current)}; vraćanje nije moguće.")
        self.run(SWITCH, target)
        return target
