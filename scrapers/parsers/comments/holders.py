"""The name and thread id a comment widget's holder element gives away.

Providers mount their widget on an element named after themselves:
``<div id="disqus_thread">``, ``<div class="fb-comments">``, ``<section
id="isso-thread">``, ``<coral-talk>``, ``<div id="remark42">``.  The known
ones are :mod:`.thirdparty`'s; for one nobody here has seen, the same
pattern names it: a custom element ``NAME-comments`` / ``NAME-thread``, or an
id ``NAME_thread`` / ``NAME-comments``.  Its thread id is the holder's
``data-NAME-id`` (or ``data-*-id``, ``story``, ``thread``, ``identifier``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

_WIDGET = r"(?:comments?|thread|talk|discussion|conversation|replies)"
_TAG = re.compile(rf"^([a-z][a-z0-9]{{1,30}})-{_WIDGET}$")
_ID = re.compile(rf"^([a-z][a-z0-9]{{1,30}})[_-]{_WIDGET}$", re.I)
# words that name a part of a page, not a provider
_GENERIC = frozenset(
    [
        "wp",
        "post",
        "posts",
        "article",
        "entry",
        "page",
        "site",
        "main",
        "user",
        "reader",
        "readers",
        "all",
        "the",
        "js",
        "my",
        "news",
        "story",
        "blog",
        "content",
        "block",
        "section",
        "show",
        "load",
        "more",
        "no",
        "toggle",
        "open",
        "closed",
        "respond",
        "reply",
        "comment",
        "comments",
        "article-comments",
        "disqus",
        "fb",
        "facebook",
        "ajax",
        "lazy",
        "inline",
        "custom",
        "default",
        "primary",
        "secondary",
        "single",
        "full",
        "top",
        "bottom",
        "new",
        "old",
        "view",
        "list",
        "subscribe",
        "tab",
        "tabs",
        "ca",
        "login",
        "share",
        "social",
    ]
)
_ID_ATTRS = ("story", "thread", "identifier", "thread-id", "story-id", "post-id", "page-id")
_CUSTOM = etree.XPath("//*[contains(local-name(), '-')]")
_IDS = etree.XPath("/descendant::*/@id", smart_strings=False)
_BY_ID = etree.XPath("//*[@id=$i]")


@dataclass(frozen=True, slots=True)
class Holder:
    name: str  # the provider, as its holder names it ("parley")
    thread_id: str | None


def _thread_id(el: etree._Element, name: str) -> str | None:
    value = el.get(f"data-{name}-id")
    if value:
        return value
    for attr in _ID_ATTRS:
        for key in (attr, "data-" + attr):
            if el.get(key):
                return el.get(key)
    for key, value in el.attrib.items():
        if key.startswith("data-") and key.endswith("-id") and value:
            return value
    return None


def find_holder(
    doc: etree._Element, ids: list | None = None, regions: list | None = None
) -> Holder | None:
    """The first element named for a comment widget by the provider pattern.

    ``ids`` are the page's id values as lxml smart strings (the comment scan
    has them: ``Scan.others``) and ``regions`` the comment regions, where
    custom elements are looked for; without them the whole page is searched.
    """
    customs = (
        _CUSTOM(doc)
        if regions is None
        else [el for r in regions for el in r.iter() if "-" in str(el.tag)]
    )
    for el in customs:
        m = _TAG.match(el.tag.lower()) if isinstance(el.tag, str) else None
        if m is not None and m.group(1).lower() not in _GENERIC:
            return Holder(m.group(1).lower(), _thread_id(el, m.group(1).lower()))
    values = _IDS(doc) if ids is None else [v for v in ids if getattr(v, "attrname", "") == "id"]
    for value in values:
        m = _ID.match(value)
        if m is not None and m.group(1).lower() not in _GENERIC:
            found = _BY_ID(doc, i=str(value))
            name = m.group(1).lower()
            return Holder(name, _thread_id(found[0], name) if found else None)
    return None
