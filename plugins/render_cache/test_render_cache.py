"""The incremental preview (`invoke build` into the same folder, every cache on) is the full build.

After each of the author's edits (text, a warning made and fixed, title, date, tags, status, address) a
preview built over the last one, with the caches of the earlier builds, has
exactly the files and bytes of a preview built from nothing with every cache
off; a text edit renders only the pages that show that text.
"""

import json
import subprocess
import sys

import pytest

from search import background
from shared.disk_cache import entry_names
from site_tools.bench import copy_project
from site_tools.bench.posts import edit_post, post_parts, write_posts
from tests.photos import save_photo

CATEGORIES = ["Osnove", "Saradnja", "Alati", "Poverenje"]
POSTS = 6
CACHES = (
    "MARKDOWN_CACHE",
    "TYPOGRIFY_CACHE",
    "CYRILLIC_CACHE",
    "PAGE_CACHE",
    "LANGUAGE_CACHE",
    "IMAGE_CHECK_CACHE",
    "SEARCH_CACHE",
    "SITE_ICON_CACHE",
)


def preview(project, output, caches_on: bool) -> dict:
    """A preview build of `project` into `output`, as `invoke build` makes it: {path: bytes}."""
    extra = {"SHARE_IMAGE_CACHE": str(project / "cards")}
    if not caches_on:
        extra |= dict.fromkeys(CACHES, "")
    report = output.with_name(output.name + ".json")
    command = [sys.executable, "-m", "site_tools.pipeline", "preview", "pelicanconf.py", str(output), str(report)]
    env = {"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"}
    subprocess.run([*command, json.dumps(extra)], cwd=project, env=env, check=False)
    assert json.loads(report.read_text(encoding="utf-8"))["written"]
    return background.site_files(output)  # with the search index, made after the build returned


def cached_pages(project) -> set:
    return entry_names(project / "cache" / "pages")


def set_field(path, index, field, value):
    old = post_parts(index, POSTS, CATEGORIES)[0][field]
    text = path.read_text(encoding="utf-8")
    assert f"{field}: {old}\n" in text
    path.write_text(text.replace(f"{field}: {old}\n", f"{field}: {value}\n", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental")
    project = copy_project(root / "project")
    paths = write_posts(project / "content", POSTS, CATEGORIES)
    output = project / "output"
    first = preview(project, output, caches_on=True)
    return project, paths, output, first


def test_an_unchanged_site_renders_no_page_again_in_any_folder(site, tmp_path):
    project, _paths, output, first = site
    before = cached_pages(project)
    assert len(before) > 50
    kept = entry_names(project / "cache")  # every store: a key that changes between builds would add entries
    written = {page: page.stat().st_mtime_ns for page in output.rglob("*.html")}
    assert preview(project, output, caches_on=True) == first
    assert {page: page.stat().st_mtime_ns for page in output.rglob("*.html")} == written, "no page written again"
    assert entry_names(project / "cache") == kept, "everything came from the caches, under the same keys"
    assert preview(project, tmp_path / "elsewhere", caches_on=True) == first  # as `invoke publish` builds
    assert cached_pages(project) == before  # every page came from the cache, none was pruned


WARNED = "\nJos jedna proba.\n"  # „Jos”: a word without its diacritics, a warning of the check

EDITS = [
    ("text", 0, None, None),
    ("warning", 0, None, None),
    ("warning fixed", 0, None, None),
    ("title", 1, "Title", "Sasvim nov naslov posle čitanja"),
    ("date", 2, "Date", "2021-03-04 10:00"),
    ("tags", 3, "Tags", "novo, drugo"),
    ("status", 4, "Status", "draft"),
    ("address", 5, "Slug", "nova-adresa-belese"),
]


@pytest.mark.parametrize(("kind", "index", "field", "value"), EDITS, ids=[edit[0] for edit in EDITS])
def test_after_an_edit_the_incremental_preview_is_the_full_build(site, tmp_path, kind, index, field, value):
    project, paths, output, _first = site
    before = cached_pages(project)
    text = paths[index].read_text(encoding="utf-8")
    if kind == "warning":
        paths[index].write_text(text + WARNED, encoding="utf-8")
    elif kind == "warning fixed":
        paths[index].write_text(text.replace(WARNED, ""), encoding="utf-8")
    elif field is None:
        edit_post(paths[index])
    else:
        set_field(paths[index], index, field, value)

    incremental = preview(project, output, caches_on=True)
    full = preview(project, tmp_path / "full", caches_on=False)

    assert sorted(incremental) == sorted(full)  # no page left behind at an old address
    assert [name for name in full if incremental[name] != full[name]] == []
    rendered = cached_pages(project) - before
    if kind in ("text", "warning", "warning fixed"):
        # the post, and the lists that show it with its summary (home, category, tags, archive); the
        # preview's banner on every page is put in as pages are written, so it renders no page again
        assert 1 < len(rendered) < 20
        shown = (  # on a post no edit renders again, in each script
            b'class="preview-problems"' in incremental["bench-00003/index.html"],
            "Упозорења".encode() in incremental["cir/bench-00003/index.html"],
        )
        assert shown == ((True, True) if kind == "warning" else (False, False))  # in each script, while it is due
    if kind == "text":
        assert "Još jedna rečenica".encode() in incremental[f"bench-{index:05d}/index.html"]
    if kind == "address":
        assert "bench-00005/index.html" not in incremental and "nova-adresa-belese/index.html" in incremental
        assert "cir/bench-00005/index.html" not in incremental


def test_a_page_whose_rendering_logged_is_rendered_again_next_time(tmp_path):
    import logging
    from types import SimpleNamespace

    from render_cache import _Cached
    from shared.disk_cache import Store

    class Template:
        name = "article.html"
        renders = 0

        def render(self, localcontext):
            Template.renders += 1  # (a new message each time: Pelican's log drops one it has logged before)
            logging.getLogger("pelican").warning("a message the check turns into a problem, %d", Template.renders)
            return "<p>stranica</p>"

    writer = SimpleNamespace(store=Store(tmp_path), fingerprints=SimpleNamespace(page=lambda name, context: "inputs"))
    for _ in range(2):
        assert _Cached(Template(), writer).render({}) == "<p>stranica</p>"
    assert Template.renders == 2 and not writer.store.names()


def test_a_deleted_drawing_or_photo_leaves_nothing_of_it_behind(site, tmp_path):
    """Not its file, a drawing's Cyrillic twin, nor a photo's smaller copies (plugins/stale_pages)."""
    project, paths, output, _first = site
    images = project / "content" / "images"
    drawing = images / "crtez-za-brisanje.svg"
    drawing.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="20"><text x="0" y="15">Reč</text></svg>',
        encoding="utf-8",
    )
    photo = save_photo(images / "foto-za-brisanje.jpg", width=800, height=533)
    text = paths[0].read_text(encoding="utf-8")
    paths[0].write_text(text + "\n![Brda]({static}/images/foto-za-brisanje.jpg)\n", encoding="utf-8")
    added = preview(project, output, caches_on=True)
    assert {"images/crtez-za-brisanje.svg", "cir/images/crtez-za-brisanje.svg"} <= set(added)
    assert [name for name in added if name.startswith("images/foto-za-brisanje-")], "the photo's smaller copies"
    drawing.unlink()
    photo.unlink()
    paths[0].write_text(text, encoding="utf-8")
    incremental = preview(project, output, caches_on=True)
    assert sorted(incremental) == sorted(preview(project, tmp_path / "full", caches_on=False))
