"""Comment markup that relates blocks by their siblings rather than by nesting.

Drupal prints each comment's id on an empty anchor *before* it
(``<a id="comment-812"></a><article class="comment">``) and a comment's
replies in a ``div.indented`` right *after* it, so neither the id nor the
reply parent is found on or around the block itself.
"""

from __future__ import annotations

import re

from lxml import etree

_ANCHOR_ID = re.compile(r"^(?:comment[-_]?|c)?(\d+)$")  # "comment-812", "c980784", "109620"
_MAX_LEVELS = 3  # Drupal puts the reply right inside div.indented; a wrapper or two at most


def anchor_id(el: etree._Element) -> str | None:
    """The number of an empty anchor just before ``el`` (Drupal's
    ``<a id="comment-N"></a>``, Movable Type's ``<a name="cN">``), else of one
    as ``el``'s first child."""
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):  # HTML comments
        prev = prev.getprevious()
    first = next(el.iterchildren(etree.Element), None)
    for a in (prev, first):
        if a is None or a.tag != "a" or len(a) or (a.text or "").strip():
            continue
        m = _ANCHOR_ID.match(a.get("id") or a.get("name") or "")
        if m:
            return m.group(1)
    return None


def indented_parent(el: etree._Element, blocks: dict) -> object | None:
    """The block a ``div.indented`` holding ``el`` follows (its replies), if any.

    ``blocks`` maps block elements to blocks; only the first ``indented``
    ancestor counts (within three levels: the walk runs for every top-level
    comment of every page), and anchors between the comment and its replies
    are skipped.
    """
    for level, anc in enumerate(el.iterancestors()):
        if anc in blocks or level == _MAX_LEVELS:
            return None
        if "indented" in (anc.get("class") or "").split():
            prev = anc.getprevious()
            while prev is not None and (not isinstance(prev.tag, str) or prev.tag == "a"):
                prev = prev.getprevious()
            return blocks.get(prev) if prev is not None else None
    return None


_REPLY_WORDS = re.compile(
    r"(?:repl(?:y|ied)(?: to)?|in reply to|response to|antwort auf|als antwort auf"
    r"|en réponse à|réponse à|en respuesta a|respuesta a|in risposta a|risposta a"
    r"|в ответ на|ответ на|@)\s*:?\s*$",
    re.I,
)


def _text_before(a: etree._Element) -> str:
    prev = a.getprevious()
    text = (prev.tail if prev is not None else a.getparent().text) or ""
    return text[-40:]


def _names(el: etree._Element) -> list[str]:
    """The fragment names that lead to a block: its ids and those of an empty
    anchor right before it (``<a id="comment-N"></a>``, ``<a name="cNNN">``)."""
    out = [v for v in (el.get("id"),) if v]
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is not None and prev.tag == "a" and not len(prev) and not (prev.text or "").strip():
        out += [v for v in (prev.get("id"), prev.get("name")) if v]
    return out


def reply_targets(blocks: list) -> dict:
    """Top-level blocks whose byline names the comment they answer by a link to
    it ("snarki replied to <a href="#comment-980784">comment from Matt</a>",
    "in reply to <a href="#uc-20551">Alasdair</a>"): block -> that comment's
    block, which comes before it."""
    by_name: dict = {}
    for b in blocks:
        for name in [*b.ids, *_names(b.el)]:
            if name:
                by_name.setdefault(name, b)
    out: dict = {}
    seen: set = set()
    for b in blocks:
        seen.add(b)
        if b.parent is not None or b.depth:
            continue
        for a in b.el.iter("a"):
            href = a.get("href") or ""
            if "#" not in href:
                continue
            target = by_name.get(href.rsplit("#", 1)[1])
            if target is None or target is b or target not in seen:
                continue
            if _REPLY_WORDS.search(_text_before(a)):
                out[b] = target
                break
    return out


_DEPTH_CLASS = re.compile(r"(?:^|\s)depth-(\d{1,2})(?:\s|$)")


def _level(el: etree._Element) -> int | None:
    m = _DEPTH_CLASS.search(el.get("class") or "")
    return int(m.group(1)) if m else None


def depth_parents(blocks: list) -> dict:
    """Flat lists that state nesting only in WordPress's ``depth-N`` classes
    (``comment_class()`` prints them on every comment): a top-level block of
    depth N > 1 answers the last block of depth N - 1 before it in the same
    list.  Returns block -> parent block."""
    out: dict = {}
    last: dict = {}  # (list element, depth) -> the last block seen there
    for b in blocks:
        level = _level(b.el)
        if level is None:
            continue
        holder = b.el.getparent()
        if level > 1 and b.parent is None:
            parent = last.get((holder, level - 1))
            if parent is not None:
                out[b] = parent
        last[holder, level] = b
        for deeper in [k for k in last if k[0] is holder and k[1] > level]:
            del last[deeper]  # a new comment of this depth closes deeper ones
    return out
