"""Where a byline candidate stands: bylines that are not the article's.

Teasers of other articles repeat the article's byline markup, menus list
the site's authors, and a profile link in a sentence is a mention.

A "more stories" rail, a slider of opinion pieces or a card grid prints each
teaser as a headline linked to its article with that article's byline under
it (``<article class="teaser"><h2><a href="/other/">…</a></h2><footer><span
class="author">Doris Weber</span></footer></article>``), or wraps the whole
card in one link (``<a href="/other/">… <span class="author">von Anna
Dunst</span></a>``).  Such a byline is another article's, however near the
headline it stands.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lxml.etree import Element

from scrapers.parsers.authors.links import AUTHOR_PATH, PROFILE_PATH
from scrapers.parsers.document.headline import loose
from scrapers.parsers.document.scan import PageScan
from scrapers.parsers.document.text import inline_text

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_ITEMS = frozenset(["li", "article", "tr", "dd"])
_CARD = 600  # a teaser card holds a headline, a line of text and a byline
_HEADLINE = 20  # characters of a linked headline, not of a name


def in_teaser(s: PageScan, i: int, ref: int, title: str | None) -> bool:
    """Element ``i`` stands in a small block (up to four levels up) that is one
    link to another page, or that holds a headline linked elsewhere and is one
    of a row of its kind (a sibling of the same tag and class near it or its
    parents); never in the block that holds the article's own headline.

    (A blog's own post header links its title to the permalink too, and where
    the headline is not recognised it looks like a teaser; it stands alone.)
    """
    p = s.parent[i]
    for _ in range(4):
        if p <= s.body or s.size[p] > _CARD or p <= ref < s.end[p]:
            return False
        if s.tags[p] == "a" and _elsewhere(s.nodes[p].get("href")):
            return True  # a card that is one link (never the article's own header)
        if _linked_heading(s, p, title) or _linked_line(s, p, i):
            return _repeated(s, p, ref)
        p = s.parent[p]
    return False


def _linked_line(s: PageScan, p: int, i: int) -> bool:
    """``p`` holds, before ``i``, a link elsewhere as long as a headline (a list
    of threads or stories: "<li><a>Homeowner kills car thief</a> <span>By:
    gregmcc</span></li>")."""
    if s.links[p] - s.links[i] < _HEADLINE:
        return False
    for a in s.nodes[p].iter("a"):
        k = s.index.get(a, i)
        if k >= i:
            break  # (a teaser's headline comes before its byline)
        if s.size[k] >= _HEADLINE and _elsewhere(a.get("href")):
            return True
    return False


def _elsewhere(href: str | None) -> bool:
    """A link to another page that is not a person's profile."""
    return (
        bool(href) and not href.startswith(("#", "javascript:")) and not PROFILE_PATH.search(href)
    )


def _first_class(el: Element) -> str:
    """The first class name: a card's kind ("o-teaser" of "o-teaser with_ad")."""
    cls = el.get("class")
    return cls.split(maxsplit=1)[0] if cls and not cls.isspace() else ""


def _repeated(s: PageScan, p: int, ref: int) -> bool:
    """``p`` or one of its two parents (short of the block holding the headline)
    has a sibling of the same tag and first class among its two neighbours on
    either side: a row of cards."""
    for _ in range(3):
        if p <= s.body or p <= ref < s.end[p]:
            return False
        el = s.nodes[p]
        kind = _first_class(el)
        if not kind and el.tag not in _ITEMS:
            p = s.parent[p]
            continue  # (bare divs stand side by side everywhere)
        for near in (el.itersiblings(Element), el.itersiblings(Element, preceding=True)):
            for k, sib in enumerate(near):
                if k >= 2:
                    break
                if sib.tag == el.tag and _first_class(sib) == kind:
                    return True
        p = s.parent[p]
    return False


def _linked_heading(s: PageScan, p: int, title: str | None) -> bool:
    """``p`` holds a heading that is all one link to a page other than an author's."""
    for tag in _HEADINGS:  # (the scan indexes headings by tag, in page order)
        found = s.by_tag.get(tag)
        if not found:
            continue
        k = bisect_right(found, p)
        while k < len(found) and found[k] < s.end[p]:
            j = found[k]
            k += 1
            if not s.links[j] or s.links[j] != s.size[j]:
                continue
            links = s.nodes[j].findall(".//a[@href]")
            if len(links) != 1 or AUTHOR_PATH.search(links[0].get("href")):
                continue
            if title and loose(inline_text(s.nodes[j])) == loose(title):
                continue  # the article's own headline, linked to itself
            return True
    return False


# Menus list the site's authors and sections, never the article's byline.
_NAVIGATION = re.compile(
    r"(?:^|\s)(?:nav|navbar|navigation|menu|sub-menu|dropdown-menu|main-menu|primary-menu|nav-menu"
    r"|menu-item|main-navigation|site-navigation)(?=\s|$)"
)
_PAGE = frozenset(["body", "article", "main"])


_INLINE = frozenset(["a", "span", "em", "strong", "b", "i", "small", "cite"])


def in_prose(s: PageScan, i: int) -> bool:
    """A link in running text ("we'd like to have even <a href=".../authors/...">you</a>
    as a member."), not a byline: its paragraph is a sentence of six words or more
    besides the link."""
    if s.tags[i] != "a":
        return False
    p = s.parent[i]
    while p > s.body and s.tags[p] in _INLINE:
        p = s.parent[p]
    if s.tags[p] not in ("p", "blockquote") or s.size[p] > 2000:
        return False
    text = inline_text(s.nodes[p])
    return text[-1:] in ".!?" and len(text.split()) - len(inline_text(s.nodes[i]).split()) >= 6


def in_navigation(s: PageScan, i: int) -> bool:
    """Element ``i`` is in a ``<nav>`` or a menu (WordPress ``ul.menu``, Bootstrap ``.navbar``)."""
    p = s.parent[i]
    while p > s.body and s.tags[p] not in _PAGE:
        if s.tags[p] == "nav" or ((a := s.attr(p)) and _NAVIGATION.search(a)):
            return True
        p = s.parent[p]
    return False


def holds_heading(s: PageScan, i: int) -> bool:
    """A teaser (a linked headline with its byline), not a byline: themes mark whole
    teasers with the author's taxonomy class ("autor-jane-doe").  Author cards
    head the name linked to the profile, or with more links ("Name Follow")."""
    tags = s.tags
    for j in range(i + 1, min(s.end[i], i + 200)):  # (a byline is a few elements)
        if tags[j] in _HEADINGS and s.links[j] and s.links[j] == s.size[j]:
            links = s.nodes[j].findall(".//a[@href]")
            if len(links) == 1 and not AUTHOR_PATH.search(links[0].get("href")):
                return True
    return False
