"""Dates a page prints as text: by the headline, labelled, in the footer.

Metadata states a date for machines; the text states the one the reader
sees.  Which printed date belongs to the article is a question of position
(the line by the headline, not a teaser list further down) and of what the
words around it say ("Registriert:", "Aktuelle Zeit:", "Der nächste
Stammtisch findet am ..." date something else than the article).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain, islice
from typing import NamedTuple

from scrapers.parsers.dates.parse import MONTH_RE, MONTHS, parse_date
from scrapers.parsers.document.headline import headline_at
from scrapers.parsers.document.scan import PageScan


class Printed(NamedTuple):
    """A date printed in the page: element index, ISO date, the text it was read from."""

    i: int
    iso: str
    raw: str


# A date opening a paragraph, set off from the text ("27.1.2022 - Bei der ...").
_DATE = (
    r"(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d\d-\d\d"
    r"|\d{1,2}\.?\s+(?:de\s+)?[^\W\d]+\.?,?\s+(?:del?\s+)?\d{4}"  # ("1 de febrero de 2022")
    r"|[^\W\d]+\.?\s+\d{1,2},\s+\d{4})"
)
# ... or set in parentheses, after at most a place ("(21. November 2022) Energie...",
# "Karlsruhe, (12.11.2021). Traditionell ..."), or after a place and a comma
# ("Berlin, 01.02.2022 – Die Stadt ...", "Karlsruhe, 11. November 2021. Die ...").
_DATELINE = re.compile(
    rf"\s*(?:{_DATE}\s*[-–—|:/„\"(]|(?:[^\W\d][\w.-]*,?\s+){{0,2}}\(\s*{_DATE}\s*\)"
    rf"|(?:[^\W\d][\w.'-]*\s+){{0,2}}[^\W\d][\w.'-]*,\s*{_DATE}\s*[-–—|:/.(])"
)
# A two-digit year is a date only when it stands alone ("31.10.23", "23.09.22 - 14:05").
_SHORT_YEAR = re.compile(
    r"\s*(\d{1,2})\.(\d{1,2})\.(\d{2})(?:,?\s*(?:[-|]\s*)?(\d{1,2})[:.](\d{2})(?:\s*uhr)?)?\s*",
    re.I,
)
# ... or after a month name, in a dateline of at most a place or a weekday
# ("(Pescasseroli, 14 Gennaio 20)", "Mi. 5. Feb. 20").
_SHORT_YEAR_NAMED = re.compile(
    r"\W*(?:[^\W\d]+\.?,?\s+){0,2}(\d{1,2})\.?\s+(" + MONTH_RE + r")\.?,?\s+'?(\d{2})\W*", re.I
)
# Labels that date something else than the article: the clock of a forum,
# a member's registration, a last visit, a birthday.
_OTHER_DATE_LABEL = re.compile(
    r"(?:aktuelle zeit|current time|it is currently|heute ist|today is|registriert"
    r"|registered|joined|mitglied seit|member since|dabei seit|last visit|letzter besuch"
    r"|geburtstag|birthday|termin|veranstaltung|event|deadline|einsendeschluss|frist"
    r"|\bab(?: dem)?|\bbis(?: zum)?|\buntil|\bfrom|\bbeginn|\bbegins?|\bstarts?|\bende|\bends?)\W*$",
    re.I,
)
# A picture credit or copyright line ("© Kurt Wessolek, 31.05.2013", "Foto: dpa, 3.5.2021").
_CREDIT = re.compile(r"©|\(c\)|copyright|\bfoto\b|\bphoto\b|\bbild\b", re.I)
# Words that make a date in a longer line the line's point: a byline or a label.
_DATE_CUE = re.compile(
    r"\b(?:by|von|vom|posted|published|publiziert|veröffentlicht|gepostet|geschrieben|written"
    r"|erstellt|created|publié|publicado|pubblicato|erschienen|datum|date|stand|updated"
    r"|aktualisiert|editiert|edited)\b",
    re.I,
)
# ... of which these say the publication itself, so a long line holding one
# (a byline with places and sections) is read for its date too.
_PUBLISHED_CUE = re.compile(
    r"\b(?:posted|published|publiziert|veröffentlicht|gepostet|publié|publicado|pubblicato"
    r"|erschienen|gepubliceerd|publicerad|opublikowano|publikováno)\b",
    re.I,
)
_FIRST_DIGIT = re.compile(r"\d")


def _short_texts(s: PageScan, indices: range) -> Iterator[tuple[int, str, str]]:
    """Text and tail pieces of 6 to 80 characters, each with the piece before it.

    Longer pieces that open with a dateline yield that opening; those near the
    start that say they are the publication's line ("Von ..., veröffentlicht
    am 01.02.2022 um 10 Uhr in ...") yield the words around that.
    """
    before = ""
    near = indices.start + 60  # (long lines are read for a byline's date only this close)
    for i in indices:
        el = s.nodes[i]
        for raw in (el.text, el.tail):
            if not raw:
                continue
            n = len(raw.strip())
            if 6 <= n <= 80:
                yield i, raw, before
            elif n > 80 and (m := _DATELINE.match(raw)):
                yield i, m.group(), before
            elif n <= 200 and i < near and (m := _PUBLISHED_CUE.search(raw, 0, 80)):
                yield i, raw[: m.end() + 60], before
            if n:
                before = raw


_HIDDEN = re.compile(
    r"(?:^|\s)(?:hidden|hide|h-hide|h-sr-only|sr-only|visually-hidden|screen-reader-text"
    r"|d-none)(?:\s|$)"
)


_NO_DISPLAY = re.compile(r"display\s*:\s*none")


def _hidden(s: PageScan, i: int, raw: str) -> bool:
    """True when the piece is not shown: machine dates for a schema, not printed.

    A hiding class counts on the element (for its text) and its parent; further
    up only an inline ``display: none`` does (a class "hide" on a whole header
    is often a toggle).
    """
    if raw is s.nodes[i].text and _HIDDEN.search(s.attr(i)):
        return True
    p = s.parent[i]
    if p >= 0 and _HIDDEN.search(s.attr(p)):
        return True
    for _ in range(8):  # a schema block hidden as a whole sits a few levels up
        if p < 0:
            break
        style = s.nodes[p].get("style")
        if style and _NO_DISPLAY.search(style):
            return True
        p = s.parent[p]
    return False


_EVENT = re.compile(r"start-?_?date|end-?_?date|event-?_?date")
_CAPTION_TAGS = frozenset(["figcaption", "figure"])


def _dates_a_picture_or_event(s: PageScan, i: int) -> bool:
    """True inside a figure or its caption ("Topside Installation 28.04.2014"), or
    by an event's start or end (``itemprop="startDate"``): their dates are not the
    article's."""
    p = i
    for _ in range(4):
        if p < 0:
            break
        if s.tags[p] in _CAPTION_TAGS or (p == i and _EVENT.search(s.attr(p))):
            return True
        p = s.parent[p]
    return False


