"""Comment threads in the JSON that comment widgets fetch (pure functions).

Most comment systems fill their widget from a JSON API: Disqus's
``threads/listPosts`` (``response``: posts with ``id``, ``parent``,
``author.name``, ``createdAt``, ``message``), Isso (``replies`` nested, ``text``,
``created`` in epoch seconds), Coral, Commento, Remark42 and site-made
loaders in shapes of the same kind.  No provider is named here: a list of
objects is a thread when nearly all of them carry an id, a text and an author
or a time, under any of the usual key names; replies are found by a parent
key or by nesting (``replies``, ``children``).  The pages of one thread
(cursor or page parameters) are joined by id, in the order they came.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import lxml.html

from scrapers.items import Comment
from scrapers.parsers.comments._dom import pruned_copy
from scrapers.parsers.comments.merge import merge_comments
from scrapers.parsers.document.text import clean_html, element_text

_ID = ("id", "commentId", "comment_id", "commentID", "_id", "uuid")
_TEXT = ("message", "raw_message", "text", "body", "content", "html", "comment", "bodyHtml")
_AUTHOR = ("author", "user", "username", "author_name", "authorName", "name", "display_name")
_AUTHOR_NAME = ("name", "displayName", "display_name", "username", "fullName", "nickname", "login")
_AUTHOR_URL = ("url", "profileUrl", "profile", "website", "link", "homepage")
_TIME = ("createdAt", "created_at", "created", "date", "published", "postedAt", "timestamp",
         "createdTime", "time", "date_gmt")  # fmt: skip
_PARENT = ("parent", "parentId", "parent_id", "replyTo", "reply_to", "inReplyTo", "in_reply_to",
           "parentCommentId", "pid")  # fmt: skip
# Wrappers around one comment: GraphQL connections ({"node": {...}}), Remark42's
# {"comment": {...}, "replies": [...]}.
_WRAPPERS = ("node", "comment", "post")
_CHILDREN = ("replies", "children", "comments", "responses")
_DELETED = ("isDeleted", "is_deleted", "deleted", "isSpam", "is_spam")
# A total of the whole thread (never a per-level count such as Isso's total_replies).
_TOTAL = ("posts", "total", "count", "totalCount", "total_count", "commentCount",
          "comment_count", "commentsCount", "comments_count", "numComments", "num_comments",
          "totalComments", "total_comments")  # fmt: skip
# Query parameters that page through one thread rather than name it.
_PAGING = re.compile(r"^(?:cursor|page|offset|after|before|limit|per_page|pageSize|skip|start|"
                     r"since|until|nested_limit|sort|order|parent|_|t|ts|callback)$", re.I)  # fmt: skip


@dataclass(slots=True)
class JsonThread:
    """The comments one JSON source (an API endpoint, all its pages) holds."""

    source: str  # the endpoint without its paging parameters
    comments: list[Comment] = field(default_factory=list)
    declared: int | None = None  # the thread's total, where the answer states it
    urls: list[str] = field(default_factory=list)  # the answers it was read from


def _first(obj: dict, keys: Iterable[str]) -> Any:
    for k in keys:
        v = obj.get(k)
        if v not in (None, ""):
            return v
    return None


def _text_of(value: Any) -> str | None:
    if isinstance(value, dict):  # WordPress-like {"rendered": "<p>..</p>"}
        value = value.get("rendered") or value.get("html") or value.get("text")
    return value if isinstance(value, str) and value.strip() else None


def _author(obj: dict) -> tuple[str | None, str | None]:
    value = _first(obj, _AUTHOR)
    if isinstance(value, dict):
        name = _first(value, _AUTHOR_NAME)
        url = _first(value, _AUTHOR_URL)
        return (str(name).strip() or None) if name else None, url if isinstance(url, str) else None
    if isinstance(value, str):
        url = obj.get("website") or obj.get("author_url")
        return value.strip() or None, url if isinstance(url, str) and url else None
    return None, None


def _when(value: Any) -> str | None:
    """ISO 8601 as stated; epoch seconds (or milliseconds) as UTC."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str) and re.match(r"^\d{4}-\d\d-\d\d", value.strip()):
        return value.strip()
    return None


def _unwrap(obj: Any) -> Any:
    """The comment inside a wrapper object, its replies kept beside it."""
    if isinstance(obj, dict) and _first(obj, _ID) is None:
        for key in _WRAPPERS:
            inner = obj.get(key)
            if isinstance(inner, dict):
                kids = {k: obj[k] for k in _CHILDREN if isinstance(obj.get(k), list)}
                return {**inner, **kids} if kids else inner
    return obj


def _is_comment(obj: Any) -> bool:
    obj = _unwrap(obj)
    if not isinstance(obj, dict) or _first(obj, _ID) is None:
        return False
    if _text_of(_first(obj, _TEXT)) is None:
        return False
    author, _ = _author(obj)
    return author is not None or _when(_first(obj, _TIME)) is not None


