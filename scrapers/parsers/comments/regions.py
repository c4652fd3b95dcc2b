"""The thread's region(s) in the page and the comment system that made them.

The body extractor drops these nodes, so they must cover the whole thread
(heading, list, form) without ever swallowing the article: a region never is
``body``/``html`` and never holds the page's ``h1``.
"""

from __future__ import annotations

import re

from lxml import etree

from scrapers.parsers.comments._dom import is_inside, mentions_comments
from scrapers.parsers.comments.blocks import Block

_WP_ID = re.compile(r"^(?:li-|div-)?comment-\d+$")
# WordPress's own class names; "thread-even"/"thread-odd" and "depth-N" come
# from ``comment_class()``, which every theme's comment callback prints
_WP_CLASSES = (
    "wp-block-comment",
    "commentlist",
    "comment-list",
    "comment-author vcard",
    "thread-even",
    "thread-odd",
)


def _wp_marked(marked: list[etree._Element]) -> bool:
    for el in marked:
        cls = el.get("class") or ""
        if el.get("id") == "comments-title" or any(c in cls for c in _WP_CLASSES):
            return True
    return False


def _fixed(el: etree._Element) -> bool:
    """Regions every WordPress-like theme names: ``#comments``, ``#respond``."""
    return el.get("id") in ("comments", "respond") or "wp-block-comments" in (el.get("class") or "")


def system_of(marked: list[etree._Element], blocks: list[Block]) -> str:
    """ "wordpress" for WordPress core markup, "schema.org" for microdata/RDFa, else "generic"."""
    wp_ids = sum(1 for b in blocks if any(_WP_ID.match(i) for i in b.ids))
    if wp_ids and (wp_ids * 2 >= len(blocks)) and _wp_marked(marked):
        return "wordpress"
    if blocks and all(b.microdata for b in blocks):
        return "schema.org"
    if any("wp-block-comment" in (b.el.getparent().get("class") or "") for b in blocks):
        return "wordpress"
    return "generic"


_H1 = etree.XPath("//h1")


class _Safe:
    """Whether an element may be a region: not ``html``/``body``/``main`` and
    not holding the page's ``h1``.  The page's few ``h1`` elements are listed
    once, and their ancestors kept, so a test is a set lookup instead of a walk
    over the candidate's whole subtree."""

    def __init__(self, doc: etree._Element) -> None:
        self.held: set | None = None
        self.doc = doc

    def __call__(self, el: etree._Element) -> bool:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("html", "body", "main"):
            return False
        if self.held is None:
            h1s = _H1(self.doc)
            self.held = {anc for h1 in h1s for anc in h1.iterancestors()}
            self.held.update(h1s)
        return el not in self.held


def _region(block: Block, safe: _Safe) -> etree._Element | None:
    """The highest run of comment-named ancestors above a top-level block."""
    best = None
    node = block.el.getparent()
    while node is not None and not mentions_comments(node):
        if node.tag in ("body", "html"):
            return block.el.getparent() if safe(block.el.getparent()) else None
        node = node.getparent()
    while node is not None and mentions_comments(node) and safe(node):
        best = node
        node = node.getparent()
    return best if best is not None else block.el.getparent()


def _order(el: etree._Element) -> tuple[int, int]:
    """Document order for a handful of elements without walking the page:
    source line, then nesting depth (an outer element starts first)."""
    return (el.sourceline or 0, sum(1 for _ in el.iterancestors()))


def regions_of(marked: list[etree._Element], blocks: list[Block]) -> list[etree._Element]:
    """Elements covering the thread, outermost only, in document order."""
    found: list[etree._Element] = []
    if not marked and not blocks:
        return found
    safe = _Safe((marked[0] if marked else blocks[0].el).getroottree().getroot())
    memo: dict = {}  # siblings share their region: climb once
    for b in blocks:
        if b.parent is None:
            key = b.el.getparent()
            if key not in memo:
                memo[key] = _region(b, safe)
            region = memo[key]
            if region is not None and region not in found:
                found.append(region)
    for el in marked:
        if _fixed(el) and el not in found and safe(el):
            found.append(el)
    outer = [el for el in found if not any(o is not el and is_inside(el, o) for o in found)]
    return sorted(outer, key=_order) if len(outer) > 1 else outer
