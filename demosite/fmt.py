"""Date and text formatting shared by the themes and the ground truth.

Both must agree exactly (the ground truth states what the page prints), so
the formats live in one place.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
}


def date_text(dt: datetime, lang: str) -> str:
    """The post date as WordPress prints it with the site's locale."""
    m = MONTHS[lang][dt.month - 1]
    if lang == "es":
        return f"{dt.day} de {m} de {dt.year}"
    if lang == "ru":
        return f"{dt.day} {m} {dt.year}"
    return f"{m} {dt.day}, {dt.year}"


def comment_date_text(dt: datetime, lang: str) -> str:
    """ "April 24, 2019 at 10:15 am" and its Spanish/Russian equivalents."""
    if lang == "es":
        return f"{date_text(dt, lang)} a las {dt:%H:%M}"
    if lang == "ru":
        return f"{dt:%d.%m.%Y} в {dt:%H:%M}"
    hour = dt.hour % 12 or 12
    return f"{date_text(dt, lang)} at {hour}:{dt:%M} {'am' if dt.hour < 12 else 'pm'}"


def iso(dt: datetime) -> str:
    return dt.isoformat()


def naive_iso(dt: datetime) -> str:
    return dt.replace(tzinfo=None).isoformat()


def esc(text: str) -> str:
    """Escape a text node (quotes stay as typed, like wptexturize output)."""
    return escape(text, quote=False)


def attr(text: str) -> str:
    return escape(text, quote=True)


def autop(text: str) -> str:
    """wpautop: blank lines make paragraphs, single newlines make ``<br />``."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    return "\n".join("<p>" + "<br />\n".join(esc(x) for x in p.split("\n")) + "</p>" for p in paras)
