"""Last-resort dates: a labelled sentence anywhere, the copyright stamp.

Used only when neither metadata, markup, the line by the headline nor the
URL date a page: such lines stand anywhere (a sidebar's "posted on" is not
told from the article's), so they are the weakest printed evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapers.parsers.dates.parse import parse_date

# "... wurde am 19. Mai 2010 um 23:03 Uhr gepostet", "Diese Seite wurde zuletzt am
# 29. Januar 2020 um 13:22 Uhr geändert"; in English "Posted on", "last edited on".
# Found by their literal words first: a regex over the whole text costs a
# millisecond on a long page, a substring search a few microseconds.
_WURDE_AM = re.compile(
    r"wurde\s+(?:zuletzt\s+)?am\s+(.{6,40}?)\s+(?:gepostet|veröffentlicht|publiziert"
    r"|geändert|bearbeitet|erstellt)\b"
)
_ON = ("osted on ", "ublished on ", "dited on ", "odified on ", "pdated on ")
_COPYRIGHT = ("©", "opyright", "(c)", "(C)")
_AFTER_COPYRIGHT = re.compile(r"\s*(?:©\s*)?(\d.{5,29})")


def _occurrences(text: str, literal: str, limit: int = 5) -> Iterator[int]:
    """Where ``literal`` ends in ``text``, its first ``limit`` occurrences."""
    pos = text.find(literal)
    for _ in range(limit):
        if pos < 0:
            return
        yield pos + len(literal)
        pos = text.find(literal, pos + 1)


def labelled_in_text(text: str) -> tuple[str | None, str | None]:
    """A date the text labels as the page's posting or last change.

    Only a fallback: such lines stand anywhere, so nothing tells the article's
    from a sidebar's.
    """
    for end in _occurrences(text, "wurde "):
        m = _WURDE_AM.match(text, end - 6)
        if m and (iso := parse_date(m.group(1))[0]):
            return iso, m.group(1).strip()
    for literal in _ON:
        for end in _occurrences(text, literal):
            raw = text[end : end + 30]
            if iso := parse_date(raw)[0]:
                return iso, raw.strip()
    return None, None


def copyright_date(text: str) -> tuple[str | None, str | None]:
    """A full date in the copyright notice: the stamp a site generator puts on
    the page.  A year alone is no date.

    >>> copyright_date("Copyright © 19.12.2019 - 12:14 h by Qualisys GmbH")
    ('2019-12-19T12:14:00', '19.12.2019 - 12:14 h by Qualis')
    >>> copyright_date("© 2019 Qualisys GmbH")
    (None, None)
    """
    for literal in _COPYRIGHT:
        for end in _occurrences(text, literal):
            m = _AFTER_COPYRIGHT.match(text, end)
            if m and (iso := parse_date(m.group(1))[0]):
                return iso, m.group(1).strip()
    return None, None
