"""Status changes the author should see in the preview: a draft published or scheduled, a scheduled post come due.

Each preview build leaves `.pregled-stanje.json` in the output folder: which
documents were drafts or scheduled, and where. The next build compares, says
what went live and at which address, and turns the old /nacrti/<slug>/ page of
a draft that is published or scheduled now into a short page that links to the
new address (a tab open on the draft would otherwise show „not found”). The
state remembers that old address, so every later preview writes the short page
again (a tab or bookmark still open on it) while the document is no draft and
no other document takes the address.
"""

import json
from pathlib import Path

STATE_FILE = ".pregled-stanje.json"


def state(documents, index) -> dict:
    """source → {"draft": [url, save_as] or None, "scheduled": bool} for every document."""
    return {
        index.relative(d): {
            "draft": [d.url, d.save_as] if d.status == "draft" else None,
            "scheduled": bool(getattr(d, "scheduled", False)),
        }
        for d in documents
    }


def changes(before: dict, now: dict, documents, index) -> list[tuple[str, object]]:
    """(file as shown, document) for each document that went live since the last preview (`before`: its
    state, read())."""
    if not before:
        return []
    found = []
    for document in documents:
        key = index.relative(document)
        old = before.get(key)
        if not old or now[key]["draft"] or now[key]["scheduled"]:
            continue
        if old["draft"] or old["scheduled"]:
            found.append((index.shown(document.source_path), document))
    return found


def short_pages(before: dict, now: dict, documents, index) -> list[tuple[object, list]]:
    """(document, old draft [url, save_as]) for write_moved_pages: each draft published or scheduled since the
    last preview, and each one moved in an earlier preview whose old address still gets its short page;
    `now` keeps their old addresses."""
    taken = {document.save_as for document in documents}
    moved = []
    for document in documents:
        key = index.relative(document)
        if document.status == "draft":
            continue
        previous = before.get(key) or {}
        old = previous.get("draft") or previous.get("moved_from")
        if old and old[0] != document.url and old[1] not in taken:
            moved.append((document, old))
            now[key]["moved_from"] = old
    return moved


def read(output: Path) -> dict:
    """The state the last preview left in `output` ({} if none)."""
    try:
        return json.loads((output / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save(output: Path, now: dict) -> None:
    output.mkdir(parents=True, exist_ok=True)
    (output / STATE_FILE).write_text(json.dumps(now, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def write_moved_pages(writer, generators, moved, banner: str) -> None:
    """The old draft address of each published or scheduled draft: a page that links to the new one."""
    template = generators[0].get_template("draft_published")
    for document, old in moved:
        writer.write_file(
            old[1],
            template,
            generators[0].context,
            moved=document,
            url=old[0],
            preview_problems_slot=banner,  # written after the other pages, so it is given its banner here
            relative_urls=document.settings["RELATIVE_URLS"],
        )
