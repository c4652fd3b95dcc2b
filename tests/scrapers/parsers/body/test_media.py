"""Figures, captions and credits leave the body for the article's media (one rule a test)."""

from __future__ import annotations

import lxml.html
import pytest

from scrapers.parsers import parse_page
from scrapers.parsers.body.credits import split_credit
from scrapers.parsers.body.extract import Body, extract_body

PARAS = "".join(
    f"<p>Paragraph {i} is a sentence of the article that is long enough to count as text.</p>"
    for i in range(6)
)


def _body(inner: str) -> Body:
    html = f"<html><body><article><h1>Story</h1>{PARAS[:300]}{inner}{PARAS}</article></body></html>"
    return extract_body(lxml.html.document_fromstring(html))


def _media(body: Body) -> list[tuple]:
    return [(m.url, m.caption, m.credit) for m in body.media]


def test_figure_and_figcaption_leave_the_body_for_media():
    body = _body(
        "<figure><img src='a.jpg' alt='Two men'><figcaption>Presidents Maduro and Putin. "
        "Photo: sputnik</figcaption></figure>"
    )
    assert _media(body) == [("a.jpg", "Presidents Maduro and Putin.", "sputnik")]
    assert body.media[0].alt == "Two men"
    assert "Maduro" not in body.text and "sputnik" not in body.text
    assert "<figure" not in body.html and "<img" not in body.html and "Maduro" not in body.html
    assert "Paragraph 5" in body.text


def test_wordpress_classic_wp_caption():
    body = _body(
        "<div id='attachment_7' class='wp-caption aligncenter' style='width: 610px'>"
        "<a href='big.jpg'><img class='size-large wp-image-7' src='a-600x400.jpg' width='600' "
        "height='400'></a><p class='wp-caption-text'>Havana's Malecon at dusk. Foto: EFE</p></div>"
    )
    assert _media(body) == [("a-600x400.jpg", "Havana's Malecon at dusk.", "EFE")]
    assert "Malecon" not in body.text


def test_wordpress_block_image_with_a_credit_element():
    body = _body(
        "<figure class='wp-block-image size-large'><img src='b.jpg' alt=''>"
        "<figcaption class='wp-element-caption'>Protesters in the square "
        "<span class='photo-credit'>Photo: Jane Roe/Reuters</span></figcaption></figure>"
    )
    assert _media(body) == [("b.jpg", "Protesters in the square", "Jane Roe/Reuters")]
    assert body.media[0].alt is None
    assert "Protesters" not in body.text and "Reuters" not in body.text


def test_credit_element_named_credit_and_cite():
    body = _body(
        "<figure><img src='c.jpg'><figcaption>A flooded street<cite>dpa</cite></figcaption>"
        "</figure><div class='image'><img src='d.jpg'><div class='caption'>The dam</div>"
        "<div class='credit'>© Max Muster</div></div>"
    )
    assert _media(body) == [
        ("c.jpg", "A flooded street", "dpa"),
        ("d.jpg", "The dam", "Max Muster"),
    ]


@pytest.mark.parametrize(
    "line, credit",
    [
        ("Photo: EFE", "EFE"),
        ("Foto: Hans Beispiel", "Hans Beispiel"),
        ("Bild: Keystone", "Keystone"),
        ("© Reuters", "Reuters"),
        ("Photo by Ana Lopez", "Ana Lopez"),
    ],
)
def test_credit_line_after_a_picture(line, credit):
    body = _body(f"<p><img src='e.jpg' width='800'></p><p>{line}</p>")
    assert _media(body) == [("e.jpg", None, credit)]
    assert credit not in body.text


