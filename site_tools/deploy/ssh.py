"""A server over SSH: rsync into a new release folder there, then switch `current` there.

The server keeps the same layout as the local target (releases.py). rsync's
--link-dest hard-links files that did not change from the live release, so a
publish uploads only what changed and every release is still complete;
--chmod makes every release readable by the web server (folders 0755, files
0644) whatever the umask here or there.
Needs ssh and rsync here, and sh, rsync, flock (util-linux) and GNU coreutils
on the server.
"""

import shlex
import subprocess
from contextlib import contextmanager
from pathlib import Path

from ..faults import fail_point, pause_point
from . import releases
from .lock import LOCK_FILE, busy_error, holder_info
from .target import DeployError, LiveSiteUnsettled, PublishedWithProblem, Target, Version, remote_reason

CONNECT_TIMEOUT = 10  # seconds
SSH_FAILED = 255  # ssh's own exit status when it cannot connect or log in
RSYNC_CHMOD = "--chmod=D755,F644"

STATE = r"""
set -e
umask 022
mkdir -p "$1/releases" "$1/history"
cd "$1"
printf 'current=%s\n' "$(readlink current 2>/dev/null || true)"
ls -1A releases | sed 's/^/release=/'
for f in history/*; do
  [ -f "$f" ] || continue
  printf 'history=%s %s\n' "${f#history/}" "$(sed -n 's/^previous=//p' "$f" | head -n 1)"
done
"""
PUBLISHED = r"""
if [ -L "$1/current" ]; then echo published; else echo none; fi
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
# Carry host files over from the live release, record what was live before
# this release (history), then give the upload its final name.
FINISH = r"""
set -e
umask 022
cd "$1"
id=$2
previous=$3
shift 3
for name in "$@"; do
  if [ -e "current/$name" ] && [ ! -e "releases/.partial-$id/$name" ]; then
    cp -a "current/$name" "releases/.partial-$id/"
  fi
