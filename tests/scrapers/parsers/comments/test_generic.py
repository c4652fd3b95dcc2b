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
