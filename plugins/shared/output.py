"""Where a written file is inside the build's output folder, and how it gets there."""

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


# Files a plugin writes itself, not through Pelican's writer, whose names change with the content
# (the Cyrillic drawings, a photo's smaller copies): plugins/stale_pages removes them from the
# preview once no build writes them.
_written_by_plugins: set[str] = set()


def note_written(path) -> None:
    _written_by_plugins.add(str(path))


def noted_written() -> set[str]:
    return set(_written_by_plugins)


def write_if_changed(path, text: str) -> None:
    """Write `text` (UTF-8) to `path` unless the file holds exactly that already.

    The preview rebuilds into the same folder, and after an edit most pages
    come out byte for byte as before: reading one costs a tenth of rewriting it."""
    data = text.encode("utf-8")
    linked = False
    try:
        with open(path, "rb") as existing:
            if existing.read(len(data) + 1) == data:
                return
            linked = os.fstat(existing.fileno()).st_nlink > 1
    except OSError:
        pass
    if linked:  # a hard link to a kept file (FilePool): replaced, never written through
        os.unlink(path)
    with open(path, "wb") as target:
        target.write(data)


# A page's final form, when plugins make it as the page is written: the preview's problem
# banner (content_check), the security headers (in production). Each `finish(path, text)`
# gives the text the next one gets, or None to pass it on as it is (security_headers then
# finishes the page later, through `put`). With a pool, every page is linked from it, so a
# page seen in an earlier build is not created again.
_finishing: list = []  # [(finish, pool)] for this build, in the order they apply
_rendered: dict[str, str] = {}  # the page just finished, as its template rendered it


def finish_pages_with(finish, pool=None, first: bool = False) -> None:
    """From now on `write_page` puts each page's final text in the output (hard-linked from `pool`, when given);
    `first`: before the finishers asked earlier (the banner goes in before a page is minified)."""
    _finishing.insert(0 if first else len(_finishing), (finish, pool))
    _rendered.clear()


def stop_finishing(finish) -> None:
    """Pages are no longer finished by `finish`."""
    _finishing[:] = [(f, pool) for f, pool in _finishing if f != finish]
    _rendered.clear()


def write_page(path, text: str) -> None:
    """Put a file Pelican's writer (or the Cyrillic twin) writes into the output: finished when a
    plugin asked for that, else as it is (not written again when unchanged)."""
    if _finishing and str(path).endswith(".html"):
        final, pool = text, None
        for finish, its_pool in _finishing:
            done = finish(path, final)
            final = final if done is None else done
            pool = its_pool or pool
        _rendered.clear()
        _rendered[str(path)] = text
        put(path, final, pool)
        return
    write_if_changed(path, text)


def put(path, text: str, pool=None) -> None:
    """`text` into the file at `path`: hard-linked from `pool` (a FilePool) when given."""
    if pool is not None:
        pool.place(path, text)
    else:
        write_if_changed(path, text)


def rendered_text(path) -> str:
    """The page as its template rendered it (the twin is made from that), whether or not it was finished."""
    text = _rendered.get(str(path))
    return text if text is not None else Path(path).read_text(encoding="utf-8")


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
                write_page(self.path, "".join(self.parts))
            finally:
                super().close()

    def __exit__(self, kind, *rest) -> None:
        if kind is None:
            self.close()
        else:  # a write that failed halfway leaves the file as it was
            super().close()
