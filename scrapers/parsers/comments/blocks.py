"""Finding the comment blocks of a page by markup evidence.

A block is an element that holds one comment: WordPress ``li#comment-12``,
microdata ``[itemtype$=Comment]``, or any element whose class/id names it a
comment item (``div.comment``, ``div.kommentar-item``, ``li#c123``...).
Wrappers around one comment collapse into one block, and a block nested in
another is a reply to it, so one pass serves WordPress and custom markup alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from scrapers.parsers.comments._dom import class_of, is_inside, label, same_number, tokens
from scrapers.parsers.comments.pairs import pairs_of, thread_lists
from scrapers.parsers.comments.scan import CLASS_MARKERS

_ITEM_TOKEN = re.compile(
    r"^[a-z0-9_-]*?(?:comment|kommentar|comentario|commentaire|commento|leserbrief|коммент\w*)"
    r"(?:s?[-_]{0,2}(?:item|entry|con|container|wrapper|wrap|box|card|block|single|row|unit|node"
    r"|li|article|post))?$|^(?:pingback|trackback)$"
)
# "comment-body", "commentbody": the text part of a comment in most themes, the
# whole comment in some (Movable Type's div.commentbody with the byline in it):
# a block only where no other block holds it
_BODY_TOKEN = re.compile(
    r"^[a-z0-9_-]*?(?:comment|kommentar|comentario|commentaire|commento)[-_]?body$"
)
_ITEM_ID = re.compile(
    r"^(?:[a-z]{2,5}[-_])?(?:li-|div-)?(?:comment|kommentar|comentario|cmt|c)[-_]?\d+(?:[-_]\d+)?$"
    r"|^wc-comm-\d+"
    r"|^(?:[a-z]{1,4}_)?(?:message|msg)[-_]?\d+$",
    re.I,
)
_BLOCK_TAGS = frozenset(
    ["div", "li", "article", "section", "dd", "blockquote", "tr", "td", "dl", "ul", "ol"]
)
_BAD_TOKENS = frozenset(
    ["sidebar", "widget", "secondary", "widget-area", "sidebar-primary", "sidebar-secondary"]
)
_BAD_PREFIXES = (
    "widget_",
    "widget-",
    "related",
    "popular",
    "teaser",
    "newsletter",
    "most-",  # "most-commented", "most-read"
    "most_",
    "mostcommented",
    "mostread",
    "mostpopular",
)
_BAD_WORDS = re.compile("recent|leaderboard")  # anywhere in a class token
_NOT_ITEM = re.compile("respond|form|count|link|navigation|pagination|title")


@dataclass(eq=False)
class Block:
    """One comment block: its outermost element and the ids found on its wrappers."""

    el: etree._Element
    ids: list[str] = field(default_factory=list)
    parent: Block | None = None
    depth: int = 0
    microdata: bool = False
    extra: list = field(default_factory=list)  # the dd's of a dt/dd comment (:mod:`.pairs`)
    post: bool = False  # a forum post (:func:`forum_posts`)


def _class_verdict(tag: str, cls: str | None) -> int:
    """What tag and class say: 0 not a block, 1 maybe (by id or microdata), 2 a
    block, 3 a block unless another holds it (:data:`_BODY_TOKEN`)."""
    if tag.lower() not in _BLOCK_TAGS:
        return 0
    low = cls.lower() if cls else ""
    if _NOT_ITEM.search(low):
        return 0
    toks = low.split()
    if any(_ITEM_TOKEN.match(t) for t in toks):
        return 2
    return 3 if any(_BODY_TOKEN.match(t) for t in toks) else 1


# Verdicts by (tag, class), shared by all pages: a site repeats the same few
# class values on every page (bounded, so a long crawl cannot grow it for ever).
_VERDICTS: dict = {}
_MAX_MEMO = 50_000


def _verdict(tag: str, cls: str | None) -> int:
    verdict = _VERDICTS.get((tag, cls))
    if verdict is None:
        verdict = _class_verdict(tag, cls)
        if len(_VERDICTS) < _MAX_MEMO:
            _VERDICTS[tag, cls] = verdict
    return verdict


def _is_candidate(el: etree._Element, verdict: int) -> bool:
    """A comment block by its markup, given the verdict of its tag and class."""
    if not verdict:
        return False
    ident = el.get("id") or ""
    if ident and _NOT_ITEM.search(ident.lower()):
        return False
    # (three ways to be a block: the cheapest test first)
    if verdict >= 2 or _ITEM_ID.match(ident):
        return True
    return "Comment" in (el.get("itemtype") or "") or "Comment" in (el.get("typeof") or "")


def _bad_zone(el: etree._Element) -> bool:
    """Widget and sidebar containers, and lists of recent/related/popular items."""
    ident = (el.get("id") or "").lower()
    if ident.startswith(("sidebar", "secondary", "widget")) or "recent" in ident:
        return True
    return any(
        t in _BAD_TOKENS or t.startswith(_BAD_PREFIXES) or _BAD_WORDS.search(t) for t in tokens(el)
    )


_THREAD_IDS = ("comments", "commentlist", "comment-list", "disqus_thread")
_THREAD_CLASSES = frozenset(["commentlist", "comment-list", "comments-area"])


def _thread_container(el: etree._Element) -> bool:
    """A container only ever used for a page's own thread (WordPress ``#comments``,
    ``ol.commentlist``): below it, sidebar-like wrappers further up do not matter
    (some themes put the whole content column inside a widget)."""
    return el.get("id") in _THREAD_IDS or not _THREAD_CLASSES.isdisjoint(tokens(el))


def in_bad_zone(el: etree._Element, memo: dict) -> bool:
    """Sidebar widgets ("Recent comments") and comment forms are never threads."""
    trail = []
    verdict = False
    for anc in el.iterancestors():
        if anc in memo:
            verdict = memo[anc]
            break
        trail.append(anc)
        zone = _zone(anc)
        if zone == _THREAD:
            break
        if zone == _BAD:
            verdict = True
            break
    for anc in trail:
        memo[anc] = verdict
    return verdict


_ZONES: dict = {}  # (tag, class, id) -> what an ancestor so marked says, shared by all pages
_GO_ON, _BAD, _THREAD = 0, 1, 2


def _zone(anc: etree._Element) -> int:
    """A thread container (or the page's top: stop looking), a bad zone, or
    neither; from tag, class and id alone."""
    tag = anc.tag if isinstance(anc.tag, str) else ""
    key = (tag, anc.get("class") or anc.get("data-hook"), anc.get("id"))
    zone = _ZONES.get(key)
    if zone is None:
        if tag in ("body", "html") or _thread_container(anc):
            zone = _THREAD
        elif tag == "aside" or (tag == "form" and "comment" in label(anc)) or _bad_zone(anc):
            zone = _BAD
        else:
            zone = _GO_ON
        if len(_ZONES) < _MAX_MEMO:
            _ZONES[key] = zone
    return zone


# Class words of the parts of one comment: an element so named is never a whole comment.
_PART_WORD = re.compile(
    r"author|name|user|date|time|meta|info|text|content|body|message|head|foot|avatar|photo"
    r"|image|img|reply|replies|action|vote|like|share|rating|score|form|count|link|nav|button"
    r"|edit|quote|tool|menu|list|wrap|contain|area|section|block|title|field|input|label|icon"
    r"|respond|thread|children|child|level|depth|toggle|more|load|sort|page|status|flag|report"
    r"|commenter"  # a person (top commenters), not a comment
)


def _repeated(groups: dict) -> set:
    """Runs of sibling elements of one tag and class that names a comment but
    no known item word ("news-comment-main", "commentItem2"): each is one comment.
    A thread repeats its item markup once per comment; its parts and
    containers are named for what they are (author, date, list, wrap), never
    repeated as siblings of one another in that way.  ``groups`` counts the
    marked elements of verdict 1 by (parent, tag, class)."""
    out: set = set()
    for (parent, tag, cls), n in groups.items():
        low = cls.lower()
        if n >= 2 and any(w in low for w in CLASS_MARKERS) and not _PART_WORD.search(low):
            out.update(el for el in parent.iterchildren(tag) if el.get("class") == cls)
    return out


def _outer_bodies(cands: list[etree._Element]) -> list[etree._Element]:
    """Body-named candidates count only where no other candidate holds them
    (unless their id numbers them as a comment)."""
    others = {
        el
        for el in cands
        if _VERDICTS.get((el.tag, class_of(el))) != 3 or _ITEM_ID.match(el.get("id") or "")
    }
    return [
        el for el in cands if el in others or not any(anc in others for anc in el.iterancestors())
    ]


# Forum software names the poster's box for the user, as blogs do not.
_USER_BOX = etree.XPath(
    ".//*[contains(@class,'username') or contains(@class,'postprofile')"
    " or contains(@class,'userinfo') or contains(@class,'user-info') or contains(@class,'poster')]"
)


def forum_posts(posts: list[etree._Element]) -> list[etree._Element]:
    """Forum posts: elements numbered as posts ("p55120", "post_77120") that
    come at least two to a parent and each name their poster's user box
    (``a.username``, ``dl.postprofile``, ``div.userinfo``).  A blog listing's
    ``div.post#post-N`` teasers have bylines, not user boxes."""
    by_parent: dict = {}
    for el in posts:
        if el.tag in _BLOCK_TAGS:
            by_parent.setdefault(el.getparent(), []).append(el)
    out = []
    for group in by_parent.values():
        if len(group) >= 2 and all(_USER_BOX(el) for el in group):
            out.extend(group)
    return out


def _custom_items(marked: list[etree._Element]) -> list[etree._Element]:
    """Comments as custom elements (``<shreddit-comment>`` in a
    ``<shreddit-comment-tree>``): inside a marked custom element, the custom
    elements whose tag names a comment item."""
    out: list[etree._Element] = []
    for el in marked:
        tag = el.tag
        if (
            isinstance(tag, str)
            and "-" in tag
            and "omment" in tag
            and not any(is_inside(el, o) for o in out[:1])
        ):
            out.extend(
                d
                for d in el.iterdescendants()
                if isinstance(d.tag, str) and "-" in d.tag and d.tag.endswith("comment")
            )
    return out


def find_blocks(marked: list[etree._Element], forum: list | tuple = ()) -> list[Block]:
    """Comment blocks among the scan's ``marked`` elements, or the page's
    ``forum`` posts (:func:`forum_posts`) where it has them, in document order
    (parents are linked later, once the blocks that are not comments are
    dropped)."""
    if forum:
        return _in_order([Block(el, [el.get("id") or ""], post=True) for el in forum])
    # One pass over the marked elements: the candidates, whether any tag is
    # a custom element's, whether a body-named candidate is among them, and
    # the sibling groups for :func:`_repeated`.
    cands: list = []
    groups: dict = {}
    custom = bodies = False
    for el in marked:
        tag = el.tag
        if not isinstance(tag, str):
            continue
        cls = el.get("class")
        verdict = _verdict(tag, cls or el.get("data-hook"))
        if verdict == 1 and cls:
            key = (el.getparent(), tag, cls)
            groups[key] = groups.get(key, 0) + 1
        if verdict and _is_candidate(el, verdict):
            cands.append(el)
            bodies = bodies or verdict == 3
        custom = custom or "-" in tag
    if custom and (items := _custom_items(marked)):
        cands = _in_order_els([*cands, *items])
    if bodies:
        cands = _outer_bodies(cands)
    repeated = _repeated(groups) if groups else set()
    if repeated:
        repeated.update(cands)
        cands = [el for el in marked if el in repeated]
    lists = thread_lists(marked)
    if not cands and not lists:
        return []
    memo: dict = {}
    pairs = [p for dl in lists if not in_bad_zone(dl, memo) for p in pairs_of(dl)]
    if pairs:
        taken = {el for dt, dds in pairs for el in (dt, *dds)}
        cands = [el for el in cands if not _in_pair(el, taken)]
    cands = [el for el in cands if not in_bad_zone(el, memo)]
    blocks = {el: Block(el, [el.get("id") or ""]) for el in cands}
    _collapse_wrappers(blocks)
    if not pairs:
        return list(blocks.values())
    for dt, dds in pairs:
        blocks[dt] = Block(dt, [dt.get("id") or "", *(dd.get("id") or "" for dd in dds)], extra=dds)
    return _in_order(list(blocks.values()))


def _in_pair(el: etree._Element, taken: set) -> bool:
    """Candidates inside a dt or dd are parts of that pair's comment."""
    if el in taken:
        return True
    return any(anc in taken for anc in el.iterancestors())


_UNION = etree.XPath("$a | $b")  # libxml2 sorts a union in document order, in C


def _in_order_els(els: list[etree._Element]) -> list[etree._Element]:
    unique = list(dict.fromkeys(els))
    return list(_UNION(unique[0], a=unique, b=[]))


def _in_order(blocks: list[Block]) -> list[Block]:
    """Blocks in document order (pairs were added after the other blocks)."""
    by_el = {b.el: b for b in blocks}
    return [by_el[el] for el in _UNION(blocks[0].el, a=list(by_el), b=[])]


def _nearest_candidate(el: etree._Element, blocks: dict) -> etree._Element | None:
    for anc in el.iterancestors():
        if anc in blocks:
            return anc
    return None


def _collapse_wrappers(blocks: dict) -> None:
    """Merge an outer block with an inner one when they are one comment.

    They are one comment when they carry the same number (``li#li-comment-12``
    around ``div#comment-12``), or when the outer holds exactly one inner block
    and no text of its own besides.  The outer element is kept: replies live
    inside it.
    """
    direct: dict = {el: [] for el in blocks}
    # (merging pops inner blocks only, later in the page than any block still
    # to be visited, so every block's nearest outer block stays what it was)
    nearest = {el: _nearest_candidate(el, blocks) for el in blocks}
    for el, outer in nearest.items():
        if outer is not None:
            direct[outer].append(el)
    for el in reversed(list(blocks)):
        outer = nearest[el]
        if outer is None:
            continue
        if same_number(el.get("id"), outer.get("id")) or (
            len(direct[outer]) == 1 and not _own_text(outer, el)
        ):
            inner = blocks.pop(el)
            blocks[outer].ids.extend(inner.ids)
            blocks[outer].microdata |= inner.microdata
            direct[outer].remove(el)
            direct[outer].extend(direct.pop(el, []))


_NO_TEXT = ("script", "style")


def _own_text(outer: etree._Element, inner: etree._Element) -> bool:
    """True when ``outer`` has visible text outside ``inner``: a walk over
    ``outer`` that never enters ``inner`` and stops at the first such text."""
    if outer.text and outer.text.strip() and outer.tag not in _NO_TEXT:
        return True
    stack = list(outer)
    while stack:
        el = stack.pop()
        tag = el.tag
        if el.tail and el.tail.strip() and tag not in _NO_TEXT:
            return True
        if el is inner or not isinstance(tag, str):
            continue
        if el.text and el.text.strip() and tag not in _NO_TEXT:
            return True
        stack.extend(el)
    return False


def link_parents(ordered: list[Block]) -> None:
    """Set each block's parent (nearest enclosing block) and depth."""
    by_el = {b.el: b for b in ordered}
    by_el.update((dd, b) for b in ordered for dd in b.extra)
    for b in ordered:
        marks = (b.el.get("itemtype") or "") + (b.el.get("typeof") or "")
        b.microdata = b.microdata or "Comment" in marks
        for anc in b.el.iterancestors():
            if anc in by_el:
                b.parent = by_el[anc]
                b.depth = b.parent.depth + 1
                break
