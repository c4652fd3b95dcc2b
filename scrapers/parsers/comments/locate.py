"""Where a comment block keeps its author and its date.

Each is looked up by tiers, from the most specific markup (microdata
``itemprop``, WordPress ``.fn`` and ``time``) to generic class words
(``author``, ``date``) and profile links; every element of the block is ranked
in one pass and the best tier wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from scrapers.parsers.comments._dom import class_of, tokens
from scrapers.parsers.comments.when import date_from

_AUTHOR_WORDS = re.compile(r"author|user|name|nick|poster|commenter|autor|member|person|byline")
_NOT_AUTHOR = re.compile(
    r"avatar|img|photo|pic|icon|image|says|date|time|url-|role|badge|(?<!ac)count"
    r"|comment-body|comment-content"  # Drupal's field--name-comment-body
    r"|homepage|website"  # the commenter's own site, beside the name
)
_DATE_WORDS = re.compile(r"date|time|datum|fecha|data|published|posted|ago|when|zeit|meta|info")
# A link to a user's profile page names the commenter even without class words.
_PROFILE_HREF = re.compile(
    r"/(?:users?|profile?|profiles|members?|benutzer|mitglied|autor|author|u)/|/~[\w.-]+/?$"
)
# ... but a link to log in or sign up is the page's, never a commenter's
_ACCOUNT_HREF = re.compile(r"log_?in|sign_?in|sign-in|sign_?up|sign-up|register|logout|/auth", re.I)
TEXT_LEN = etree.XPath("string-length(normalize-space(.))")  # in C, no text copies


_NO_AUTHOR = 7  # the author tier of an element that names no author


@dataclass(slots=True)
class El:
    """An element of a block with its class tokens and tiers, read once: the
    steps below test every element several times, and re-reading attributes
    (or ``.tag``, a new string per read) dominated."""

    el: etree._Element
    tag: str
    toks: frozenset
    cls: str  # lower-cased class attribute
    prop: str | None  # itemprop, else RDFa property
    author: int = _NO_AUTHOR  # author tier (see _author_tier)
    date: int = 4  # date tier (see _date_tier)
    noise: bool = False  # a part of the block that is never comment text (fields.py)


_NO_TOKENS: frozenset = frozenset()


def info_of(el: etree._Element, tag: str | None = None) -> El:
    """Class tokens and tiers of ``el``; ``tag`` overrides its tag (``""``: the
    tiers its class and property give alone, see :func:`link_tiers`)."""
    cls = class_of(el)
    if tag is None:
        tag = el.tag if isinstance(el.tag, str) else ""
    prop = prop_of(el)
    if cls:
        toks = cls.lower().split()
        info = El(el, tag, frozenset(toks), " ".join(toks), prop)
    else:
        info = El(el, tag, _NO_TOKENS, "", prop)
        if not prop and tag not in _TIER_TAGS:
            return info  # no class, no property: no tier can match
    info.author = _author_tier(info)
    info.date = _date_tier(info)
    return info


def prop_of(el: etree._Element) -> str | None:
    """``itemprop``, else the RDFa ``property``; a name property says whether its
    element is typed a person (``<span typeof="schema:Person"
    property="schema:name">``: a commenter's name, not a comment's title)."""
    prop = el.get("itemprop") or el.get("property")
    if prop in _NAME_PROPS:
        kind = el.get("typeof") or el.get("itemtype") or ""
        if "Person" in kind or "UserAccount" in kind:
            return "person:name"
    return prop


# itemprop / RDFa property, also with the schema: prefix RDFa pages use; RDFa
# may list several ("dc:date dc:created")
_DATE_PROPS = frozenset(
    [
        "dateCreated",
        "datePublished",
        "schema:dateCreated",
        "schema:datePublished",
        "dc:created",
        "dcterms:created",
        "dc:date",
        "sioc:created_at",
    ]
)
_AUTHOR_PROPS = frozenset(
    ["author", "creator", "schema:author", "schema:creator", "foaf:name", "person:name"]
)
_NAME_PROPS = frozenset(["name", "schema:name"])


def _props(prop: str | None, names: frozenset) -> bool:
    if not prop:
        return False
    return prop in names or (" " in prop and not names.isdisjoint(prop.split()))


_TIER_TAGS = frozenset(["cite", "a", "time"])  # tags that rank without class or property
_NAME_TOKENS = frozenset(["fn", "wp-block-comment-author-name", "comment-author-name"])
_META_TOKENS = frozenset(["comment-metadata", "commentmetadata"])


def _author_tier(i: El) -> int:
    """0 itemprop, 1 WordPress ``.fn``, 2 ``.comment-author``, 3 cite, 4 a
    class that is a name word (``span.author``, ``.username``), 5 a class
    with one (``header.byline``, ``div.author-box``), 6 profile link; 7 none."""
    if _props(i.prop, _AUTHOR_PROPS):
        return 0
    if not _NAME_TOKENS.isdisjoint(i.toks):
        return 1
    if "comment-author" in i.toks:
        return 2
    if i.tag == "cite":
        return 3
    if i.cls and _AUTHOR_WORDS.search(i.cls) and not any(_NOT_AUTHOR.search(t) for t in i.toks):
        return 4 if not _NAME_CLASSES.isdisjoint(i.toks) else 5
    if i.tag == "a" and _profile_link(i.el.get("href") or ""):
        return 6
    return _NO_AUTHOR


# class tokens that name the commenter's name itself, not a box around it
_NAME_CLASS_WORDS = """author username user-name user_name author-name author_name authorname name
nick nickname commenter commenter-name poster autor user"""
_NAME_CLASSES = frozenset(_NAME_CLASS_WORDS.split())


def _profile_link(href: str) -> bool:
    return _PROFILE_HREF.search(href) is not None and _ACCOUNT_HREF.search(href) is None


def link_tiers(
    el: etree._Element, author: int, date: int, toks: frozenset = _NO_TOKENS
) -> tuple[int, int]:
    """The author and date tiers of a link, from those its class and property
    give alone (``info_of(el, "")``): only the profile-link and meta-link tiers
    depend on its href, rel and parent, so the rest can be shared by all links
    of one markup.  WordPress links a commenter's name to their site as
    ``<a class="url" rel="external nofollow">`` (``get_comment_author_link``)."""
    if author == _NO_AUTHOR:
        if "url" in toks and "external" in (el.get("rel") or ""):
            author = 5
        elif _profile_link(el.get("href") or ""):
            author = 6
    if date > 2 and not _META_TOKENS.isdisjoint(tokens(el.getparent())):
        date = 2
    return author, date


def author_el(infos: list[El]) -> etree.Element | None:
    """The author element: the best tier (one pass to rank, then the first of
    the best tier whose text is name-sized)."""
    tiers: list[list[etree.Element]] = [[] for _ in range(_NO_AUTHOR + 1)]
    for info in infos:
        tiers[info.author].append(info.el)
    for tier in tiers[:_NO_AUTHOR]:
        for el in tier:
            if 0 < TEXT_LEN(el) <= 80:
                if _props(prop_of(el), _AUTHOR_PROPS):
                    name = el.find(".//*[@itemprop='name']")
                    return name if name is not None else el
                return el
    return None


def _date_tier(i: El) -> int:
    """0 ``time``, 1 itemprop, 2 WordPress meta link, 3 words; 4 none."""
    if i.tag == "time":
        return 0
    if _props(i.prop, _DATE_PROPS):
        return 1
    if "wp-block-comment-date" in i.toks or (
        i.tag == "a" and not _META_TOKENS.isdisjoint(tokens(i.el.getparent()))
    ):
        return 2
    return 3 if i.cls and _DATE_WORDS.search(i.cls) else 4


def date_el(infos: list[El], fetched_at: str | None):
    """The date element and its parse, best tier first."""
    tiers: list[list[etree.Element]] = [[], [], [], [], []]
    for info in infos:
        tiers[info.date].append(info.el)
    for tier in tiers[:4]:
        for i, el in enumerate(tier):
            iso, raw, approx = date_from(el, fetched_at)
            if iso:
                return _narrowest(el, tier[i + 1 :], fetched_at) or (el, iso, raw, approx)
    return None, None, None, False


def _narrowest(el: etree._Element, rest: list, fetched_at: str | None):
    """A dated element of the same tier inside ``el`` (``p.comment__time`` in
    ``footer.comment__meta``), so that the raw date is the date alone rather
    than the whole meta line with the author's name."""
    for j, inner in enumerate(rest):  # document order: el's descendants come first
        if not _within(inner, el):
            return None
        iso, raw, approx = date_from(inner, fetched_at)
        if iso:
            return _narrowest(inner, rest[j + 1 :], fetched_at) or (inner, iso, raw, approx)
    return None


def _within(el: etree._Element, ancestor: etree._Element) -> bool:
    node = el.getparent()
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False
