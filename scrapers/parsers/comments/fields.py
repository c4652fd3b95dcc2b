"""The fields of one comment block: author, date, text.

Two steps, because most candidate blocks of a page are not comments: ``probe``
finds the author and date elements (``locate``); blocks with neither are parts
of a larger block and are never read further.  ``finish`` reads the text and
HTML of the survivors only.  Everything is looked up within the block's *own*
elements: nested replies are other blocks and never lend their author or text
to their parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from scrapers.parsers.comments._dom import absolute, own_elements, text_and_html, tokens
from scrapers.parsers.comments.locate import (
    TEXT_LEN,
    El,
    author_el,
    date_el,
    info_of,
    link_tiers,
)
from scrapers.parsers.comments.pingback import pingback_fields
from scrapers.parsers.document.text import inline_text

_META_WORDS = re.compile(r"meta|info|details|header|head\b|top|byline|vcard|author|user")
_CONTENT_WORDS = re.compile(r"text|content|body|message|entry|description|story|excerpt|inner")
_NOT_CONTENT = re.compile(
    r"meta|header|footer|author|avatar|date|time|title|action|reply|vote"
    r"|text-(?:left|right|center|justify|muted|small|sm|xs|lg|xl|bold|nowrap|truncate)"
)
_NOISE = re.compile(
    r"reply|edit-link|moderation|avatar|says|actions|tools|vote|rating|like|share|report|button"
    r"|permalink|flag|respond|navigation"
)
_SAYS = re.compile(r"\s*(?:says|sagt|schreibt|dice|dit|disse|пишет|wrote|schrieb)\s*:?\s*$", re.I)
# Drupal marks anonymous commenters' names so ("Ann (not verified)").
_UNVERIFIED = re.compile(
    r"\s*\((?:not verified|nicht überprüft|no verificado|non vérifié|non verificato)\)\s*$", re.I
)
# Links and buttons that only say what they do ("Reply", "Antworten").
_ACTIONS = frozenset(
    [
        "reply",
        "antworten",
        "responder",
        "répondre",
        "rispondi",
        "ответить",
        "melden",
        "report",
        "zitieren",
        "quote",
        "citar",
        "like",
        "gefällt",
        "share",
        "teilen",
        "löschen",
        "delete",
        "edit",
        "bearbeiten",
    ]
)


_ACTION_TAGS = frozenset(["a", "button", "span"])


def _is_action(el: etree._Element) -> bool:
    if el.tag not in _ACTION_TAGS or len(el):
        return False
    return (el.text or "").strip().lower() in _ACTIONS


_TEXT_INPUTS = (None, "text", "email", "url")
_FIELD_TAGS = frozenset(["textarea", "input"])


def _is_field(el: etree._Element) -> bool:
    """A field to type a comment or a name into (buttons and checkboxes are not)."""
    return el.tag == "textarea" or (el.tag == "input" and el.get("type") in _TEXT_INPUTS)


_KNOWN_CONTENT = ("comment-content", "wp-block-comment-content", "comment_content", "comment-text")


@dataclass
class Fields:
    """Raw findings for one block, before the id is decided."""

    author: str | None
    author_url: str | None
    published: str | None
    published_raw: str | None
    approx: bool
    text: str
    html: str


@lru_cache(maxsize=1024)
def _meta_class(cls: str | None) -> bool:
    """A class naming a meta wrapper (the same few class values on every comment)."""
    return bool(cls) and any(_META_WORDS.search(t) for t in cls.lower().split())


def _container(el: etree._Element, root: etree._Element) -> etree._Element:
    """Climb from an author/date element to its meta wrapper inside the block."""
    node = el
    parent = node.getparent()
    while parent is not None and parent is not root and _meta_class(parent.get("class")):
        node, parent = parent, parent.getparent()
    return node


@lru_cache(maxsize=4096)
def _content_class(cls: str) -> bool:
    """A lower-cased class naming comment text (and no layout or meta part)."""
    return bool(_CONTENT_WORDS.search(cls)) and not any(_NOT_CONTENT.search(t) for t in cls.split())


def _content_el(infos: list[El], root, avoid: list) -> etree._Element | None:
    def ok(e) -> bool:
        return e is not root and not any(a is not None and _inside(a, e) for a in avoid)

    known = frozenset(_KNOWN_CONTENT)
    for info in infos:
        el = info.el
        if (known & info.toks or info.prop in ("text", "commentText")) and ok(el):
            return el
    cands = []
    for info in infos:
        if info.cls and _content_class(info.cls) and ok(info.el):
            cands.append(info.el)
    # The longest text wins ("text-right" is a layout class too); measured
    # only when there is a choice.
    best = cands[0] if len(cands) == 1 else None
    if len(cands) > 1:
        best = max(cands, key=TEXT_LEN)
    if best is not None and not TEXT_LEN(best):
        best = None
    if best is not None:
        return best
    return None


def _inside(el, ancestor) -> bool:
    while el is not None:
        if el is ancestor:
            return True
        el = el.getparent()
    return False


def _no_says(text: str) -> str:
    """``_SAYS.sub("", text)``, with the regex run only where it may match: on
    names without "says" it tries every position, case-insensitively (the
    slowest step of a comment).  It matches only text whose last letter,
    before blanks and a colon, ends one of its words."""
    tail = text.rstrip()
    if tail.endswith(":"):
        tail = tail[:-1].rstrip()
    last = tail[-1:]
    if not last or (last.isascii() and last.lower() not in "steb"):
        return text
    return _SAYS.sub("", text)


def _name(author, date, raw: str | None) -> str | None:
    """The author's name, without "says:" and without a date printed inside it."""
    if author is None:
        return None
    if date is not None and _inside(date, author):
        for el in author.iter("a", "cite", "b", "strong", "span"):
            text = inline_text(el)
            if text and not _inside(date, el) and (not raw or raw not in text):
                return _no_says(text).strip() or None
    name = _no_says(inline_text(author)).strip()
    if raw and raw in name:
        name = name.replace(raw, " ").strip()
    return (_UNVERIFIED.sub("", name) if ")" in name else name) or None


