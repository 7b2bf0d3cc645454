"""A written file's place in the output, however the output's path was spelled; writes that leave an unchanged file alone."""

import os

import pytest

from shared.disk_cache import FilePool
from shared.output import (
    UnlessSame,
    finish_pages_with,
    in_output,
    rendered_text,
    stop_finishing,
    write_if_changed,
    write_page,
)


def test_a_written_file_is_found_by_its_path_inside_the_output(tmp_path):
    output = tmp_path / "output"
    (output / "a/b").mkdir(parents=True)
    (output / "a/b/index.html").write_text("x", encoding="utf-8")
    assert in_output(output / "a/b/index.html", output) == "a/b/index.html"
    assert in_output(str(output / "index.html"), str(output)) == "index.html"

    link = tmp_path / "link"
    link.symlink_to(output)
    assert in_output(link / "a/b/index.html", output) == "a/b/index.html"  # the same folder through a link
    assert in_output(tmp_path / "elsewhere.html", output) is None


def test_a_file_that_already_holds_the_text_is_not_written_again(tmp_path):
    page = tmp_path / "index.html"
    write_if_changed(page, "<p>Ćao, „svete”</p>")
    assert page.read_text(encoding="utf-8") == "<p>Ćao, „svete”</p>"
    before = page.stat().st_mtime_ns
    page.touch()  # the file's time, not its bytes, would show a rewrite
    touched = page.stat().st_mtime_ns
    write_if_changed(page, "<p>Ćao, „svete”</p>")
    assert page.stat().st_mtime_ns == touched >= before
    for changed in ("<p>Ćao, „svete”</p>\n", "<p>Ćao</p>", ""):  # longer, shorter, empty
        write_if_changed(page, changed)
        assert page.read_text(encoding="utf-8") == changed


def test_pelicans_open_for_writing_is_answered_with_a_write_on_close(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("staro", encoding="utf-8")
    with UnlessSame(page, "w", encoding="utf-8") as handle:
        handle.write("novo ")
        assert page.read_text(encoding="utf-8") == "staro", "nothing is written before the file is closed"
        handle.write("đ")
    assert page.read_text(encoding="utf-8") == "novo đ"
    with pytest.raises(RuntimeError), UnlessSame(page, "w", encoding="utf-8") as handle:
        handle.write("pola")
        raise RuntimeError("the template failed halfway")
    assert page.read_text(encoding="utf-8") == "novo đ", "a failed write leaves the file as it was"
    with pytest.raises(ValueError):
        UnlessSame(page, "a", encoding="utf-8")


def test_a_feed_is_written_through_it_like_a_page(tmp_path):
    """Pelican's feeds go through the same open(): feedgenerator's XML writer must see a text file."""
    from feedgenerator import Atom1Feed

    feed = Atom1Feed("VA vodič", "https://vavodic.rs/", "Opis „sajta”")
    feed.add_item("Đak", "https://vavodic.rs/dak/", "Tekst")
    with UnlessSame(tmp_path / "atom.xml", "w", encoding="utf-8") as handle:
        feed.write(handle, "utf-8")
    assert "<title>Đak</title>" in (tmp_path / "atom.xml").read_text(encoding="utf-8")


def test_a_hard_linked_file_is_replaced_not_written_through(tmp_path):
    kept, page = tmp_path / "kept.html", tmp_path / "index.html"
    kept.write_text("<p>staro</p>", encoding="utf-8")
    os.link(kept, page)
    write_if_changed(page, "<p>novo</p>")
    assert page.read_text(encoding="utf-8") == "<p>novo</p>" and kept.read_text(encoding="utf-8") == "<p>staro</p>"


def test_pages_are_written_finished_while_a_plugin_asks_and_the_twin_gets_them_as_rendered(tmp_path):
    pool = FilePool(tmp_path / "pool")

    def upper(path, text):
        return None if "ostavi" in text else text.upper()

    finish_pages_with(upper, pool)
    try:
        page, kept_as_is, feed = tmp_path / "a.html", tmp_path / "b.html", tmp_path / "feed.xml"
        write_page(page, "<p>stranica</p>")
        assert page.read_text(encoding="utf-8") == "<P>STRANICA</P>" and page.stat().st_nlink == 2
        assert rendered_text(page) == "<p>stranica</p>", "the Cyrillic twin is made from the page as rendered"
        write_page(kept_as_is, "<p>ostavi</p>")  # finished later (read again as rendered), linked all the same
        write_page(feed, "<feed>x</feed>")
        assert kept_as_is.read_text(encoding="utf-8") == "<p>ostavi</p>" == rendered_text(kept_as_is)
        assert kept_as_is.stat().st_nlink == 2 and feed.stat().st_nlink == 1
        assert feed.read_text(encoding="utf-8") == "<feed>x</feed>", "only pages are finished"
    finally:
        stop_finishing(upper)
    write_page(page, "<p>posle</p>")
    assert page.read_text(encoding="utf-8") == "<p>posle</p>" and page.stat().st_nlink == 1


def test_finishers_apply_in_their_order_and_stop_one_by_one(tmp_path):
    def banner(path, text):  # the preview's banner (content_check), asked later but put in first
        return text.replace("<!--slot-->", "<b>pazi</b>")

    def upper(path, text):  # the security headers' finishing, asked at `initialized`
        return None if "ostavi" in text else text.upper()

    finish_pages_with(upper, FilePool(tmp_path / "pool"))
    finish_pages_with(banner, first=True)
    page, later = tmp_path / "a.html", tmp_path / "b.html"
    try:
        write_page(page, "<p><!--slot-->x</p>")
        assert page.read_text(encoding="utf-8") == "<P><B>PAZI</B>X</P>"
        assert rendered_text(page) == "<p><!--slot-->x</p>", "the twin is made without the banner"
        write_page(later, "<p><!--slot-->ostavi</p>")  # None from the second: the first one's text
        assert later.read_text(encoding="utf-8") == "<p><b>pazi</b>ostavi</p>" and later.stat().st_nlink == 2
        stop_finishing(upper)
        write_page(page, "<p><!--slot-->y</p>")
        assert page.read_text(encoding="utf-8") == "<p><b>pazi</b>y</p>" and page.stat().st_nlink == 1
    finally:
        stop_finishing(banner)
    write_page(page, "<p><!--slot-->z</p>")
    assert page.read_text(encoding="utf-8") == "<p><!--slot-->z</p>"
