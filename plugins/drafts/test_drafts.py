"""Which content counts as scheduled: not a draft, date still ahead."""

from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from drafts import is_scheduled

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=ZoneInfo("Europe/Belgrade"))


@pytest.mark.parametrize(
    "status, date, expected",
    [
        ("published", NOW + timedelta(minutes=1), True),
        ("published", NOW - timedelta(minutes=1), False),
        ("published", NOW, False),
        ("draft", NOW + timedelta(days=3), False),  # a draft is marked as a draft
        ("published", None, False),  # pages without a date
    ],
)
def test_is_scheduled(status, date, expected):
    content = SimpleNamespace(status=status, date=date)
    assert is_scheduled(content, NOW) is expected
