"""UPUTSTVO.md, the author's guide: every command it gives exists, and its Serbian passes the site's own rules."""

import re
import subprocess

from conftest import ROOT
from content_check import language

GUIDE = ROOT / "UPUTSTVO.md"


def make_targets() -> set[str]:
    listed = subprocess.run(["make", "-pRrq", "-f", "Makefile"], cwd=ROOT, capture_output=True, text=True).stdout
    return {line.split(":", 1)[0] for line in listed.splitlines() if re.match(r"^[a-z][\w-]*:", line)}


def test_every_make_command_in_the_guide_is_a_target():
    # as typed: in `code`, or on a line of a code block
    text = GUIDE.read_text(encoding="utf-8")
    blocks = "\n".join(re.findall(r"^```\w*\n(.*?)^```", text, re.M | re.S))
    commands = re.findall(r"`make(?: ([a-z][\w-]*))?", text) + re.findall(r"^make(?: ([a-z][\w-]*))?", blocks, re.M)
    used = {command for command in commands if command}
    assert {"check", "post", "faq", "publish", "rollback", "help"} <= used
    assert used <= make_targets(), used - make_targets()


def test_the_readme_sends_the_author_to_the_guide():
    top = (ROOT / "README.md").read_text(encoding="utf-8").split("## ", 1)[0]
    assert "[UPUTSTVO.md](UPUTSTVO.md)" in top


def test_the_guide_passes_the_language_rules():
    lines = GUIDE.read_text(encoding="utf-8").splitlines()
    found = [
        (number, message)
        for number, prose, spacing in language.prose_lines(lines)
        for message in language.messages(prose, spacing)
        # English interface words (GitHub's buttons) are named as they are; the guide has no Cyrillic edition.
        if "engleska reč" not in message.lower()
        and not ("ćiriličnom izdanju" in message or "ćirilično izdanje" in message)
    ]
    assert found == []
