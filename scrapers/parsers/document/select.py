"""CSS selection for site-profile overrides, compiled once and never raising.

Profiles are data written by people; a typo in a selector must cost that one
override, not the page.
"""

from __future__ import annotations

import functools
import logging
import re

from lxml import etree
from lxml.cssselect import CSSSelector

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=256)
def _compile(css: str) -> CSSSelector | None:
    try:
        return CSSSelector(css)
    except Exception as exc:  # cssselect raises several unrelated types
        log.warning("bad CSS selector %r: %s", css, exc)
        return None


def select_all(doc: etree._Element, css: str | None) -> list[etree._Element]:
    """Elements matching ``css`` (empty list for a bad or empty selector)."""
    sel = _compile(css) if css else None
    return list(sel(doc)) if sel is not None else []


def select_first(doc: etree._Element, css: str | None) -> etree._Element | None:
    found = select_all(doc, css)
    return found[0] if found else None


_WITH_CLASS = etree.XPath("descendant-or-self::*[@class or @id or @itemprop]")


def by_attrs(root: etree._Element, pattern: re.Pattern[str]) -> list[etree._Element]:
    """Elements whose ``class``, ``id`` or ``itemprop`` matches ``pattern``.

    One regex search per element beats a long ``contains()`` chain in XPath
    several times over on large pages.
    """
    out = []
    for el in _WITH_CLASS(root):
        attrs = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"
        if pattern.search(attrs):
            out.append(el)
    return out