def test_caption_credit_split_styles():
    assert split_credit("A street scene in Hanoi. Photo: AFP") == (
        "A street scene in Hanoi.",
        "AFP",
    )
    assert split_credit("Rettungskräfte am Unfallort | Foto: dpa") == (
        "Rettungskräfte am Unfallort",
        "dpa",
    )
    assert split_credit("Obama speaks (AP Photo/Evan Vucci)") == (
        "Obama speaks",
        "AP Photo/Evan Vucci",
    )
    assert split_credit("The harbour (Photo: Port Authority)") == (
        "The harbour",
        "Port Authority",
    )
    assert split_credit("Photographers wait outside the court") == (
        "Photographers wait outside the court",
        None,
    )


def test_caption_element_after_a_bare_picture():
    body = _body(
        "<p><a href='big.jpg'><img src='f.jpg'></a></p>"
        "<p class='image-caption'>The new bridge over the river.</p>"
    )
    assert _media(body) == [("f.jpg", "The new bridge over the river.", None)]
    assert "bridge" not in body.text and "<a" not in body.html


def test_blogger_caption_table():
    body = _body(
        "<table class='tr-caption-container'><tbody><tr><td><a href='g-big.jpg'>"
        "<img src='g.jpg' width='400'></a></td></tr><tr><td class='tr-caption'>My garden in "
        "May</td></tr></tbody></table>"
    )
    assert _media(body) == [("g.jpg", "My garden in May", None)]
    assert "garden" not in body.text


def test_slideshow_chrome_is_dropped_and_each_slide_keeps_its_caption():
    slides = "".join(
        f"<li class='slide'><img src='s{i}.jpg'><span class='counter'>{i} of 3</span>"
        f"<p class='caption'>Scene number {i} of the fire.</p></li>"
        for i in (1, 2, 3)
    )
    body = _body(
        f"<div class='slideshow'><button>Previous</button><ul>{slides}</ul>"
        "<a href='#next'>Next</a></div>"
    )
    assert _media(body) == [
        (f"s{i}.jpg", f"Scene number {i} of the fire.", None) for i in (1, 2, 3)
    ]
    assert "of 3" not in body.text and "Next" not in body.text and "Scene" not in body.text


def test_slideshow_controls_left_as_text_are_dropped():
    body = _body("<p>1 of 8</p><p>Next</p>")
    assert "1 of 8" not in body.text and "\n\nNext" not in body.text


def test_caption_printed_twice_is_kept_once():
    body = _body(
        "<figure><a href='h.jpg' data-caption='Firefighters at work.'><img src='h.jpg' "
        "alt='Firefighters at work.'></a><figcaption>Firefighters at work."
        "<span class='lightbox-text'>Firefighters at work.</span></figcaption></figure>"
    )
    assert _media(body) == [("h.jpg", "Firefighters at work.", None)]
    assert body.media[0].alt == "Firefighters at work."


def test_pictures_without_caption_are_media_with_their_alt():
    body = _body("<p><img src='i.jpg' alt='A map of the region'></p>")
    assert [(m.url, m.alt, m.caption) for m in body.media] == [
        ("i.jpg", "A map of the region", None)
    ]


def test_icons_pixels_and_avatars_are_not_media():
    body = _body(
        "<p><img src='pixel.gif' width='1' height='1'><img class='wp-smiley' src='s.png'>"
        "<img class='avatar' src='av.jpg'></p>"
    )
    assert body.media == []


def test_bare_pictures_named_as_page_chrome_are_not_media():
    body = _body(
        "<p><img src='/ads/corporate_120x30.gif'><img src='/img/icons/print.png'>"
        "<img src='/theme/logo.svg'><img src='/uploads/2024/05/harbour.jpg'></p>"
    )
    assert [m.url for m in body.media] == ["/uploads/2024/05/harbour.jpg"]


def test_lazy_loaded_picture_gives_its_real_source():
    body = _body(
        "<figure><img src='data:image/gif;base64,R0lGOD' data-src='real.jpg'>"
        "<figcaption>Real one</figcaption></figure>"
    )
    assert _media(body) == [("real.jpg", "Real one", None)]


