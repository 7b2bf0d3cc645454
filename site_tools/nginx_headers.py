"""nginx/security-headers.conf: the production build's _headers, as nginx add_header lines.

The build computes the Content-Security-Policy (hashes of the inline scripts
as served), so the nginx file is made from a real production build:
`.venv/bin/invoke nginx-headers`. tests/test_security_headers.py fails when
the committed file no longer matches the build.
"""

import tempfile
from pathlib import Path

from . import ROOT
from .build import PROD_SETTINGS, build
from .plugins import security_policy

NGINX_FILE = ROOT / "nginx" / "security-headers.conf"


def nginx_conf_for(site: Path) -> str:
    """The nginx snippet for the built site in `site` (from its _headers)."""
    text = (site / security_policy.HEADERS_FILE).read_text(encoding="utf-8")
    return security_policy.nginx_conf(security_policy.parse_headers_file(text))


def write_nginx_conf(path: Path = NGINX_FILE) -> Path:
    with tempfile.TemporaryDirectory(prefix="va-headers-") as temporary:
        build(PROD_SETTINGS, Path(temporary), quiet=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(nginx_conf_for(Path(temporary)), encoding="utf-8")
    return path
