"""Container choice: which block of the page is the article (small hand-written pages).

The classes come from the failure map of issue #17: short posts that lose to a
sidebar widget, a profile box or a header quote, and posts written without
``<p>`` elements.
"""

from __future__ import annotations

import lxml.html

from scrapers.parsers import parse_page
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


def _short_post_page(post_attrs: str, aside: str, before: bool = False) -> str:
    post = (
        f"<div {post_attrs}><h2>Creative food sculptures</h2>"
        "<div class='content'><p>Repurposed vegetables made into sculptures, via fubiz.</p>"
        "</div></div>"
    )
    post = f"<div id='entries'>{post}</div>"  # (the post's column)
    parts = (aside, post) if before else (post, aside)
    return f"<html><body><div id='page'>{parts[0]}{parts[1]}</div></body></html>"


PROFILE = (
    "<div class='about'><div class='profile-block'><a href='/me'>Denny (@Denny)</a>"
    "<p>I live. I learn. I teach. And 140 characters on Twitter is limiting. Here I share "
    "and celebrate my creativity and the creativity of others.</p></div></div>"
)
WIDGET = (
    "<div id='sidebar'><ul><li id='text-2' class='widget widget_text'><div class='textwidget'>"
    "<p>I'm a computer scientist interested in why some people lead remarkable lives and "
    "others do not. I write about study habits, careers and the deep work they take.</p>"
    "<p>My new book is out: learn more or pre-order it from your favourite bookshop.</p>"
    "<p>Subscribe to the blog and get every new post about deliberate practice by mail.</p>"
    "</div></li></ul></div>"
)


def test_a_profile_box_over_the_headline_does_not_beat_a_short_post():
    html = _short_post_page("class='entry text' id='postunit_145'", PROFILE, before=True)
    text = _body(html, title="Creative food sculptures")
    assert "Repurposed vegetables" in text and "I teach" not in text


def test_a_sidebar_text_widget_does_not_beat_a_short_post():
    html = _short_post_page("class='post' id='post-2567'", WIDGET)
    text = _body(html, title="Creative food sculptures")
    assert "Repurposed vegetables" in text and "computer scientist" not in text


def test_a_short_post_is_found_without_a_headline_by_its_hatom_markup():
    # (the page's title names the blog, not the post: the one hentry is the post)
    html = _short_post_page("class='post hentry'", WIDGET)
    text = _body(html, title="The blog of a computer scientist")
    assert "Repurposed vegetables" in text and "computer scientist" not in text


def test_a_post_block_that_holds_only_its_header_does_not_confine_the_text():
    # (a theme that closes div.post after the byline and sets the text in a sibling)
    article = "".join(PARA.format(f"Story {i}") for i in range(5))
    html = (
        "<html><body><div id='blog'><div class='post'><h1>Global play announced</h1>"
        "<p class='postmetadata'>By Conner Flynn on Monday, in Gaming and other news</p></div>"
        f"<div class='entry'>{article}</div></div></body></html>"
    )
    assert "Story 4" in _body(html, title="Global play announced")


def test_a_post_in_a_pop_up_layer_does_not_anchor_the_body():
    article = "".join(PARA.format(f"Story {i}") for i in range(5))
    html = (
        f"<html><body><div class='main'><h1>Welcome</h1>{article}</div>"
        "<div class='leads-lightbox'><article><h3>Get the free guide</h3>"
        "<p>Enter your address to get the free guide to a better business.</p></article></div>"
        "</body></html>"
    )
    text = _body(html, title="Get the free guide")
    assert "Story 4" in text


def test_a_teaser_of_the_post_does_not_take_the_body_from_the_post_itself():
    # (a "hero" block repeats the headline and an excerpt above the full post)
    article = "".join(PARA.format(f"Story {i}") for i in range(5))
    html = (
        "<html><body><div class='hero'><div class='post' id='post-9'>"
        "<h1 class='entry-title'>Homesick</h1><p>An excerpt of the review that runs on.</p>"
        f"</div></div><main><article class='post' id='post-9b'><div class='entry-content'>"
        f"{article}</div></article></main></body></html>"
    )
    assert "Story 4" in _body(html, title="Homesick")


def test_story_and_post_bodies_named_without_hyphens_are_content_containers():
    # (2008 news CMSs: div.StoryBody, span.storytext, div.postbody; a promo row beside it)
    article = "".join(PARA.format(f"Story {i}") for i in range(6))
    promo = "".join(
        f"<div><a href='/p{i}' class='Headline'>Offer {i}</a></div><span class='teaser'>"
        f"Promotion number {i} from our partners and sponsors: compare the rates of the day "
        "and find the mortgage that suits your family best.</span>"
        for i in range(3)
    )
    for name in ("StoryBody", "storytext", "postbody", "entrytext"):
        html = (
            f"<html><body><table><tr><td><div class='{name}'>{article}</div></td></tr>"
            f"<tr><td><div class='links-we-like'>{promo}</div></td></tr></table></body></html>"
        )
        text = _body(html)
        assert "Story 5" in text and "Promotion number" not in text, name


def test_a_post_too_short_for_a_paragraph_beats_a_footer_text_widget():
    # (Blogger: two pictures, a two-line invitation and an address in label divs)
    post = (
        "<div class='post hentry'><h3 class='post-title entry-title'>Little gifts</h3>"
        "<div class='post-body entry-content'><div class='separator'><img src='a.jpg'></div>"
        "Dear all,<br><br>I would love to invite you to <a href='/e'>the book event</a> "
        "this Saturday.<br><div class='field-label'>The Reading Bug</div>"
        "<div class='field-label'>San Carlos</div></div>"
        "<div class='post-footer'>Posted by Alina at 9:22 AM</div></div>"
    )
    footer = (
        "<div id='footer' class='footer section'><div class='widget Text' id='Text1'>"
        "<div class='widget-content'>Artworks copyright by Alina Chau. All artworks on this "
        "blog may not be reproduced without the artist's written permission.</div></div></div>"
    )
    html = f"<html><body><div id='main'>{post}</div>{footer}</body></html>"
    text = _body(html, title="Little gifts")
    assert "invite you to the book event" in text and "Artworks" not in text


