"""Release naming, rollback order and pruning, shared by the local and SSH targets."""

from datetime import UTC, datetime

from site_tools.deploy import releases

A, B, C, D = "20261101-090000-000001", "20261102-090000-000001", "20261103-090000-000001", "20261104-090000-000001"


def test_release_ids_sort_in_publish_order():
    earlier = releases.new_release_id(datetime(2026, 11, 27, 9, 59, 59, 999999, tzinfo=UTC))
    later = releases.new_release_id(datetime(2026, 11, 27, 10, 0, 0, 0, tzinfo=UTC))
    assert earlier < later and releases.is_release(earlier) and releases.is_release(later)
    assert releases.describe(later) == "27. 11. 2026. u 11:00:00", "Belgrade time, as the author writes dates"


def test_previous_skips_partial_and_trashed_folders():
    names = [A, ".partial-" + B, C, ".trash-" + A, D]
    assert releases.previous(names, D) == C
    assert releases.previous(names, C) == A
    assert releases.previous(names, A) is None
    assert releases.previous(names, None) is None


def test_prune_keeps_the_newest_and_never_the_live_one():
    assert releases.to_prune([A, B, C, D], D, keep=2) == [B, A]
    assert releases.to_prune([A, B], B, keep=0) == [A], "at least the live release is kept"


def test_rollback_follows_history_not_time():
    # Publish A, B, C; roll back (B live); publish D: D was published over B.
    history = {A: None, B: A, C: B, D: B}
    names = [A, B, C, D]
    assert releases.previous(names, D, history) == B, "not C, the release rolled back as bad"
    assert releases.previous(names, B, history) == A, "a second rollback goes one step further back"
    assert releases.previous(names, A, history) is None
    assert releases.chain(names, D, history) == [D, B, A]
    assert releases.to_prune(names, D, keep=2, history=history) == [C, A], "C is off the line: pruned first"


def test_history_entries_round_trip_and_old_releases_fall_back_to_time():
    assert releases.parse_history_entry(releases.history_entry(B)) == B
    assert releases.parse_history_entry(releases.history_entry(None)) is None
    assert releases.parse_history_entry("previous=../../etc\n") is None
    assert releases.previous([A, B, C], C, {}) == B, "published before history was kept"


def test_leftovers_are_only_partial_and_trash():
    assert releases.leftovers([A, ".partial-" + B, ".trash-" + C, "README"]) == [".partial-" + B, ".trash-" + C]
