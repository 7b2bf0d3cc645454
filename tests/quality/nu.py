"""The Nu HTML Checker (vnu.jar from npm), run once over a whole build."""

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
RUN_TIMEOUT = 600  # a hang guard; the whole build takes a few seconds

# Warnings we keep on purpose, each with the reason: (pattern for the message
# text, pattern for the markup vnu points at or None, reason). Add one only with
# a justification a reviewer can check.
ACCEPTED_WARNINGS: list[tuple[re.Pattern, re.Pattern | None, str]] = [
    (
        re.compile(r"^Inline script violates Content Security Policy"),
        re.compile(r"^<script\b[^>]*\btype=\"?application/(ld\+)?json\"?[^>]*>$"),
        "vnu holds data blocks (JSON-LD, and the search page's application/json list of FAQ titles) to "
        "script-src; browsers never run a data block (HTML's „prepare the script element” stops at its type, "
        "before the CSP check), so CSP does not apply to it. Inline scripts that run are still checked here "
        "(vnu verifies their sha256 against the policy), and in Chromium by tests/test_security_headers.py.",
    ),
    (
        re.compile(
            r"^Resource violates Content Security Policy \(meta tag\): .*“https?://(127\.0\.0\.1:\d+|([a-z0-9-]+\.)*vavodic\.rs)/"
        ),
        None,
        "vnu reads the pages from disk, so to it 'self' is the file: origin, and the site's own files at the "
        "build's SITEURL (http://127.0.0.1:PORT in tests, *.vavodic.rs) look like another site. Served, they "
        "are 'self': tests/test_security_headers.py loads every page type in Chromium and finds no violation.",
    ),
]


@dataclass(frozen=True)
class Message:
    file: str  # relative to the checked folder
    line: int
    kind: str  # "error", "warning" or "info"
    text: str
    source: str = ""  # the markup vnu points at (the highlighted part of its extract)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.kind}: {self.text}"


def check(files: list[Path], root: Path) -> list[Message]:
    """Every message vnu gives for `files` (HTML, plus .css and .svg files)."""
    command = [
        "java",
        "-jar",
        str(VNU),
        "--format",
        "json",
        "--exit-zero-always",
        "--also-check-css",
        "--also-check-svg",
        *map(str, files),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError as error:
        raise RuntimeError(f"vnu gave no JSON report (exit {result.returncode}):\n{result.stderr[-2000:]}") from error
    return [message(item, root) for item in report["messages"]]


def message(item: dict, root: Path) -> Message:
    path = Path(unquote(urlsplit(item.get("url", "")).path))
    try:
        name = path.relative_to(root).as_posix()
    except ValueError:
        name = str(path)
    if item["type"] in ("error", "non-document-error"):
        kind = "error"
    else:
        kind = item.get("subType") or "info"  # "warning", or a plain informational note
    line = item.get("lastLine") or item.get("firstLine") or 1
    start, length = item.get("hiliteStart", 0), item.get("hiliteLength", 0)
    return Message(name, line, kind, item["message"], item.get("extract", "")[start : start + length])


def accepted(warning: Message) -> bool:
    return any(
        text.search(warning.text) and (source is None or source.search(warning.source))
        for text, source, _reason in ACCEPTED_WARNINGS
    )


def problems(messages: list[Message]) -> list[Message]:
    """Errors, and warnings not accepted above. Plain "info" notes are not problems."""
    return [m for m in messages if m.kind == "error" or (m.kind == "warning" and not accepted(m))]
