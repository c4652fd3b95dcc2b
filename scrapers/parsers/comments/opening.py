"""A forum thread's opening post: the page's own text, not a reply.

Forum software and Q&A pages print the opening post in the same markup as the
replies, right under the thread's title, so the comment parser finds it as
the first comment and the article is left without its text, author and date.
News pages never look like that: their article text stands between the
headline and the first comment.  So a first comment that follows the page's
title heading (the heading ``<title>`` names) with (next to) no text in
between is the page's own post, unless the page continues a thread
(``rel="prev"``): there it is a reply.
"""

from __future__ import annotations

import re

from lxml import etree

from scrapers.items import Comment
from scrapers.parsers.comments._dom import mentions_comments
from scrapers.parsers.comments.meta import THREAD_NOUNS
from scrapers.parsers.document.scan import text_len

_TITLE_TAGS = frozenset(["h1", "h2"])
_NO_TEXT_TAGS = frozenset(["script", "style", "noscript", "template", "svg"])
MAX_GAP = 20  # non-space characters between title and post: a button, a post number
# "8 thoughts on ...", "Comments (3)", "Antworten": a heading of the thread's own.
_ABOUT_COMMENTS = re.compile(
    r"\b(?:\d+|one|two|three)\s+\w+\s+on\b|\b(?:" + THREAD_NOUNS + r")\b", re.I
)
_TITLES = etree.XPath("(//title)[1]//text() | //meta[@property='og:title']/@content")
_LAST_HEADING = etree.XPath(
    "preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6][1]"
)
_PREV = etree.XPath("//link[@rel='prev'] | //a[@rel='prev']")


def continues_thread(doc: etree._Element) -> bool:
    """The page is a later page of a thread (``rel="prev"``)."""
    return bool(_PREV(doc))


def _title_before(post: etree._Element, forum: bool = False) -> etree._Element | None:
    """The heading right before ``post``, when it is an ``<h1>``/``<h2>`` and
    (next to) no text stands between them (a forum's title may link to the
    thread itself)."""
    found = _LAST_HEADING(post)
    if not found or found[0].tag not in _TITLE_TAGS or (_linked(found[0]) and not forum):
        return None
    title = found[0]
    gap = text_len(title.tail)
    node = title
    while node is not None and gap <= MAX_GAP:  # document order, from the title on
        for sib in node.itersiblings():
            for el in sib.iter(etree.Element):
                if el is post:
                    return title
                if el.tag not in _NO_TEXT_TAGS:
                    gap += text_len(el.text)
                gap += text_len(el.tail) if el is not sib else 0
                if gap > MAX_GAP:
                    return None
            gap += text_len(sib.tail)
        node = node.getparent()
        gap += text_len(node.tail) if node is not None else 0
    return None


def _linked(heading: etree._Element) -> bool:
    """A heading that links elsewhere names another page (a teaser)."""
    in_link = any(a.tag == "a" for a in heading.iterancestors())
    return in_link or next(heading.iter("a"), None) is not None


def is_opening_post(
    doc: etree._Element, post: etree._Element, first: Comment, forum: bool = False
) -> bool:
    """True when the first comment block ``post`` is the page's own post
    (``forum``: the blocks are forum posts, whose thread title may link to the
    thread and carry a prefix, "Thread: TITLE")."""
    if first.depth or first.kind != "comment" or not first.text or not first.author:
        return False
    title = _title_before(post, forum)
    if title is None or mentions_comments(title):
        return False
    text = _squashed(title.text_content())
    if _ABOUT_COMMENTS.search(text):
        return False  # "8 thoughts on ...", "Comments (3)": the thread's own heading
    names = [_squashed(name) for name in _page_titles(doc)]
    if not any(text in name or (forum and name and name in text) for name in names):
        return False  # a section's heading ("Join the conversation"), not the page's
    return not continues_thread(doc)


def _squashed(text: str) -> str:
    return " ".join(text.split()).casefold()


def _page_titles(doc: etree._Element) -> list[str]:
    """What the page says its title is: ``<title>`` and ``og:title``."""
    return [str(t) for t in _TITLES(doc)]


def without_post(comments: list[Comment]) -> list[Comment]:
    """The replies once the first comment is the post: replies to the post move
    to the top level, one level up with their own replies."""
    post, rest = comments[0], comments[1:]
    by_id = {c.id: c for c in rest}
    for c in rest:
        parent, hops = c.parent_id, 0
        while parent in by_id and hops < len(rest):  # (hops: no loop on a broken chain)
            parent, hops = by_id[parent].parent_id, hops + 1
        if parent == post.id:
            c.depth = max(0, c.depth - 1)
    for i, c in enumerate(rest):
        if c.parent_id == post.id:
            c.parent_id = None
        c.position = i
    return rest
