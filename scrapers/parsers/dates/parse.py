"""Date normalisation: strings found in pages to ISO 8601.

The rule that matters for evidence: never invent precision.  A bare date stays
a date ("2019-04-24"), a time without a zone stays naive, and a stated zone is
kept as stated (no conversion to UTC).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

# fmt: off
MONTHS = {
    # en
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # es / pt / it / fr / de / nl
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    # sv / da / no (the rest is spelled as above)
    "augusti": 8, "marts": 3, "maj": 5, "desember": 12,
    # pl (genitive and nominative)
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6,
    "lipca": 7, "sierpnia": 8, "września": 9, "października": 10, "listopada": 11,
    "grudnia": 12, "styczeń": 1, "luty": 2, "marzec": 3, "kwiecień": 4, "czerwiec": 6,
    "lipiec": 7, "sierpień": 8, "wrzesień": 9, "październik": 10, "grudzień": 12,
    # cs
    "ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6,
    "července": 7, "srpna": 8, "září": 9, "října": 10, "listopadu": 11, "prosince": 12,
    # ro
    "ianuarie": 1, "februarie": 2, "martie": 3, "aprilie": 4, "iunie": 6, "iulie": 7,
    "septembrie": 9, "octombrie": 10, "noiembrie": 11, "decembrie": 12,
    # tr
    "ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7,
    "ağustos": 8, "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12,
    # fi
    "tammikuuta": 1, "helmikuuta": 2, "maaliskuuta": 3, "huhtikuuta": 4, "toukokuuta": 5,
    "kesäkuuta": 6, "heinäkuuta": 7, "elokuuta": 8, "syyskuuta": 9, "lokakuuta": 10,
    "marraskuuta": 11, "joulukuuta": 12,
    # ru (genitive and nominative)
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
    "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}
# fmt: on
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
MONTH_RE = _MONTH_RE  # the month names as one regex alternation, longest first

_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?!\d)"
)
# Year first with slashes or dots ("2022/05/11 04:10", "2022.05.11"), and the
# basic ISO form without separators, which needs its time ("20220511T100000Z").
_YMD = re.compile(
    r"(?<![\d.])(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?![\d/])"
    r"(?:\.?[T ,]\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
_BASIC_ISO = re.compile(
    r"(?<!\d)(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})?(?!\d)"
)
# Chinese, Japanese and Korean dates ("2022年5月11日 10:00", "2022년 5월 11일"),
# with the time after them in digits ("10時30分", "10:30").
_CJK = re.compile(
    r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号]"
    r"(?:[^\d]{0,8}?(\d{1,2})\s*[:：時时시]\s*(\d{2}))?"
)
_YEAR = re.compile(r"\d{4}")
# A time after the date, with its stated zone when it has one in numbers or as
# GMT/UTC ("Tue, 10 May 2022 21:22:00 +0200", "10:15 GMT"); zone names such as
# EDT or CET are ambiguous and left out.
_TIME = (
    r"(?:\D{0,12}?(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*([ap]\.?\s?m\.?)?"
    r"(?:\s*(Z|GMT|UTC|(?<=\s)[+-]\d{2}:?\d{2})(?![\w:]))?)?"
)
_DMY_NAME = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|\.)?\s*(?:de\s+)?("
    + _MONTH_RE
    + r")\.?,?\s*(?:de\s+)?(\d{4})"
    + _TIME,
    re.I,
)
# A range of days names its first ("14. - 20. Januar 2022", "14–20 January 2022").
# A spaced dash after a bare day is no range ("Seite 1 - 3. Mai 2021") unless a
# month name stands before it ("Jan 14 - 20, 2022").
_RANGE_DASH = r"(?:(?:st|nd|rd|th|\.)\s*[-–]\s*|[-–])(\d{1,2})"
_DMY_RANGE = re.compile(
    r"(?<!\d)(\d{1,2})"
    + _RANGE_DASH
    + r"(?:st|nd|rd|th|er|\.)?\s*(?:de\s+)?("
    + _MONTH_RE
    + r")\.?,?\s*(?:de\s+)?(\d{4})(?!\d)",
    re.I,
)
_MDY_RANGE = re.compile(
    r"(?<![^\W\d_])("
    + _MONTH_RE
    + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*[-–]\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)",
    re.I,
)
_MDY_NAME = re.compile(
    r"(?<![^\W\d_])(" + _MONTH_RE + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME, re.I
)
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d.])" + _TIME, re.I)
_RELATIVE = re.compile(
    r"(\d+|an?|one)\s+(second|minute|hour|day|week|month|year)s?\s+ago"
    r"|hace\s+(\d+|un|una)\s+(segundo|minuto|hora|día|dia|semana|mes|año)(?:e?s)?"
    r"|vor\s+(\d+|einer?|einem)\s+(sekunde|minute|stunde|tag|woche|monat|jahr)(?:e?n)?",
    re.I,
)
# fmt: off
_UNITS = {
    "second": 1, "segundo": 1, "sekunde": 1, "minute": 60, "minuto": 60,
    "hour": 3600, "hora": 3600, "stunde": 3600, "day": 86400, "día": 86400, "dia": 86400,
    "tag": 86400, "week": 604800, "semana": 604800, "woche": 604800,
    "month": 2592000, "mes": 2592000, "monat": 2592000, "year": 31536000, "año": 31536000,
    "jahr": 31536000,
}
# fmt: on


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return 1900 < y < 2100


def _fmt(y, m, d, hh=None, mm=None, ss=None, tz=None, ampm=None) -> str | None:
    y, m, d = int(y), int(m), int(d)
    if not _valid(y, m, d):
        return None
    out = f"{y:04d}-{m:02d}-{d:02d}"
    if hh is None or mm is None:
        return out
    h = int(hh)
    if ampm:
        pm = ampm.lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    if h > 23 or int(mm) > 59:
        return out
    out += f"T{h:02d}:{int(mm):02d}" + (f":{int(ss):02d}" if ss is not None else ":00")
    if tz:
        if tz.upper() == "Z":
            out += "Z"
        else:
            digits = tz[1:].replace(":", "")
            digits = digits + "00" if len(digits) == 2 else digits
            out += f"{tz[0]}{digits[:2]}:{digits[2:4]}"
    return out


def _zone(tz: str | None) -> str | None:
    return "Z" if tz and tz.upper() in ("GMT", "UTC") else tz


def _from_mdy(g: tuple) -> str | None:
    mon, d, y, hh, mm, ss, ampm, tz = g
    return _fmt(y, MONTHS[mon.lower()], d, hh, mm, ss, _zone(tz), ampm)


def _from_dmy(g: tuple) -> str | None:
    d, mon, y, hh, mm, ss, ampm, tz = g
    return _fmt(y, MONTHS[mon.lower()], d, hh, mm, ss, _zone(tz), ampm)


def _from_numeric(g: tuple) -> str | None:
    a, _sep, b, y, hh, mm, ss, ampm, tz = g
    # Day first is the norm outside the US; take month first only if forced.
    d, mo = (a, b) if int(b) <= 12 else (b, a)
    return _fmt(y, mo, d, hh, mm, ss, _zone(tz), ampm)


def _range_start(y: str, mon: str, first: str, last: str) -> str | None:
    return _fmt(y, MONTHS[mon.lower()], first) if int(first) < int(last) else None


# Tried in this order: the first that yields a valid date wins.
# What a format needs in the text to match at all, tested before its regex:
# a dash (the ranges), a month's name (the name formats, whose regex of every
# month name in every language is slow to fail).
_ANY, _DASH, _MONTH, _DASH_AND_MONTH, _CJK_SIGN, _YEAR_FIRST = 0, 1, 2, 3, 4, 8
_FORMATS = (
    (_ISO, lambda g: _fmt(*g), _ANY),
    (_YMD, lambda g: _fmt(g[0], *g[2:]), _YEAR_FIRST),
    (_BASIC_ISO, lambda g: _fmt(*g), _YEAR_FIRST),
    (_CJK, lambda g: _fmt(*g), _CJK_SIGN),
    (_MDY_RANGE, lambda g: _range_start(g[3], g[0], g[1], g[2]), _DASH_AND_MONTH),
    (_MDY_NAME, _from_mdy, _MONTH),
    (_DMY_RANGE, lambda g: _range_start(g[3], g[2], g[0], g[1]), _DASH_AND_MONTH),
    (_DMY_NAME, _from_dmy, _MONTH),
    (_NUMERIC, _from_numeric, _ANY),
)
_WORD = re.compile(r"[^\W\d_]{3,}")
# What follows the first four-digit number when the year comes first ("2022/05/11",
# "2022.05.11", "20220511T..."): the cheap test that spares the other text two regexes.
_AFTER_YEAR_FIRST = frozenset("/.0123456789")


def _names_a_month(text: str) -> bool:
    return any(w.lower() in MONTHS for w in _WORD.findall(text))


def parse_date(text: str | None, *, fetched_at: str | None = None) -> tuple[str | None, bool]:
    """Return ``(iso, approximate)`` for a date string, or ``(None, False)``.

    >>> parse_date("2019-04-24T10:15:00+03:00")
    ('2019-04-24T10:15:00+03:00', False)
    >>> parse_date("April 24, 2019 at 10:15 pm")
    ('2019-04-24T22:15:00', False)
    >>> parse_date("24 de abril de 2019")
    ('2019-04-24', False)
    >>> parse_date("3 days ago", fetched_at="2020-01-10T12:00:00Z")
    ('2020-01-07T12:00:00Z', True)
    """
    if not text:
        return None, False
    if fetched_at or len(text) > 400:  # (a long text is rarely met twice; keys stay small)
        return _parse(text.strip()[:300], fetched_at)
    found = _PARSED.get(text)
    if found is None:
        if len(_PARSED) >= 20000:  # (bounded: a crawl meets many sites)
            _PARSED.clear()
        found = _PARSED[text] = _parse(text.strip()[:300], None)
    return found


# parse_date()'s answers without ``fetched_at`` per text: the date rules read the
# same lines by the headline again and again (near, update, printed), and a site
# repeats its date strings on every page.
_PARSED: dict[str, tuple[str | None, bool]] = {}


def _parse(text: str, fetched_at: str | None) -> tuple[str | None, bool]:
    year = _YEAR.search(text)
    if not year:  # every absolute format below has a four-digit year
        return _relative(text, fetched_at) if fetched_at else (None, False)
    has = (
        (_DASH if "-" in text or "–" in text else 0)
        | (_MONTH if _names_a_month(text) else 0)
        | (_CJK_SIGN if "年" in text or "년" in text else 0)
        | (_YEAR_FIRST if text[year.end() : year.end() + 1] in _AFTER_YEAR_FIRST else 0)
    )
    for pattern, build, needs in _FORMATS:
        if needs & has != needs:
            continue
        m = pattern.search(text)
        if m and (iso := build(m.groups())):
            return iso, False
    if fetched_at:
        return _relative(text, fetched_at)
    return None, False


def parse_stated(raw: str | None) -> str | None:
    """A date a page states for machines (JSON-LD, ``<meta>``): any form
    :func:`parse_date` reads, or a Unix time in seconds or milliseconds
    (``"datePublished": 1652256000``), which names an instant and no zone, so
    it is given in UTC.

    >>> parse_stated("1652256000")
    '2022-05-11T08:00:00Z'
    """
    iso = parse_date(raw)[0]
    if iso or not raw or not raw.isdigit() or len(raw) not in (10, 13):
        return iso
    seconds = int(raw[:10])
    if not 631152000 <= seconds < 4102444800:  # (1990 to 2100)
        return None
    when = datetime.fromtimestamp(seconds, tz=UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _relative(text: str, fetched_at: str) -> tuple[str | None, bool]:
    m = _RELATIVE.search(text)
    if not m:
        return None, False
    groups = [g for g in m.groups() if g is not None]
    count, unit = groups[0].lower(), groups[1].lower()
    n = int(count) if count.isdigit() else 1
    seconds = _UNITS.get(unit, 0) * n
    try:
        anchor = datetime.fromisoformat(fetched_at.replace("Z", "+00:00"))
    except ValueError:
        return None, False
    when = anchor - timedelta(seconds=seconds)
    iso = when.isoformat(timespec="seconds")
    if fetched_at.endswith("Z"):
        iso = iso.replace("+00:00", "Z")
    return iso, True
