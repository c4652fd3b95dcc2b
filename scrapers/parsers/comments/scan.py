"""One pass over the page that collects everything the thread modules look at.

The comment parser runs on every page of a CPU-bound crawl, so the page is
read once: a single XPath returns the ``class``/``id``/``itemtype``/``typeof``
values (and the ``src``/``type`` of scripts) as strings that know their
element.  The few distinct values that carry a marker word are found with
plain substring searches over one joined string, which is far cheaper than a
regular expression or an XPath ``contains()`` per value; only their elements
are touched from Python.  Later steps (closed notices, headings, page links)
look inside the thread region only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from operator import add

from lxml import etree

# Class values are read first as plain strings: asking lxml for values that
# know their element builds a Python proxy for every classed element, which
# cost more than the traversal itself.  Elements are then fetched by a second
# query that only returns the classes holding a marker word found on the page.
# The rarer id, microdata and script values are fetched with their elements
# at once (few proxies), in a separate query: libxml2 sorts a union by
# comparing attribute nodes pairwise, which is slow for long lists.
# ``/descendant::*`` skips the text nodes that ``//`` visits too.
_CLASS_VALUES = etree.XPath("/descendant::*/@class", smart_strings=False)
_OTHERS = etree.XPath(
    "/descendant::*/@id|/descendant::*/@itemtype|/descendant::*/@typeof|/descendant::script/@*"
    "|/descendant::*/@data-hook"
)


@lru_cache(maxsize=256)
def _class_query(needles: tuple[str, ...]) -> etree.XPath:
    """Class attributes containing any of ``needles`` (compiled once per set)."""
    test = " or ".join(f"contains(.,'{n}')" for n in needles)
    return etree.XPath(f"/descendant::*/@class[{test}]")


def _needles(hits: set[str]) -> tuple[str, ...]:
    """The marker words as spelt in the page's classes ("omment", "OMMENT")."""
    joined = "\n".join(hits)
    if joined.islower() and "'" not in joined or not joined:  # the common case
        return tuple(sorted(w for w in CLASS_MARKERS if w in joined))
    out = set()
    for v in hits:
        low = v.lower()
        if len(low) != len(v):  # a case change that alters length: use the value itself
            out.add(v)
            continue
        for word in CLASS_MARKERS:
            i = low.find(word)
            if i >= 0 and "'" not in v:
                out.add(v[i : i + len(word)])
    return tuple(sorted(out))


# Lower-case fragments that make an attribute value worth a look.  Class
# values (long, many) are searched for comment words only; ids, microdata types
# and script attributes (short, few) also for forms, forum message ids and
# third-party embeds, which all show up there.
CLASS_MARKERS = ("omment", "omentar", "eserbrief", "ingback", "rackback", "коммент")
MARKERS = (
    *CLASS_MARKERS,  # omment: comment, kommentar, commentaire, commento, fb-comments
    "respond",
    "message",
    "isqus",
    "hyvor",
    "coral",
    "vuukle",
    "viafoura",
    "livefyre",
    "idc-container",
    "giscus",
    "isso",
    "remark42",
    "talkyard",
    "spot",
    "utteranc",
    "intensedebate",
    "ld+json",
)


@dataclass
class Scan:
    """Elements of one page whose markup names them as thread material."""

    marked: list = field(default_factory=list)  # elements, document order, no duplicates
    scripts: list = field(default_factory=list)  # <script> elements with a marked src/type
    values: dict = field(default_factory=dict)  # element -> its marked attribute values
    posts: list = field(default_factory=list)  # elements with a forum post id ("p55120")
    others: list = field(default_factory=list)  # every id/itemtype/typeof/script value (smart)


def _hits(unique: list[str], markers: tuple[str, ...]) -> set[str]:
    """The values containing a marker: substring finds over one joined string,
    each hit mapped back to its value by the offsets of the values."""
    joined = "\n".join(unique).lower()
    present = [w for w in markers if w in joined]
    if not present:
        return set()
    if len(joined) != sum(map(len, unique)) + len(unique) - 1:  # lower() changed a length
        return {v for v in unique if any(w in v.lower() for w in present)}
    # where each value starts in ``joined`` (its length and separator summed, in C)
    starts = list(map(add, accumulate(map(len, unique), initial=0), range(len(unique))))
    found: set[str] = set()
    for word in present:
        i = joined.find(word)
        while i >= 0:
            k = bisect_right(starts, i) - 1
            found.add(unique[k])
            i = joined.find(word, starts[k + 1] if k + 1 < len(starts) else len(joined))
    return found


# libxml2 sorts a union of node-sets in document order, in C.
_UNION = etree.XPath("$a | $b")


def _insert(ordered: list, extra: list) -> list:
    """``ordered`` (document order) and ``extra`` (few elements) merged in
    document order, without duplicates."""
    return _UNION(ordered[0], a=ordered, b=extra)


def _collect(values: list, hits: set[str], out: Scan) -> list:
    """Elements (not scripts) of the marked values, new ones only, in order."""
    found = []
    seen = out.values
    for v in values:
        if v in hits:
            el = v.getparent()
            if el not in seen:
                (out.scripts if el.tag == "script" else found).append(el)
                seen[el] = []
            seen[el].append(str(v))
    return found


# Forum software numbers each post: phpBB ``div#p55120``, vBulletin
# ``li#post_77120``, SMF ``div#msg123``; one search over all ids joined.
_POST_ID = re.compile(r"^(?:p|post[-_]?)\d{2,}$", re.M)


def _posts(others: list) -> list:
    """Elements whose id numbers a forum post, in document order (one regex
    search over the values joined; most pages have none)."""
    joined = "\n".join(others)
    first = _POST_ID.search(joined)
    if first is None:
        return []
    starts = list(map(add, accumulate(map(len, others), initial=0), range(len(others))))
    out = []
    for m in _POST_ID.finditer(joined, first.start()):
        value = others[bisect_right(starts, m.start()) - 1]
        if value.attrname == "id":
            out.append(value.getparent())
    return out


def scan(doc: etree._Element) -> Scan:
    """The marked elements of ``doc``; the tree is only read."""
    classes, others = _CLASS_VALUES(doc), _OTHERS(doc)
    out = Scan(others=others)
    out.posts = _posts(others)
    hits = _hits(list(set(classes)), CLASS_MARKERS) | _hits(list(set(others)), MARKERS)
    if not hits:
        return out
    needles = _needles(hits.intersection(classes))
    if needles:
        out.marked = _collect(_class_query(needles)(doc), hits, out)
    extra = _collect(others, hits, out)
    if extra:
        # Only possible comment blocks (numbered ids, microdata) need their
        # place in document order; thread containers and embeds do not.
        blocks = [el for el in extra if _may_be_block(el)]
        rest = [el for el in extra if not _may_be_block(el)]
        out.marked = _insert(out.marked, blocks) if out.marked else blocks
        out.marked += rest
    return out


_DIGIT = re.compile(r"\d")


def _may_be_block(el: etree._Element) -> bool:
    return bool(_DIGIT.search(el.get("id") or "") or el.get("itemtype") or el.get("typeof"))
