"""Lists of other articles: blocks of two or more headings that link elsewhere.

A list that closes a page after the article's prose is boilerplate; on a
front page, where no prose precedes them, the teasers are the content.
"""

from __future__ import annotations

from lxml import etree

from scrapers.parsers.body.markup import BLOCKS
from scrapers.parsers.body.sizes import Sizes, measure

# Headings that are links to other pages (an article's own subheadings are not;
# a link to an anchor of the page is a table of contents).
_HEADINGS = ("h2", "h3", "h4", "h5")


def _links_elsewhere(h: etree._Element) -> bool:
    text = measure(h)
    linked = sum(measure(a) for a in h.iter("a") if not (a.get("href") or "#").startswith("#"))
    return text > 0 and linked >= 0.8 * text


def teaser_lists(container: etree._Element) -> set[etree._Element]:
    """Blocks listing other articles: two or more headings that link elsewhere.

    The block is the lowest one holding two such headings whose text is
    mostly the link's; a heading that merely contains a link is prose.
    """
    counts: dict[etree._Element, int] = {}
    for h in container.iter(_HEADINGS):
        if not _links_elsewhere(h):
            continue
        for a in h.iterancestors():
            if a is container:
                break
            counts[a] = counts.get(a, 0) + 1
    lists = {el for el, n in counts.items() if n >= 2 and el.tag in BLOCKS}
    return {el for el in lists if not any(a in lists for a in el.iterancestors())}


def closing(container: etree._Element, el: etree._Element, sizes: Sizes) -> bool:
    """True when ``el`` follows most of the container's prose (lists of other
    articles close a page; on a front page the teasers are the content)."""
    s = sizes.scan
    i, c = (s.index.get(el), s.index.get(container)) if s is not None else (None, None)
    if i is None or c is None or not s.para_prefix or s.tags[c] in ("body", "html"):
        return False  # (a whole page as the container: no article to close)
    before = s.para_prefix[i] - s.para_prefix[c]
    return before >= 200 and before > s.para_prefix[s.end[c]] - s.para_prefix[s.end[i]]