def test_a_post_of_a_picture_alone_is_an_article_with_its_picture():
    html = (
        "<html><head><title>Next up: pumpkin pie</title></head><body>"
        "<div class='blog-posts hfeed'><div class='post hentry'>"
        "<h3 class='post-title entry-title'><a href='/pie.html'>Next up: pumpkin pie</a></h3>"
        "<div class='post-body entry-content'><div class='separator'>"
        "<a href='/pie.jpg'><img src='http://example.org/pie.jpg'></a></div></div>"
        "<div class='post-footer'>Posted by Chef John at 12:00 AM</div></div></div>"
        "</body></html>"
    )
    article = parse_page(html.encode(), "http://example.org/pie.html")
    assert article.is_article and article.body == ""
    assert [m.url for m in article.media] == ["http://example.org/pie.jpg"]


def test_a_page_without_text_or_a_post_block_is_no_article():
    html = (
        "<html><head><title>Gallery</title></head><body><h1>Gallery</h1>"
        "<div class='pictures'><img src='http://example.org/a.jpg'></div></body></html>"
    )
    assert not parse_page(html.encode(), "http://example.org/gallery").is_article


def test_a_form_around_the_page_is_no_region_when_it_holds_the_content_container():
    # ASP.NET sets the page in form#aspnetForm; a poll and a promo stand beside the story.
    article = "".join(PARA.format(f"Story {i}") for i in range(4))
    promo = "".join(PARA.format(f"Promotion {i}") for i in range(3))
    menu = "".join(
        f"<li><a href='/s{i}'>Section of the site number {i}</a></li>" for i in range(40)
    )
    html = (
        f"<html><body><ul class='topics'>{menu}</ul>"
        "<table><tr><td><form id='aspnetForm' method='post'>"
        f"<div id='ctl00_ContentArea_cbArticleBody' class='text'>{article}</div></form></td>"
        f"<td><div id='ctl00_WildCard2'>{promo}</div></td></tr></table></body></html>"
    )
    text = _body(html)
    assert "Story 3" in text and "Promotion" not in text


def test_the_only_post_block_around_a_content_block_anchors_a_short_post():
    # (classic Blogger: div.post > div.post-body; the page's title is the date header)
    html = _short_post_page("class='post'", WIDGET).replace(
        "<div class='content'>", "<div class='post-body'>"
    )
    text = _body(html, title="Sunday, November 04, 2012")
    assert "Repurposed vegetables" in text and "computer scientist" not in text


def test_the_headline_block_beats_a_longer_river_of_posts_in_another_column():
    article = "".join(PARA.format(f"Story {i}") for i in range(5))
    river = "".join(
        f"<li><h3><a href='/b{i}'>Blog post {i}</a></h3><p>Teaser {i} of another post "
        "on the site, with a sentence long enough to count as text.</p></li>"
        for i in range(7)
    )
    menu = "".join(f"<li><a href='/t{i}'>Team page number {i}</a></li>" for i in range(150))
    html = (
        f"<html><body><div id='content'><ul class='teams'>{menu}</ul>"
        "<div id='main'><div class='box'><div class='item'>"
        f"<div class='item-content'><h1>Falcons lose</h1><div class='left'>{article}</div>"
        "</div></div></div></div><div id='sub'><div class='box'><div class='inner'>"
        f"<ul class='posts'>{river}</ul></div></div></div></div></body></html>"
    )
    text = _body(html, title="Falcons lose")
    assert "Story 4" in text and "Teaser" not in text


def test_a_list_of_recent_posts_inside_the_post_block_is_never_the_text():
    # (a theme that sets "recent posts" inside div#post-N, under the text, with excerpts)
    article = "".join(PARA.format(f"Story {i}") for i in range(3))
    recent = "".join(
        f"<li><h3><a href='/r{i}'>Recent post {i}</a></h3><div class='excerpt'>Excerpt {i} "
        "of another post on the site, long enough to be read as a paragraph of text by "
        "anyone who scores blocks by their prose.</div></li>"
        for i in range(8)
    )
    html = (
        "<html><body><div id='content'><div id='post-9' class='post hentry'>"
        f"<h1>Worst jobs</h1><div class='entry'>{article}</div>"
        f"<div class='recent_posts'><ul>{recent}</ul></div></div></div></body></html>"
    )
    text = _body(html, title="Worst jobs")
    assert "Story 2" in text and "Excerpt" not in text


def test_text_in_lightbox_layers_is_no_article_text():
    # (a trailer widget: each trailer's description in a div.lightbox the page opens on click)
    article = "".join(PARA.format(f"Story {i}") for i in range(4))
    boxes = "".join(
        f"<div id='video-lightbox-{i}' class='lightbox'><div class='text'><p>Trailer {i} "
        "of a film the site promotes, with a description long enough to count as text, "
        "and another sentence about its stars and its release date.</p></div></div>"
        for i in range(4)
    )
    html = (
        f"<html><body><div class='page'><div class='main'><h1>Cast interview</h1>{article}"
        f"</div><div class='trailer-widget'>{boxes}</div></div></body></html>"
    )
    text = _body(html, title="Cast interview")
    assert "Story 3" in text and "Trailer" not in text
