"""Where a written file is inside the build's output folder."""

import os
from pathlib import Path


def in_output(path, output) -> str | None:
    """A written file's path inside `output` ("a/b/index.html"), None when it is outside.

    Pelican joins each file it writes to the output's path, so the relative path
    is found without resolving links (which costs a system call per folder, on
    thousands of pages); only a path that reaches the output another way is resolved."""
    relative = os.path.relpath(path, output)
    if relative != ".." and not relative.startswith("../"):
        return Path(relative).as_posix()
    real, root = Path(path).resolve(), Path(output).resolve()
    return real.relative_to(root).as_posix() if real.is_relative_to(root) else None
