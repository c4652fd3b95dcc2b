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
    ]
)
_ID_ATTRS = ("story", "thread", "identifier", "thread-id", "story-id", "post-id", "page-id")
_HOLDERS = etree.XPath("//*[contains(local-name(), '-')] | //*[@id]")


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


def find_holder(doc: etree._Element) -> Holder | None:
    """The first element named for a comment widget by the provider pattern."""
    for el in _HOLDERS(doc):
        tag = el.tag if isinstance(el.tag, str) else ""
        m = _TAG.match(tag.lower())
        if m is None:
            m = _ID.match(el.get("id") or "")
        if m is None or m.group(1).lower() in _GENERIC:
            continue
        name = m.group(1).lower()
        return Holder(name, _thread_id(el, name))
    return None
