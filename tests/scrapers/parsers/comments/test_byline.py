"""Bylines stated in words: "Posted by: NAME | DATE", "NAME on DATE", "NAME said..."."""

from __future__ import annotations

import lxml.html
import pytest

from scrapers.parsers.comments import extract_thread
from scrapers.parsers.comments.byline import clean_name, read_byline
from tests.scrapers.parsers.comments._util import FETCHED_AT


@pytest.mark.parametrize(
    ("line", "name", "raw", "iso"),
    [
        (
            "Posted by: Lee D. | October 09, 2012 at 05:32 AM",
            "Lee D.",
            "October 09, 2012 at 05:32 AM",
            "2012-10-09T05:32:00",
        ),
        ("Slavko on November 12, 2012 8:40 am", "Slavko", None, "2012-11-12T08:40:00"),
        (
            "Submitted by Ruth B. (not verified) on Tue, 03/15/2011 - 21:02.",
            "Ruth B.",
            "Tue, 03/15/2011 - 21:02",
            "2011-03-15T21:02:00",
        ),
        ("Comment by Hannelore — 17.07, 2011 @ 16:42", "Hannelore", None, "2011-07-17T16:42:00"),
        ("Jens Weber 20.07.2015 // 12:55", "Jens Weber", None, "2015-07-20T12:55:00"),
        (
            "by tinfoilhat (88231) on Monday February 12, 2024 @10:41AM (#6401)",
            "tinfoilhat",
            "Monday February 12, 2024 @10:41AM",
            "2024-02-12T10:41:00",
        ),
        ("11. Jul, 2012 / The Young Bigmouth says:", "The Young Bigmouth", None, "2012-07-11"),
        ("#1 — January 7, 2008 @ 1:00PM — Brandon [URL]", "Brandon", None, "2008-01-07T13:00:00"),
        ("Kommentar von Uwe am 3. Mai 2021 um 10:15", "Uwe", None, "2021-05-03T10:15:00"),
        ("Escrito por Ana el 3 de mayo de 2021", "Ana", None, "2021-05-03"),
        ("commuter42 5 hours ago", "commuter42", "5 hours ago", "2024-06-10T07:00:00Z"),
    ],
)
def test_a_byline_splits_into_name_and_date(line, name, raw, iso) -> None:
    b = read_byline(line, FETCHED_AT)
    assert (b.name, b.iso) == (name, iso)
    if raw is not None:
        assert b.raw == raw


def test_lines_that_are_no_byline() -> None:
    # a sentence that mentions a date, a date with a word of text around it
    assert read_byline("I was there on May 5, 2012 and it rained", FETCHED_AT) is None
    assert read_byline("Posted at 10:12 PM in Storage", FETCHED_AT) is None
    # a name without a label or "says" word is not known to be a name
    assert read_byline("Great article", FETCHED_AT) is None
    b = read_byline("martine said...", FETCHED_AT)
    assert (b.name, b.iso, b.marked) == ("martine", None, True)
    b = read_byline("October 22, 2012 at 7:28 PM", FETCHED_AT)
    assert (b.name, b.iso) == (None, "2012-10-22T19:28:00")


def test_clean_name_drops_labels_words_and_glued_urls() -> None:
    assert clean_name("http://weboutsourcing.example/ Web Outsourcing Gateway") == (
        "Web Outsourcing Gateway",
        False,
    )
    assert clean_name("Bea (not verified)") == ("Bea", False)
    assert clean_name("Anna schreibt:") == ("Anna", True)
    assert clean_name("Reply") == (None, False)
    assert clean_name("This is a long sentence that nobody would use as a name") == (None, False)


def _comments(body: str):
    html = f"<html><body><h1>Post</h1><p>Article text here.</p>{body}</body></html>"
    return extract_thread(
        lxml.html.document_fromstring(html), "https://x.example/p", fetched_at=FETCHED_AT
    ).comments


def test_byline_after_the_text_gives_author_and_date() -> None:
    # TypePad: the text in div.comment-content, "Posted by: NAME | DATE" after it
    (c,) = _comments(
        '<div class="comments"><div class="comment" id="comment-6a00e5">'
        '<div class="comment-content"><p>Per-VM replication cannot come soon enough.</p></div>'
        '<p class="comment-footer">Posted by: <a href="http://lee.example/">Lee D.</a> | '
        "<a>October 09, 2012 at 05:32 AM</a></p></div></div>"
    )
    assert (c.author, c.author_url, c.published) == (
        "Lee D.",
        "http://lee.example/",
        "2012-10-09T05:32:00",
    )
    assert c.text == "Per-VM replication cannot come soon enough."


def test_byline_as_loose_text_of_the_block_leaves_the_text() -> None:
    # no text element: the byline lines are the block's first lines
    (c,) = _comments(
        '<ol class="comments"><li id="comment-721766"><p>August 9th, 2012 at 8:38 am</p>'
        "<p><strong>infamousdx</strong> said,</p><p>Which hotels have you stayed at?</p></li></ol>"
    )
    assert (c.author, c.published, c.text) == (
        "infamousdx",
        "2012-08-09T08:38:00",
        "Which hotels have you stayed at?",
    )


