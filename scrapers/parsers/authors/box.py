"""Author boxes (an author's picture, name and biography under the article)
are not bylines, though they use a byline's markup.

Many themes close a post with a box about its author: twentytwentyone prints
``<div class="author-bio">`` with ``<h2 class="author-title">By Aisha Bello</h2>``
and ``<p class="author-description">Science and environment reporter.</p>``.
The box names the post's author in its heading; its description is prose
about her, and read as a byline it adds people ("Science") who never wrote a
word.  So in a box only the name counts: its heading, or the box's text
without its description paragraphs.
"""

from __future__ import annotations

import re

from lxml import etree

from scrapers.parsers.authors.links import text_without
from scrapers.parsers.document.scan import PageScan
from scrapers.parsers.document.text import inline_text

BOX = re.compile(
    r"author-bio|author[-_]?box|autor(?:en)?[-_]?box|about-(?:the-)?author|saboxplugin|"
    r"author-info|author-card|post-author-bio"
)
_DESCRIPTION = re.compile(r"descr|(?<![a-z])bio(?:graphy)?(?![a-z])|author-about|author-text")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# a box's heading that is only a label: "Published by", "About the author"
_LABEL = re.compile(
    r"^\W*(?:(?:published|written|posted|articles?)\s+)?(?:by|von|por|par)?\W*$"
    r"|^\W*(?:about|über|sobre|à propos)\s+(?:the\s+|el\s+|de\s+l'|den\s+|die\s+)?"
    r"(?:author|autor(?:in)?|auteur)\W*$",
    re.I,
)


def _describes(el: etree._Element) -> bool:
    cls = (el.get("class") or "").lower()
    if "name" in cls or "title" in cls:
        return False  # <p class="author-name">
    return el.tag == "p" or bool(cls and _DESCRIPTION.search(cls) and not BOX.search(cls))


def in_box(s: PageScan, i: int) -> bool:
    """Element ``i`` is an author box or inside one."""
    return bool(BOX.search(s.attr(i))) or s.inside(i, BOX)


def box_byline(el: etree._Element) -> str | None:
    """The byline an author box (or a part of one) states: its heading's text,
    else its text without the description; None for the description itself."""
    if _describes(el):
        return None
    if el.tag in _HEADINGS:
        text = inline_text(el)
        return None if _LABEL.match(text) else text
    for heading in el.iter(*_HEADINGS):
        text = inline_text(heading)
        if not _LABEL.match(text):  # "Published by", then the name in the next heading
            return text
    described = [d for d in el.iterdescendants() if isinstance(d.tag, str) and _describes(d)]
    return (text_without(el, described) if described else inline_text(el)) or None
