"""A thread's other comment pages come from its own navigation, never from
reply links (issue #15: real WordPress themes print one ``?replytocom=`` link
per comment, each a copy of the page it is on)."""

from __future__ import annotations

import pytest

from scrapers.parsers.comments import extract_thread
from scrapers.parsers.document import load_html

POST = "https://news.example/2022/09/07/a-post/"


def _comment(cid: int, page: int, base: str = POST) -> str:
    return (
        f'<li id="comment-{cid}" class="comment"><article class="comment-body">'
        f'<footer class="comment-meta"><b class="fn">Reader {cid}</b> '
        f'<a href="{base}comment-page-{page}/#comment-{cid}"><time datetime="2022-09-08T03:16:00-04:00">'
        "September 8, 2022</time></a></footer>"
        f'<div class="comment-content"><p>Comment number {cid} says something.</p></div>'
        f"<div class=\"reply\"><a rel='nofollow' class='comment-reply-link' "
        f"href='{base}comment-page-{page}/?replytocom={cid}#respond'>Reply</a></div>"
        "</article></li>"
    )


def _classic(page: int, nav: str) -> bytes:
    comments = "".join(_comment(100 + page * 10 + k, page) for k in range(3))
    return (
        "<html><body><article><h1>A post</h1><p>Text of the post.</p></article>"
        '<div id="comments" class="comments-area"><h2 class="comments-title">30 comments</h2>'
        f'<ol class="comment-list">{comments}</ol>{nav}'
        '<div id="respond" class="comment-respond"><form action="/wp-comments-post.php" '
        'id="commentform" class="comment-form"></form></div></div></body></html>'
    ).encode()


TWENTYTWENTYONE_NAV = (
    '<nav class="navigation comments-pagination" aria-label="Comments"><div class="nav-links">'
    f'<a class="prev page-numbers" href="{POST}comment-page-1/#comments">Older comments</a> '
    f'<a class="page-numbers" href="{POST}comment-page-1/#comments">Page 1</a> '
    '<span aria-current="page" class="page-numbers current">Page 2</span> '
    f'<a class="page-numbers" href="{POST}comment-page-3/#comments">Page 3</a>'
    "</div></nav>"
)
TWENTYTWENTYTHREE_NAV = (
    '<div class="wp-block-comments-pagination">'
    f'<a href="{POST}comment-page-1/#comments" class="wp-block-comments-pagination-previous">'
    "Older Comments</a>"
    '<div class="wp-block-comments-pagination-numbers">'
    f'<a class="page-numbers" href="{POST}comment-page-1/#comments">1</a> '
    '<span aria-current="page" class="page-numbers current">2</span> '
    f'<a class="page-numbers" href="{POST}comment-page-3/#comments">3</a></div>'
    f'<a href="{POST}comment-page-3/#comments" class="wp-block-comments-pagination-next">'
    "Newer Comments</a></div>"
)


def _pages(html: bytes, url: str) -> list[str]:
    return extract_thread(load_html(html), url).pages


@pytest.mark.parametrize("nav", [TWENTYTWENTYONE_NAV, TWENTYTWENTYTHREE_NAV])
def test_pages_are_the_navigation_s_and_no_reply_link(nav):
    pages = _pages(_classic(2, nav), POST + "comment-page-2/")
    assert sorted(pages) == [POST + "comment-page-1/", POST + "comment-page-3/"]


def test_without_navigation_a_page_link_must_differ_only_in_its_page_part():
    """Comment permalinks name the pages they are on; reply links are not pages."""
    html = _classic(2, "").replace(b"comment-page-2/#comment-121", b"comment-page-1/#comment-121")
    assert _pages(html, POST + "comment-page-2/") == [POST + "comment-page-1/"]


def test_plain_permalinks_keep_their_post_parameter():
    base = "https://news.example/?p=5&"
    item = _comment(7, 2, base="").replace("comment-page-2/#comment-7", f"{base}cpage=1#comment-7")
    item = item.replace("comment-page-2/?replytocom=7", f"{base}cpage=2&replytocom=7")
    html = _classic(2, "").replace(
        b'<ol class="comment-list">', f'<ol class="comment-list">{item}'.encode()
    )
    pages = _pages(html, base + "cpage=2")
    assert base + "cpage=1" in pages
    assert not [p for p in pages if "replytocom" in p]