def _printed(s: PageScan, i: int, raw: str, before: str) -> Printed | None:
    iso = near_date(raw, before)
    if not iso or _hidden(s, i, raw) or _dates_a_picture_or_event(s, i):
        return None
    return Printed(i, iso, raw.strip())


def dates_something_else(raw: str, before: str = "") -> bool:
    """True when the words before the date say it is not the article's date.

    A label for another date ("Registriert: 18.09.2008"), or a sentence that
    merely mentions a day ("Der nächste Stammtisch findet am Mi. 5. Februar").
    """
    m = _FIRST_DIGIT.search(raw)
    prefix = raw[: m.start()] if m else raw
    if (
        _OTHER_DATE_LABEL.search(prefix)
        or _CREDIT.search(prefix)
        or (not prefix.strip() and _OTHER_DATE_LABEL.search(before[-40:]))
    ):
        return True
    return len(prefix.split()) >= 5 and not _DATE_CUE.search(prefix)


def _short_year(raw: str) -> str | None:
    """A date with a two-digit year, when it stands alone in the line."""
    end = raw.rstrip(" )].,\n\t\r\xa0")
    if raw.count(".") >= 2 and (m := _SHORT_YEAR.fullmatch(raw)):
        d, mo, y, hh, mm = m.groups()
    elif (
        end[-2:].isdigit() and not end[-3:-2].isdigit() and (m := _SHORT_YEAR_NAMED.fullmatch(raw))
    ):
        d, mon, y = m.groups()
        mo, hh, mm = str(MONTHS[mon.lower()]), None, None
    else:
        return None
    return parse_date(f"20{y}-{int(mo):02d}-{int(d):02d}" + (f" {hh}:{mm}" if hh else ""))[0]


