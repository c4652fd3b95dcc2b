"""The part of a metadata title that the page prints: the headline among the
site's and section's names.

A ``<title>`` such as "ContraCostaTimes.com - Heathrow crash report: Engines
failed" or "The Telegraph - Calcutta (Kolkata) | Sports | Tour to continue"
joins the headline with the site's and section's names in any order, and
older pages set the headline in no heading at all (``<div
class="articletitle">``, ``<font>``, a table cell).  Which part is the
headline is not told by its position or its length but by the page: it is the
part printed as the whole text of an element.  Sizes come from the page scan
(non-space characters of each element's text), so only elements of the right
size are read.
"""

from __future__ import annotations

import re

from scrapers.parsers.document.headline import loose
from scrapers.parsers.document.scan import PageScan
from scrapers.parsers.document.text import inline_text
from scrapers.parsers.title.site_name import title_parts

# Elements whose text is not page text, or is a link to another page; minor
# headings (a page's name set as a label over the article's own heading) and
# list items (menus, breadcrumbs).
_NOT_PRINTED = frozenset(
    ["title", "script", "style", "option", "a", "head", "meta", "noscript", "li"]
    + ["h4", "h5", "h6"]
)
# Navigation that names the page: breadcrumbs, menus.
_NAVIGATION = re.compile(r"breadcrumb|crumbs|pathway|menu|\bnav")
_SLACK = 2  # a quote or dash spelled otherwise in the title ("'" for "’", "..." for "…")


def printed_part(s: PageScan, titles: list[str], site_names: list[str]) -> str | None:
    """The longest part (two words or more) of a metadata title made of several
    parts that some element of the page prints whole, not as a link; None when
    no part is printed.  Parts naming the site (``site_names``, loosely) are no
    headline."""
    sites = {loose(n) for n in site_names if n}
    tried: set[str] = set()
    for title in titles:  # (most specific first)
        parts = title_parts(title)
        if len(parts) < 2:
            continue
        for part in sorted(parts, key=len, reverse=True):
            want = loose(part.replace("\xad", ""))  # (soft hyphens: not printed as text)
            if len(part.split()) < 2 or want in sites or want in tried:
                continue
            tried.add(want)
            if _printed(s, part, want):
                return part
    return None


def _printed(s: PageScan, part: str, want: str) -> bool:
    size, tags, links = s.size, s.tags, s.links
    n = len(part) - part.count(" ")
    for k in range(max(1, n - _SLACK), n + _SLACK + 1):
        i = s.body - 1
        while True:
            try:
                i = size.index(k, i + 1)
            except ValueError:
                break
            if links[i] >= size[i] or tags[_innermost(s, i)] in _NOT_PRINTED:
                continue
            if loose(inline_text(s.nodes[i])) == want and not s.inside(i, _NAVIGATION):
                return True
    return False


def _innermost(s: PageScan, i: int) -> int:
    """The deepest element that holds all the text of ``i`` (its wrappers have its size)."""
    size, end = s.size, s.end
    j = i
    while j + 1 < end[i] and size[j + 1] == size[i]:
        j += 1
    return j
