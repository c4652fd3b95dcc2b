"""Comment dates: what ``scrapers.parsers.dates.parse`` leaves to the comment parser.

Comment meta lines are terser than article datelines: two-digit years
("28.09.19 12:44"), abbreviated relative times ("vor 5 Min.", "2 hrs ago",
"il y a 3 jours") and day words ("gestern, 18:03", "yesterday at 9:15 pm").
The shared date parser is tried first; these fallbacks only see what it
rejected.  Relative dates are anchored on the fetch time and flagged approximate.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from lxml import etree

from scrapers.parsers.dates.parse import parse_date
from scrapers.parsers.document.text import inline_text

_SHORT_YEAR = re.compile(
    r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{2})\s*(?:,|um)?\s*(\d{1,2}:\d{2})?\s*(?:uhr)?\s*$", re.I
)
# Numeric dates the shared parser leaves: "03-14-2015, 08:14 PM" (vBulletin's
# dashes) and "17.07, 2011 @ 16:42" (a comma before the year); day first
# unless the numbers force month first, as the shared parser reads "/" and ".".
_NUMERIC_ODD = re.compile(
    r"(?<![\d.-])(\d{1,2})(?:-(\d{1,2})-|\.(\d{1,2}),\s?)(\d{4})(?![\d.-])"
    r"(?:\D{0,6}?(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)?)?",
    re.I,
)
# Unit words in full, plural and abbreviated forms (en, de, fr), to seconds.
_UNITS = (
    (re.compile(r"s|secs?|seconds?|sek(?:unden?)?|secondes?"), 1),
    (re.compile(r"m|mins?|minutes?|minuten?"), 60),
    (re.compile(r"h|hrs?|hours?|std|stunden?|heures?"), 3600),
    (re.compile(r"d|days?|tage?n?|jours?"), 86400),
    (re.compile(r"w|wks?|weeks?|wochen?|semaines?"), 604800),
    (re.compile(r"mo|mon|months?|monate?n?|mois"), 2592000),
    (re.compile(r"y|yrs?|years?|jahre?n?|ans?|années?"), 31536000),
)
_REL = re.compile(
    r"(?:vor|il y a)\s+(\d{1,3}|einer?|einem|une?)\s*([a-zé]{1,8})\b\.?"
    r"|(\d{1,3})\s*([a-z]{1,7})\.?\s+ago",
    re.I,
)
_DAY_WORDS = {"heute": 0, "today": 0, "aujourd'hui": 0, "gestern": 1, "yesterday": 1, "hier": 1}
_DAY = re.compile(
    r"^\s*(heute|today|aujourd'hui|gestern|yesterday|hier)\b\D{0,6}(?:(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)?)?",
    re.I,
)


# A date string has a digit or a relative/day word; the full parsers (month
# names in many languages) are costly, so everything else is skipped early.
MAY_DATE = re.compile(r"\d|ago|vor |hace|il y a|heute|gestern|today|yesterday|hier|aujourd", re.I)


def short_year(raw: str) -> str | None:
    """ "28.09.19 12:44" (day first, two-digit year, as forums print it) to ISO.

    >>> short_year("28.09.19 12:44")
    '2019-09-28T12:44:00'
    """
    m = _SHORT_YEAR.match(raw)
    if not m:
        return None
    d, mo, y, hm = m.groups()
    iso, _ = parse_date(f"20{y}-{int(mo):02d}-{int(d):02d}" + (f" {hm}" if hm else ""))
    return iso


def odd_numeric(raw: str) -> str | None:
    """ "03-14-2015, 08:14 PM" and "17.07, 2011 @ 16:42" to ISO.

    >>> odd_numeric("03-14-2015, 08:14 PM")
    '2015-03-14T20:14:00'
    >>> odd_numeric("17.07, 2011 @ 16:42")
    '2011-07-17T16:42:00'
    """
    m = _NUMERIC_ODD.search(raw)
    if not m:
        return None
    a, b1, b2, y, hh, mm, ampm = m.groups()
    b = b1 or b2
    d, mo = (a, b) if int(b) <= 12 else (b, a)
    text = f"{y}-{int(mo):02d}-{int(d):02d}"
    if hh is not None:
        h = int(hh)
        if ampm:
            h = h % 12 + (12 if ampm.lower().startswith("p") else 0)
        text += f" {h:02d}:{mm}"
    iso, _ = parse_date(text)
    return iso


# Month names of languages the shared parser does not read (genitive forms
# where dates use them): Polish, Czech, Swedish, Danish/Norwegian, Turkish,
# Romanian, Croatian.  Only "D MONTH YYYY[, HH:MM]" is read with them.
_MORE_MONTHS = {
    **dict.fromkeys(["stycznia", "styczeń", "ledna", "leden", "ocak", "ianuarie", "siječnja"], 1),
    **dict.fromkeys(["lutego", "luty", "února", "únor", "şubat", "februarie", "veljače"], 2),
    **dict.fromkeys(["marca", "marzec", "března", "březen", "mars", "mart", "martie", "ožujka"], 3),
    **dict.fromkeys(["kwietnia", "kwiecień", "dubna", "duben", "nisan", "aprilie", "travnja"], 4),
    **dict.fromkeys(["maja", "maj", "května", "květen", "mayıs", "mai", "svibnja"], 5),
    **dict.fromkeys(["czerwca", "czerwiec", "června", "červen", "haziran", "iunie", "lipnja"], 6),
    **dict.fromkeys(["lipca", "lipiec", "července", "červenec", "temmuz", "iulie", "srpnja"], 7),
    **dict.fromkeys(
        ["sierpnia", "sierpień", "srpna", "srpen", "ağustos", "augusti", "kolovoza"], 8
    ),
    **dict.fromkeys(["września", "wrzesień", "září", "eylül", "septembrie", "rujna"], 9),
    **dict.fromkeys(["października", "październik", "října", "říjen", "ekim"], 10),
    **dict.fromkeys(["listopada", "listopad", "kasım", "noiembrie", "studenoga"], 11),
    **dict.fromkeys(["grudnia", "grudzień", "prosince", "prosinec", "aralık", "prosinca"], 12),
    **dict.fromkeys(["januari", "januar"], 1),
    **dict.fromkeys(["februari", "februar"], 2),
    **dict.fromkeys(["april"], 4),
    **dict.fromkeys(["juni"], 6),
    **dict.fromkeys(["juli"], 7),
    **dict.fromkeys(["august"], 8),
    **dict.fromkeys(["september"], 9),
    **dict.fromkeys(["oktober", "octombrie"], 10),
    **dict.fromkeys(["november"], 11),
    **dict.fromkeys(["december", "decembrie"], 12),
}
_MORE_MONTH_DATE = re.compile(
    r"(?<!\d)(\d{1,2})\.?\s+([^\W\d_]{3,12})\.?,?\s+(\d{4})(?:\D{0,6}?(\d{1,2}):(\d{2}))?",
    re.I,
)


def other_month(raw: str) -> str | None:
    """ "11 maja 2021, 22:32" (Polish) and other month names the shared parser lacks.

    >>> other_month("wtorek, 11 maja 2021, 22:32")
    '2021-05-11T22:32:00'
    """
    m = _MORE_MONTH_DATE.search(raw)
    if not m:
        return None
    d, name, y, hh, mm = m.groups()
    mo = _MORE_MONTHS.get(name.lower())
    if mo is None:
        return None
    iso, _ = parse_date(f"{y}-{mo:02d}-{int(d):02d}" + (f" {int(hh):02d}:{mm}" if hh else ""))
    return iso


def _anchor(fetched_at: str) -> datetime | None:
    try:
        return datetime.fromisoformat(fetched_at.replace("Z", "+00:00"))
    except ValueError:
        return None


def _unit(word: str) -> int | None:
    w = word.lower()
    return next((secs for pattern, secs in _UNITS if pattern.fullmatch(w)), None)


def _iso(when: datetime, fetched_at: str, with_time: bool = True) -> str:
    if not with_time:
        return when.date().isoformat()
    iso = when.isoformat(timespec="seconds")
    return iso.replace("+00:00", "Z") if fetched_at.endswith("Z") else iso


def relative(raw: str, fetched_at: str | None) -> str | None:
    """Abbreviated relative times and day words, resolved against ``fetched_at``.

    >>> relative("vor 5 Min.", "2024-06-10T12:00:00Z")
    '2024-06-10T11:55:00Z'
    >>> relative("gestern, 18:03", "2024-06-10T12:00:00Z")
    '2024-06-09T18:03:00Z'
    >>> relative("il y a 3 jours", "2024-06-10T12:00:00Z")
    '2024-06-07T12:00:00Z'
    """
    anchor = _anchor(fetched_at) if fetched_at else None
    if anchor is None or len(raw) > 60:
        return None
    m = _REL.search(raw)
    if m:
        count, word = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        unit = _unit(word)
        if unit:
            n = int(count) if count.isdigit() else 1
            return _iso(anchor - timedelta(seconds=n * unit), fetched_at)
    m = _DAY.match(raw)
    if not m:
        return None
    day = anchor - timedelta(days=_DAY_WORDS[m.group(1).lower()])
    if m.group(2) is None:
        return _iso(day, fetched_at, with_time=False)
    h, ampm = int(m.group(2)), m.group(4)
    if ampm:
        h = h % 12 + (12 if ampm.lower().startswith("p") else 0)
    if h > 23 or int(m.group(3)) > 59:
        return None
    return _iso(day.replace(hour=h, minute=int(m.group(3)), second=0), fetched_at)


def comment_date(raw: str, fetched_at: str | None) -> tuple[str | None, bool]:
    """``(iso, approximate)`` for a comment's date string, or ``(None, False)``."""
    iso, approx = parse_date(raw, fetched_at=fetched_at)
    if iso:
        return iso, approx
    iso = short_year(raw) or odd_numeric(raw) or other_month(raw)
    if iso:
        return iso, False
    iso = relative(raw, fetched_at)
    return (iso, True) if iso else (None, False)


