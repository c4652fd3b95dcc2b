"""Bylines the page states by their label, found in the page scan.

A byline is a short element that opens with a label (:mod:`.labels`: "By",
"Von", "Autor:", "Escrito por"), a bare label whose name follows in the
next element or template field, or a meta line that prints the date first
("Posted on May 3, 2021 by Jane Doe", "25.10.2022 - Reiner Nagel"), or a
community site's link to the member's profile with the post's date.  The
finders return scan indices; :func:`byline_text` reads the byline an
element states.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from scrapers.parsers.authors.labels import (
    BY_FIRST,
    BY_LABEL,
    BY_TEXT,
    after_date,
    dated_name,
    starts_label,
)
from scrapers.parsers.dates.parse import parse_date
from scrapers.parsers.document.scan import PageScan
from scrapers.parsers.document.text import inline_text

COMMENT = re.compile("comment")
_BY_TAGS = frozenset(["p", "span", "div", "em", "strong", "small", "address", "li", "i", "b"])


def text_bylines(s: PageScan, ref: int) -> list[int]:
    """Short elements starting "By ..." / "Von ..." / "Por ..." around the headline."""
    span = range(max(s.body, ref - 40), min(s.end[s.body], ref + 150))
    return list(by_texts(s, span, dated=True))


def by_texts(s: PageScan, span: range, *, dated: bool = False) -> Iterator[int]:
    """Elements of ``span`` that state a byline by its label, in page order;
    ``dated``: also meta lines that print the date first ("Posted on May 3,
    2021 by Jane Doe", "25.10.2022 - Reiner Nagel") or a name beside a date."""
    tags, size, nodes, end = s.tags, s.size, s.nodes, s.end
    for i in span:
        tag, n = tags[i], size[i]
        if tag in _BY_TAGS:
            if not 2 <= n <= 400:
                continue  # (a byline, or the element holding its label, is short)
        elif tag in _TERMS:
            if 2 <= n <= 20 and (field := _field_after(s, i)) is not None:
                yield field  # "<dt>Auteur</dt><dd>Name</dd>", "<th>Autor</th><td>Name</td>"
            continue
        else:
            if tag == "a" and dated and 2 <= n <= 40 and _member_link(s, i):
                yield i  # "<a href="/user/?u=7">MikeNils</a> 18.10.2019", an avatar and a name
            continue
        el = nodes[i]
        text = el.text
        first = text.lstrip()[:1] if text else ""
        labelled = first in BY_FIRST and starts_label(text)  # (a letter, then the word)
        if labelled and not len(el) and BY_LABEL.match(text):
            if el.tail and not el.tail.isspace():
                yield i  # "<b>Text:</b> Name" (see _byline_text)
            elif (up := _label_holder(s, i)) is not None:
                yield up  # "<span>By</span> <span>Name</span>"
        elif labelled and (
            BY_TEXT.match(text)
            or (len(el) and el[0].tag in _NAME_TAGS and BY_TEXT.match(text + " x"))
        ):
            yield i  # "By <a>Name</a>": the name is in the child
        elif dated and n <= 120 and end[i] - i <= 8 and _dated_line(s, i, text):
            yield i
        elif (
            (not text or text.isspace())
            and len(el)
            and starts_label(el[0].text)
            and BY_TEXT.match(f"{el[0].text} {el[0].tail or ''}")
        ):
            yield i  # "<p><strong>Text:</strong> Name</p>"


# A member's page by its path ("/members/127862", "/user-uebersicht/?u=79003", "/profile/x");
# not a share button's "?u=" address.
_MEMBER_PATH = re.compile(
    r"/(?:users?|members?|mitglied(?:er)?|profiles?|profil|people)(?:[-_/.?#]|$)", re.I
)
_ACCOUNT = re.compile(
    r"log-?in|log-?out|sign-?in|sign-?up|regist|password|passwort|settings|edit", re.I
)


def _member_link(s: PageScan, i: int) -> bool:
    """A link to a member's profile that a community site prints as the post's
    byline: followed by the post's date, or holding the member's avatar."""
    el = s.nodes[i]
    tail = (el.tail or "").strip()
    dated = tail[:1].isdigit()
    if not dated and (s.end[i] - i < 2 or el.find(".//img") is None):
        return False  # (neither the date after it nor an avatar in it: most links)
    href = el.get("href") or ""
    if not _MEMBER_PATH.search(href) or _ACCOUNT.search(href):
        return False
    if dated:
        return parse_date(tail[:40])[0] is not None
    return 1 <= len(inline_text(el).split()) <= 3


_TERMS = frozenset(["dt", "th"])
_DIGIT = re.compile(r"\d")


def _field_after(s: PageScan, i: int) -> int | None:
    """The field a term labels as the byline: the next element, when it is short."""
    el = s.nodes[i]
    if len(el) or not el.text or not BY_LABEL.match(el.text):
        return None
    field = el.getnext()
    k = s.index.get(field) if field is not None else None
    return k if k is not None and s.tags[k] in ("dd", "td") and 2 <= s.size[k] <= 120 else None


# Elements that hold the name after a label ("Submitted by <span class="username">").
_NAME_TAGS = frozenset(["a", "span", "strong", "b", "em", "i", "cite"])


def _dated_line(s: PageScan, i: int, text: str | None) -> bool:
    """A short meta line that opens with a date and names someone after it."""
    el = s.nodes[i]
    if (not text or text.isspace()) and len(el) and el[0].tag == "time":
        text = el[0].text  # "<time>May 3, 2021</time> by <a>Jane Doe</a>"
    if not text or s.end[i] - i > 8 or not _DIGIT.search(text, 0, 40):
        return False
    line = inline_text(el)
    return after_date(line) is not None or dated_name(line) is not None


def _label_holder(s: PageScan, i: int) -> int | None:
    """The nearest ancestor of a bare label that also holds the name after it.

    Templates wrap label and name in separate fields ("<p><b>By</b></p>"
    then "<p>Name</p>" in a sibling block), so the label's own parent may
    hold nothing but the label; a holder of more than a short line is not
    a byline any more.
    """
    label = s.size[i]
    for _ in range(3):
        i = s.parent[i]
        if i <= s.body or s.size[i] > label + 60:
            return None
        if s.size[i] > label:
            return i
    return None


def byline_text(el: etree._Element) -> str:
    """The byline an element states: a bare label takes the name that follows it."""
    text = el.text
    if not len(el) and text and el.tail and BY_LABEL.match(text):
        return " ".join(f"{text} {el.tail}".split())
    line = inline_text(el)
    if line[:1].isdigit() or not BY_TEXT.match(line):
        return after_date(line) or line  # "Posted on May 3, 2021 by Jane Doe"
    return line
