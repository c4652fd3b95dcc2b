"""schema.org ``Comment`` objects and ``commentCount`` in JSON-LD.

Sites that render their thread with JavaScript often still ship it as
JSON-LD (``Article.comment``, ``@graph``, ``DiscussionForumPosting``), so this
is the one place where such threads can be read without running scripts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape
from typing import Any

from lxml import etree

from scrapers.items import Comment
from scrapers.parsers.comments._dom import hash_id, numeric_key
from scrapers.parsers.dates.parse import parse_date
from scrapers.parsers.document.text import normalize_text

_COMMENT_TYPES = {"Comment", "UserComments", "Answer"}


def load_jsonld(scripts: list[etree._Element]) -> list[Any]:
    """JSON-LD payloads among the scan's scripts that mention comments; broken
    ones are skipped (only those are decoded: JSON parsing is the costly part)."""
    out = []
    for script in scripts:
        if "ld+json" not in (script.get("type") or ""):
            continue
        raw = (script.text or "").strip()
        if not raw or ("omment" not in raw):
            continue
        try:
            out.append(json.loads(raw))
        except ValueError:
            continue
    return out


def _walk(node: Any) -> Iterator[dict]:
    if isinstance(node, list):
        for item in node:
            yield from _walk(item)
    elif isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key != "comment" and isinstance(value, (list, dict)):
                yield from _walk(value)


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    return set(t) if isinstance(t, list) else {t} if isinstance(t, str) else set()


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _author_url(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict) and isinstance(value.get("url"), str):
        return value["url"]
    return None


def _as_comment(obj: dict, parent: str | None, depth: int, fetched_at: str | None) -> Comment:
    raw = obj.get("dateCreated") or obj.get("datePublished") or obj.get("commentTime")
    raw = raw if isinstance(raw, str) else None
    iso, approx = parse_date(raw, fetched_at=fetched_at) if raw else (None, False)
    text = obj.get("text") or obj.get("commentText") or ""
    text = normalize_text(text) if isinstance(text, str) else ""
    author = _name(obj.get("author") or obj.get("creator"))
    own = obj.get("identifier") or obj.get("@id") or obj.get("url")
    cid = numeric_key(own) if isinstance(own, str) else None
    if isinstance(own, (int, float)):
        cid = str(own)
    return Comment(
        id=cid or hash_id(author, raw, text),
        parent_id=parent,
        author=author,
        author_url=_author_url(obj.get("author")),
        published=iso,
        published_raw=raw,
        published_approx=approx,
        text=text,
        depth=depth,
        html="".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p),
    )


def _collect(obj: dict, parent: str | None, depth: int, out: list, fetched_at) -> None:
    replies = obj.get("comment") or []
    replies = replies if isinstance(replies, list) else [replies]
    for item in replies:
        if isinstance(item, dict) and _types(item) & _COMMENT_TYPES:
            # a flat list whose replies name their parent (parentItem) is a thread too
            c = _as_comment(item, _parent_item(item) or parent, depth, fetched_at)
            if c.text:
                out.append(c)
                _collect(item, c.id, depth + 1, out, fetched_at)


def _parent_item(obj: dict) -> str | None:
    """The id of the comment ``obj`` replies to, by its ``parentItem``."""
    parent = obj.get("parentItem")
    if isinstance(parent, dict):
        parent = parent.get("@id") or parent.get("identifier") or parent.get("url")
    return numeric_key(parent) if isinstance(parent, str) else None


def _standalone(obj: dict, out: list, fetched_at: str | None) -> None:
    """A top-level ``Comment`` (in ``@graph``) that names its parent by ``parentItem``."""
    c = _as_comment(obj, _parent_item(obj), 0, fetched_at)
    if c.text:
        out.append(c)
        _collect(obj, c.id, 1, out, fetched_at)


def jsonld_comments(payloads: list[Any], fetched_at: str | None) -> list[Comment]:
    """Comments found in JSON-LD, in thread order, with parents from nesting."""
    out: list[Comment] = []
    for payload in payloads:
        for obj in _walk(payload):
            if not _types(obj) & _COMMENT_TYPES:
                _collect(obj, None, 0, out, fetched_at)
            elif isinstance(obj.get("text") or obj.get("commentText"), str):
                _standalone(obj, out, fetched_at)
    seen: set[str] = set()
    unique = [c for c in out if not (c.id in seen or seen.add(c.id))]
    depth = {c.id: c.depth for c in unique}
    for c in unique:
        if c.parent_id and c.depth == 0 and c.parent_id in depth:
            c.depth = depth[c.id] = depth[c.parent_id] + 1
    for i, c in enumerate(unique):
        c.position = i
    return unique


def jsonld_count(payloads: list[Any]) -> int | None:
    """The largest ``commentCount`` declared in JSON-LD."""
    best = None
    for payload in payloads:
        for obj in _walk(payload):
            value = obj.get("commentCount")
            try:
                n = int(value)
            except (TypeError, ValueError):
                continue
            best = n if best is None else max(best, n)
    return best
