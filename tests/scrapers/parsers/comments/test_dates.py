"""Comment dates the shared date parser leaves over: German relative and day
words, two-digit years; the clock is frozen (``FETCHED_AT``)."""

from __future__ import annotations

import doctest

from scrapers.parsers.comments import when
from tests.scrapers.parsers.comments._util import thread


def test_german_relative_dates_fixture() -> None:
    t = thread("relative_de.html")
    got = [(c.author, c.published, c.published_raw, c.published_approx) for c in t.comments]
    assert got == [
        ("Anna", "2024-06-10T11:55:00Z", "vor 5 Min.", True),
        ("Bert", "2024-06-10T10:00:00Z", "vor 2 Std.", True),
        ("Cem", "2024-06-09T18:03:00Z", "gestern, 18:03", True),
        ("Dana", "2024-06-07T12:00:00Z", "vor 3 Tagen", True),
        ("Eli", "2024-05-11T12:00:00Z", "vor einem Monat", True),
    ]
    assert [c.text for c in t.comments][:2] == ["Gerade gelesen.", "Stimmt."]


def test_relative_needs_a_clock_and_sane_input() -> None:
    assert when.relative("vor 5 Min.", None) is None
    assert when.relative("yesterday at 9:15 pm", "2024-06-10T12:00:00Z") == "2024-06-09T21:15:00Z"
    assert when.relative("heute", "2024-06-10T12:00:00Z") == "2024-06-10"
    assert when.relative("vor 5 Wundern", "2024-06-10T12:00:00Z") is None
    assert when.comment_date("31.02.19", None) == (None, False)


def test_when_doctests() -> None:
    assert doctest.testmod(when).failed == 0
