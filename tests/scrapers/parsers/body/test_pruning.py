"""Pruning inside the container: what goes and what stays (small hand-written pages)."""

from __future__ import annotations

import lxml.html

from scrapers.parsers.body.extract import extract_body

PARA = "<p>{} is a sentence of the article that is long enough to count as text.</p>"


def _body(html: str, title: str | None = None) -> str:
    return extract_body(lxml.html.document_fromstring(html), title=title).text


def test_a_byline_span_left_open_around_the_post_keeps_the_post():
    # Blogger's "Google blog" template: span.byline-author opened for the byline and
    # never closed, so each run of the post's text sits in one.
    chunk = (
        "<span class='byline-author'><span>{} When a story breaks, the service is designed to "
        "give you the most relevant articles from a variety of sources, from national outlets "
        "to local points of view and expert opinion pieces.</span><br><br>"
    )
    post = (
        "<span class='byline-author'>Posted by Scott, Product Manager</span><br>"
        + "".join(chunk.format(f"Part {i}.") for i in range(4))
        + "</span></span></span></span>"
    )
    html = (
        "<html><body><div class='post'><h3 class='post-title'>Updates</h3>"
        f"<div class='post-body'>{post}</div></div></body></html>"
    )
    text = _body(html, title="Updates")
    assert "Part 3. When a story breaks" in text and "Posted by Scott" not in text


def test_an_author_card_named_byline_goes_however_long():
    article = "".join(PARA.format(f"Story {i}") for i in range(6))
    card = (
        "<div id='bylineExpanded'><a href='/u/joel'>Joel Feder</a><div id='author-text'>Joel "
        "oversees the social media channels and video, and reports the latest automotive news "
        "from the Midwest.</div><div id='latest-article'><a href='/n/1'>Latest article</a> We "
        "have mentioned before how the car offers a lot of technology for little money.</div>"
        "</div>"
    )
    html = f"<html><body><div class='entry-content'>{card}{article}</div></body></html>"
    text = _body(html)
    assert "Story 5" in text and "Joel" not in text


def test_an_agency_rights_notice_closing_the_text_is_trimmed():
    article = "".join(PARA.format(f"Story {i}") for i in range(4))
    for notice in (
        "Copyright 2008 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed.",
        "Copyright (c) Press Association Ltd. 2008, All Rights Reserved.",
        "© 2022 dpa. Alle Rechte vorbehalten.",
    ):
        html = f"<html><body><div id='storybody'>{article}<p>{notice}</p></div></body></html>"
        text = _body(html)
        assert text.endswith("long enough to count as text."), notice


def test_prose_that_speaks_of_copyright_stays():
    article = "".join(PARA.format(f"Story {i}") for i in range(4))
    closing = (
        "<p>Copyright lawyers said the ruling would change how publishers license archives, "
        "and several of them expect an appeal before the end of the year.</p>"
    )
    html = f"<html><body><div id='storybody'>{article}{closing}</div></body></html>"
    assert _body(html).endswith("before the end of the year.")


def test_a_filing_line_goes_under_a_short_post_however_long():
    post = "<p>Courtesy of a robot builder, a drummer robot plays a few minutes of Iron Man.</p>"
    filing = (
        "<p class='postmetadata alt'><small>This entry was posted on Saturday, August 25th, "
        "2012 at 12:23 am and is filed under Neat Stuff, Robot Art, Robot Overlords, Robot Rock, "
        "Videos and Things. You can follow any "
        "responses to this entry through the RSS 2.0 feed. You can leave a response, or "
        "trackback from your own site.</small></p>"
    )
    html = f"<html><body><div class='entrytext'>{post}{filing}</div></body></html>"
    text = _body(html)
    assert "drummer robot" in text and "filed under" not in text


def test_author_boxes_by_their_theme_names_are_dropped():
    article = "".join(PARA.format(f"Story {i}") for i in range(5))
    for name in ("author_info", "authorinfo", "author-profile", "about_author"):
        box = (
            f"<div class='{name}'><p>Hi, I am Jeremy and this is my blog; most of the posts "
            "here are mine, some are by guest writers.</p></div>"
        )
        html = f"<html><body><div class='entry-content'>{article}{box}</div></body></html>"
        text = _body(html)
        assert "Story 4" in text and "guest writers" not in text, name


def test_a_blog_engine_footer_inside_the_text_cell_is_dropped():
    # (Movable Type: the entry, its "posted" line, a disclaimer and "Powered by" in one cell)
    article = "".join(PARA.format(f"Story {i}") for i in range(4))
    html = (
        f"<html><body><table><tr><td class='contentcell'><div class='indivbody'>{article}"
        "<p class='posted'>Posted on November 13, 2012 at 6:15 AM. <i>To receive these "
        "entries once a month by e-mail, sign up for the newsletter.</i></p></div>"
        "<p class='disclaim'>This is a personal website. Opinions expressed are not "
        "necessarily those of my employer.</p><div id='powered'>Powered by Movable Type. "
        "Photo at top by a friend of the site.</div></td></tr></table></body></html>"
    )
    text = _body(html)
    assert text.endswith("long enough to count as text.")


