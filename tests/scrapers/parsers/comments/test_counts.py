"""The count a page declares for its thread, in the thread's own header."""

from __future__ import annotations

import lxml.html
import pytest

from scrapers.parsers.comments import extract_thread

_ITEM = (
    '<div class="comment" id="comment-{n}"><span class="comment-author">A{n}</span>'
    '<span class="comment-date">May {n}, 2019</span><div class="comment-text">Text {n}.</div></div>'
)


@pytest.mark.parametrize(
    ("header", "count"),
    [
        ('<div class="comments_intro"><p><span>{</span> 3 comments… <a>add one</a> }</p></div>', 3),
        ('<div class="panestack-title"><span class="title">all 3 comments</span></div>', 3),
        ("<h3>Reader comments (3)</h3>", 3),
        ('<div class="commentBox"><span class="totalcomments">3</span> comments</div>', 3),
        ("<p>Be the first to comment</p>", None),
    ],
)
def test_a_count_in_the_thread_header(header: str, count: int | None) -> None:
    html = (
        "<html><body><h1>Post</h1><p>Article text.</p><div id='comments'>"
        + header
        + "".join(_ITEM.format(n=n) for n in (1, 2, 3))
        + "</div></body></html>"
    )
    t = extract_thread(lxml.html.document_fromstring(html), "https://x.example/")
    assert (len(t.comments), t.declared) == (3, count)
