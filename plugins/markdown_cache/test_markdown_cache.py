"""The Markdown cache: the same HTML and header as without it, every header message still logged."""

import logging
import sys
from pathlib import Path

import pytest
from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

from markdown_cache import Store, cache_key, caching_reader, open_store
from search import background
from shared.disk_cache import entry_names
from text_headers import text_header_reader

POST = "Title: Naslov <b>\nSummary: Kratko *o* tekstu.\nTags: a, b\n\n## Deo\n\nTekst sa „navodnicima” i [linkom](https://primer.rs).\n"
MARKDOWN = {"extension_configs": {"markdown.extensions.toc": {}}, "output_format": "html5"}


def settings(**extra):
    return {
        **DEFAULT_CONFIG,
        "MARKDOWN": {key: dict(value) if isinstance(value, dict) else value for key, value in MARKDOWN.items()},
        **extra,
    }


def read(reader_class, path):
    return reader_class(settings()).read(str(path))


@pytest.fixture
def post(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(POST, encoding="utf-8")
    return path


def test_cached_and_fresh_reads_give_what_the_plain_reader_gives(tmp_path, post):
    plain = read(text_header_reader(MarkdownReader), post)
    cached_class = caching_reader(text_header_reader(MarkdownReader), Store(tmp_path / "cache"))
    first, second = read(cached_class, post), read(cached_class, post)
    assert first == second == plain
    assert len(entry_names(tmp_path / "cache")) == 1
    assert plain[1]["title"] == "Naslov &lt;b&gt;"  # the text-header reader still does its part


def test_a_kept_file_and_its_summary_are_read_without_making_a_markdown_instance(tmp_path, post, monkeypatch):
    import markdown_cache

    plain = read(MarkdownReader, post)
    reader_class = caching_reader(MarkdownReader, Store(tmp_path / "cache"))
    read(reader_class, post)
    assert Store(tmp_path / "cache").get(POST)["formatted"] == {"Kratko *o* tekstu.": plain[1]["summary"]}

    def no_markdown(**_settings):
        raise AssertionError("a Markdown instance was made for a kept file")

    monkeypatch.setattr(markdown_cache, "Markdown", no_markdown)
    assert read(reader_class, post) == plain


def test_a_summary_whose_conversion_logged_is_not_kept(tmp_path, post, monkeypatch):
    from markdown import Markdown

    convert = Markdown.convert

    def noisy_summary(self, text):
        if text.startswith("Kratko"):
            logging.getLogger("MARKDOWN").warning("something odd in a summary")
        return convert(self, text)

    monkeypatch.setattr(Markdown, "convert", noisy_summary)
    read(caching_reader(MarkdownReader, Store(tmp_path / "cache")), post)
    assert not entry_names(tmp_path / "cache")


def test_the_cache_is_what_is_read_and_an_edit_is_converted_afresh(tmp_path, post):
    store = Store(tmp_path / "cache")
    reader_class = caching_reader(MarkdownReader, store)
    read(reader_class, post)
    entry = store.get(POST)
    store.put(POST, {**entry, "html": "<p>iz keša</p>"})
    assert read(reader_class, post)[0] == "<p>iz keša</p>"
    post.write_text(POST + "\nJoš jedan red.\n", encoding="utf-8")
    assert "Još jedan red." in read(reader_class, post)[0]


def test_header_messages_are_logged_on_every_read(tmp_path, caplog):
    store = Store(tmp_path / "cache")
    reader_class = caching_reader(MarkdownReader, store)
    for number in range(2):  # the second file has the same text: read from the cache
        # Two files: Pelican's log drops a message it has logged before.
        path = tmp_path / f"twice-{number}.md"
        path.write_text("Title: Naslov\nSlug: prvi\nSlug: drugi\n\nTekst.\n", encoding="utf-8")
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert read(reader_class, path)[1]["slug"] == "prvi"
        assert [record.msg for record in caplog.records if record.msg.startswith("Duplicate definition of")]
        assert len(store.names()) == 1


def test_a_conversion_that_logged_is_not_kept(tmp_path, post, monkeypatch):
    from markdown import Markdown

    convert = Markdown.convert

    def noisy(self, text):
        logging.getLogger("MARKDOWN").warning("something odd")
        return convert(self, text)

    monkeypatch.setattr(Markdown, "convert", noisy)
    read(caching_reader(MarkdownReader, Store(tmp_path / "cache")), post)
    assert not entry_names(tmp_path / "cache")


def test_the_key_covers_the_settings_and_the_code_of_their_functions(tmp_path, monkeypatch):
    key = cache_key(settings()["MARKDOWN"])
    assert cache_key(settings()["MARKDOWN"]) == key
    completed = {**settings()["MARKDOWN"], "extensions": ["markdown.extensions.toc", "markdown.extensions.meta"]}
    assert cache_key(completed) == key  # as Pelican's reader completes the list: the same conversion
    assert cache_key({**MARKDOWN, "output_format": "xhtml"}) != key

    module = tmp_path / "slugs.py"
    module.write_text("def slug(value, sep):\n    return value.lower()\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import slugs

    with_function = {"extension_configs": {"markdown.extensions.toc": {"slugify": slugs.slug}}}
    before = cache_key(with_function)
    module.write_text("def slug(value, sep):\n    return value.upper()\n", encoding="utf-8")
    from shared.disk_cache import file_digest

    file_digest.cache_clear()
    assert cache_key(with_function) != before
    del sys.modules["slugs"]


def test_entries_of_other_settings_are_removed_and_an_empty_setting_turns_it_off(tmp_path):
    old = tmp_path / "cache" / "0123456789abcdef"
    old.mkdir(parents=True)
    store = open_store(settings(MARKDOWN_CACHE=str(tmp_path / "cache")))
    assert store.folder.parent == tmp_path / "cache" and not old.exists()
    assert open_store(settings(MARKDOWN_CACHE="")) is None


def test_a_site_built_from_the_caches_is_the_site_built_without_them(tmp_path):
    """The Markdown cache, the Cyrillic twins' (plugins/cyrillic), the minified pages' and the
    finished pages' (plugins/security_headers)."""
    from site_tools.build import PROD_SETTINGS, build

    cards = str(tmp_path / "cards")
    outputs = []
    for name, cache in (("fresh", tmp_path / "md"), ("cached", tmp_path / "md"), ("off", "")):
        output = tmp_path / name
        caches = {
            "MARKDOWN_CACHE": str(cache),
            "CYRILLIC_CACHE": str(cache and tmp_path / "cir"),
            "SECURITY_HEADERS_CACHE": str(cache and tmp_path / "csp"),
            "FINISHED_PAGE_CACHE": str(cache and tmp_path / "finished"),
        }
        build(PROD_SETTINGS, output, {"SHARE_IMAGE_CACHE": cards, **caches}, quiet=True)
        outputs.append({path.relative_to(output): path.read_bytes() for path in output.rglob("*") if path.is_file()})
    assert len(entry_names(tmp_path / "md")) > 10
    assert len(entry_names(tmp_path / "cir")) > 10
    assert len(entry_names(tmp_path / "csp")) > 10
    assert outputs[0] == outputs[1] == outputs[2]
    # Every page is linked from the finished pages (a page Pagefind indexes once it is finished too).
    for page in ("kategorija/osnove/index.html", "cir/oznake/index.html", "o-meni/index.html", "pretraga/index.html"):
        assert (tmp_path / "cached" / page).stat().st_nlink > 1, page
        assert (tmp_path / "off" / page).stat().st_nlink == 1, page


def test_after_edits_to_text_title_date_tags_and_status_a_cached_preview_equals_a_full_build(tmp_path):
    from site_tools.bench import copy_project
    from site_tools.bench.posts import edit_post, post_parts, write_posts

    project = copy_project(tmp_path / "project")
    categories = ["Osnove", "Saradnja", "Alati", "Poverenje"]
    paths = write_posts(project / "content", 6, categories)
    cache = tmp_path / "md"
    preview(project, tmp_path / "before", cache)  # the cache holds every post as it was
    entries = len(entry_names(cache))

    edit_post(paths[0])
    for path, (field, value) in zip(
        paths[1:5],
        [("Title", "Sasvim nov naslov"), ("Date", "2021-03-04 10:00"), ("Tags", "novo, drugo"), ("Status", "draft")],
        strict=True,
    ):
        index = paths.index(path)
        old = post_parts(index, 6, categories)[0][field]
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f"{field}: {old}\n", f"{field}: {value}\n", 1), encoding="utf-8")
        assert f"{field}: {value}\n" in path.read_text(encoding="utf-8")

    cached = preview(project, tmp_path / "cached", cache)
    full = preview(project, tmp_path / "full", "")
    assert len(entry_names(cache)) == entries + 5  # the five edited files converted, the rest read
    assert cached == full
    assert any("Još jedna rečenica".encode() in text for text in cached.values())
    assert any(b"Sasvim nov naslov" in text for text in cached.values())


def preview(project, output, cache) -> dict:
    """A preview build (as `invoke build` makes it) of `project` into `output`: {path: bytes}."""
    import json
    import subprocess

    caches = {"MARKDOWN_CACHE": str(cache), "CYRILLIC_CACHE": str(cache and Path(cache).with_name("cir"))}
    extra = json.dumps({**caches, "SHARE_IMAGE_CACHE": str(project / "cards")})
    command = [
        sys.executable,
        "-m",
        "site_tools.pipeline",
        "preview",
        "pelicanconf.py",
        str(output),
        str(output) + ".json",
        extra,
    ]
    subprocess.run(command, cwd=project, env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"}, check=False)
    assert json.loads((output.parent / (output.name + ".json")).read_text(encoding="utf-8"))["written"]
    return background.site_files(output)  # with the search index, made after the build returned
