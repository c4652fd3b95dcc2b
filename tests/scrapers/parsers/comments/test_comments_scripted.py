"""Threads that scripts load: the signs in the HTML, the thread in a widget's
JSON, and the thread of a rendered page (pure functions; hand-written pages
and answers in the shapes providers use, none copied from a real site)."""

from __future__ import annotations

import json

import pytest

from scrapers.parsers import parse_page
from scrapers.parsers.comments.holders import find_holder
from scrapers.parsers.comments.jsonthread import json_threads, source_of
from scrapers.parsers.comments.rendered import Snapshot, thread_from_render
from scrapers.parsers.document import load_html

URL = "https://news.example/2024/05/city-budget/"
ARTICLE = (
    "<h1>City budget passes</h1><p class='byline'>By Ana Ruiz</p>"
    + "<p>The council approved the budget after a long debate about schools and roads.</p>" * 6
)


def page(tail: str, lang: str = "en") -> bytes:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>City budget passes</title></head>'
        f"<body><article>{ARTICLE}</article>{tail}</body></html>"
    ).encode()


# -- signs -------------------------------------------------------------------------

SIGNS = {
    "disqus": ('<div id="disqus_thread"></div><script src="https://x.disqus.com/embed.js"></script>',
               ["embed:disqus"]),
    "holder": ('<div id="comments"><div id="talkbox_thread" data-talkbox-id="t-9"></div></div>',
               ["holder:talkbox", "region"]),
    "custom element": ('<section class="comments-section"><yak-comments story="9"></yak-comments>'
                       "</section>", ["holder:yak", "element", "region"]),
    "lazy region": ('<section id="comments" data-lazy-src="/c/9.html"><p>Loading comments…</p>'
                    "</section>", ["region"]),
    "missing anchor": ('<p><a class="comment-count" href="#comments">12 comments</a></p>', ["region"]),
    "button": ('<div id="comments" class="comments"><button>Mostrar comentarios (12)</button></div>',
               ["control"]),
    "json": ('<div id="comments"></div><script type="application/json" id="thread">'
             + json.dumps({"posts": [{"id": "1", "author": {"name": "Li"},
                                      "createdAt": "2024-05-02T10:00:00Z", "message": "Good."}]})
             + "</script>", ["region", "json"]),
}  # fmt: skip

NO_SIGNS = {
    "no comments at all": "<footer>About us</footer>",
    "wordpress, open, none yet": (
        '<div id="comments" class="comments-area"><h2>Comments</h2><p>Be the first to comment.</p>'
        '<div id="respond"><form id="commentform"><textarea name="comment"></textarea>'
        '<input type="submit" value="Post Comment"></form></div></div>'
    ),
    "comments closed": '<div id="comments"><p class="nocomments">Comments are closed.</p></div>',
    "related stories with a more button": (
        '<section class="related-stories"><ul><li><a href="/a/">A story</a> <span>By Li</span></li>'
        '</ul><button type="button">Load more stories</button></section>'
    ),
    "link to another page's comments": '<a href="/other-story/#comments">3 comments</a>',
    "reply button": '<div id="comments"><p>Share your view.</p><form><button>Reply</button>'
    "<textarea></textarea></form></div>",
}


@pytest.mark.parametrize("case", sorted(SIGNS))
def test_a_script_loaded_thread_shows_its_signs(case):
    tail, expected = SIGNS[case]
    article = parse_page(page(tail), URL)
    assert article.comments == []
    assert article.comments_scripted == expected


@pytest.mark.parametrize("case", sorted(NO_SIGNS))
def test_pages_whose_html_holds_the_thread_show_no_sign(case):
    assert parse_page(page(NO_SIGNS[case]), URL).comments_scripted == []