def _comment(obj: dict, parent: str | None) -> Comment | None:
    if any(obj.get(k) is True for k in _DELETED) or obj.get("mode") == 4:  # Isso: deleted
        return None
    raw_parent = _first(obj, _PARENT)
    if raw_parent in (0, "0") or isinstance(raw_parent, dict | list):
        raw_parent = None
    author, author_url = _author(obj)
    stamp = _first(obj, _TIME)
    text, html = _body(_text_of(_first(obj, _TEXT)) or "")
    return Comment(
        id=str(_first(obj, _ID)),
        parent_id=str(raw_parent) if raw_parent is not None else parent,
        author=author,
        author_url=author_url,
        published=_when(stamp),
        published_raw=str(stamp) if stamp is not None else None,
        text=text,
        html=html,
    )


def _body(markup: str) -> tuple[str, str]:
    """Plain text and clean HTML, as comment bodies read from pages get them."""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    root = pruned_copy(root, set())
    return element_text(root), clean_html(root)


def _lists(node: Any, depth: int = 0) -> Iterator[tuple[dict | None, list]]:
    """Every list of objects in a JSON answer, with the object holding it."""
    if depth > 8:
        return
    if isinstance(node, list):
        if any(isinstance(x, dict) for x in node):
            yield None, node
        for x in node:
            yield from _lists(x, depth + 1)
    elif isinstance(node, dict):
        for value in node.values():
            if isinstance(value, list) and any(isinstance(x, dict) for x in value):
                yield node, value
                for x in value:
                    yield from _lists(x, depth + 1)
            elif isinstance(value, dict):
                yield from _lists(value, depth + 1)


def _collect(items: list, parent: str | None, out: list[Comment]) -> None:
    for obj in map(_unwrap, items):
        if not _is_comment(obj):
            continue
        c = _comment(obj, parent)
        if c is None:
            continue
        out.append(c)
        for key in _CHILDREN:
            kids = obj.get(key)
            if isinstance(kids, list):
                _collect(kids, c.id, out)


def _total(holder: dict | None, answer: Any) -> int | None:
    for place in (holder, answer if isinstance(answer, dict) else None):
        if not isinstance(place, dict):
            continue
        for scope in (place, place.get("thread"), place.get("meta"), place.get("pagination")):
            if isinstance(scope, dict):
                value = _first(scope, _TOTAL)
                if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                    return value
    return None


def comments_in(answer: Any) -> tuple[list[Comment], int | None]:
    """The comments of one JSON answer (the largest list that is a thread,
    replies nested in it included) and the thread total it states."""
    best: tuple[list[Comment], int | None] = ([], None)
    for holder, items in _lists(answer):
        dicts = [x for x in items if isinstance(x, dict)]
        if not dicts or sum(map(_is_comment, dicts)) < 0.8 * len(dicts):
            continue
        found: list[Comment] = []
        _collect(dicts, None, found)
        if len(found) > len(best[0]):
            best = (found, _total(holder, answer))
    return best


def source_of(url: str) -> str:
    """The endpoint without the parameters that page through it."""
    parts = urlsplit(url)
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _PAGING.match(k)
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(sorted(query)), ""))


def load_json(body: bytes) -> Any:
    """A JSON answer (JSONP's callback stripped), or None."""
    text = body.decode("utf-8", "replace").strip()
    m = re.match(r"^[\w.$]+\s*\((.*)\)\s*;?\s*$", text, re.S)
    if m:
        text = m.group(1)
    if text[:1] not in ("{", "["):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def json_threads(answers: Iterable[tuple[str, bytes]]) -> list[JsonThread]:
    """Threads in JSON answers ``(url, body)`` given in the order they came;
    the pages of one endpoint are joined, each comment once (by id)."""
    by_source: dict[str, JsonThread] = {}
    pages: dict[str, list[list[Comment]]] = {}
    for url, body in answers:
        answer = load_json(body)
        if answer is None:
            continue
        found, total = comments_in(answer)
        if not found:
            continue
        key = source_of(url)
        thread = by_source.setdefault(key, JsonThread(key))
        thread.urls.append(url)
        pages.setdefault(key, []).append(found)
        if total is not None:
            thread.declared = max(thread.declared or 0, total)
    for key, thread in by_source.items():
        thread.comments = with_depths(merge_comments(pages[key]))
    return sorted(by_source.values(), key=lambda t: -len(t.comments))


def with_depths(comments: list[Comment]) -> list[Comment]:
    """Depths from the parent chain (thread order: parents come first)."""
    depth: dict[str, int] = {}
    for c in comments:
        c.depth = depth[c.parent_id] + 1 if c.parent_id in depth else 0
        depth[c.id] = c.depth
    return comments
