"""Reply parents that the nesting does not show: depth classes, reply links, wrappers."""

from __future__ import annotations

import lxml.html

from scrapers.parsers.comments import extract_thread
from tests.scrapers.parsers.comments._util import FETCHED_AT


def _thread(body: str):
    html = f"<html><body><h1>Post</h1><p>Article text here.</p>{body}</body></html>"
    doc = lxml.html.document_fromstring(html)
    return extract_thread(doc, "https://x.example/p", fetched_at=FETCHED_AT)


def _item(n: int, who: str, depth: int, text: str) -> str:
    return (
        f'<div class="comment depth-{depth}" id="comment-{n}">'
        f'<span class="comment-author">{who}</span><span class="comment-date">May {n}, 2019</span>'
        f'<div class="comment-body">{text}</div></div>'
    )


def test_depth_classes_of_a_flat_list_give_the_parents() -> None:
    t = _thread(
        '<div class="commentlist">'
        + _item(1, "Iain", 1, "First.")
        + _item(2, "Kirsty", 2, "Reply to Iain.")
        + _item(3, "Iain", 3, "Reply to Kirsty.")
        + _item(4, "Ann", 2, "Another reply to Iain.")
        + _item(5, "Duncan", 1, "New thread.")
        + "</div>"
    )
    assert [(c.id, c.parent_id, c.depth) for c in t.comments] == [
        ("1", None, 0),
        ("2", "1", 1),
        ("3", "2", 2),
        ("4", "1", 1),
        ("5", None, 0),
    ]


def test_a_byline_link_to_the_comment_answered() -> None:
    meta = (
        '<p class="meta"><span class="author">{who}</span> {extra} <time>May {n}, 2019</time></p>'
    )
    item = (
        '<div class="comment" id="c-{n}">' + meta + '<div class="comment-text">{text}</div></div>'
    )
    t = _thread(
        '<div id="comments">'
        + item.format(n=1, who="Matt", extra="", text="Recommended!")
        + item.format(n=2, who="Ann", extra="", text="Me too.")
        + item.format(
            n=3, who="snarki", extra='replied to <a href="#c-1">comment from Matt</a>', text="Why?"
        )
        # a link to another comment in the text, not as a reply: no parent
        + item.format(n=4, who="Bo", extra="", text='See <a href="#c-2">this one</a>.')
        + "</div>"
    )
    assert [(c.author, c.parent_id) for c in t.comments] == [
        ("Matt", None),
        ("Ann", None),
        ("snarki", "1"),
        ("Bo", None),
    ]


def test_an_unnumbered_wrapper_holding_the_comment_and_its_replies() -> None:
    # li.comment without id: article#comment-N, then ul.children, inside it
    art = (
        '<article id="comment-{n}" class="comment-body"><b class="fn">{who}</b>'
        '<time datetime="2022-09-0{n}T10:00:00">x</time><div class="comment-content">{text}</div>'
        "</article>"
    )
    t = _thread(
        '<ol class="comment-list"><li class="comment depth-1">'
        + art.format(n=1, who="Pauline", text="The big tree is a Bramley.")
        + '<ul class="children"><li class="comment depth-2">'
        + art.format(n=2, who="Sec", text="Thank you.")
        + '</li></ul></li><li class="comment depth-1">'
        + art.format(n=3, who="Dev", text="Cuttings?")
        + "</li></ol>"
    )
    assert [(c.id, c.parent_id, c.depth) for c in t.comments] == [
        ("1", None, 0),
        ("2", "1", 1),
        ("3", None, 0),
    ]
