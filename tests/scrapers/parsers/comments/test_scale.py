"""Forum-style markup, the declared count's scope, and pages at both size extremes.

Speed is measured by ``bench/comments_adapter.py`` (median/p95 on stderr), not
asserted here: timing assertions make tests flaky.
"""

from __future__ import annotations

import lxml.html

from scrapers.parsers.comments import extract_thread
from tests.scrapers.parsers.comments._util import FETCHED_AT, thread


def test_forum_message_ids_custom_classes_and_short_years() -> None:
    t = thread("forum_messages.html")
    first, reply = t.comments  # the reply form (a block with text fields) is not a comment
    assert (first.id, first.author, first.published) == ("301", "macfan", "2019-09-28T12:44:00")
    assert (first.published_raw, first.text, first.parent_id) == (
        "28.09.19 12:44",
        "Erste Nachricht.",
        None,
    )
    assert (reply.id, reply.parent_id, reply.depth, reply.author) == ("302", "301", 1, "otto")
    assert (reply.published, reply.text) == ("2019-09-29", "Antwort darauf.")  # not "Antworten"


def test_declared_count_ignores_headings_outside_the_thread() -> None:
    t = thread("no_comments.html")
    assert t.declared is None
    html = (
        "<html><body><h1>T</h1><p>Body</p><div class='teaser'><h3>3 comments</h3></div>"
        "<div id='comments'><h2>2 Kommentare</h2></div></body></html>"
    )
    t = extract_thread(lxml.html.document_fromstring(html), "https://x.example/a")
    assert t.declared == 2


def _page(body: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body><h1>Big</h1>{body}</body></html>")


def test_large_page_without_comments() -> None:
    cells = "".join(
        f"<div class='card c{i}'><a href='/p/{i}'>Link {i}</a><span class='meta'>3 days ago</span></div>"
        for i in range(1000)
    )
    doc = _page(cells)
    assert sum(1 for _ in doc.iter()) >= 3000
    before = lxml.html.tostring(doc)
    t = extract_thread(doc, "https://x.example/a", fetched_at=FETCHED_AT)
    assert (t.comments, t.system, t.nodes, t.declared, t.open) == ([], None, [], None, None)
    assert lxml.html.tostring(doc) == before


def test_two_hundred_comments() -> None:
    items = "".join(
        f"<li id='comment-{i}' class='comment'><article class='comment-body'>"
        f"<footer class='comment-meta'><b class='fn'>User {i}</b>"
        f"<time datetime='2024-01-01T10:{i % 60:02d}:00'>Jan 1</time></footer>"
        f"<div class='comment-content'><p>Comment number {i}.</p></div></article></li>"
        for i in range(1, 201)
    )
    t = extract_thread(_page(f"<div id='comments'><ol class='comment-list'>{items}</ol></div>"), "")
    assert len(t.comments) == 200 and t.system == "wordpress"
    last = t.comments[-1]
    assert (last.id, last.author, last.text, last.position) == (
        "200",
        "User 200",
        "Comment number 200.",
        199,
    )
    assert last.published == "2024-01-01T10:20:00"
