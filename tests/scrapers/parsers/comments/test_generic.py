"""Custom comment lists found by structure, and pages that must yield no comments."""

from __future__ import annotations

import lxml.html

from scrapers.parsers.comments import extract_thread
from tests.scrapers.parsers.comments._util import thread


def test_generic_nested_list_with_relative_dates() -> None:
    t = thread("generic.html")
    assert (t.declared, t.open, t.system) == (2, False, "generic")
    jens, kim, lea = t.comments
    assert (jens.author, jens.published, jens.published_raw) == (
        "Jens",
        "2022-05-12T14:30:00",
        "12.05.2022 14:30",
    )
    assert jens.text == "Erster Kommentar.\nZweite Zeile." and jens.parent_id is None
    assert len(jens.id) == 16
    assert (kim.parent_id, kim.depth, kim.author) == (jens.id, 1, "Kim")
    assert (kim.published, kim.published_approx) == ("2024-06-07T12:00:00Z", True)
    assert (lea.depth, lea.published_approx, lea.text) == (0, True, "Noch ein Kommentar.")
    assert "Article body" not in " ".join(c.text for c in t.comments)


def test_heading_widget_and_related_are_not_comments() -> None:
    t = thread("no_comments.html")
    assert t.comments == []
    assert (t.system, t.declared, t.open) == (None, None, None)
    assert [n.get("id") for n in t.nodes] == ["comments"]


def test_profile_link_author_and_layout_text_class() -> None:
    (c,) = thread("profile_links.html").comments
    assert (c.id, c.author) == ("2770530", "anaya60")
    assert c.author_url == "https://koch.example/user/profil/07/anaya60.html"
    assert (c.published, c.published_raw) == ("2020-04-12T17:02:00", "12.04.2020 17:02")
    assert c.text == "habe ihn heute erstmals gemacht, war super lecker."  # not "Antworten"
    assert (c.parent_id, c.depth, c.kind) == (None, 0, "comment")


def test_comments_whose_element_ids_share_a_number_keep_ids_of_their_own() -> None:
    # Page-wide ids ("Holder1_Comment_0", "Holder1_Comment_1") all give "1":
    # stored under one key, all comments but one would be lost.
    item = (
        '<div class="comment" id="Holder1_Comment_{n}"><span class="comment-author">{who}</span>'
        ' <span class="comment-date">12.05.2022 14:3{n}</span>'
        '<div class="comment-text">{text}</div>{reply}</div>'
    )
    reply = item.format(n=9, who="Kim", text="Antwort auf Jens.", reply="")
    html = (
        "<html><body><h1>Thread</h1><p>Opening text of the page.</p><div class='comments'>"
        + item.format(n=0, who="Jens", text="Erster Kommentar.", reply=reply)
        + item.format(n=1, who="Lea", text="Noch ein Kommentar.", reply="")
        + item.format(n=2, who="Lea", text="Noch ein Kommentar.", reply="")
        + "</div></body></html>"
    )
    doc = lxml.html.document_fromstring(html)
    comments = extract_thread(doc, "https://forum.example/t/1").comments
    assert [c.author for c in comments] == ["Jens", "Kim", "Lea", "Lea"]
    ids = [c.id for c in comments]
    assert len(set(ids)) == 4
    jens, kim, _, _ = comments
    assert (kim.parent_id, kim.depth) == (jens.id, 1)


def test_a_login_call_to_action_is_no_comment() -> None:
    html = (
        "<html><body><h1>Post</h1><p>Article text.</p><div class='comments-container'>"
        "<div class='post'><span class='comment-join'>Join The Conversation:</span>"
        "<a href='/user/login?destination=/post' class='log-in'>Sign Up / Log In</a></div>"
        "<div id='lf-mask'>Please sign in to comment.</div></div></body></html>"
    )
    t = extract_thread(lxml.html.document_fromstring(html), "https://x.example/post")
    assert t.comments == []


def test_a_most_commented_list_states_no_count_of_this_thread() -> None:
    html = (
        "<html><body><h1>Post</h1><p>Article text.</p><section class='most-commented'>"
        "<h2>Most commented</h2><ol><li><a href='/other'>Other story</a> "
        "<span class='comment-count'>142 comments</span></li></ol></section></body></html>"
    )
    t = extract_thread(lxml.html.document_fromstring(html), "https://x.example/post")
    assert (t.comments, t.declared) == ([], None)


def test_repeated_siblings_named_for_comments_are_comments() -> None:
    # "news-comment-main": no known item word, but one per comment, side by side;
    # a date the parser cannot read stays out of the text all the same
    item = (
        '<div class="news-comment-main" data-key="{n}"><div class="row">'
        '<div class="news-comment-main-author"><strong>{who}</strong></div>'
        '<div class="news-comment-main-date"><span>{when}</span></div></div><p>{text}</p></div>'
    )
    html = (
        "<html><body><h1>Post</h1><p>Article text.</p><div class='news-comment' id='comment-section'>"
        + item.format(n=1, who="Robs", when="wtorek, 11 maja 2021, 23:13", text="Pierwszy.")
        + item.format(n=2, who="Anonim", when="sometime last spring", text="Drugi.")
        + "</div></body></html>"
    )
    t = extract_thread(lxml.html.document_fromstring(html), "https://x.example/post")
    assert [(c.author, c.published, c.text) for c in t.comments] == [
        ("Robs", "2021-05-11T23:13:00", "Pierwszy."),
        ("Anonim", None, "Drugi."),
    ]


def test_top_commenters_repeated_are_no_comments() -> None:
    item = '<li class="commenter"><a href="/u/{n}">User {n}</a> <span>{n}0 comments</span></li>'
    html = (
        "<html><body><h1>Post</h1><p>Article text.</p><ul class='commenters'>"
        + "".join(item.format(n=n) for n in (1, 2, 3))
        + "</ul></body></html>"
    )
    t = extract_thread(lxml.html.document_fromstring(html), "https://x.example/post")
    assert t.comments == []


def test_author_fields_without_rank_lines_or_times() -> None:
    # a name-classed span beats the byline box around it (rank, links); a
    # time glued to the name after a separator is cut off
    html = (
        "<html><body><h1>Post</h1><p>Article text.</p><ul class='comments'>"
        "<li class='comment' id='comment-1'><header class='byline'>"
        "<span class='author'><a href='/civis/u/353000'>g0m3r619</a></span>"
        "<span class='rank'>Wise, Aged Ars Veteran</span> <a class='datetime'>jump to post</a>"
        "</header><div class='comment-text'>First.</div></li>"
        "<li class='comment' id='comment-2'><div class='comment-author'>"
        "<a href='/author/fb1/'>Trevor Shelley-de Brauw</a>&nbsp;|&nbsp;"
        "<a href='#comment-2'>Posted at 12:45pm</a></div><div class='comment-text'>Second.</div>"
        "</li></ul></body></html>"
    )
    t = extract_thread(lxml.html.document_fromstring(html), "https://x.example/post")
    assert [c.author for c in t.comments] == ["g0m3r619", "Trevor Shelley-de Brauw"]
