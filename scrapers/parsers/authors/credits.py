"""Credits printed after the article's text, where no byline stands by the headline.

Some sites sign at the end: a "Text: Name" or "Written by: Name" line, or a
paragraph that is only the writer's name after the last paragraph of prose
("<p><b>Stefan Wasmer</b></p>").  Read only when nothing by the headline
names anyone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain, islice

from lxml import etree

from scrapers.items import Author
from scrapers.parsers.authors.box import box_byline, in_box
from scrapers.parsers.authors.context import in_teaser
from scrapers.parsers.authors.fallbacks import is_person
from scrapers.parsers.authors.lines import COMMENT, by_texts, byline_text
from scrapers.parsers.authors.links import PROFILE
from scrapers.parsers.authors.names import authors_from
from scrapers.parsers.dates.parse import parse_date
from scrapers.parsers.document.headline import headline_at
from scrapers.parsers.document.scan import PageScan
from scrapers.parsers.document.text import inline_text

_EMPHASIS = frozenset(["b", "strong", "i", "em"])


def _signatures(s: PageScan, ref: int) -> Iterator[tuple[int, str | None, bool]]:
    """Paragraphs after the headline that are only a name and follow prose: the
    signature that ends an article, emphasised ("<p><b>Stefan Wasmer</b></p>"),
    after a dash ("<p>— Jane Doe</p>") or a copyright sign ("<p>© 2019 Sven
    Schreivogel</p>"), or over the date ("<p>Benni<br>10. September 2017</p>"),
    perhaps after a short closing line (a book's data, a source) below the last
    paragraph of prose.  Yields (index, the name when it is not the whole
    text, whether a lone first name counts)."""
    tags = s.tags
    for i in range(ref + 1, s.end[s.body]):
        if tags[i] != "p" or not 5 <= s.size[i] <= 40 or s.links[i]:
            continue
        el = s.nodes[i]
        if not _after_prose(s, el) or _text_after(s, el):
            continue
        if _emphasised(el) or _dashed(el):
            yield i, None, False
        elif not len(el) and (m := _COPYRIGHT.match(el.text or "")):
            yield i, m.group(1), False
        elif (name := _over_date(el)) is not None:
            yield i, name, True


# "© 2019 Sven Schreivogel", "(c) Jane Doe", "Copyright 2020 by Jane Doe"
_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*)?(?:by\s+)?([^\W\d_][^\d\n]{2,38}?)\s*$",
    re.I,
)


def _over_date(el: etree._Element) -> str | None:
    """The name of a "Name<br>Date" signature."""
    if len(el) != 1 or el[0].tag != "br" or not el.text or not el[0].tail:
        return None
    name = el.text.strip()
    if not 1 <= len(name.split()) <= 3 or not name[:1].isupper() or not parse_date(el[0].tail)[0]:
        return None
    return name


def _emphasised(el: etree._Element) -> bool:
    return (
        len(el) == 1
        and el[0].tag in _EMPHASIS
        and not (el.text or "").strip()
        and not (el[0].tail or "").strip()
    )


def _dashed(el: etree._Element) -> bool:
    """ "— Jane Doe": a dash, then the name, nothing else."""
    return not len(el) and _DASHED.match(el.text or "") is not None


_DASHED = re.compile(r"^\s*[—–-]{1,2}\s*[^\W\d_][^\n]{2,38}$")


def _after_prose(s: PageScan, el: etree._Element) -> bool:
    """One of the (up to) three paragraphs before ``el`` is running text, and
    those between are short lines."""
    prev = el.getprevious()
    for _ in range(3):
        if prev is None or prev.tag != "p":
            return False
        if _prose(s, prev):
            return True
        if s.size[s.index.get(prev, 0)] >= 100:
            return False  # a list of links, not a short closing line
        prev = prev.getprevious()
    return False


def _prose(s: PageScan, el: etree._Element | None) -> bool:
    """A paragraph of running text, not a list of links."""
    i = s.index.get(el) if el is not None else None
    return i is not None and s.tags[i] == "p" and s.size[i] >= 100 and s.links[i] * 2 < s.size[i]


def _text_after(s: PageScan, el: etree._Element) -> bool:
    """A paragraph of a sentence's length follows: ``el`` was a subheading, not a signature."""
    i = s.index.get(el.getnext()) if el.getnext() is not None else None
    return i is not None and s.tags[i] == "p" and s.size[i] >= 40


def late_byline(
    s: PageScan, site_name: str | None, title: str | None, pubs: tuple[str, ...] = ()
) -> tuple[list[Author], str | None]:
    """A "Text: Name" line or a signature further down the article, where the
    byline is printed at its end rather than by the headline."""
    ref = headline_at(s, title)
    span = range(ref, min(s.end[s.body], ref + 3000))
    lines = ((i, None, False) for i in by_texts(s, span))
    for i, name, signed in islice(chain(lines, _signatures(s, ref)), 20):
        if s.inside(i, COMMENT) or in_teaser(s, i, ref, title):
            continue
        text = name or (box_byline(s.nodes[i]) if in_box(s, i) else byline_text(s.nodes[i]))
        if text is None or len(text) > 120:
            continue  # (an author box's biography is no byline)
        links = {inline_text(a): a.get("href", "") for a in s.nodes[i].iter("a")}
        authors, source = authors_from([(text, links)], site_name, publications=pubs)
        if authors and (
            signed or is_person(authors[0].name) or PROFILE.search(authors[0].url or "")
        ):
            return authors, source  # (a login linked to its profile: "von <a>Cooper</a>")
    return [], None
