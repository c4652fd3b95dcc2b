"""The recrawl policy: a pure function of what the archive knows about an
article and the time (see ``archive.recrawl.middleware`` for how a crawl applies it).

Defaults: every run in an article's first 2 days, daily until 14 days,
weekly until 60 days, then never; closed comments double the interval, new
comments at the last fetch halve it; a sitemap date newer than the last
check makes any article due, and one that is not skips an article without
open comments.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

DEFAULT_POLICY: dict[str, Any] = {
    # (age below this many days, refetch interval in days); older: never
    "tiers": [[2, 0], [14, 1], [60, 7]],
    "closed_factor": 2.0,  # comments closed or absent: interval times this
    "active_factor": 0.5,  # new comments at the last fetch: interval times this
    "slack": 0.1,  # due when this fraction of the interval is left (cron jitter)
}


def parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 date or date-time as an aware datetime (naive: UTC).

    >>> parse_time("2024-12-01").isoformat()
    '2024-12-01T00:00:00+00:00'
    >>> parse_time("2024-12-01T10:00:00-05:00").hour
    10
    """
    if not value:
        return None
    try:
        if len(value) == 10:
            when = datetime.combine(date.fromisoformat(value), datetime.min.time())
        else:
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:  # an RFC 2822 feed date
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def newer(a: str, b: str) -> bool:
    """Whether date ``a`` is later than date ``b`` (unparsable dates never are).

    >>> newer("2024-12-02", "Sun, 01 Dec 2024 10:00:00 GMT")
    True
    """
    ta, tb = parse_time(a), parse_time(b)
    return ta is not None and (tb is None or ta > tb)


def iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Known:
    """What the archive knows about an article URL."""

    url: str
    published: str | None
    first_seen: str | None
    comments_open: int | None
    new_comments: int | None
    checked_at: str | None
    etag: str | None
    last_modified: str | None


@dataclass(slots=True)
class Policy:
    tiers: list[tuple[float, float]] = field(default_factory=list)
    closed_factor: float = 2.0
    active_factor: float = 0.5
    slack: float = 0.1

    @classmethod
    def from_config(cls, *layers: dict[str, Any] | str | None) -> Policy:
        """Defaults, then each layer (a dict or JSON text) overriding keys."""
        merged = dict(DEFAULT_POLICY)
        for layer in layers:
            if isinstance(layer, str):
                layer = json.loads(layer) if layer.strip() else {}
            merged.update(layer or {})
        unknown = set(merged) - set(DEFAULT_POLICY)
        if unknown:
            raise ValueError(f"unknown recrawl policy keys: {sorted(unknown)}")
        tiers = sorted((float(a), float(i)) for a, i in merged["tiers"])
        return cls(
            tiers,
            float(merged["closed_factor"]),
            float(merged["active_factor"]),
            float(merged["slack"]),
        )

    def interval(self, known: Known, now: datetime) -> timedelta | None:
        """How often this article is refetched now; None: never again."""
        born = parse_time(known.published) or parse_time(known.first_seen)
        age_days = (now - born).total_seconds() / 86400 if born else 0.0
        for below, every in self.tiers:
            if age_days < below:
                days = every
                break
        else:
            return None
        if known.comments_open != 1:
            days *= self.closed_factor
        if known.new_comments:
            days *= self.active_factor
        return timedelta(days=days)

    def due(self, known: Known, now: datetime, lastmod: str | None = None) -> bool:
        checked = parse_time(known.checked_at)
        if checked is None:
            return True
        changed = parse_time(lastmod)
        if changed is not None:
            if changed > checked:
                return True  # the site says it changed since we looked
            if known.comments_open != 1:
                return False  # it says it did not, and no open thread can have grown
        every = self.interval(known, now)
        if every is None:
            return False
        return now - checked >= every * (1 - self.slack)
