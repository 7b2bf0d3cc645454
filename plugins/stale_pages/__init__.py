"""Pages an earlier build wrote and this one did not are removed from the output.

The preview builds into the same folder every time (so an edit rewrites only
what it changes): without this, a renamed post's old address, or a post made
a draft, would still be served there. Every file written through Pelican's
writer (pages, their Cyrillic twins, feeds), every static file Pelican copies
(so a deleted drawing goes) and the files plugins note they wrote (its
Cyrillic twin: shared.output.note_written) is listed in WRITTEN_FILE in the
output; the next build that writes the site removes what it lists and did not
write again. A production build starts from an empty folder
(DELETE_OUTPUT_DIRECTORY) and needs none of this.
"""

import json
from pathlib import Path

from pelican import signals

from shared.output import in_output, noted_written

WRITTEN_FILE = ".napisane-stranice.json"

_written: set[str] = set()


def remember(path, context, feed=None) -> None:
    _list(path, context["OUTPUT_PATH"])


def _list(path, output) -> None:
    name = in_output(path, output)
    if name is not None:
        _written.add(name)


_static_generators: list = []


def keep_static_generators(generators) -> None:
    _static_generators[:] = [generator for generator in generators if hasattr(generator, "staticfiles")]


def remove_stale(pelican) -> None:
    if pelican.settings.get("DELETE_OUTPUT_DIRECTORY") or not _written:  # no page written: nothing to go by
        return
    for generator in _static_generators:  # what it copied: the content check may have left some out
        for static in generator.staticfiles:
            _list(Path(pelican.output_path, static.save_as), pelican.output_path)
    for path in noted_written():
        _list(path, pelican.output_path)
    output = Path(pelican.output_path).resolve()
    listing = output / WRITTEN_FILE
    try:
        before = set(json.loads(listing.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        before = set()
    for name in sorted(before - _written):
        stale = output / name
        if stale.resolve().is_relative_to(output):
            stale.unlink(missing_ok=True)
            _remove_empty_folders(stale.parent, output)
    listing.write_text(json.dumps(sorted(_written), ensure_ascii=False), encoding="utf-8")


def _remove_empty_folders(folder: Path, output: Path) -> None:
    while folder != output and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def register():
    signals.content_written.connect(remember)
    signals.feed_written.connect(remember)
    signals.all_generators_finalized.connect(keep_static_generators)
    signals.finalized.connect(remove_stale)
