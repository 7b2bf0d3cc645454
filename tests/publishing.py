"""Helpers for tests that publish a project copy the way the author does: `invoke publish`."""

import gzip
import hashlib
import os
import signal
import subprocess
from pathlib import Path

from conftest import invoke, invoke_command

from site_tools.deploy.manifest import manifest

PUBLISH_TIMEOUT = 300


def publish_env(site_url: str, **settings: str) -> dict:
    """The environment for `invoke publish`: SITEURL and VA_DEPLOY_* settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("VA_")}
    env["VA_SITEURL"] = site_url
    env.update(settings)
    return env


def publish(project: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return invoke(project, "publish", *args, env=env, timeout=PUBLISH_TIMEOUT)


def publish_ok(project: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    result = publish(project, env, *args)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def kill_publish_at(project: Path, env: dict, point: str) -> str:
    """Start `invoke publish`, kill -9 it (and its children) when it reaches `point`; return its output."""
    temporary = project.parent / "killed-publish-tmp"  # what a killed run leaves, pytest removes
    temporary.mkdir(exist_ok=True)
    process = subprocess.Popen(
        invoke_command("publish"), cwd=project, env=dict(env, VA_TEST_PAUSE_AT=point, TMPDIR=str(temporary)),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    output = []
    try:
        for line in process.stdout:
            output.append(line)
            if line.strip() == f"PAUSED {point}":
                os.killpg(process.pid, signal.SIGKILL)
                break
        else:
            raise AssertionError(f"publish never reached {point}:\n{''.join(output)}")
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    return "".join(output)


def site_files(folder: Path) -> dict[str, str]:
    """path → sha256 of every file of a site tree (nothing in a build depends on the build time)."""
    return dict(manifest(folder))


def content_digest(project: Path) -> str:
    """One hash over every file name and byte under content/."""
    digest = hashlib.sha256()
    for path in sorted((project / "content").rglob("*")):
        digest.update(path.relative_to(project).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def files_mentioning(folder: Path, *needles: str) -> list[str]:
    """Every file under `folder` whose bytes (gunzipped when gzip) contain a needle, case-insensitively."""
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="replace").lower()
        found += [f"{path.relative_to(folder)}: {needle}" for needle in needles if needle.lower() in text]
    return found


def edit_about_page(project: Path, marker: str) -> None:
    """Append a one-word marker to the about page (one word: typography cannot split it)."""
    page = project / "content/pages/o-meni.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")


def live_release(site_folder: Path) -> str:
    """The release that <site_folder>/current points at."""
    return Path(os.readlink(site_folder / "current")).name


def write_post(project: Path, name: str, title: str, date: str, *, tags: str = "saradnja",
               status: str = "published", body: str = "Kratak tekst.") -> Path:
    path = project / "content" / "posts" / f"{name}.md"
    path.write_text(
        f"Title: {title}\nDate: {date}\nCategory: Osnove\nTags: {tags}\nSlug: {name}\n"
        f"Summary: Sažetak teksta {title}.\nStatus: {status}\n\n{body}\n",
        encoding="utf-8",
    )
    return path
