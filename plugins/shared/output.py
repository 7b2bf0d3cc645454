"""Where a written file is inside the build's output folder."""

import io
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


def write_if_changed(path, text: str) -> None:
    """Write `text` (UTF-8) to `path` unless the file holds exactly that already.

    The preview rebuilds into the same folder, and after an edit most pages
    come out byte for byte as before: reading one costs a tenth of rewriting it."""
    data = text.encode("utf-8")
    try:
        with open(path, "rb") as existing:
            if existing.read(len(data) + 1) == data:
                return
    except OSError:
        pass
    with open(path, "wb") as target:
        target.write(data)


class UnlessSame(io.TextIOBase):
    """What Pelican's writer gets from `open(path, "w", encoding=…)`: the text is written on close, if it changed.

    A text stream (io.TextIOBase), so the feed writer's XML generator writes text to it, as to a file."""

    def __init__(self, path, mode: str = "w", encoding: str | None = None):
        super().__init__()
        if mode != "w" or (encoding or "utf-8").lower().replace("_", "-") != "utf-8":
            raise ValueError(f"UnlessSame writes UTF-8 text only, not mode={mode!r} encoding={encoding!r}")
        self.path, self.parts = path, []

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def close(self) -> None:
        if not self.closed:
            try:
                write_if_changed(self.path, "".join(self.parts))
            finally:
                super().close()

    def __exit__(self, kind, *rest) -> None:
        if kind is None:
            self.close()
        else:  # a write that failed halfway leaves the file as it was
            super().close()
