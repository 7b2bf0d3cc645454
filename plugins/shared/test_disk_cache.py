"""The store every build cache uses: what is put is read back, by another build too; what a
build did not use is pruned; a damaged or unwritable store only misses."""

import logging

from shared.disk_cache import FilePool, FolderStore, Store, entry_names, kept


def test_what_one_build_keeps_the_next_one_reads_and_unused_entries_are_pruned(tmp_path):
    first = Store(tmp_path / "cache", track=True)
    first.put_text("inputs a", "tekst a")
    first.put_text("inputs b", "ćirilica: ћирилица")
    assert first.get_text("inputs a") == "tekst a" and first.get_text("nothing like it") is None

    second = Store(tmp_path / "cache", track=True)  # the next build (its own connection)
    assert second.get_text("inputs b") == "ćirilica: ћирилица"
    second.prune()
    assert second.get_text("inputs a") is None and len(entry_names(tmp_path / "cache")) == 1


def test_a_store_read_while_another_writes_sees_what_was_put(tmp_path):
    writer, reader = Store(tmp_path / "cache"), Store(tmp_path / "cache")
    assert reader.get_text("x") is None
    writer.put_text("x", "prvo")
    assert reader.get_text("x") == "prvo"
    writer.put_text("x", "drugo")
    assert reader.get_text("x") == "drugo"


def test_a_damaged_store_starts_afresh_and_an_unwritable_one_only_misses(tmp_path):
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / Store.FILE).write_bytes(b"not a database at all " * 100)
    store = Store(damaged)
    assert store.get_text("x") is None
    store.put_text("x", "ponovo")
    assert Store(damaged).get_text("x") == "ponovo"

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    unwritable = Store(blocked / "cache")
    unwritable.put_text("x", "tekst")
    assert unwritable.get_text("x") is None
    assert kept(unwritable, "x", lambda: "napravljeno") == "napravljeno"


def test_a_result_made_while_something_was_logged_is_not_kept(tmp_path):
    store = Store(tmp_path / "cache")

    def noisy():
        logging.getLogger("pelican").warning("a message the author must see on every build")
        return "tekst"

    assert kept(store, "x", noisy) == "tekst" and store.get_text("x") is None
    assert kept(store, "x", lambda: "tekst") == "tekst" and store.get_text("x") == "tekst"


def test_a_folder_store_prunes_the_folders_a_build_did_not_use(tmp_path):
    store = FolderStore(tmp_path / "bundles", track=True)
    store.path("a").mkdir(parents=True)
    store.path("b").mkdir()
    again = FolderStore(tmp_path / "bundles", track=True)
    assert again.path("a").is_dir()
    again.prune()
    assert again.names() == {again.path("a").name}


def test_a_pooled_file_is_linked_not_created_again_and_one_changed_in_place_is_replaced(tmp_path):
    pool = FilePool(tmp_path / "pool", track=True)
    first, second = tmp_path / "a/index.html", tmp_path / "b/index.html"
    first.parent.mkdir()
    second.parent.mkdir()
    pool.place(first, "<p>Stranica, „ista”</p>")
    pool.place(second, "<p>Stranica, „ista”</p>")
    assert first.stat().st_ino == second.stat().st_ino and first.stat().st_nlink == 3  # two pages and the pool
    assert first.read_text(encoding="utf-8") == "<p>Stranica, „ista”</p>"

    with open(first, "w", encoding="utf-8") as page:  # someone edits a built page in place
        page.write("pokvareno")
    third = tmp_path / "c.html"
    pool.place(third, "<p>Stranica, „ista”</p>")
    assert third.read_text(encoding="utf-8") == "<p>Stranica, „ista”</p>", "the changed file is not spread"

    pool.place(second, "<p>Druga</p>")  # a page written again is replaced, never written through
    assert second.read_text(encoding="utf-8") == "<p>Druga</p>" and third.read_text(encoding="utf-8") != "<p>Druga</p>"

    later = FilePool(tmp_path / "pool", track=True)  # the next build uses one of the two
    later.place(tmp_path / "d.html", "<p>Druga</p>")
    later.prune()
    assert len(later.names()) == 1 and (tmp_path / "d.html").stat().st_nlink == 3  # second, d and the pool


def test_without_a_usable_pool_the_file_is_written_itself(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the pool folder should be", encoding="utf-8")
    page = tmp_path / "index.html"
    FilePool(blocked / "pool").place(page, "<p>tekst</p>")
    assert page.read_text(encoding="utf-8") == "<p>tekst</p>" and page.stat().st_nlink == 1
