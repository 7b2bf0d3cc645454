"""Nu HTML Checker gate: no errors (and no unexplained warnings) in any built
HTML, CSS or SVG file. vnu runs once, over the whole production build and the
preview's stylesheet."""

from pathlib import Path

import pytest

from css_bundle import bundle
from quality import nu

ROOT = Path(__file__).resolve().parents[2]

# Known-bad files checked in the same vnu run, to prove the gate would fail.
CANARY_HTML = '<!doctype html><html lang="sr-Latn"><title>x</title><img src="a.svg">'
CANARY_CSS = "body { colr: red }"
CANARY_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><nope/></svg>'
CANARIES = {"canary.html": CANARY_HTML, "canary.css": CANARY_CSS, "canary.svg": CANARY_SVG}


@pytest.fixture(scope="module")
def nu_messages(prod_site, tmp_path_factory) -> list[nu.Message]:
    canaries = tmp_path_factory.mktemp("nu-canaries")
    for name, text in CANARIES.items():
        (canaries / name).write_text(text, encoding="utf-8")
    files = [path for suffix in ("html", "css", "svg") for path in sorted(prod_site.rglob(f"*.{suffix}"))]
    # The preview's stylesheet has parts the published one leaves out (theme/css/preview/).
    preview_css = tmp_path_factory.mktemp("nu-preview") / "preview-bundle.css"
    preview_css.write_text(bundle(ROOT / "theme" / "css", preview=True), encoding="utf-8")
    return nu.check(files + [preview_css] + [canaries / name for name in CANARIES], prod_site)


def problems_in(messages, suffix):
    return [m for m in nu.problems(messages) if m.file.endswith(suffix) and "canary" not in m.file]


def test_the_checker_reports_invalid_html_css_and_svg(nu_messages):
    canary_errors = {m.file.rsplit("/", 1)[-1] for m in nu_messages if m.kind == "error" and "canary" in m.file}
    assert canary_errors == set(CANARIES)


@pytest.mark.parametrize("suffix", [".html", ".css", ".svg"])
def test_every_built_file_is_valid(nu_messages, suffix):
    found = problems_in(nu_messages, suffix)
    print(f"Nu {suffix}: {len(found)} errors/warnings")
    assert not found, "\n".join(map(str, found))
