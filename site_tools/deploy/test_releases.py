"""Release naming, rollback order and pruning, shared by the local and SSH targets."""

from datetime import UTC, datetime

from site_tools.deploy import releases

A, B, C, D = "20261101-090000-000001", "20261102-090000-000001", "20261103-090000-000001", "20261104-090000-000001"


def test_release_ids_sort_in_publish_order():
    earlier = releases.new_release_id(datetime(2026, 11, 27, 9, 59, 59, 999999, tzinfo=UTC))
    later = releases.new_release_id(datetime(2026, 11, 27, 10, 0, 0, 0, tzinfo=UTC))
    assert earlier < later and releases.is_release(earlier) and releases.is_release(later)
    assert releases.describe(later) == "27. 11. 2026. u 10:00:00 (UTC)"


def test_previous_skips_partial_and_trashed_folders():
    names = [A, ".partial-" + B, C, ".trash-" + A, D]
    assert releases.previous(names, D) == C
    assert releases.previous(names, C) == A
    assert releases.previous(names, A) is None
    assert releases.previous(names, None) is None


def test_prune_keeps_the_newest_and_never_the_live_one():
    assert releases.to_prune([A, B, C, D], D, keep=2) == [B, A]
    assert releases.to_prune([A, B, C, D], A, keep=2) == [B], "after a rollback to A, A stays"
    assert releases.to_prune([A, B], B, keep=0) == [A], "at least the live release is kept"


def test_leftovers_are_only_partial_and_trash():
    assert releases.leftovers([A, ".partial-" + B, ".trash-" + C, "README"]) == [".partial-" + B, ".trash-" + C]
