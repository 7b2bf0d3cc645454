"""Serving tasks (`invoke serve`, `invoke livereload`) run in a project copy, as the author runs them."""

import subprocess
import time
import urllib.request
from contextlib import contextmanager

from conftest import free_port, invoke_command


@contextmanager
def running_task(project, task):
    """Run a serving task (`invoke serve`, `invoke livereload`) on a free port; stop it after."""
    port = free_port()
    process = subprocess.Popen(
        invoke_command(task, "--port", str(port)),
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait(timeout=10)


def fetch_when(url, process, contains="", timeout=60, absent=None):
    """The page at `url` once the server answers with a body holding `contains` (and not `absent`)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the task exited: {process.stdout.read()}")
        try:
            with urllib.request.urlopen(url) as response:
                body = response.read().decode("utf-8")
            if contains in body and not (absent and absent in body):
                return body
        except OSError:
            pass
        time.sleep(0.1)
    process.terminate()
    raise AssertionError(f"{url} never answered with {contains!r}:\n{process.communicate()[0]}")
