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
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from scrapers.parsers.comments._dom import (
    absolute,
    class_of,
    lines_of,
    own_elements,
    text_and_html,
    tokens,
)
from scrapers.parsers.comments.byline import (
    MAX_LINE,
    Byline,
    clean_name,
    date_alone,
    may_name,
    name_beside,
    read_byline,
)
from scrapers.parsers.comments.locate import (
    TEXT_LEN,
    El,
    author_el,
    date_el,
    info_of,
    link_tiers,
    prop_of,
)
from scrapers.parsers.comments.pingback import pingback_fields
from scrapers.parsers.document.text import BLOCK_TAGS, inline_text

_META_WORDS = re.compile(r"meta|info|details|header|head\b|top|byline|vcard|author|user")
_CONTENT_WORDS = re.compile(r"text|content|body|message|entry|description|story|excerpt|inner")
_NOT_CONTENT = re.compile(
    r"meta|header|footer|author|avatar|date|time|title|action|reply|vote"
    r"|text-(?:left|right|center|justify|muted|small|sm|xs|lg|xl|bold|nowrap|truncate|gray|grey|\d)"
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


_CONTENT_ID = re.compile(r"(?:^|[-_])(?:content|body|text|message)(?:[-_]|\d|$)", re.I)
_TEXT_PROPS = frozenset(["text", "commentText", "schema:text", "schema:commentText"])
_KNOWN_CONTENT = frozenset(
    ["comment-content", "wp-block-comment-content", "comment_content", "comment-text"]
)


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
    while parent is not None and parent is not root and _meta_class(class_of(parent)):
        node, parent = parent, parent.getparent()
    return node


@lru_cache(maxsize=4096)
def _content_class(cls: str) -> bool:
    """A lower-cased class naming comment text (and no layout or meta part)."""
    return bool(_CONTENT_WORDS.search(cls)) and not any(_NOT_CONTENT.search(t) for t in cls.split())


def _content_el(infos: list[El], root, avoid: list) -> etree._Element | None:
    def ok(e) -> bool:
        return e is not root and not any(a is not None and _inside(a, e) for a in avoid)

    for info in infos:
        el = info.el
        if (not _KNOWN_CONTENT.isdisjoint(info.toks) or info.prop in _TEXT_PROPS) and ok(el):
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
    # else an element whose id names it the text ("comment_body_6401",
    # "post_message_77124", "t1_kz1a9-comment-rtjson-content")
    for info in infos:
        ident = info.el.get("id")
        if ident and _CONTENT_ID.search(ident) and ok(info.el) and TEXT_LEN(info.el):
            return info.el
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


_CLOCK = re.compile(r"\d:\d\d|\d{4}|\bago\b", re.I)  # a part that is a time or a date
_PARTS = re.compile(r"\s+(?:\||—|–|·|•|//)\s+|\s*\n\s*")


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
    return _bare_name(name)


@lru_cache(maxsize=4096)
def _bare_name(name: str) -> str | None:
    """An author element's words as a name (cached: a page and a site name
    the same commenters again and again)."""
    name = _UNVERIFIED.sub("", name) if ")" in name else name
    if _PARTS.search(name):  # "NAME | Posted at 12:45pm": the part that is a name
        parts = [p for p in _PARTS.split(name) if p.strip()]
        if any(_CLOCK.search(p) for p in parts[1:]):
            name = next((p for p in parts if not _DIGIT.search(p) and clean_name(p)[0]), name)
    # labels, a glued profile URL, a user number: off when what is left is a name
    return clean_name(name)[0] or name or None


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
    name: str | None = None  # the name a byline states in words (:mod:`.byline`)
    lines: list | None = None  # those bylines, when they are loose text of the block
    content: etree._Element | None = None  # the comment text's element, once looked for
    looked: bool = False  # (``content`` was looked for)
    extra: list = field(default_factory=list)  # the dd's of a dt block
    bylined: bool = False  # (bylines in words were looked for)

    @property
    def found(self) -> bool:
        return not self.form and (
            self.author is not None or self.iso is not None or self.name is not None
        )


# What tag, class and property say of an element, shared by all pages: a
# site repeats the same few markups once per comment, page after page
# (bounded, so a long crawl cannot grow it for ever).
_INFOS: dict = {}
_MAX_INFOS = 50_000


def _info(el: etree._Element) -> El:
    """``info_of`` with what depends only on tag, class and property looked up
    in :data:`_INFOS` (a link's entry holds the tiers of its class and
    property alone, see ``link_tiers``)."""
    tag = el.tag
    # (class_of and prop_of inlined: this runs for every element of every block)
    prop = el.get("itemprop") or el.get("property")
    key = (tag, el.get("class") or el.get("data-hook"), prop and prop_of(el))
    hit = _INFOS.get(key)
    if hit is None:
        info = info_of(el, "" if tag == "a" else None)
        info.noise = bool(info.cls and (_NOISE.search(info.cls) or "children" in info.toks))
        hit = (info.toks, info.cls, info.prop, info.author, info.date, info.noise)
        if len(_INFOS) < _MAX_INFOS:
            _INFOS[key] = hit
    if tag == "a":
        toks, cls, prop, author, date, noise = hit
        return El(el, tag, toks, cls, prop, *link_tiers(el, author, date, toks), noise)
    return El(el, tag, *hit)


def probe(
    root: etree._Element,
    stop: set,
    fetched_at: str | None,
    memo: dict | None = None,
    extra: list | tuple = (),
    bylines: bool = True,
) -> Probe:
    """Author and date elements of the block ``root``; ``stop`` holds the blocks
    (``root`` itself may be among them: only descendants are tested).  ``memo``
    is shared by the blocks of one page (see :func:`complete`).  ``extra`` are the
    ``dd``\\s of a ``dt`` block (:mod:`.pairs`), read as parts of it.
    ``bylines=False`` leaves the bylines in words for :func:`complete` (most
    blocks of a page are parts of others, and their text is never read)."""
    memo = {} if memo is None else memo
    infos = [_info(e) for e in own_elements(root, stop)]
    for dd in extra:
        infos.append(_info(dd))
        infos.extend(_info(e) for e in own_elements(dd, stop))
    author = author_el(infos)
    if author is None and {"pingback", "trackback"} & set(tokens(root)):
        author = next((i.el for i in infos if i.tag == "a" and "url" in i.toks), None)
    date, iso, raw, approx = date_el(infos, fetched_at)
    # A reply form asks for a name and a text; one lone box is an inline
    # "quote/reply" field that some sites put in every comment.
    form = sum(1 for i in infos if i.tag in _FIELD_TAGS and _is_field(i.el)) >= 2
    p = Probe(root, infos, author, date, iso, raw, approx, form, extra=list(extra))
    if bylines:
        complete(p, stop, fetched_at, memo)
    return p


_GIVE_UP = 3  # tries of one markup without a byline found


def complete(p: Probe, stop: set, fetched_at: str | None, memo: dict) -> None:
    """Author and date from a byline in words where the markup left one open
    (once per block).  A thread repeats its markup for every comment: once
    the blocks of one markup (tag, class, what is missing) have shown no
    byline three times, the rest of them are not searched."""
    if p.bylined or p.form or (p.author is not None and p.iso is not None):
        return
    p.bylined = True
    key = ("byline", p.root.tag, class_of(p.root), p.author is None, p.iso is None)
    tries, hits = memo.get(key, (0, 0))
    if tries >= _GIVE_UP and not hits:
        return
    before = (p.iso, p.name)
    _read_byline(p, stop, fetched_at)
    memo[key] = (tries + 1, hits + (before != (p.iso, p.name)))


def _content_of(p: Probe) -> etree._Element | None:
    """The element of the comment's text (a dt block's first dd by default)."""
    if not p.looked:
        p.content, p.looked = _content_el(p.infos, p.root, [p.author, p.date]), True
        if p.content is None and p.extra:
            p.content = p.extra[0]
    return p.content


def _take(p: Probe, b: Byline, line: str | None) -> bool:
    """Fill what the markup left open from a byline; True when it gave something."""
    took = False
    if b.iso and p.iso is None:
        p.iso, p.raw, p.approx, took = b.iso, b.raw, b.approx, True
    if b.name and p.name is None and (p.author is None or took):
        # (a name the author element shares with the date: the name alone)
        p.name, took = b.name, True
    if took and line is not None:
        p.lines = [*(p.lines or []), line]
    return took


def _read_byline(p: Probe, stop: set, fetched_at: str | None) -> None:
    """Author and date stated in words (:mod:`.byline`) where the markup has
    no element for one of them: first the line of the element found ("Comment
    by NAME — DATE" in the author element, "by NAME (uid) on DATE" around it),
    then the block's short lines outside its text element ("Posted by: NAME |
    DATE" after the text)."""
    found = p.author if p.author is not None else p.date
    if found is not None:
        lines = _lines_around(found, p.root, _content_of(p))
        if p.author is None and p.raw and date_alone(p.raw):
            # the date as printed is known: the name is what is left beside it
            for line in lines[1:] if lines and lines[0] == p.raw else lines:
                name = name_beside(line, p.raw)
                if name:
                    p.name = name
                    return
        for line in lines:
            b = read_byline(line, fetched_at) if _DIGIT.search(line) else None
            if b is not None and (b.iso if p.author is not None else b.name):
                _take(p, b, None)
                return
    content = _content_of(p)
    skip = {i.el for i in p.infos if i.noise}
    skip.update(i.el for i in p.infos if i.tag in _ACTION_TAGS and _is_action(i.el))
    if content is not None:
        skip.add(content)
    lines = []
    for part in (p.root, *p.extra):
        if part not in skip:
            lines.extend(lines_of(part, _Either(stop, skip)))
    if content is None:  # the text is in the block itself: only its first and last lines
        if not lines or (len(lines) == 1 and not _text_elsewhere(p.root, lines[0])):
            return
        lines = [*lines[:3], lines[-1]] if len(lines) > 3 else lines
    lines = [line for line in lines[:6] if len(line) <= MAX_LINE]
    # lines with a date first (a byline states both), then names alone ("NAME said,")
    for line in [x for x in lines if _DIGIT.search(x)]:
        b = read_byline(line, fetched_at)
        if b is not None and b.iso:
            _take(p, b, line if content is None else None)
            if p.iso is not None and (p.author is not None or p.name is not None):
                return
    if p.author is None and p.name is None:
        for line in lines:
            b = read_byline(line, fetched_at) if may_name(line) else None
            if b is not None and b.marked and b.name:
                _take(p, b, line if content is None else None)
                return


_DIGIT = re.compile(r"\d")


def _one_line(el: etree._Element) -> bool:
    """No two lines in ``el``: at most one block child, no line break."""
    blocks = 0
    for child in el.iterchildren(etree.Element):
        tag = child.tag
        if tag == "br" or (tag in BLOCK_TAGS and (blocks := blocks + 1) > 1):
            return False
    return True


def _lines_around(el: etree._Element, root: etree._Element, content) -> list[str]:
    """The element's own text, then that of the highest ancestor below
    ``root`` still short enough to be one byline and apart from the text."""
    own = inline_text(el)
    out = [own if len(own) <= MAX_LINE else ""]
    node, parent = el, el.getparent()
    while (
        parent is not None
        and parent is not root
        and TEXT_LEN(parent) <= MAX_LINE
        and (content is None or not _inside(content, parent))
        and _one_line(parent)
    ):
        node, parent = parent, parent.getparent()
    if node is not el:
        text = inline_text(node)
        if text and text != own:
            out.append(text)
    return out


def finish(p: Probe, stop: set, url: str, kind: str = "comment") -> Fields:
    """All fields of a probed block: the text is read only here."""
    if kind != "comment":
        name, link, text, html = pingback_fields(p.author, p.infos, url)
        return Fields(name, link, p.iso, p.raw, p.approx, text, html)
    root, infos, author, date = p.root, p.infos, p.author, p.date
    content = _content_of(p)
    skip = {i.el for i in infos if i.noise}
    skip.update(i.el for i in infos if i.tag in _ACTION_TAGS and _is_action(i.el))
    if content is None:
        content = root
        for el in (author, date):
            if el is not None:
                skip.add(_container(el, root))
        # a date element whose date could not be read is still no comment text
        # (measured only where it is not already skipped)
        skip.update(
            i.el
            for i in infos
            if i.date < 4 and i.el is not date and i.el not in skip and _short(i.el)
        )
    skip.discard(content)
    text, html = text_and_html(content, _Either(stop, skip))
    if p.lines and content is root:
        text = _without_lines(text, p.lines)
    link = None
    if author is not None:
        a = author if author.tag == "a" else _first_link(author)
        link = absolute(url, a.get("href")) if a is not None else None
    elif p.name:
        a = next((i.el for i in infos if i.tag == "a" and inline_text(i.el) == p.name), None)
        link = absolute(url, a.get("href")) if a is not None else None
    return Fields(
        author=p.name or _name(author, date, p.raw),
        author_url=link,
        published=p.iso,
        published_raw=p.raw,
        approx=p.approx,
        text=text,
        html=html,
    )


def _text_elsewhere(root: etree._Element, line: str) -> bool:
    """A block whose one line of its own is a fraction of its text: the text
    sits in an inner block (a ``div.comment-body`` in an ``li.comment``)."""
    return TEXT_LEN(root) > 2 * len(line) + 20


def _short(el: etree._Element) -> bool:
    return TEXT_LEN(el) <= 60


def _without_lines(text: str, lines: list) -> str:
    """The comment text without its bylines (loose text of the block)."""
    for line in lines:
        line = line.strip()
        if text.startswith(line):
            text = text[len(line) :].lstrip()
        elif text.endswith(line):
            text = text[: -len(line)].rstrip()
    return text


def _first_link(el: etree._Element) -> etree._Element | None:
    """The first ``<a href>`` below ``el`` (``find(".//a[@href]")`` without ElementPath)."""
    return next((a for a in el.iterdescendants("a") if a.get("href") is not None), None)
