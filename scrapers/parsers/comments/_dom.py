"""Small DOM helpers shared by the comment-thread modules.

All of them read the tree and never change it: ``page.parse_page`` hands the
same tree to the article extractor afterwards.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Container, Iterable
from itertools import islice
from urllib.parse import urljoin

from lxml import etree

from scrapers.parsers.document.text import (
    BLOCK_TAGS,
    PLAIN_START,
    SAFE_TAGS,
    SKIP_TAGS,
    normalize_text,
    start_tag,
)

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
_HTML_SPACES = " \t\r\n\f"
_DIGITS = re.compile(r"\d{1,20}")


def class_of(el: etree._Element) -> str | None:
    """The class attribute, else the ``data-hook`` that names the element's
    part in markup without classes (Wix: ``data-hook="comment"``)."""
    return el.get("class") or el.get("data-hook")


def tokens(el: etree._Element) -> list[str]:
    """Lower-cased class tokens of an element."""
    cls = class_of(el)
    return cls.lower().split() if cls else []


def label(el: etree._Element) -> str:
    """Class and id of an element as one lower-cased string, for word tests."""
    return f"{class_of(el) or ''} {el.get('id') or ''}".lower()


def mentions_comments(el: etree._Element) -> bool:
    """True when the element's class or id speaks of comments."""
    text = label(el)
    return any(w in text for w in COMMENT_WORDS)


_NUMBERED = re.compile(r"(?<![a-z0-9])[a-z]*(\d{1,20})(?![a-z0-9])", re.I)


def numeric_key(value: str | None) -> str | None:
    """The first number in an id ("li-comment-12" and "div-comment-12" -> "12",
    "c2459" -> "2459"); hex ids ("comment-6a00e552e53b", TypePad, Wix) have none.

    >>> numeric_key("li-comment-12"), numeric_key("comment-65198a1f02c1e")
    ('12', None)
    """
    if not value:
        return None
    m = _NUMBERED.search(value)
    return m.group(1) if m else None


def same_number(a: str | None, b: str | None) -> bool:
    """Two element ids that number one comment ("li-comment-12", "comment-12").

    Ids of one shape that differ in any number are different comments, even
    when their first numbers agree ("Holder1_Comment_0", "Holder1_Comment_9").
    """
    ra, rb = _DIGITS.findall(a or ""), _DIGITS.findall(b or "")
    if not ra or not rb:
        return False
    if len(ra) == len(rb):
        return ra == rb
    return ra[0] == rb[0]


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


_SMALL = 256  # a bigger subtree is walked the slow way (no quadratic cost on deep threads)


def own_elements(root: etree._Element, stop: Container) -> list[etree._Element]:
    """Descendants of ``root`` in document order (not ``root`` itself), not
    entering elements in ``stop``."""
    # Most blocks hold no other block (a reply without replies): then lxml's
    # own walk gives the answer, one C call instead of a Python step per element.
    out = list(islice(root.iterdescendants(etree.Element), _SMALL))
    if len(out) < _SMALL and not any(map(stop.__contains__, out)):
        return out
    out = []
    stack = [c for c in root.iterchildren(etree.Element, reversed=True) if c not in stop]
    while stack:
        el = stack.pop()
        out.append(el)
        if len(el):
            stack.extend(c for c in el.iterchildren(etree.Element, reversed=True) if c not in stop)
    return out


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


def text_and_html(root: etree._Element, skip: Container) -> tuple[str, str]:
    """Plain text and safe HTML of ``root`` without the subtrees in ``skip``.

    The same output as ``element_text`` and ``clean_html`` of a
    :func:`pruned_copy`, in one walk over the page's own tree and without the
    copy (a comment's text is read once per comment of every page crawled).
    """
    tag = root.tag if isinstance(root.tag, str) else "span"
    tx: list[str] = []
    hx: list[str] = []
    _inner(root, skip, tag == "pre", tx, hx)
    text = "" if tag.lower() in SKIP_TAGS else normalize_text("".join(tx))
    return text, "".join(hx).strip()


def _piece(text: str, pre: bool, tx: list[str], hx: list[str]) -> None:
    if not pre:
        if not text.strip(_HTML_SPACES):  # the indentation between tags, mostly
            tx.append(" ")
            hx.append(" ")
            return
        if "\n" in text or "  " in text or "\t" in text or "\r" in text or "\f" in text:
            text = _HTML_WS.sub(" ", text)
    tx.append(text)
    hx.append(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def _inner(el: etree._Element, skip: Container, pre: bool, tx: list[str], hx: list[str]) -> None:
    """Text and kept children of ``el`` (see :func:`text_and_html`)."""
    if el.text:
        _piece(el.text, pre, tx, hx)
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in SKIP_TAGS and child not in skip:
            _element(child, tag, skip, pre or tag == "pre", tx, hx)
        if child.tail:
            _piece(child.tail, pre, tx, hx)


def _element(
    el: etree._Element, raw: str, skip: Container, pre: bool, tx: list[str], hx: list[str]
) -> None:
    tag = raw.lower()
    if tag in SKIP_TAGS:  # (as text.py: skipped, its tail kept by the caller)
        return
    block = tag in BLOCK_TAGS
    if block:
        tx.append("\n\n")
    elif tag == "br":
        tx.append("\n")
    keep = tag in SAFE_TAGS
    if keep:
        hx.append(PLAIN_START.get(tag) or start_tag(el, tag))
    _inner(el, skip, pre, tx, hx)
    if block:
        tx.append("\n\n")
    if keep and tag not in ("br", "hr", "img"):
        hx.append(f"</{tag}>")


def lines_of(root: etree._Element, skip: Container) -> list[str]:
    """The non-empty lines of ``root``'s text without the subtrees in ``skip``
    (blocks and ``<br>`` break lines): :func:`text_and_html`'s text, split,
    without building the HTML (bylines are looked for in blocks whose markup
    names no author or date, many of which are never comments)."""
    out: list[str] = []
    _lines(root, skip, out)
    text = _HTML_WS.sub(" ", "".join(out).replace("\xa0", " "))
    return [line.strip() for line in text.split("\x00") if line.strip()]


def _lines(el: etree._Element, skip: Container, out: list[str]) -> None:
    if el.text:
        out.append(el.text)
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and child not in skip:
            low = tag.lower()
            if low not in SKIP_TAGS:
                brk = "\x00" if low in BLOCK_TAGS or low == "br" else ""  # a line break
                out.append(brk)
                _lines(child, skip, out)
                out.append(brk)
        if child.tail:
            out.append(child.tail)


def first(items: Iterable):
    """First item of an iterable, or None."""
    for item in items:
        return item
    return None
