"""Helpers for tests that publish a project copy the way the author does: `invoke publish`."""

import gzip
import hashlib
import os
import signal
import stat
import subprocess
from contextlib import contextmanager
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


def publish(project: Path, env: dict, *args: str, clock: str | None = None) -> subprocess.CompletedProcess:
    """`invoke publish ARGS`; `clock` ("+2h") runs it with every clock it and its children read moved on
    (libfaketime's `faketime`), so a test of a date to come does not wait for it."""
    command = (
        ["faketime", "-f", clock, *invoke_command("publish", *args)] if clock else invoke_command("publish", *args)
    )
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=PUBLISH_TIMEOUT)


def publish_ok(project: Path, env: dict, *args: str, clock: str | None = None) -> subprocess.CompletedProcess:
    result = publish(project, env, *args, clock=clock)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@contextmanager
def paused_publish(project: Path, env: dict, point: str, *args: str, command: list[str] | None = None):
    """Start `invoke ARGS` (publish by default; or `command`, as `make publish`), wait until it pauses
    at `point`; yield (process, output so far); kill -9 it (and its children) on leaving, unless it ended by then."""
    temporary = project.parent / "killed-publish-tmp"  # what a killed run leaves, pytest removes
    temporary.mkdir(exist_ok=True)
    process = subprocess.Popen(
        command or invoke_command(*(args or ("publish",))),
        cwd=project,
        env=dict(env, VA_TEST_PAUSE_AT=point, TMPDIR=str(temporary)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        # As a terminal starts it: a test run started in the background (nohup, CI) ignores Ctrl+C's SIGINT,
        # and a child would inherit that and never hear it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    output = []
    try:
        for line in process.stdout:
            output.append(line)
            if line.strip() == f"PAUSED {point}":
                break
        else:
            raise AssertionError(f"publish never reached {point}:\n{''.join(output)}")
        yield process, "".join(output)
    finally:
        killed = process.poll() is None
        if killed:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL or not killed


def kill_publish_at(project: Path, env: dict, point: str) -> str:
    """Start `invoke publish`, kill -9 it (and its children) when it reaches `point`; return its output."""
    with paused_publish(project, env, point) as (_, output):
        return output


def modes(folder: Path) -> dict[str, set[str]]:
    """{"dirs": {"0o755"}, "files": {"0o644"}}: the permission bits found under `folder` (itself included)."""
    found = {"dirs": {oct(stat.S_IMODE(folder.stat().st_mode))}, "files": set()}
    for path in folder.rglob("*"):
        if path.is_symlink():
            continue
        found["dirs" if path.is_dir() else "files"].add(oct(stat.S_IMODE(path.stat().st_mode)))
    return found


def invoke_with_umask(project: Path, env: dict, *args: str, umask: str = "077") -> subprocess.CompletedProcess:
    """`invoke ARGS` started under `umask`, as an author whose shell sets a strict one."""
    command = " ".join(f"'{part}'" for part in invoke_command(*args))
    return subprocess.run(
        ["sh", "-c", f"umask {umask} && exec {command}"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=PUBLISH_TIMEOUT,
    )


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


# The search index is rebuilt on every build: a changed text changes some of its files.
SEARCH_INDEX = "pagefind/"


def listed_changes(output: str) -> dict[str, set[str]]:
    """A dry run's list ("+" new, "~" changed, "-" removed), leaving out the search index's files."""
    found = {"+": set(), "~": set(), "-": set()}
    for line in output.splitlines():
        mark, _, path = line.strip().partition(" ")
        if line.startswith("      ") and mark in found and path and not path.startswith(SEARCH_INDEX):
            found[mark].add(path)
    return found


def counts_line(output: str) -> str:
    """The „novo: …, izmenjeno: …, uklonjeno: …” line of a publish."""
    return next(line.strip() for line in output.splitlines() if line.strip().startswith("novo: "))


def edit_about_page(project: Path, marker: str) -> None:
    """Append a one-word marker to the about page (one word: typography cannot split it)."""
    page = project / "content/pages/o-meni.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")


def rollback_ok(project: Path, env: dict) -> subprocess.CompletedProcess:
    result = invoke(project, "rollback", env=env, timeout=PUBLISH_TIMEOUT)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def live_release(site_folder: Path) -> str:
    """The release that <site_folder>/current points at."""
    return Path(os.readlink(site_folder / "current")).name


def write_post(
    project: Path,
    name: str,
    title: str,
    date: str,
    *,
    tags: str = "saradnja",
    status: str = "published",
    body: str = "Kratak tekst.",
) -> Path:
    path = project / "content" / "posts" / f"{name}.md"
    path.write_text(
        f"Title: {title}\nDate: {date}\nCategory: Osnove\nTags: {tags}\nSlug: {name}\n"
        f"Summary: Sažetak teksta {title}.\nStatus: {status}\n\n{body}\n",
        encoding="utf-8",
    )
    return path
