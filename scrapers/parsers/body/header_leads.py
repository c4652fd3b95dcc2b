"""Headers inside the text container, reduced to the lead they hold.

A header holds the headline, the byline and the date, which are fields of
their own, but often the lead (standfirst) too, which is article text: the
pruning keeps a header's leads and drops the rest of it.
"""

from __future__ import annotations

import re

from lxml import etree

from scrapers.parsers.body.markup import class_and_id, is_boilerplate
from scrapers.parsers.body.sizes import Sizes

# Names of the lead (standfirst) that CMSs print under the headline (``lead.py``
# looks for it before the container too).  Defined here, not imported: a
# method called on an imported name compiles to a slower lookup.
LEAD = re.compile(
    r"teaser|intro|lead|excerpt|standfirst|summary|subtitle|deck|abstract|epigraph|"
    r"(?<![a-z])dek(?![a-z])|bajada|entradilla|chapo|sommario"
)


def _is_header_lead(el: etree._Element, sizes: Sizes) -> bool:
    size = sizes.text(el)
    named = el.tag != "span" and LEAD.search(class_and_id(el))
    if not ((named and size >= 30) or (el.tag in ("p", "h2") and size >= 80)):
        return False
    return not is_boilerplate(el) and 3 * sizes.links(el) < size


_LEAD_CANDIDATES = frozenset(["p", "div", "h2", "span"])


def _header_leads(header: etree._Element, sizes: Sizes) -> list[etree._Element]:
    """The lead paragraphs in an article's header: named so, or a sentence-long
    paragraph or subheading that is not a link (the outermost such block)."""
    out: list[etree._Element] = []
    stack = list(reversed(header))
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        if el.tag in _LEAD_CANDIDATES and _is_header_lead(el, sizes):
            out.append(el)  # (not looked into)
        else:
            stack.extend(reversed(el))
    return out


def strip_to_leads(container: etree._Element, sizes: Sizes) -> set[etree._Element]:
    """Reduce the headers inside the container to their leads; the headers kept
    (which the pruning that follows leaves alone)."""
    kept: set[etree._Element] = set()
    for header in list(container.iter("header")):
        if header.getparent() is None or any(a in kept for a in header.iterancestors()):
            continue
        leads = _header_leads(header, sizes)
        if not leads:
            continue
        lead_set = set(leads)
        keep = set(leads)
        for lead in leads:
            for a in lead.iterancestors():
                if a is header or a in keep:
                    break
                keep.add(a)
        stack = list(header)
        while stack:  # drop what holds no lead; leads are not looked into
            el = stack.pop()
            if el in lead_set:
                continue
            if el in keep:
                stack.extend(el)
            elif el.getparent() is not None:
                el.drop_tree()
        kept.add(header)
    return kept