def test_a_promo_after_an_end_marker_goes_however_long():
    # HuffPost: "Also on HuffPost:" over a slideshow of other stories, ten times the article
    article = "".join(PARA.format(f"Story {i}") for i in range(4))
    slides = "".join(
        f"<li><h4>Slide {i}</h4><p>Slide {i} tells another story of the site at length, with "
        "sentences enough to outweigh the article it is set under.</p></li>"
        for i in range(20)
    )
    html = (
        f"<html><body><div class='articleBody'>{article}<p>Also on HuffPost:</p>"
        f"<div class='promo_holder'><ul class='hp-slideshow'>{slides}</ul></div></div>"
        "</body></html>"
    )
    text = _body(html)
    assert "Story 3" in text and "Slide" not in text and "Also on" not in text


def test_a_paragraph_opening_with_also_on_is_no_end_marker():
    article = "".join(PARA.format(f"Story {i}") for i in range(4))
    html = (
        f"<html><body><div class='articleBody'>{article}<p>Also on Monday, he resigned.</p>"
        f"{PARA.format('Closing story')}</div></body></html>"
    )
    assert "Closing story" in _body(html)


def test_a_block_hidden_by_a_framework_class_is_dropped():
    # (Bootstrap's "hide": a video transcript in a closed drawer)
    article = "".join(PARA.format(f"Story {i}") for i in range(5))
    transcript = (
        "<div id='video-transcript' class='drawer-content hide'><p>reporter: what she did "
        "captured the nation's imagination and made her a household name.</p></div>"
    )
    html = f"<html><body><div class='entry-content'>{article}{transcript}</div></body></html>"
    text = _body(html)
    assert "Story 4" in text and "household name" not in text


def test_post_info_lines_by_their_theme_names_are_dropped():
    article = "".join(PARA.format(f"Story {i}") for i in range(5))
    for name in ("postmeta", "post-info", "post_details", "entry-info"):
        meta = f"<p class='{name}'>Posted in: Sidelines | Tags: NFL AM, Falcons | comments</p>"
        html = f"<html><body><div class='entry'>{article}{meta}</div></body></html>"
        text = _body(html)
        assert "Story 4" in text and "Sidelines" not in text, name


CJK_LINES = [
    "東京都は十日、新しい防災計画を発表した。",
    "計画では、地震や台風への備えを強化する。",
    "知事は記者会見で「都民の命を守る」と述べた。",
    "来年度から段階的に実施される予定だ。",
    "一方で、費用の負担を懸念する声もある。",
    "（共同）",
]


def test_cjk_lines_split_by_line_breaks_keep_their_closing_sentences():
    # (a CJK sentence is short, and ends with 。, 」 or ）, not with a Latin full stop)
    for sep in ("<br><br>", "<br>"):
        html = (
            "<html><body><div class='article'><h1>防災計画</h1>"
            f"<div class='text'>{sep.join(CJK_LINES)}</div></div></body></html>"
        )
        text = _body(html, title="防災計画")
        assert all(line in text for line in CJK_LINES), sep


def test_chinese_paragraphs_ending_in_full_width_marks_are_kept():
    paras = [
        "市政府昨日公布新的交通计划，将在明年全面实施地铁和公交的新线路，并增加夜间班次。",
        "计划公布后，不少市民表示欢迎，认为出行将更加方便，但也有人担心票价会随之上涨。",
        "交通局表示，新线路的票价将保持不变，并会在下月举行听证会！",
        "市民对此有何看法？",
    ]
    html = (
        "<html><body><div class='content'><h1>交通计划</h1>"
        + "".join(f"<p>{p}</p>" for p in paras)
        + "</div></body></html>"
    )
    text = _body(html, title="交通计划")
    assert all(p in text for p in paras)


def test_closing_paragraphs_after_a_share_bar_in_the_text_stay():
    article = "".join(PARA.format(f"Story {i}") for i in range(8))
    closing = "".join(PARA.format(f"Closing {i}") for i in range(2))
    bar = (
        "<h4>Share this</h4><ul class='buttons'><li><a href='/fb'>Facebook</a></li>"
        "<li><a href='/tw'>Twitter</a></li></ul>"
    )
    html = f"<html><body><div class='entry-content'>{article}{bar}{closing}</div></body></html>"
    text = _body(html)
    assert "Closing 1" in text and "Share this" not in text and "Twitter" not in text


def test_a_related_heading_still_ends_the_article():
    article = "".join(PARA.format(f"Story {i}") for i in range(8))
    related = "<h4>Related posts</h4>" + PARA.format("Another post")
    html = f"<html><body><div class='entry-content'>{article}{related}</div></body></html>"
    assert "Another post" not in _body(html)
