"""A real nginx on 127.0.0.1 serving a built site with the repository's header snippet."""

import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

from conftest import free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# As README "Publishing" advises: compress text (nginx compresses only HTML by default).
GZIP_TYPES = "text/css application/javascript image/svg+xml application/xml application/atom+xml application/rss+xml application/manifest+json"


def config(root: Path, folder: Path, snippet: Path, port: int) -> str:
    temporary = " ".join(
        f"{name}_temp_path {folder / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
daemon off;
master_process off;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    {temporary}
    gzip on;
    gzip_types {GZIP_TYPES};
    server {{
        listen 127.0.0.1:{port};
        root {root};
        error_page 404 /404.html;
        include {snippet};
    }}
}}
"""


@contextmanager
def nginx_serving(root: Path, folder: Path, snippet: Path):
    """Serve `root` with `snippet` included in the server block; yield the base URL."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    conf = folder / "nginx.conf"
    conf.write_text(config(root, folder, snippet, port), encoding="utf-8")
    checked = subprocess.run([NGINX, "-t", "-c", str(conf), "-p", str(folder)], capture_output=True, text=True)
    assert checked.returncode == 0, f"nginx rejects the configuration:\n{checked.stderr}"
    server = subprocess.Popen(
        [NGINX, "-c", str(conf), "-p", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    try:
        for _ in range(200):
            if server.poll() is not None:
                raise RuntimeError(f"nginx exited: {(folder / 'error.log').read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
