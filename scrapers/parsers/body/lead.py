"""The lead (standfirst) printed between the headline and the body container.

Many CMSs set the lead apart from the container that holds the rest of the
text: as a sibling before it, in the article's header beside the byline and
the date, or as the own text of a block.  It is article text when it sits
after the headline (or in the container's own ``<article>``) and is prose
rather than links.
"""

from __future__ import annotations

from scrapers.parsers.body.header_leads import LEAD
from scrapers.parsers.body.markup import is_boilerplate
from scrapers.parsers.document.scan import PageScan

_LEAD = LEAD
_LEAD_TAGS = frozenset(["p", "div", "section", "h2", "strong", "em"])
_LEAD_BLOCKS = frozenset(["div", "section"])  # a lead as a block's own text


def lead_blocks(s: PageScan, best: int, headline: int) -> list[int]:
    """The standfirst between the headline and the content container.

    Many CMSs print the lead ("teaser", "intro", "summary") before the body
    container; it is part of the article when it sits after the headline, in
    the same wrapper (or a few elements from both; or, when the headline
    stands apart, in the container's own ``<article>``), and is prose rather
    than links.  A lead named so may sit deeper in a header block, beside the
    byline and the date; an unnamed paragraph counts only as a sibling.
    """
    start = _lead_start(s, best, headline)
    if start is None:
        return []
    out = []
    i = start
    while i < best:
        if s.end[i] > best:  # an ancestor of the container: look inside it
            i += 1
            continue
        j = i
        while not _is_lead(s, j, named_only=False) and j + 1 < s.end[j] == s.end[j + 1]:
            j += 1  # (through wrappers of a single block)
        if _is_lead(s, j, named_only=False):
            out.append(j)
            i = s.end[i]
            continue
        i = _named_lead_inside(s, i, out)
    return out[:3]


def _lead_start(s: PageScan, best: int, headline: int) -> int | None:
    """Where the search for a lead starts: after the headline, within their wrapper."""
    if s.body < headline < best and s.end[headline] <= best:
        top = s.parent[best]
        while top > s.body and top > headline:
            top = s.parent[top]  # the wrapper holding both headline and container
        if top > s.body or best - headline <= 12:
            return s.end[headline]
    art = s.parent[best]  # the headline stands apart: the container's own <article>
    while art > s.body and s.tags[art] != "article":
        art = s.parent[art]
    return art + 1 if art > s.body and best - art <= 60 else None


def _is_lead(s: PageScan, i: int, *, named_only: bool) -> bool:
    size = s.size[i]
    named = s.tags[i] in _LEAD_TAGS and _LEAD.search(s.attr(i) or "")
    if named_only and not named:
        return False
    return bool(
        size >= (30 if named else 80)
        and (named or s.tags[i] == "p" or (s.tags[i] in _LEAD_BLOCKS and s.own[i] >= 80))
        and s.links[i] < 0.3 * size
        and not is_boilerplate(s.nodes[i])
    )


def _named_lead_inside(s: PageScan, i: int, out: list[int]) -> int:
    """Collect a lead named so inside block ``i`` (a header with byline and date).

    Returns the index after the block."""
    end = s.end[i]
    if end - i > 40 or is_boilerplate(s.nodes[i]):
        return end
    j = i + 1
    while j < end:
        if _is_lead(s, j, named_only=True) and not any(
            _is_lead(s, k, named_only=True) for k in range(j + 1, s.end[j])
        ):
            out.append(j)
            j = s.end[j]
        else:
            j += 1
    return end