def test_author_element_holding_the_date_gives_both() -> None:
    (c,) = _comments(
        '<ol class="commentlist"><li class="comment" id="comment-1208">'
        '<div class="comment-author vcard">Comment by Hannelore Petersen &mdash; 17.07, 2011 @ 16:42</div>'
        '<div class="comment-text"><p>Ein schöner Tag!</p></div></li></ol>'
    )
    assert (c.author, c.published) == ("Hannelore Petersen", "2011-07-17T16:42:00")


def test_a_body_named_block_with_its_byline_is_the_comment() -> None:
    # Movable Type: div.commentbody.by-NAME holds the text and "Posted by: NAME at DATE"
    item = (
        '<div class="commentbody by-{slug}"><a name="c{n}"></a><div id="c{n}"><p>{text}</p></div>'
        '<p class="posted">Posted by: {who} at <a href="#c{n}">November 13, 2012 6:3{n} AM</a>'
        "</p></div>"
    )
    (a, b) = _comments(
        '<h2 id="comments">Comments</h2>'
        + item.format(slug="matt", n=1, who="Matt Palmer", text="Recommended!")
        + item.format(slug="ryan", n=2, who="Ryan", text="Also recommended.")
    )
    assert (a.id, a.author, a.published, a.text) == (
        "1",
        "Matt Palmer",
        "2012-11-13T06:31:00",
        "Recommended!",
    )
    assert (b.author, b.text) == ("Ryan", "Also recommended.")


def test_a_byline_beside_the_body_block_of_a_comment() -> None:
    # li.comment holds div.comment-body (the text) and the byline after it
    item = (
        '<li class="comment depth-1" id="li-comment-{n}"><div id="comment-{n}">'
        '<div class="comment-body"><p>{text}</p></div><p class="citation">Posted by {who} '
        "on November 5, 2012 at 7:5{n} am | <a href='#comment-{n}'>permalink</a></p></div></li>"
    )
    (a, b) = _comments(
        '<ul class="commentlist">'
        + item.format(n=1, who="tj", text="This is what I needed today, thank you for it.")
        + item.format(n=2, who="Harriet", text="I am starting to figure out what I want.")
        + "</ul>"
    )
    assert (a.author, a.published, a.text) == (
        "tj",
        "2012-11-05T07:51:00",
        "This is what I needed today, thank you for it.",
    )
    assert (b.author, b.text) == ("Harriet", "I am starting to figure out what I want.")


def test_a_label_after_other_words_gives_the_name() -> None:
    # "A title written by NAME": the words before a mid-line label are no name
    assert clean_name("Ein Argument geschrieben von Klaus Meyer") == ("Klaus Meyer", True)
    assert clean_name("Re: the budget posted by marta_k") == ("marta_k", True)
    assert clean_name("Nicolas écrit par") == ("Nicolas écrit par", False)


def test_a_date_element_beside_the_name_in_words() -> None:
    # the date has its element (its time more precise than the words printed),
    # the name only the words left on its line
    item = (
        '<li class="comment" id="comment-{n}"><p class="comment-meta">{who} &mdash; '
        '<time datetime="2013-03-0{n}T21:1{n}:00">March {n}, 2013</time></p>'
        '<div class="comment-text"><p>{text}</p></div></li>'
    )
    (a, b) = _comments(
        '<ol class="commentlist">'
        + item.format(n=1, who="Posted by Margarete Ku", text="Thanks for the write-up.")
        + item.format(n=2, who="Olu Ade", text="Same here, it worked.")
        + "</ol>"
    )
    assert (a.author, a.published) == ("Margarete Ku", "2013-03-01T21:11:00")
    assert (b.author, b.published) == ("Olu Ade", "2013-03-02T21:12:00")


def test_a_meta_list_with_the_date_and_the_name_as_items() -> None:
    # Drupal themes: ul > li.first (the date) + li (the commenter's homepage link)
    (c,) = _comments(
        '<div id="comments"><h3>Comments</h3><div class="comment" id="com-39279">'
        '<div class="commeta"><ul><li class="first">November 1, 2012</li><li>'
        '<a href="http://mike.example" rel="nofollow">Mike T</a></li></ul></div>'
        '<div class="comcontent"><p>What a great idea!</p></div></div></div>'
    )
    assert (c.author, c.published, c.published_raw) == ("Mike T", "2012-11-01", "November 1, 2012")
    assert c.text == "What a great idea!"


def test_a_clock_time_beside_the_date_element_stays_in_the_printed_date() -> None:
    (c,) = _comments(
        '<div class="comments"><div class="comment" id="comment_478e74eeb8aa1"><div class="chunk">'
        '<p class="date"><span class="time">09:19pm</span> on <span class="day">16th Jan, 2008'
        '</span></p><p class="author">3. By <a class="username" href="/users/Nanaki">Nanaki</a>'
        '</p></div><div class="text"><p>Looks like my favourite game.</p></div></div></div>'
    )
    assert (c.author, c.published_raw) == ("Nanaki", "09:19pm on 16th Jan, 2008")
