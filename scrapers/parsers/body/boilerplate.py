"""Pruning boilerplate blocks from inside the article's text container.

Share bars, related posts, newsletter boxes, ads and the like are named in
their ``class``/``id`` by nearly every CMS and theme (``markup.py``),
and link lists betray themselves by their link density.  Pruning never
removes a block that holds most of the container's text, so a misleading
class name on a wrapper cannot empty the body.

The passes that recognise more than one element's markup live beside it:
the heading that ends the article (``end_markers.py``), date and rights lines
(``meta_lines.py``), lists of other articles (``teasers.py``) and
headers reduced to their lead (``header_leads.py``).  This module runs them
and then the walk over every element, which is the hot loop: it calls the
markup test directly, without a layer between.
"""

from __future__ import annotations

from lxml import etree

from scrapers.parsers.body.end_markers import cut_after_end_markers
from scrapers.parsers.body.header_leads import strip_to_leads
from scrapers.parsers.body.markup import BLOCKS, is_boilerplate, names_listing, text_named_byline
from scrapers.parsers.body.meta_lines import drop_meta_lines
from scrapers.parsers.body.sizes import Sizes
from scrapers.parsers.body.teasers import closing, teaser_lists
from scrapers.parsers.document.scan import PageScan

PARAGRAPH_SHARE = 0.8  # of the container's text, for a paragraph named as boilerplate to stay
_DROP_TAGS = frozenset(["nav", "aside", "footer", "form", "header", "h1"])


def _link_dense(el: etree._Element, total: int, sizes: Sizes) -> bool:
    if el.tag not in BLOCKS or total == 0:
        return False
    links = sizes.links(el)
    if el.tag == "p":
        return total < 200 and links > 0.6 * total
    return links > 0.5 * total and total < 1500


def _doomed(el: etree._Element, limit: float, whole: float, sizes: Sizes) -> bool:
    size = None
    if el.tag in _DROP_TAGS or is_boilerplate(el):
        if names_listing(el):
            return True
        size = sizes.text(el)
        # (a paragraph is no wrapper of the article: named so, it goes whatever its
        # share of a short post, e.g. the filing line under three lines of text)
        if (size <= limit or (el.tag == "p" and size <= PARAGRAPH_SHARE * whole)) and (
            not text_named_byline(el, size)
        ):
            return True
    if el.tag in BLOCKS:
        size = sizes.text(el) if size is None else size
        return size <= limit and _link_dense(el, size, sizes)
    return False


def prune(
    container: etree._Element, *, title: str | None = None, scan: PageScan | None = None
) -> None:
    """Remove boilerplate descendants of ``container`` in place.

    ``scan`` (of the page before pruning) spares measuring every block's text.
    """
    sizes = Sizes(scan)
    removed = cut_after_end_markers(container, sizes)
    removed += drop_meta_lines(container, sizes)
    whole = sizes.text(container) - removed
    limit = max(whole * 0.5, 200)
    for el in teaser_lists(container):
        if sizes.text(el) <= limit and closing(container, el, sizes):
            el.drop_tree()
    kept = strip_to_leads(container, sizes)
    doomed = []
    stack = list(container)
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        if el not in kept and _doomed(el, limit, whole, sizes):
            doomed.append(el)
        else:
            stack.extend(el)
    for el in doomed:
        el.drop_tree()
