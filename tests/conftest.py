"""Shared fixtures: built sites in temporary folders, a server for them, a browser.

Builds are session-scoped: many tests read the same dev or production build.
"""

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from site_tools.build import DEV_SETTINGS, PROD_SETTINGS, BuildResult, Document, build  # noqa: E402
from site_tools.server import BackgroundServer  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def share_image_cache(tmp_path_factory) -> Path:
    """Share images drawn by the session's builds, kept out of the project's cache/."""
    return tmp_path_factory.mktemp("share-image-cache")


BUILDS: dict[Path, BuildResult] = {}  # each build's result, by the folder it wrote


def built(settings: str, output: Path, extra_settings: dict) -> Path:
    """Build into `output`, keeping what the build says of each document (documents_of)."""
    BUILDS[output] = build(settings, output, extra_settings, quiet=True)
    return output


def documents_of(site: Path) -> list[Document]:
    """Each content file of the build in `site`, as Pelican made it: address, template, status."""
    return BUILDS[site].documents


@pytest.fixture(scope="session")
def dev_site(tmp_path_factory, share_image_cache) -> Path:
    """The development build (pelicanconf.py), with drafts previewable."""
    output = tmp_path_factory.mktemp("dev-site")
    return built(DEV_SETTINGS, output, {"SHARE_IMAGE_CACHE": str(share_image_cache)})


@pytest.fixture(scope="session")
def dev_documents(dev_site) -> list[Document]:
    return documents_of(dev_site)


@pytest.fixture(scope="session")
def prod_documents(prod_site) -> list[Document]:
    return documents_of(prod_site)  # (scheduled posts are drafts in production)


@pytest.fixture(scope="session")
def prod_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def prod_site(tmp_path_factory, prod_port, share_image_cache) -> Path:
    """The production build (publishconf.py) made for http://127.0.0.1:<prod_port>."""
    output = tmp_path_factory.mktemp("prod-site")
    settings = {"SITEURL": f"http://127.0.0.1:{prod_port}", "SHARE_IMAGE_CACHE": str(share_image_cache)}
    return built(PROD_SETTINGS, output, settings)


@pytest.fixture(scope="session")
def base(prod_port) -> str:
    """The production build's SITEURL (prod_url serves it there)."""
    return f"http://127.0.0.1:{prod_port}"


@pytest.fixture(scope="session")
def prod_url(prod_site, prod_port):
    """The production build served on 127.0.0.1 for the whole session."""
    server = BackgroundServer(prod_site, port=prod_port)
    with server as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from chromium import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


PROJECT_FILES = ["content", "theme", "plugins", "site_tools", "pelicanconf.py", "publishconf.py", "tasks.py"]


def copy_project(copy: Path) -> Path:
    """Copy the project's files (not its builds or caches) into the new folder `copy`."""
    copy.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "output", "*.pyc")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=ignore)
        else:
            shutil.copy2(source, copy / name)
    return copy


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project, for tests that run tasks which write files."""
    return copy_project(tmp_path / "project")


def invoke_command(*args: str) -> list[str]:
    """`invoke ARGS` from the project's virtualenv."""
    return [str(Path(sys.executable).parent / "invoke"), *args]


def invoke(project: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    """Run `invoke ARGS` in `project` and wait for it."""
    return subprocess.run(invoke_command(*args), cwd=project, capture_output=True, text=True, **kwargs)
