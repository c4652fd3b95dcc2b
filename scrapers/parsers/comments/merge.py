"""Merging the pages of one paginated thread into one list in thread order.

WordPress splits long threads by top-level comment, newest or oldest page
first, and the crawler may fetch the pages in any order.  Thread order is
rebuilt from the comments themselves: top-level threads oldest first (by date,
else by the site's increasing numeric ids), replies after their parent.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from scrapers.items import Comment


def _key(c: Comment, seen: int, by_date: bool, by_id: bool) -> tuple:
    if by_date:
        return ((c.published or "")[:19], int(c.id) if by_id else 0, seen)
    if by_id:
        return (int(c.id), seen)
    return (seen,)


def merge_comments(pages: list[list[Comment]]) -> list[Comment]:
    """Deduplicate by id and order oldest thread first; positions renumbered."""
    unique: dict[str, Comment] = {}
    for page in pages:
        for c in page:
            unique.setdefault(c.id, c)
    comments = list(unique.values())
    by_date = all(c.published for c in comments)
    by_id = all(c.id.isdigit() for c in comments)
    order = {c.id: i for i, c in enumerate(comments)}
    children: dict[str | None, list[Comment]] = defaultdict(list)
    for c in comments:
        parent = c.parent_id if c.parent_id in unique else None
        children[parent].append(c)
    for kids in children.values():
        kids.sort(key=lambda c: _key(c, order[c.id], by_date, by_id))
    out: list[Comment] = []
    stack = list(reversed(children[None]))
    while stack:
        c = stack.pop()
        out.append(dataclasses.replace(c, position=len(out)))
        stack.extend(reversed(children.get(c.id, [])))
    return out