def test_a_load_more_button_under_the_first_comments_is_a_sign():
    thread = (
        '<div id="comments"><ol class="comment-list">'
        '<li id="comment-1" class="comment"><article class="comment-body"><b class="fn">Li</b>'
        '<time datetime="2024-05-02T10:00:00+00:00">May 2</time><div class="comment-content">'
        "<p>First!</p></div></article></li></ol>"
        '<button class="load-more">Load more comments</button></div>'
    )
    article = parse_page(page(thread), URL)
    assert len(article.comments) == 1
    assert article.comments_scripted == ["control"]


# -- JSON ----------------------------------------------------------------------------


def _disqus_page(start: int, n: int, total: int) -> bytes:
    posts = [
        {
            "id": str(100 + i),
            "parent": (100 + i - 1) if i % 3 == 2 else None,
            "author": {"name": f"Reader {i}", "url": ""},
            "createdAt": f"2024-05-02T1{i % 10}:00:00",
            "message": f"<p>Comment number {i}.</p>",
        }
        for i in range(start, start + n)
    ]
    more = start + n < total
    return json.dumps(
        {
            "cursor": {"hasNext": more, "next": f"{start + n}:0:0" if more else None},
            "thread": {"posts": total},
            "response": posts,
        }
    ).encode()


def test_cursor_pages_of_one_endpoint_join_into_one_thread_with_exact_parents():
    api = "https://provider.example/api/listPosts.json?thread=77&limit=4"
    answers = [
        (api, _disqus_page(0, 4, 10)),
        (api + "&cursor=4:0:0", _disqus_page(4, 4, 10)),
        (api + "&cursor=8:0:0", _disqus_page(8, 2, 10)),
        ("https://provider.example/api/config.json", b'{"theme": "light", "items": []}'),
    ]
    [thread] = json_threads(answers)
    assert thread.declared == 10 and len(thread.comments) == 10
    by_id = {c.id: c for c in thread.comments}
    assert by_id["102"].parent_id == "101" and by_id["102"].depth == 1
    assert by_id["100"].author == "Reader 0" and by_id["100"].text == "Comment number 0."
    assert by_id["100"].published == "2024-05-02T10:00:00"  # as stated (no zone: none added)


def test_nested_replies_and_epoch_times_as_isso_answers():
    answer = {
        "id": None,
        "total_replies": 1,  # one level's count, not the thread's total
        "replies": [
            {"id": 1, "parent": None, "author": "Ana", "created": 1714644000.5,
             "text": "<p>Top</p>", "mode": 1,
             "replies": [{"id": 2, "parent": 1, "author": None, "created": 1714644060.0,
                          "text": "<p>Under</p>", "mode": 1}]},
            {"id": 3, "parent": None, "author": "Gone", "created": 1714644100.0,
             "text": "<p>&nbsp;</p>", "mode": 4},
        ],
    }  # fmt: skip
    [thread] = json_threads(
        [("https://c.example/?uri=%2Fa%2F&limit=3", json.dumps(answer).encode())]
    )
    assert [(c.id, c.parent_id, c.author) for c in thread.comments] == [
        ("1", None, "Ana"),
        ("2", "1", None),
    ]
    assert thread.comments[0].published == "2024-05-02T10:00:00+00:00"
    assert thread.declared is None


def test_jsonp_and_lists_that_are_not_threads():
    story_list = {"stories": [{"id": 1, "title": "A", "url": "/a/"}]}
    answers = [
        ("https://x.example/more.json", json.dumps(story_list).encode()),
        ("https://x.example/c.js?callback=cb", b'cb({"comments": [{"id": 5, "user": {"displayName": "Bo"},'
         b' "date": "2024-01-01", "body": "Hi there"}]});'),
    ]  # fmt: skip
    [thread] = json_threads(answers)
    assert [(c.id, c.author, c.text) for c in thread.comments] == [("5", "Bo", "Hi there")]


def test_the_source_of_an_answer_drops_only_paging_parameters():
    assert source_of("https://p.example/api?thread=7&cursor=5:0:0&limit=5") == (
        "https://p.example/api?thread=7"
    )