class _Either:
    """Membership in either of two sets, without copying the (large) first one
    for every block of a long thread."""

    __slots__ = ("a", "b")

    def __init__(self, a: set, b: set) -> None:
        self.a, self.b = a, b

    def __contains__(self, item: object) -> bool:
        return item in self.b or item in self.a


@dataclass
class Probe:
    """Author and date of a block, found before its text is read: blocks with
    neither are parts of a larger block, and their text is never needed."""

    root: etree._Element
    infos: list
    author: etree._Element | None
    date: etree._Element | None
    iso: str | None
    raw: str | None
    approx: bool

    form: bool = False  # holds text fields: a reply form, never a comment

    @property
    def found(self) -> bool:
        return not self.form and (self.author is not None or self.iso is not None)


def _info(el: etree._Element, memo: dict) -> El:
    """``info_of`` with what depends only on tag, class and property looked up
    in ``memo``: a thread repeats the same few markups once per comment (a
    link's memo holds the tiers of its class and property alone, see
    ``link_tiers``)."""
    tag = el.tag
    key = (tag, el.get("class"), el.get("itemprop") or el.get("property"))
    hit = memo.get(key)
    if hit is None:
        info = info_of(el, "" if tag == "a" else None)
        info.noise = bool(info.cls and (_NOISE.search(info.cls) or "children" in info.toks))
        hit = memo[key] = (info.toks, info.cls, info.prop, info.author, info.date, info.noise)
    if tag == "a":
        toks, cls, prop, author, date, noise = hit
        return El(el, tag, toks, cls, prop, *link_tiers(el, author, date), noise)
    return El(el, tag, *hit)


def probe(
    root: etree._Element, stop: set, fetched_at: str | None, memo: dict | None = None
) -> Probe:
    """Author and date elements of the block ``root``; ``stop`` holds the blocks
    (``root`` itself may be among them: only descendants are tested).  ``memo``
    is shared by the blocks of one page (see ``_info``)."""
    memo = {} if memo is None else memo
    infos = [_info(e, memo) for e in own_elements(root, stop)]
    author = author_el(infos)
    if author is None and {"pingback", "trackback"} & set(tokens(root)):
        author = next((i.el for i in infos if i.tag == "a" and "url" in i.toks), None)
    date, iso, raw, approx = date_el(infos, fetched_at)
    # A reply form asks for a name and a text; one lone box is an inline
    # "quote/reply" field that some sites put in every comment.
    form = sum(1 for i in infos if i.tag in _FIELD_TAGS and _is_field(i.el)) >= 2
    return Probe(root, infos, author, date, iso, raw, approx, form)


def finish(p: Probe, stop: set, url: str, kind: str = "comment") -> Fields:
    """All fields of a probed block: the text is read only here."""
    if kind != "comment":
        name, link, text, html = pingback_fields(p.author, p.infos, url)
        return Fields(name, link, p.iso, p.raw, p.approx, text, html)
    root, infos, author, date = p.root, p.infos, p.author, p.date
    content = _content_el(infos, root, [author, date])
    skip = {i.el for i in infos if i.noise}
    skip.update(i.el for i in infos if i.tag in _ACTION_TAGS and _is_action(i.el))
    if content is None:
        content = root
        for el in (author, date):
            if el is not None:
                skip.add(_container(el, root))
    skip.discard(content)
    text, html = text_and_html(content, _Either(stop, skip))
    link = None
    if author is not None:
        a = author if author.tag == "a" else _first_link(author)
        link = absolute(url, a.get("href")) if a is not None else None
    return Fields(
        author=_name(author, date, p.raw),
        author_url=link,
        published=p.iso,
        published_raw=p.raw,
        approx=p.approx,
        text=text,
        html=html,
    )


def _first_link(el: etree._Element) -> etree._Element | None:
    """The first ``<a href>`` below ``el`` (``find(".//a[@href]")`` without ElementPath)."""
    return next((a for a in el.iterdescendants("a") if a.get("href") is not None), None)