def near_date(raw: str, before: str = "") -> str | None:
    """A date in a short line by the headline, two-digit years included."""
    iso = parse_date(raw)[0] or _short_year(raw)
    return None if iso and dates_something_else(raw, before) else iso


class Around:
    """The short lines of text around the headline, read once for every date rule.

    Reading an element's text and tail from Python is the cost here, so the
    lines below the headline are read on demand and kept for the next rule.
    """

    def __init__(self, s: PageScan, title: str | None = None) -> None:
        self.s = s
        self.start = headline_at(s, title)
        self._below = islice(_short_texts(s, range(self.start, len(s.nodes))), 40)
        self._read: list[tuple[int, str, str]] = []
        self._near: list[Printed | None] = []

    def below(self) -> Iterator[tuple[int, str, str]]:
        """The pieces from the headline down (at most 40), in reading order."""
        yield from self._read
        for piece in self._below:
            self._read.append(piece)
            yield piece

    def near(self) -> Printed | None:
        """A date in a short line right after the headline, or nearer before it.

        Walks the page in reading order from the headline (the heading that
        reads as the title, else the first ``<h1>``, else the top of the
        body), whatever the markup around it.
        """
        if not self._near:
            self._near.append(self._find_near())
        return self._near[0]

    def _find_near(self) -> Printed | None:
        s, start = self.s, self.start
        # Not the headline's own words ("Protokoll der Sitzung vom 10. Oktober 2019"),
        # nor an element marked as the date of the last change only (WordPress
        # marks a never-changed post's date "published updated").
        skip = set(s.modified).difference(s.published)
        skip.update(range(start, s.end[start]) if start != s.body else ())
        below = next(
            (
                p
                for i, raw, prev in self.below()
                if i not in skip and (p := _printed(s, i, raw, prev))
            ),
            None,
        )
        limit = below.i - start if below else len(s.nodes)
        first = max(s.body, start - 40, start - limit + 1)
        pieces = list(_short_texts(s, range(first, start)))[-20:]
        for k in range(len(pieces) - 1, -1, -1):  # a date just above beats one far below
            i, raw, prev = pieces[k]
            if i not in skip and (p := _printed(s, i, raw, prev)):
                return p
        return below

    def update(self) -> Printed | None:
        """A date the page prints by the headline as its last change.

        "Updated Mar 12, 2020", "Aktualisiert: 11.04.2020, 10:27", "Stand -
        12.11.2021": the label is in the line or ends the line before it.
        """
        s = self.s
        above = _short_texts(s, range(max(s.body, self.start - 4), self.start))
        # the lines read for the publication date, and a few more
        below = islice(self.below(), min(15, len(self._read) + 5))
        for i, raw, before in chain(above, below):
            if m := _UPDATE.search(raw):
                text = raw[m.end() :]
            elif (m := _UPDATE.search(before[-30:])) and not before[-30:][m.end() :].strip():
                text = raw
            else:
                continue
            iso = parse_date(text)[0]
            if iso and not _hidden(s, i, raw):
                return Printed(i, iso, raw.strip())
        return None


# A label saying the date after it is the last change, not the publication.
_UPDATE = re.compile(
    r"\b(?:(?:last\s+)?(?:updated|modified|edited)|aktualisiert|zuletzt\s+(?:geändert|"
    r"aktualisiert|bearbeitet)|stand|mis\s+à\s+jour|actualizado|aggiornato|editiert)\b"
    r"\W*(?:on|am|le|el|il)?",
    re.I,
)