# -- holders and rendered pages ------------------------------------------------------------


def test_holders_name_unknown_providers_by_the_pattern_known_ones_follow():
    doc = load_html(b'<div id="comments"><div id="murmur_thread" data-murmur-id="m-1"></div></div>')
    assert find_holder(doc).name == "murmur" and find_holder(doc).thread_id == "m-1"
    doc = load_html(b'<div id="post-comments"></div><div id="wp-thread"></div>')
    assert find_holder(doc) is None  # parts of the page, not providers


def test_a_rendered_page_s_thread_from_its_shadow_root_and_frames():
    main = (
        '<html><body><article>...</article><section class="comments-section">'
        '<yak-comments story="9"><template shadowrootmode="open"><ol>'
        '<li class="comment" data-comment-id="11"><strong class="comment-author">Li</strong>'
        '<time datetime="2024-05-02T10:00:00Z">May 2</time><div class="comment-body">'
        "<p>Shadow comment one.</p></div></li>"
        '<li class="comment" data-comment-id="12"><strong class="comment-author">Bo</strong>'
        '<time datetime="2024-05-02T11:00:00Z">May 2</time><div class="comment-body">'
        "<p>Shadow comment two.</p></div></li></ol></template></yak-comments></section></body></html>"
    )
    thread = thread_from_render(URL, [Snapshot(URL, main, main=True)])
    assert [(c.id, c.author) for c in thread.comments] == [("11", "Li"), ("12", "Bo")]
    assert thread.system == "yak" and thread.thread_id == "9"


def test_the_json_wins_over_a_dom_that_shows_relative_dates():
    frame = (
        '<html><body><ul class="post-list"><li class="post" id="post-100"><span class="author">'
        "Reader 0</span> <a>2 years ago</a><div class='post-message'><p>Comment number 0.</p>"
        "</div></li></ul></body></html>"
    )
    main = '<html><body><div id="comments"><div id="talkbox_thread"><iframe></iframe></div></div></body></html>'
    api = "https://provider.example/api/listPosts.json?thread=77"
    thread = thread_from_render(
        URL,
        [Snapshot(URL, main, main=True), Snapshot("https://provider.example/embed/77", frame)],
        [(api, _disqus_page(0, 3, 3))],
    )
    assert len(thread.comments) == 3 and thread.declared == 3
    assert thread.comments[0].published == "2024-05-02T10:00:00"
    assert thread.system == "talkbox"


def test_wrapped_comments_as_graphql_connections_and_remark42_answer():
    graphql = {
        "data": {"story": {"comments": {"edges": [
            {"node": {"id": "c1", "body": "<p>One</p>", "createdAt": "2024-05-02T10:00:00Z",
                      "author": {"username": "ana"}}},
            {"node": {"id": "c2", "body": "<p>Two</p>", "createdAt": "2024-05-02T11:00:00Z",
                      "author": {"username": "bo"}}},
        ]}}}
    }  # fmt: skip
    remark = {
        "comments": [
            {"comment": {"id": "r1", "pid": "", "text": "<p>Top</p>", "user": {"name": "Cy"},
                         "time": "2024-05-02T10:00:00Z"},
             "replies": [{"comment": {"id": "r2", "pid": "r1", "text": "<p>Re</p>",
                                      "user": {"name": "Di"}, "time": "2024-05-02T10:05:00Z"}}]},
        ]
    }  # fmt: skip
    g, r = json_threads([("https://a.example/graphql", json.dumps(graphql).encode()),
                         ("https://b.example/api/v1/find?url=x", json.dumps(remark).encode())])  # fmt: skip
    assert {(c.id, c.author) for c in g.comments} | {(c.id, c.parent_id) for c in r.comments} == {
        ("c1", "ana"), ("c2", "bo"), ("r1", None), ("r2", "r1")}  # fmt: skip
