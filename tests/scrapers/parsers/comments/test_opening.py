"""A forum thread's opening post is the page's text, not its first comment."""

from __future__ import annotations

import lxml.html

from scrapers.items import Comment
from scrapers.parsers.comments import extract_thread
from scrapers.parsers.comments.opening import without_post
from scrapers.parsers.page import parse_page
from tests.scrapers.parsers.comments._util import FIXTURES

URL = "https://forum.example/t/no-app-store-338679.html"


def test_opening_post_becomes_the_article():
    a = parse_page((FIXTURES / "forum_thread.html").read_bytes(), URL)
    assert a.title == "No App Store over mobile data with iOS 13?"
    assert a.body.startswith("Hello, since the update to iOS 13")
    assert "Partner links" not in a.body and "75 percent" not in a.body
    assert a.author_names == ["macbacchi"]
    assert (a.published, a.published_raw) == ("2019-09-28T12:44:00", "28.09.19 12:44")
    assert [c.author for c in a.comments] == ["th3Chris", "maculi"]
    assert [(c.position, c.depth, c.parent_id) for c in a.comments] == [(0, 0, None), (1, 0, None)]
    assert len({c.id for c in a.comments}) == 2


def _thread(html: str):
    return extract_thread(lxml.html.document_fromstring(html), URL)


def test_continuation_page_keeps_its_first_post_as_a_reply():
    html = (FIXTURES / "forum_thread.html").read_text()
    html = html.replace("</title>", '</title><link rel="prev" href="/t/338679-1.html">')
    t = _thread(html)
    assert t.post is None
    assert [c.author for c in t.comments] == ["macbacchi", "th3Chris", "maculi"]


def _page(heading: str, between: str = "") -> str:
    post = (
        '<div class="comment" id="comment-{n}"><span class="comment-author">{who}</span>'
        '<span class="comment-date">12.05.2022 14:3{n}</span><div class="comment-text">{text}</div></div>'
    )
    return (
        "<html><head><title>Tram line 4 to close | Courier</title></head><body>"
        f"<h1>Tram line 4 to close</h1>{between}{heading}"
        + post.format(n=1, who="Jens", text="Six weeks of buses.")
        + post.format(n=2, who="Kim", text="Brilliant planning.")
        + "</body></html>"
    )


def test_news_comments_stay_comments():
    # the article text stands between the headline and the thread
    t = _thread(_page("", between="<p>Line 4 will close from 1 September for track works.</p>"))
    assert t.post is None and len(t.comments) == 2
    # a heading of the thread's own stands between them
    for heading in ("<h2>Join the conversation</h2>", "<h3>2 comments</h3>"):
        t = _thread(_page(heading))
        assert t.post is None and len(t.comments) == 2


def test_replies_to_the_opening_post_move_up_a_level():
    def c(id_, parent, depth):
        return Comment(id=id_, parent_id=parent, depth=depth, text="t", author="a")

    post, rest = c("1", None, 0), [c("2", "1", 1), c("3", "2", 2), c("4", None, 0), c("5", "4", 1)]
    for i, x in enumerate([post, *rest]):
        x.position = i
    left = without_post([post, *rest])
    assert [(x.id, x.parent_id, x.depth, x.position) for x in left] == [
        ("2", None, 0, 0),
        ("3", "2", 1, 1),
        ("4", None, 0, 2),
        ("5", "4", 1, 3),
    ]
