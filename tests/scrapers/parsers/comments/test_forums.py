"""Forum threads (phpBB, vBulletin), custom-element and data-hook threads."""

from __future__ import annotations

import lxml.html

from scrapers.parsers.comments import extract_thread
from tests.scrapers.parsers.comments._util import FETCHED_AT

_POST = (
    '<div id="p5512{n}" class="post"><dl class="postprofile"><dt><a class="username" '
    'href="./memberlist.php?u={n}">{who}</a></dt></dl><div class="postbody">'
    '<p class="author">by <a class="username">{who}</a> <time datetime="2023-01-16T0{n}:00:00">'
    "x</time></p><div class='content'>{quote}{text}</div></div></div>"
)


def _thread(html: str):
    doc = lxml.html.document_fromstring(html)
    return extract_thread(doc, "https://forum.example/viewtopic.php?t=1", fetched_at=FETCHED_AT)


def test_forum_posts_without_the_opening_post_and_the_quotes() -> None:
    quote = "<blockquote><div><cite>glyn wrote:</cite>Take the upper road.</div></blockquote>"
    t = _thread(
        "<html><head><title>Flooding on the B4520 - Forum</title></head><body>"
        '<h2 class="topic-title"><a href="./viewtopic.php?t=1">Flooding on the B4520</a></h2>'
        + _POST.format(n=1, who="glyn", quote="", text="The road is under water.")
        + _POST.format(n=2, who="Ceri", quote=quote, text="The upper road has a tree down.")
        + _POST.format(n=3, who="glyn", quote="", text="Cleared now.")
        + "</body></html>"
    )
    assert t.post is not None and t.post.text == "The road is under water."
    assert [(c.id, c.author, c.text) for c in t.comments] == [
        ("55122", "Ceri", "The upper road has a tree down."),
        ("55123", "glyn", "Cleared now."),
    ]


def test_a_later_page_of_a_forum_thread_has_its_posts_as_its_text() -> None:
    # page 34 of a thread: no opening post on it; its numbered posts are the
    # page's text (the body), not replies to an article on the page
    t = _thread(
        "<html><head><title>Flooding on the B4520 - Page 34</title>"
        '<link rel="prev" href="./viewtopic.php?t=1&amp;start=330"></head><body>'
        '<h2 class="topic-title"><a href="./viewtopic.php?t=1">Flooding on the B4520</a></h2>'
        + _POST.format(n=1, who="glyn", quote="", text="Still under water this morning.")
        + _POST.format(n=2, who="Ceri", quote="", text="The upper road has a tree down.")
        + _POST.format(n=3, who="glyn", quote="", text="Cleared now.")
        + "</body></html>"
    )
    assert t.post is None
    assert t.comments == []


def test_a_blog_listing_of_numbered_posts_is_no_forum() -> None:
    teaser = (
        '<div class="post" id="post-{n}"><h2><a href="/p{n}/">Story {n}</a></h2>'
        '<p class="byline">by <span class="author">Ann</span> on May {n}, 2020</p>'
        "<div class='entry'>Teaser {n}.</div></div>"
    )
    t = _thread(
        "<html><body>" + "".join(teaser.format(n=n) for n in (10, 11, 12)) + "</body></html>"
    )
    assert t.comments == []


def test_custom_elements_and_data_hooks() -> None:
    item = (
        '<x-comment author="{who}"><div slot="meta"><a href="/user/{who}/">{who}</a>'
        '<time datetime="2024-04-09T18:4{n}:00Z">2y ago</time></div>'
        '<div slot="comment" id="t{n}-comment-content"><p>{text}</p></div>{inner}</x-comment>'
    )
    reply = item.format(n=2, who="mossy", text="Thank you.", inner="")
    t = _thread(
        "<html><body><h1>Post</h1><p>Text.</p><x-comment-tree id='comment-tree'>"
        + item.format(n=1, who="anna", text="Lindqvist bakes rye.", inner=reply)
        + "</x-comment-tree></body></html>"
    )
    a, b = t.comments
    assert (a.author, a.text, b.author, b.text, b.parent_id) == (
        "anna",
        "Lindqvist bakes rye.",
        "mossy",
        "Thank you.",
        a.id,
    )
    hook = (
        '<div data-hook="comment" id="comment-65198a1f02c1e"><div data-hook="comment-header">'
        '<span data-hook="author-name">Martha</span><span data-hook="comment-timestamp" '
        'title="Oct 2, 2023, 6:12 PM">Oct 2</span></div>'
        '<div data-hook="comment-content"><p>Best tomatoes.</p></div></div>'
    )
    (c,) = _thread(
        "<html><body><h1>Post</h1><p>Text.</p><section data-hook='comments-root'>"
        + hook
        + "</section></body></html>"
    ).comments
    assert (c.author, c.published, c.text, len(c.id)) == (
        "Martha",
        "2023-10-02T18:12:00",
        "Best tomatoes.",
        16,  # a hex id is no number: a content hash
    )
