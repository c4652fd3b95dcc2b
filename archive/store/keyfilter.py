"""A cheap "certainly not in the archive" test, so per-request lookups skip SQL.

The crawl asks the archive a question for almost every request (is this URL a
known article? does a capture hold this payload already? has this article a
previous version?), and on a first crawl, or for new pages, the answer is
nearly always no.  An SQL query costs tens of microseconds on the crawl's one
core; a bit test costs well under one.  A :class:`KeyFilter` holds one bit per
hash bucket (a one-hash Bloom filter): a clear bit means the key was never
added, a set bit means "maybe", and the caller asks SQLite as before.  Its size
is fixed (2 MB), so a large archive costs more false "maybe"s, never memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

_BITS = 1 << 24  # 2 MB; ~6% false "maybe" with a million keys


class KeyFilter:
    """Keys added so far (with false positives, never false negatives).

    >>> f = KeyFilter(["https://a.example/1/"])
    >>> "https://a.example/1/" in f, "https://a.example/2/" in f
    (True, False)
    >>> f.add("https://a.example/2/"); "https://a.example/2/" in f
    True
    """

    __slots__ = ("bits",)

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self.bits = bytearray(_BITS >> 3)
        self.update(keys)

    def add(self, key: str) -> None:
        h = hash(key) & (_BITS - 1)
        self.bits[h >> 3] |= 1 << (h & 7)

    def update(self, keys: Iterable[str]) -> None:
        bits = self.bits
        for key in keys:
            h = hash(key) & (_BITS - 1)
            bits[h >> 3] |= 1 << (h & 7)

    def __contains__(self, key: str) -> bool:
        h = hash(key) & (_BITS - 1)
        return bool(self.bits[h >> 3] & (1 << (h & 7)))

    @classmethod
    def from_query(cls, conn: sqlite3.Connection, sql: str) -> KeyFilter:
        """A filter of the first column of every row ``sql`` returns (NULLs skipped)."""
        return cls(row[0] for row in conn.execute(sql) if row[0] is not None)
