"""Dates: reading a date string, and the article's publication and update dates.

- ``parse``: one date string in any of the forms pages print, to ISO 8601
  (shared by bylines, comments and the body's meta lines);
- ``published``: ``published`` and ``modified`` from metadata, ``<time>``
  elements and printed dates, in order of trust;
- ``printed``: dates printed near the headline, weighed by the words before them;
- ``fallbacks``: last resorts (a labelled date in the text, a copyright year).

May import: :mod:`scrapers.parsers.document`.
"""

from scrapers.parsers.dates.parse import parse_date
from scrapers.parsers.dates.published import extract_dates

__all__ = ["extract_dates", "parse_date"]
