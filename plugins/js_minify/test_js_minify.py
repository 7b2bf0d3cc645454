"""The theme's scripts, minified as the build minifies them, still parse; the minifier keeps what they mean."""

import shutil
import subprocess
from pathlib import Path

import pytest

from js_minify import minify_file

THEME_SCRIPTS = sorted((Path(__file__).resolve().parents[2] / "theme" / "static" / "js").glob("*.js"))


def test_comments_and_indentation_go_strings_regexes_and_template_literals_stay(tmp_path):
    script = tmp_path / "x.js"
    script.write_text(
        "/* A comment for the maintainer. */\nexport function f(text) {\n  // why\n"
        '  return `„${text}” — x`.replace(/[\\u0400-\\u04ff]/g, "a  b");\n}\n',
        encoding="utf-8",
    )
    minify_file(script)
    small = script.read_text(encoding="utf-8")
    assert "comment" not in small and "why" not in small and "\n  " not in small
    assert "`„${text}” — x`" in small and "/[\\u0400-\\u04ff]/g" in small and '"a  b"' in small
    minify_file(script)
    assert script.read_text(encoding="utf-8") == small, "minifying again changes nothing"


@pytest.mark.parametrize("source", THEME_SCRIPTS, ids=lambda path: path.name)
def test_every_theme_script_still_parses_once_minified(tmp_path, source):
    script = tmp_path / f"{source.stem}.mjs"  # parsed as a module: search.js is one, the others parse as one too
    shutil.copy(source, script)
    minify_file(script)
    assert len(script.read_bytes()) < len(source.read_bytes())
    checked = subprocess.run(["node", "--check", str(script)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
