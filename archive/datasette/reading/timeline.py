"""Counting events in time bins: the numbers behind the reading room's charts.

The archive stores dates as the page stated them (ISO 8601 with the site's
offset, a bare date, or a naive time).  A chart needs one clock, so times
are put on UTC, and one bin width that shows the shape of a discussion: an
hour for a thread that lasted a day, a week or a month for years of news.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

UNITS = ("hour", "6 hours", "day", "week", "month")
_FIXED = {"hour": timedelta(hours=1), "6 hours": timedelta(hours=6), "day": timedelta(days=1)}
_FIXED["week"] = timedelta(days=7)


def parse_time(value: str | None) -> datetime | None:
    """An archived date as an aware UTC datetime; None when it is not a date.

    A bare date is midnight; a time without an offset is taken as UTC.

    >>> parse_time("2019-07-24T10:15:00-04:00")
    datetime.datetime(2019, 7, 24, 14, 15, tzinfo=datetime.timezone.utc)
    >>> parse_time("2024-04-02"), parse_time("last Tuesday")
    (datetime.datetime(2024, 4, 2, 0, 0, tzinfo=datetime.timezone.utc), None)
    """
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def floor(moment: datetime, unit: str) -> datetime:
    """The start of the bin holding ``moment`` (weeks start on Monday).

    >>> floor(datetime(2024, 5, 9, 13, 40, tzinfo=UTC), "6 hours").isoformat()
    '2024-05-09T12:00:00+00:00'
    >>> floor(datetime(2024, 5, 9, 13, 40, tzinfo=UTC), "week").date().isoformat()
    '2024-05-06'
    """
    if unit == "hour":
        return moment.replace(minute=0, second=0, microsecond=0)
    if unit == "6 hours":
        return moment.replace(hour=moment.hour - moment.hour % 6, minute=0, second=0, microsecond=0)
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_start(start: datetime, unit: str) -> datetime:
    """The start of the bin after the one starting at ``start``."""
    if unit in _FIXED:
        return start + _FIXED[unit]
    year, month = divmod(start.month, 12)
    return start.replace(year=start.year + year, month=month + 1, day=1)


def choose_unit(first: datetime, last: datetime, max_bins: int = 60, finest: str = "hour") -> str:
    """The finest unit (not finer than ``finest``) that shows ``first`` to
    ``last`` in at most ``max_bins`` bins.

    >>> t = datetime(2024, 1, 1, tzinfo=UTC)
    >>> [choose_unit(t, t + timedelta(days=d)) for d in (1, 12, 50, 300, 4000)]
    ['hour', '6 hours', 'day', 'week', 'month']
    """
    for unit in UNITS[UNITS.index(finest) : -1]:
        if len(bin_starts(first, last, unit, limit=max_bins + 1)) <= max_bins:
            return unit
    return UNITS[-1]


def bin_starts(first: datetime, last: datetime, unit: str, limit: int = 100_000) -> list[datetime]:
    """Consecutive bin starts covering ``first`` to ``last`` (at most ``limit``)."""
    starts = [floor(first, unit)]
    while len(starts) < limit and next_start(starts[-1], unit) <= last:
        starts.append(next_start(starts[-1], unit))
    return starts


@dataclass(slots=True)
class Bins:
    """Bin starts of one unit, and a way to count events into them."""

    unit: str
    starts: list[datetime]

    @classmethod
    def covering(
        cls, first: datetime, last: datetime, max_bins: int = 60, finest: str = "hour"
    ) -> Bins:
        unit = choose_unit(first, last, max_bins, finest)
        return cls(unit, bin_starts(first, last, unit))

    def count(self, events: Iterable[datetime | tuple[datetime, int]]) -> list[int]:
        """Events per bin; an event is a time, or a (time, how many) pair.
        Events outside the bins are not counted."""
        counts = [0] * len(self.starts)
        end = next_start(self.starts[-1], self.unit) if self.starts else None
        for event in events:
            moment, weight = event if isinstance(event, tuple) else (event, 1)
            if end is None or moment < self.starts[0] or moment >= end:
                continue
            counts[bisect.bisect_right(self.starts, moment) - 1] += weight
        return counts

    def position(self, moment: datetime) -> float | None:
        """Where ``moment`` falls, in bins from the first start (for marks on a chart)."""
        if not self.starts or moment < self.starts[0]:
            return None
        i = bisect.bisect_right(self.starts, moment) - 1
        start, end = self.starts[i], next_start(self.starts[i], self.unit)
        if i == len(self.starts) - 1 and moment >= end:
            return None
        return i + (moment - start) / (end - start)


def day_start(day: str) -> datetime | None:
    """``YYYY-MM-DD`` (as SQL's ``substr(published, 1, 10)`` gives) as midnight UTC."""
    try:
        d = date.fromisoformat(day)
    except (TypeError, ValueError):
        return None
    return datetime(d.year, d.month, d.day, tzinfo=UTC)
