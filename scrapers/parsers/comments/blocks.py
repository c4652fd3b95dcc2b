"""Finding the comment blocks of a page by markup evidence.

A block is an element that holds one comment: WordPress ``li#comment-12``,
microdata ``[itemtype$=Comment]``, or any element whose class/id names it a
comment item (``div.comment``, ``div.kommentar-item``, ``li#c123``...).
Wrappers around one comment collapse into one block, and a block nested in
another is a reply to it, so one pass serves WordPress and custom markup alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from scrapers.parsers.comments._dom import label, numeric_key, tokens

# One XPath pass in C narrows the page down to elements worth a look.
_CANDIDATES = etree.XPath(
    "//*[contains(@class,'omment') or contains(@id,'omment') or contains(@class,'omentario')"
    " or contains(@class,'eserbrief') or contains(@id,'omentario') or contains(@class,'pingback')"
    " or contains(@class,'trackback') or contains(@itemtype,'Comment') or contains(@typeof,'Comment')"
    " or contains(@class,'коммент')]"
)
_ITEM_TOKEN = re.compile(
    r"^[a-z0-9_-]*?(?:comment|kommentar|comentario|commentaire|commento|leserbrief|коммент\w*)"
    r"(?:s?[-_]{0,2}(?:item|entry|con|container|wrapper|wrap|box|card|block|single|row|unit|node"
    r"|li|article|post))?$|^(?:pingback|trackback)$"
)
_ITEM_ID = re.compile(
    r"^(?:li-|div-)?(?:comment|kommentar|comentario|cmt|c)[-_]?\d+(?:[-_]\d+)?$|^wc-comm-\d+", re.I
)
_BLOCK_TAGS = frozenset("div li article section dd blockquote tr td dl ul ol".split())
_BAD_ZONE = re.compile(r"widget|sidebar|recent|footer-|menu|teaser|related|popular|newsletter")
_NOT_ITEM = ("respond", "form", "count", "link", "navigation", "pagination", "title")


@dataclass(eq=False)
class Block:
    """One comment block: its outermost element and the ids found on its wrappers."""

    el: etree._Element
    ids: list[str] = field(default_factory=list)
    parent: Block | None = None
    depth: int = 0
    microdata: bool = False


def _is_candidate(el: etree._Element) -> bool:
    if not isinstance(el.tag, str) or el.tag.lower() not in _BLOCK_TAGS:
        return False
    lab = label(el)
    if any(w in lab for w in _NOT_ITEM):
        return False
    if "Comment" in (el.get("itemtype") or "") or "Comment" in (el.get("typeof") or ""):
        return True
    if _ITEM_ID.match(el.get("id") or ""):
        return True
    return any(_ITEM_TOKEN.match(t) for t in tokens(el))


def _in_bad_zone(el: etree._Element) -> bool:
    """Sidebar widgets ("Recent comments"), forms and navigation are never threads."""
    for anc in el.iterancestors():
        tag = anc.tag if isinstance(anc.tag, str) else ""
        if tag in ("aside", "nav", "header", "footer") and not anc.get("class", "").count("comment"):
            return True
        if tag == "form" and "comment" in label(anc):
            return True
        if tag in ("body", "html"):
            return False
        if _BAD_ZONE.search(label(anc)):
            return True
    return False


def find_blocks(root: etree._Element) -> list[Block]:
    """Comment blocks under ``root`` in document order, with parents and depths."""
    cands = [el for el in _CANDIDATES(root) if _is_candidate(el)]
    if not cands:
        return []
    cand_set = set(cands)
    cands = [el for el in cands if not _in_bad_zone(el)]
    blocks = {el: Block(el, [el.get("id") or ""]) for el in cands}
    _collapse_wrappers(blocks, cand_set)
    ordered = [b for el, b in blocks.items() if el in blocks]
    _link_parents(ordered)
    return ordered


def _nearest_candidate(el: etree._Element, blocks: dict) -> etree._Element | None:
    for anc in el.iterancestors():
        if anc in blocks:
            return anc
    return None


def _collapse_wrappers(blocks: dict, cand_set: set) -> None:
    """Merge an outer block with an inner one when they are one comment.

    They are one comment when they carry the same number (``li#li-comment-12``
    around ``div#comment-12``), or when the outer holds exactly one inner block
    and no text of its own besides.  The outer element is kept: replies live
    inside it.
    """
    direct: dict = {el: [] for el in blocks}
    for el in blocks:
        outer = _nearest_candidate(el, blocks)
        if outer is not None:
            direct[outer].append(el)
    for el in reversed(list(blocks)):
        outer = _nearest_candidate(el, blocks)
        if outer is None:
            continue
        key, okey = numeric_key(el.get("id")), numeric_key(outer.get("id"))
        only_child = len(direct[outer]) == 1 and not _own_text(outer, el)
        if (key and key == okey) or only_child or (key and not okey and only_child):
            inner = blocks.pop(el)
            blocks[outer].ids.extend(inner.ids)
            blocks[outer].microdata |= inner.microdata
            direct[outer].remove(el)
            direct[outer].extend(direct.pop(el, []))


def _own_text(outer: etree._Element, inner: etree._Element) -> bool:
    """True when ``outer`` has visible text outside ``inner``."""
    for text in outer.xpath(".//text()"):
        if text.strip():
            parent = text.getparent()
            node = parent
            inside = False
            while node is not None and node is not outer:
                if node is inner:
                    inside = True
                    break
                node = node.getparent()
            if not inside and parent.tag not in ("script", "style"):
                return True
    return False


def _link_parents(ordered: list[Block]) -> None:
    by_el = {b.el: b for b in ordered}
    for b in ordered:
        b.microdata = b.microdata or "Comment" in (b.el.get("itemtype") or "")
        for anc in b.el.iterancestors():
            if anc in by_el:
                b.parent = by_el[anc]
                b.depth = b.parent.depth + 1
                break
