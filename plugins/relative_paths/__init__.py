"""Pelican's answer to "where is this file, from content/?", kept once given.

Pelican works it out (two abspath calls and a relpath) every time a document's
URL or save_as is asked for, and a build of 1000 posts asks some thirty
thousand times: a third of a second of each preview. The answer depends only on
the file's path, the content folder and the working folder, so Pelican's own
method is called once for each and its answer reused.
"""

import os

from pelican.contents import Content

_pelicans = Content.get_relative_source_path
_known: dict[tuple, str | None] = {}


def get_relative_source_path(self, source_path: str | None = None) -> str | None:
    key = (source_path or self.source_path, self.settings["PATH"], os.getcwd())
    if key not in _known:
        _known[key] = _pelicans(self, source_path)
    return _known[key]


def register():
    Content.get_relative_source_path = get_relative_source_path
