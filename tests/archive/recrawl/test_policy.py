"""The recrawl policy as a pure function of what the archive knows and the time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from archive.recrawl.policy import Known, Policy

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _known(age_days: float, checked_days_ago: float | None, *, open_=1, new=None) -> Known:
    published = (NOW - timedelta(days=age_days)).isoformat()
    checked = None
    if checked_days_ago is not None:
        checked = (NOW - timedelta(days=checked_days_ago)).isoformat()
    return Known("https://x.example/a/", published, None, open_, new, checked, None, None)


@pytest.mark.parametrize(
    ("age", "checked", "due"),
    [
        (1, 0.01, True),  # first 2 days: every run
        (5, 0.5, False),  # daily until 14 days
        (5, 0.95, True),  # (10% slack for cron jitter)
        (30, 3, False),  # weekly until 60 days
        (30, 7, True),
        (61, 30, False),  # then never
        (400, None, True),  # never checked: fetched
    ],
)
def test_age_tiers(age, checked, due):
    assert Policy.from_config().due(_known(age, checked), NOW) is due


def test_closed_comments_stretch_and_activity_shortens():
    policy = Policy.from_config()
    assert policy.due(_known(30, 8), NOW)
    assert not policy.due(_known(30, 8, open_=0), NOW)  # weekly x2
    assert policy.due(_known(5, 0.6, new=3), NOW)  # daily x0.5


def test_sitemap_date_newer_than_the_check_fetches_any_age():
    policy = Policy.from_config()
    known = _known(400, 10)
    assert not policy.due(known, NOW, "2026-02-01T00:00:00Z")
    assert policy.due(known, NOW, "2026-02-25T00:00:00Z")


def test_sitemap_date_older_than_the_check_skips_pages_without_open_comments():
    policy = Policy.from_config()
    assert policy.due(_known(1, 0.5, open_=0), NOW)  # every run while young...
    assert not policy.due(_known(1, 0.5, open_=0), NOW, "2026-02-28T00:00:00Z")  # ...unless
    assert policy.due(_known(1, 0.5, open_=1), NOW, "2026-02-28T00:00:00Z")  # open thread


def test_policy_layers_and_bad_keys():
    policy = Policy.from_config({"tiers": [[30, 1]]}, '{"slack": 0}')
    assert policy.tiers == [(30.0, 1.0)] and policy.slack == 0
    assert not policy.due(_known(31, 5), NOW)
    with pytest.raises(ValueError, match="unknown"):
        Policy.from_config({"tier": []})