def test_pictures_in_related_posts_are_not_media():
    body = _body(
        "<div class='related-posts'><figure><a href='/other'><img src='t.jpg'></a>"
        "<figcaption><a href='/other'>Another story you may like</a></figcaption></figure></div>"
    )
    assert body.media == []
    assert "Another story" not in body.text


def test_figures_without_a_picture_that_hold_text_stay():
    body = _body(
        "<figure class='wp-block-table'><table><tr><td>Votes cast in the district</td>"
        "<td>1200</td></tr></table><figcaption>Results</figcaption></figure>"
        "<figure class='wp-block-pullquote'><blockquote><p>We will rebuild the town.</p>"
        "</blockquote></figure>"
    )
    assert body.media == []
    assert "Votes cast" in body.text and "We will rebuild" in body.text


def test_caption_without_its_picture_is_kept_as_media():
    body = _body("<figure class='lazy'><figcaption>The mayor at the opening</figcaption></figure>")
    assert _media(body) == [(None, "The mayor at the opening", None)]
    assert "mayor" not in body.text


def test_media_in_page_order_and_one_entry_per_picture():
    body = _body(
        "<figure><img src='1.jpg'><figcaption>First</figcaption></figure>"
        "<p><img src='2.jpg'></p><figure><img src='1.jpg'><figcaption>Again</figcaption></figure>"
    )
    assert [m.url for m in body.media] == ["1.jpg", "2.jpg"]


def test_a_video_player_is_media():
    page = (
        "<html><body><article><h1>Story</h1>" + PARAS + "<figure class='wp-block-embed'>"
        "<div><iframe src='https://www.youtube.com/embed/xyz'></iframe></div>"
        "<figcaption>The launch, filmed from the pad</figcaption></figure></article></body></html>"
    )
    article = parse_page(page.encode(), "https://news.example/a")
    assert [(m.kind, m.url, m.caption) for m in article.media] == [
        ("video", "https://www.youtube.com/embed/xyz", "The launch, filmed from the pad")
    ]
    assert "launch" not in article.body


def test_article_media_urls_are_absolute_and_numbered():
    page = (
        "<html><head><meta property='og:image' content='/lead.jpg'></head><body><article>"
        "<h1>Story</h1>" + PARAS + "<figure><img src='/img/x.jpg'><figcaption>X. Photo: AP"
        "</figcaption></figure><p><img src='y.jpg'></p></article></body></html>"
    )
    article = parse_page(page.encode(), "https://news.example/2024/a/")
    assert [(m.position, m.url, m.caption, m.credit) for m in article.media] == [
        (0, "https://news.example/img/x.jpg", "X.", "AP"),
        (1, "https://news.example/2024/a/y.jpg", None, None),
    ]
    assert article.image == "https://news.example/lead.jpg"  # the lead image stays


def test_a_photo_essay_keeps_its_captions_as_its_text():
    shots = "".join(
        f"<div class='photo'><img src='p{i}.jpg'><p class='caption'>Shot {i}: the crowd at the "
        f"harbour waits for the boats to come in, hour after hour, in the rain.</p></div>"
        for i in range(6)
    )
    html = f"<html><body><article><h1>Story</h1><p>The day in pictures.</p>{shots}</article></body></html>"
    body = extract_body(lxml.html.document_fromstring(html))
    assert "Shot 5: the crowd" in body.text  # the captions are the article here
    assert [m.url for m in body.media] == [f"p{i}.jpg" for i in range(6)]
    assert body.media[0].caption.startswith("Shot 0: the crowd")


def test_prose_beside_a_picture_is_no_caption():
    prose = " ".join(["A long paragraph of the story, sentence after sentence."] * 9)
    body = _body(f"<div class='image'><img src='q.jpg'><p>{prose}</p></div>")
    assert "A long paragraph of the story" in body.text
    assert body.media[0].url == "q.jpg" and body.media[0].caption is None