done
printf 'previous=%s\n' "$previous" > "history/.$id.tmp"
mv -f "history/.$id.tmp" "history/$id"
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
cd "$1"
shift
for id in "$@"; do mv -T "releases/$id" "releases/.trash-$id" && rm -rf -- "releases/.trash-$id"; done
for f in history/* history/.*.tmp; do
  [ -e "$f" ] || continue
  [ -d "releases/${f#history/}" ] || rm -f -- "$f"
done
"""
# Held for as long as the publisher keeps this connection open: flock(1) on the
# server, so a killed publisher's lock ends with its connection. A clean end
# sends "done" and empties the file; otherwise the next holder finds who it was.
LOCK = r"""
umask 022
mkdir -p "$1" && cd "$1" || exit 3
command -v flock >/dev/null 2>&1 || { echo NOFLOCK; exit 0; }
exec 9<>"$2"
if ! flock -n 9; then
  printf 'BUSY %s\n' "$(cat "$2")"
  exit 0
fi
printf 'LOCKED %s\n' "$(cat "$2")"
printf '%s\n' "$3" > "$2"
if read -r line && [ "$line" = done ]; then : > "$2"; fi
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
        return DeployError(
            f"Veza sa serverom {self.host} nije uspela ({remote_reason(stderr)}). "
            "Proverite ssh, ssh_port i ssh_key u deploy.toml, pa pokušajte ponovo."
        )

    @contextmanager
    def lock(self):
        script = f"sh -c {shlex.quote(LOCK)} lock " + shlex.join([self.path, LOCK_FILE, holder_info()])
        holder = subprocess.Popen([*self.ssh, self.host, script], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        answer = holder.stdout.readline().strip()
        if not answer.startswith("LOCKED"):
            holder.stdin.close()
            stderr = holder.stderr.read()
            holder.wait()
            if answer.startswith("BUSY"):
                raise busy_error(answer.removeprefix("BUSY").strip(), self.description)
            if answer == "NOFLOCK":
                raise DeployError(f"Na serveru {self.host} nema programa flock (paket util-linux); instalirajte ga.")
            if holder.returncode == SSH_FAILED:
                raise self.unreachable(stderr)
            raise DeployError(f"Zaključavanje na serveru {self.host} nije uspelo:\n{stderr.strip()}")
        try:
            yield answer.removeprefix("LOCKED").strip() or None
        finally:
            try:
                holder.stdin.write("done\n")
                holder.stdin.close()
            except OSError:
                pass
            holder.wait(timeout=60)

    def state(self) -> tuple[str | None, list[str], dict[str, str | None]]:
        """(live release id or None, names in releases/, history)."""
        current, names, history = None, [], {}
        for line in self.run(STATE).splitlines():
            key, _, value = line.partition("=")
            if key == "current":
                current = Path(value.strip()).name if value.strip() else None
            elif key == "release":
                names.append(value)
            elif key == "history":
                release, _, previous = value.partition(" ")
                history[release] = previous.strip() if releases.is_release(previous.strip()) else None
        return current, names, history

    def check_reachable(self) -> None:
        self.state()

    def live_manifest(self) -> dict[str, str]:
        found = {}
        for line in self.run(MANIFEST).splitlines():
            digest, _, path = line.partition("  ")
            found[path.removeprefix("./")] = digest
        return found

    def deploy(self, staging: Path, progress=None) -> str:
        current, names, _ = self.state()
        leftovers = releases.leftovers(names)
        if leftovers:
            self.run(REMOVE_LEFTOVERS, *leftovers)
        release = releases.new_release_id()
        partial = f"{releases.PARTIAL}{release}"
        rsync = ["rsync", "-rlp", RSYNC_CHMOD, "--checksum", "--delete", "-e", shlex.join(self.ssh)]
        if current:
            rsync.append(f"--link-dest=../{current}")
        rsync += [f"{staging}/", f"{self.host}:{self.path}/releases/{partial}/"]
        pause_point("ssh:before-upload")
        result = subprocess.run(rsync, capture_output=True, text=True)
        if result.returncode != 0:
            self._remove_partial(partial)
            raise DeployError(
                f"Slanje na server {self.host} nije uspelo; nedovršena kopija je obrisana.\n{result.stderr.strip()}"
            )
        pause_point("ssh:before-switch")
        self.run(FINISH, release, current or "", *self.kept)
        self._switch(release)
        pause_point("ssh:after-switch")
        try:
            fail_point("ssh:prune")
            _, names, history = self.state()
            prune = releases.to_prune(names, release, self.keep, history)
            self.run(PRUNE, *prune)
        except (DeployError, OSError) as error:
            raise PublishedWithProblem(
                release, f"stare verzije na serveru nisu obrisane ({_first_line(error)})",
                f"Sajt radi. Višak u {self.path}/releases obrisaće sledeće objavljivanje (ili ga obrišite ručno).",
            ) from error
        return release

    def _switch(self, release: str) -> None:
        try:
            self.run(SWITCH, release)
        except DeployError as error:
            try:
                switched = self.state()[0] == release
            except DeployError:
                raise LiveSiteUnsettled(
                    f"Veza sa serverom {self.host} je prekinuta baš tokom prebacivanja na novu verziju, "
                    "pa nije poznato koja je verzija sada uživo. Pokrenite objavljivanje ponovo."
                ) from error
            if not switched:
                raise

    def _remove_partial(self, partial: str) -> None:
        try:
            self.run(REMOVE_LEFTOVERS, partial)
        except DeployError:
            pass  # the next publish removes it

    def _nothing_published(self) -> DeployError:
        return DeployError(f"Na serveru {self.host} u {self.path} još ništa nije objavljeno, pa nema na šta da se vrati.")

    def check_rollback(self) -> None:
        """Before lock() and state(), whose scripts make the folder: a mistyped path must not become one."""
        if self.run(PUBLISHED).strip() != "published":
            raise self._nothing_published()

    def rollback(self) -> Version:
        current, names, history = self.state()
        if not current:
            raise self._nothing_published()
        target = releases.rollback_target(names, current, history, self.keep, where=" na serveru")
        self._switch(target)
        return Version(target, releases.describe(target))


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or ["nepoznata greška"])[0]
