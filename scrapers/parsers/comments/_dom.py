"""Small DOM helpers shared by the comment-thread modules.

All of them read the tree and never change it: ``page.parse_page`` hands the
same tree to the article extractor afterwards.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from urllib.parse import urljoin

from lxml import etree

from scrapers.parsers.text import SKIP_TAGS

# Words that mark an element as being about reader comments, in the languages
# the archive meets most (class/id tokens are matched lower-cased).
COMMENT_WORDS = (
    "comment",
    "kommentar",
    "comentario",
    "commentaire",
    "commento",
    "leserbrief",
    "reaction",
    "discussion",
    "diskussion",
    "discusion",
    "reply",
    "replies",
    "respuesta",
    "коммент",
)
_KEEP_ATTRS = ("href", "src", "alt", "title", "datetime", "cite", "colspan", "rowspan", "class")
_HTML_WS = re.compile(r"[ \t\r\n\f]+")
_DIGITS = re.compile(r"\d{1,20}")


def tokens(el: etree._Element) -> list[str]:
    """Lower-cased class tokens of an element."""
    cls = el.get("class")
    return cls.lower().split() if cls else []


def label(el: etree._Element) -> str:
    """Class and id of an element as one lower-cased string, for word tests."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def mentions_comments(el: etree._Element) -> bool:
    """True when the element's class or id speaks of comments."""
    text = label(el)
    return any(w in text for w in COMMENT_WORDS)


def numeric_key(value: str | None) -> str | None:
    """The first run of digits in an id ("li-comment-12" and "div-comment-12" -> "12")."""
    if not value:
        return None
    m = _DIGITS.search(value)
    return m.group(0) if m else None


def hash_id(*parts: str | None) -> str:
    """A stable id for comments the site does not number: sha1 of author, date, text."""
    joined = "\x1f".join(p or "" for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def absolute(base: str, href: str | None) -> str | None:
    """Absolute http(s) URL of a link, or None for empty, fragment or script links."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return None
    try:
        url = urljoin(base, href) if base else href
    except ValueError:
        return None
    return url if url.startswith(("http://", "https://")) else None


def is_inside(el: etree._Element, ancestor: etree._Element) -> bool:
    """True when ``el`` is ``ancestor`` or one of its descendants."""
    node = el
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


def own_iter(root: etree._Element, stop: set) -> Iterator[etree._Element]:
    """Descendants of ``root`` (itself included), not entering elements in ``stop``."""
    stack = [root]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        yield el
        stack.extend(reversed([c for c in el if c not in stop]))


# C0 controls the HTML parser keeps but lxml refuses to set on a new element
# (a stray vertical tab in a comment crashed the whole page parse: #9 fuzzing).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _ws(text: str | None, pre: bool) -> str | None:
    if text and _NOT_XML.search(text):
        text = _NOT_XML.sub("", text)
    return text if pre or not text else _HTML_WS.sub(" ", text)


def pruned_copy(el: etree._Element, skip: set, pre: bool = False) -> etree._Element:
    """A detached copy of ``el`` without the subtrees in ``skip``.

    Skipped elements' tails are kept, so text around them survives.  Source
    line breaks collapse to spaces as a browser shows them (outside ``pre``),
    so only ``<br>`` and blocks break lines.  Text helpers then run on the
    copy, leaving the page's own tree untouched.
    """
    pre = pre or el.tag == "pre"
    new = etree.Element(el.tag if isinstance(el.tag, str) else "span")
    for name in _KEEP_ATTRS:
        value = el.get(name)
        if value is not None:
            new.set(name, _NOT_XML.sub("", value))
    new.text = _ws(el.text, pre)
    last = None
    for child in el:
        tail = _ws(child.tail, pre)
        if child in skip or not isinstance(child.tag, str) or child.tag in SKIP_TAGS:
            if tail:
                if last is not None:
                    last.tail = (last.tail or "") + tail
                else:
                    new.text = (new.text or "") + tail
            continue
        last = pruned_copy(child, skip, pre)
        last.tail = tail
        new.append(last)
    return new


def first(items: Iterable):
    """First item of an iterable, or None."""
    for item in items:
        return item
    return None
