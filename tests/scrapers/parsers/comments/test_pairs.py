"""Threads printed as definition lists: a ``dt`` byline and the ``dd`` text after it."""

from __future__ import annotations

import lxml.html

from scrapers.parsers.comments import extract_thread
from tests.scrapers.parsers.comments._util import FETCHED_AT


def _thread(body: str):
    html = f"<html><body><h1>Post</h1><p>Article text here.</p>{body}</body></html>"
    return extract_thread(
        lxml.html.document_fromstring(html), "https://x.example/p", fetched_at=FETCHED_AT
    )


def test_unclassed_dl_in_the_comments_container() -> None:
    # Movable Type: div#comments > dl, no class on dt or dd, the byline in words
    t = _thread(
        '<div id="comments"><h2>Comments</h2><dl>'
        '<dt><a href="#4931018">1.</a> James Cannon - October 26, 2012</dt>'
        "<dd><p>The D Bridge always seemed empty.</p></dd>"
        '<dt><a href="#4931020">2.</a> The Keeper - October 27, 2012</dt>'
        "<dd><p>One of the least interesting bridges.</p></dd></dl></div>"
    )
    a, b = t.comments
    assert (a.author, a.published, a.text) == (
        "James Cannon",
        "2012-10-26",
        "The D Bridge always seemed empty.",
    )
    assert (b.author, b.published, b.parent_id) == ("The Keeper", "2012-10-27", None)
    assert [n.get("id") for n in t.nodes] == ["comments"]


def test_replies_in_a_list_nested_in_the_parent_dd() -> None:
    t = _thread(
        '<dl id="comment_list">'
        '<dt class="comment" id="comment-1"><span class="comment_author">Ann</span>'
        '<span class="comment_time">July 7, 2012 at 12:27 am</span></dt>'
        '<dd class="comment"><div class="format_text"><p>First.</p></div>'
        '<dl class="children"><dt class="comment" id="comment-2">'
        '<span class="comment_author">Bo</span><span class="comment_time">July 7, 2012 at 9:03 am</span>'
        '</dt><dd class="comment"><div class="format_text"><p>A reply.</p></div></dd></dl></dd>'
        '<dt class="comment" id="comment-3"><span class="comment_author">Cy</span>'
        '<span class="comment_time">July 8, 2012</span></dt>'
        '<dd class="comment"><div class="format_text"><p>Third.</p></div></dd></dl>'
    )
    assert [(c.id, c.author, c.text, c.parent_id, c.depth) for c in t.comments] == [
        ("1", "Ann", "First.", None, 0),
        ("2", "Bo", "A reply.", "1", 1),
        ("3", "Cy", "Third.", None, 0),
    ]


def test_a_definition_list_that_is_no_thread() -> None:
    # a glossary in the comments area: no byline, no date
    t = _thread(
        '<div id="comments"><dl><dt>Term</dt><dd>What the term means.</dd>'
        "<dt>Other</dt><dd>Another meaning.</dd></dl></div>"
    )
    assert t.comments == []
