"""Comment markup that relates blocks by their siblings rather than by nesting.

Drupal prints each comment's id on an empty anchor *before* it
(``<a id="comment-812"></a><article class="comment">``) and a comment's
replies in a ``div.indented`` right *after* it, so neither the id nor the
reply parent is found on or around the block itself.
"""

from __future__ import annotations

import re

from lxml import etree

_ANCHOR_ID = re.compile(r"^comment-(\d+)$")
_MAX_LEVELS = 3  # Drupal puts the reply right inside div.indented; a wrapper or two at most


def anchor_id(el: etree._Element) -> str | None:
    """The number of an empty ``<a id="comment-N">`` just before ``el``."""
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):  # HTML comments
        prev = prev.getprevious()
    if prev is None or prev.tag != "a" or len(prev) or (prev.text or "").strip():
        return None
    m = _ANCHOR_ID.match(prev.get("id") or prev.get("name") or "")
    return m.group(1) if m else None


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
