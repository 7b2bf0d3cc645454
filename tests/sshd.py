"""A real OpenSSH server on 127.0.0.1 for one test module, with keys made for it."""

import getpass
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from conftest import free_port

SSHD = "/usr/sbin/sshd"


@dataclass(frozen=True)
class SshServer:
    port: int
    user: str
    client_key: Path
    known_hosts: Path

    def deploy_settings(self, remote_path: Path | str, port: int | None = None) -> dict:
        """VA_DEPLOY_* for publishing to `remote_path` on this server (or to another port)."""
        return {
            "VA_DEPLOY_TARGET": "ssh",
            "VA_DEPLOY_SSH": f"{self.user}@127.0.0.1:{remote_path}",
            "VA_DEPLOY_SSH_PORT": str(port or self.port),
            "VA_DEPLOY_SSH_KEY": str(self.client_key),
            "VA_DEPLOY_SSH_OPTIONS": f"-o UserKnownHostsFile={self.known_hosts} -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes",
        }


def _keygen(path: Path) -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True)


@contextmanager
def openssh_server(folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    host_key, client_key = folder / "host_ed25519", folder / "client_ed25519"
    _keygen(host_key)
    _keygen(client_key)
    authorized = folder / "authorized_keys"
    authorized.write_text(client_key.with_suffix(".pub").read_text())
    port = free_port()
    known_hosts = folder / "known_hosts"
    known_hosts.write_text(f"[127.0.0.1]:{port} {host_key.with_suffix('.pub').read_text()}")
    config = folder / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {host_key}\nAuthorizedKeysFile {authorized}\n"
        f"PidFile {folder / 'sshd.pid'}\nStrictModes no\nUsePAM no\nPermitRootLogin prohibit-password\n"
        "PasswordAuthentication no\nKbdInteractiveAuthentication no\nLogLevel ERROR\n"
    )
    Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # sshd's privilege-separation folder
    log = open(folder / "sshd.log", "w")
    server = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for_port(port, server, folder / "sshd.log")
        yield SshServer(port, getpass.getuser(), client_key, known_hosts)
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def _wait_for_port(port: int, server: subprocess.Popen, log: Path, attempts: int = 200) -> None:
    for _ in range(attempts):
        if server.poll() is not None:
            raise RuntimeError(f"sshd exited: {log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"sshd never listened on {port}: {log.read_text()}")