def date_from(el: etree._Element, fetched_at: str | None) -> tuple[str | None, str | None, bool]:
    """``(iso, raw, approximate)`` from a date element's attributes, else its text."""
    for attr in ("datetime", "content", "title", "data-date"):
        raw = el.get(attr)
        if raw:
            iso, approx = parse_date(raw, fetched_at=fetched_at)
            if iso:
                return iso, raw, approx
    raw = inline_text(el)
    if raw and len(raw) <= 80 and MAY_DATE.search(raw):
        iso, approx = comment_date(raw, fetched_at)
        if iso:
            return iso, _printed(el, raw, iso, fetched_at) if len(el) else raw, approx
    return None, None, False


def _printed(el: etree._Element, raw: str, iso: str, fetched_at: str | None) -> str:
    """The date as printed where a meta line gives it in an element of its
    own beside other words ("<li>November 1, 2012</li><li>Mike T</li>"): the
    lenient date parser reads the whole line, but the name beside the date is
    found only when the date's own words are known."""
    for child in el.iterdescendants(etree.Element):
        text = inline_text(child)
        if (
            text
            and len(text) < len(raw)
            and MAY_DATE.search(text)
            and comment_date(text, fetched_at)[0] == iso
        ):
            # a clock time printed beside it is part of the date ("12:10pm on <b>16th Jan</b>")
            clock = _CLOCK.search(raw.replace(text, " "))
            return raw if clock and not _CLOCK.search(text) else text
    return raw


_CLOCK = re.compile(r"\d[:.]\d\d")
