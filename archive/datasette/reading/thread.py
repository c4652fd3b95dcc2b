"""A comment thread as a tree: replies under their parents, in page order.

The archive stores a thread flat (``position``, ``depth``, ``parent_id``), as
the page listed it.  Readers follow a discussion by its replies, so the
article page nests them.  Archived data can be imperfect: a reply whose
parent was never archived, a parent id that points at a later comment or at
itself, a chain of replies hundreds deep.  None of that may lose a comment or
break the page, so such replies are kept, at the top level or at the deepest
level shown, with a note of whom they answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

MAX_LEVEL = 8
"""Deepest indentation shown; deeper replies stay at this level (as forums do)."""


@dataclass(slots=True, eq=False)
class Node:
    """One comment and the replies under it."""

    comment: Mapping[str, Any]
    level: int = 0  # indentation shown (0: top level)
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    reply_to: str | None = None  # whom it answers, where that is not shown by nesting
    orphan: bool = False  # its parent is not in the archive

    @property
    def id(self) -> str:
        return self.comment["id"]


def build_thread(comments: Iterable[Mapping[str, Any]], max_level: int = MAX_LEVEL) -> list[Node]:
    """The top-level comments, each with its replies, in the order given.

    ``comments`` are rows with ``id`` and ``parent_id`` (and any other
    columns), in thread order.  Every comment appears exactly once.

    >>> rows = [{"id": "a", "parent_id": None}, {"id": "b", "parent_id": "a"},
    ...         {"id": "c", "parent_id": "zz"}]
    >>> [(n.id, [r.id for r in n.children], n.orphan) for n in build_thread(rows)]
    [('a', ['b'], False), ('c', [], True)]
    """
    by_id: dict[str, Node] = {}
    pending: list[Node] = []
    for row in comments:
        node = Node(row)
        if node.id in by_id:  # a duplicate row: keep the first
            continue
        by_id[node.id] = node
        pending.append(node)
    roots: list[Node] = []
    for node in pending:
        parent_id = node.comment.get("parent_id")
        parent = by_id.get(parent_id) if parent_id else None
        if parent is not None and _descends_from(parent, node):
            parent = None  # a loop of parent ids: break it here
        elif parent is not None and parent.level >= max_level:
            # too deep to indent further: shown beside its parent, saying whom it answers
            node.reply_to = parent.comment.get("author") or "(anonymous)"
            parent = parent.parent
        if parent is None:
            node.orphan = bool(parent_id) and parent_id not in by_id
            roots.append(node)
            _settle(node, None)
            continue
        node.parent = parent
        parent.children.append(node)
        _settle(node, parent)
    return roots


def _descends_from(candidate: Node, node: Node) -> bool:
    """Whether ``candidate`` is ``node`` or below it (attaching would make a cycle)."""
    seen: Node | None = candidate
    while seen is not None:
        if seen is node:
            return True
        seen = seen.parent
    return False


def _settle(node: Node, parent: Node | None) -> None:
    """Give a node (and replies already attached below it) their levels."""
    stack = [(node, 0 if parent is None else parent.level + 1)]
    while stack:
        current, level = stack.pop()
        current.level = level
        stack.extend((child, level + 1) for child in current.children)


def walk(nodes: list[Node]) -> Iterator[Node]:
    """Every node, depth first, in reading order (no recursion: threads can be deep)."""
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))
