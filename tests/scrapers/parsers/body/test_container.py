"""Container choice: which block of the page is the article (small hand-written pages).

The classes come from the failure map of issue #17: short posts that lose to a
sidebar widget, a profile box or a header quote, and posts written without
``<p>`` elements.
"""

from __future__ import annotations

import lxml.html

from scrapers.parsers.body.extract import extract_body

PARA = "<p>{} is a sentence of the article that is long enough to count as text.</p>"


def _body(html: str, title: str | None = None) -> str:
    return extract_body(lxml.html.document_fromstring(html), title=title).text


def test_a_post_set_in_emphasis_inside_a_plain_div_is_prose():
    # Slashdot: the story is one div whose text sits in an <i>; the fortune
    # quote in the page header is the only <p> on the page.
    story = (
        'Submitter writes <i>"The judge wants to know why this dispute over the wireless '
        "technologies developed by one firm and used by another should not be settled "
        'through mediation, and rejected a request to hear the claims apart."</i>'
    )
    menu = "".join(f"<li><a href='/s{i}'>Section number {i}</a></li>" for i in range(12))
    html = (
        f"<html><body><ul class='sections'>{menu}</ul><section class='bq'><blockquote class='msg'><p>Today is National "
        "Existential Ennui Awareness Day.</p></blockquote></section>"
        f"<article><h2 class='story'>Judge calls patent battles ridiculous</h2>"
        f"<div class='body'><div class='p'>{story}</div></div></article></body></html>"
    )
    text = _body(html)
    assert "settled through mediation" in text and "Ennui" not in text


def test_a_post_in_bold_labels_and_line_breaks_is_prose():
    # Blogger: a gadget post made of <b> labels, <br> breaks and an <i> closing note.
    post = (
        "<b>Name:</b> Task List and Timer<br><b>Author:</b> Adam Hotz<br>"
        "<b>Description:</b> Allows you to track tasks and the time spent on them.<br><br>"
        "<i>Each week this blog features a recently added gadget that looks promising; "
        "subscribe to the feed to see them all.</i>"
    )
    html = (
        "<html><body><div class='post'><h3 class='post-title'>Featured gadget</h3>"
        f"<div class='post-body'>{post}</div></div></body></html>"
    )
    assert "track tasks and the time spent" in _body(html)
