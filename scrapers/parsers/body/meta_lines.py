"""Short lines that are only a date, a rights notice or a picture credit.

They sit inside the text container but are no article text (the dates are
fields of their own).
"""

from __future__ import annotations

import re

from lxml import etree

from scrapers.parsers.body.sizes import Sizes
from scrapers.parsers.dates.parse import parse_date

_RIGHTS = re.compile(
    r"^[|/(\s-]*(?:©|\(c\)\s)|all rights reserved|alle rechte vorbehalten|"
    r"todos los derechos reservados|tous droits réservés|tutti i diritti riservati",
    re.I,
)
_CREDIT = re.compile(
    r"^\(?(?:foto|fotos|photo|photos|bild|bilder|image|credit|crédito|quelle|source|fuente|©|"
    r"beitragsbild|titelbild|symbolbild|aufmacherbild)\s*:|"
    r"^(?:photograph|photo|picture|image|foto|bild)s? (?:by|von) ",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]{2,}")


def is_meta_line(text: str) -> bool:
    """A short line that is only a date or a rights notice ("Aktualisiert: 11.04.2020")."""
    if len(text) > 120:
        return False
    found = _SEEN.get(text)
    if found is None:
        if len(_SEEN) >= 20000:  # (bounded: a crawl meets many sites)
            _SEEN.clear()
        found = _SEEN[text] = _meta_line(text)
    return found


# is_meta_line's verdict per text (a site repeats its rights lines, credits and
# labels on every page): a dict lookup instead of the regexes and the date parse.
_SEEN: dict[str, bool] = {}


def _meta_line(text: str) -> bool:
    if _RIGHTS.search(text) or (len(text) < 80 and _CREDIT.match(text)):
        return True
    if len(text) > 50:
        return False
    iso, _ = parse_date(text)
    if not iso:
        return False
    rest = re.sub(r"\d+", " ", text)
    return len(_WORD.findall(rest)) <= 2 and not re.search(r"\b(?:uhr|h)\b", text, re.I)


def drop_meta_lines(container: etree._Element, sizes: Sizes) -> int:
    """Drop date-only and rights lines; the size dropped."""
    dropped = 0
    for el in list(container.iter("p", "div", "span", "time", "small", "li")):
        if el.getparent() is None or len(el) > 4 or not 0 < (size := sizes.text(el)) <= 120:
            continue  # (a meta line is at most 120 characters long; an empty one is none)
        text = " ".join(el.text_content().split())
        if text and is_meta_line(text):
            el.drop_tree()
            dropped += size
    return dropped
