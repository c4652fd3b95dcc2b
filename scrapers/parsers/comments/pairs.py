"""Threads printed as definition lists: one comment is a ``dt`` and the ``dd``\\s after it.

Thesis (``dl#comment_list``), classic Blogger (``dl#comments-block``), Movable
Type and TypePad templates (``div#comments > dl``) and WordPress.com's older
themes (``dl.commentlist``) print the byline in a ``<dt>`` and the text in the
``<dd>`` that follows (Blogger adds a second ``dd`` for the timestamp).  The
author and the text are siblings, not nested, so the block finder cannot see
one comment as one element: here each ``dt`` and its ``dd``\\s form one block
(:class:`~.blocks.Block` with the ``dd``\\s as ``extra``).  Replies sit in a
nested list inside their parent's ``dd``.
"""

from __future__ import annotations

from lxml import etree

from scrapers.parsers.comments._dom import label, mentions_comments

_MAX_BYLINE = 300  # a dt longer than this is no byline: the list is something else


def thread_lists(marked: list[etree._Element]) -> list[etree._Element]:
    """The ``dl`` elements of the page's comment threads, nested ones included:
    a ``dl`` named for comments, or one right inside an element so named.

    The page's ``dl`` elements are few (most pages have none), so they are
    listed and each is tested, rather than every marked element."""
    if not marked:
        return []
    out: list[etree._Element] = []
    seen: set = set()
    for dl in marked[0].getroottree().iter("dl"):
        if dl in seen or not _in_thread(dl):
            continue
        seen.add(dl)
        out.append(dl)
        for dd in dl.iterchildren("dd"):
            for inner in dd.iter("dl"):  # replies nested in a dd
                if inner not in seen:
                    seen.add(inner)
                    out.append(inner)
    return out


def _in_thread(dl: etree._Element) -> bool:
    """Named for comments, or the child (or grandchild, through a div) of a
    thread container named so ("comments", "comment-list", ...)."""
    if mentions_comments(dl):
        return True
    parent = dl.getparent()
    if parent is None:
        return False
    if _container(parent):
        return True
    grand = parent.getparent()
    return parent.tag == "div" and grand is not None and _container(grand)


def _container(el: etree._Element) -> bool:
    """A thread's container by its name ("comments", "comment-list", ...)."""
    words = label(el)
    return mentions_comments(el) and ("comments" in words or "list" in words or "block" in words)


def pairs_of(dl: etree._Element) -> list[tuple[etree._Element, list[etree._Element]]]:
    """Each ``dt`` of ``dl`` with the ``dd``\\s up to the next ``dt``; none when
    the list is not a thread (a ``dt`` too long for a byline, no ``dd``)."""
    out: list[tuple[etree._Element, list[etree._Element]]] = []
    for child in dl.iterchildren(etree.Element):
        if child.tag == "dt":
            out.append((child, []))
        elif child.tag == "dd" and out:
            out[-1][1].append(child)
    out = [(dt, dds) for dt, dds in out if dds]
    if any(len(dt.text_content()) > _MAX_BYLINE for dt, _ in out):
        return []
    return out
