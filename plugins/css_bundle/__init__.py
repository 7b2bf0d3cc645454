"""One minified, cache-busted stylesheet from the theme's per-component CSS files.

The theme keeps small files in theme/css/ (read in name order). Files in its
preview/ folder style what only the preview shows (the content check's problem
banner): they are added after the others in a preview build and left out of
the published site. At start-up the bundle is minified and hashed so templates
can link `CSS_FILE`; when the build finishes the file is written into the output.
"""

import hashlib
from pathlib import Path

import rcssmin
from pelican import signals

from shared.modes import is_preview

OUTPUT_DIR = "theme/css"
PREVIEW_DIR = "preview"


def bundle(source_dir: Path, preview: bool = False) -> str:
    """All CSS files in `source_dir`, in name order, then (`preview`) those in its preview/ folder, minified as one."""
    files = sorted(source_dir.glob("*.css"))
    if not files:
        raise FileNotFoundError(f"{source_dir}: no .css files to bundle")
    if preview:
        files += sorted((source_dir / PREVIEW_DIR).glob("*.css"))
    return rcssmin.cssmin("\n".join(f.read_text(encoding="utf-8") for f in files))


def bundle_name(css: str) -> str:
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:10]
    return f"{OUTPUT_DIR}/site.{digest}.css"


def prepare(pelican):
    css = bundle(Path(pelican.settings["THEME"]) / "css", preview=is_preview(pelican.settings))
    pelican.settings["CSS_FILE"] = bundle_name(css)
    pelican.settings["CSS_BUNDLE_TEXT"] = css


def write(pelican):
    target = Path(pelican.settings["OUTPUT_PATH"]) / pelican.settings["CSS_FILE"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(pelican.settings["CSS_BUNDLE_TEXT"], encoding="utf-8")


def register():
    signals.initialized.connect(prepare)
    signals.finalized.connect(write)
