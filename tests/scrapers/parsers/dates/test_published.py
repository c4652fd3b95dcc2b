"""Which date is the publication date (small pages, one rule each)."""

from __future__ import annotations

import lxml.html
import pytest

from scrapers.parsers.dates.published import extract_dates
from scrapers.parsers.document.metadata import collect_metadata


def _published(html: str, title: str | None = None, url: str = "") -> str | None:
    doc = lxml.html.document_fromstring(html)
    (published, _), _ = extract_dates(doc, collect_metadata(doc), url, title=title)
    return published


def test_date_printed_after_the_headline_in_other_markup():
    html = (
        "<html><body><div><h1>Title here</h1></div><div><div><span>"
        "Posted in News</span></div><p>3. Mai 2021</p></div><p>Text.</p></body></html>"
    )
    assert _published(html) == "2021-05-03"


def test_date_near_the_heading_that_is_the_title_not_the_logo():
    html = (
        "<html><body><h1>Logo</h1>" + "<p>menu entry</p>" * 60 + "<h2 class='entry-title'>Story"
        "</h2><span>November 22, 2011</span><p>Body.</p></body></html>"
    )
    assert _published(html, title="Story") == "2011-11-22"


def test_utc_timestamp_gives_way_to_the_local_day_printed():
    html = (
        '<html><head><meta property="article:published_time" content="2022-11-06T23:00:00Z">'
        "</head><body><h1>T</h1><p>07.11.2022</p></body></html>"
    )
    assert _published(html) == "2022-11-07"


def test_utc_timestamp_kept_when_the_printed_date_is_far_off():
    html = (
        '<html><head><meta property="article:published_time" content="2022-11-06T10:00:00Z">'
        "</head><body><h1>T</h1><p>01.01.2020</p></body></html>"
    )
    assert _published(html) == "2022-11-06T10:00:00Z"


def test_generic_document_date_loses_to_the_printed_date():
    html = (
        '<html><head><meta name="date" content="2021-10-15"></head>'
        "<body><h1>T</h1><p>13.10.2021</p><p>Body text.</p></body></html>"
    )
    assert _published(html) == "2021-10-13"


def test_generic_document_date_agreeing_with_the_page_keeps_its_precision():
    html = (
        '<html><head><meta name="date" content="2021-10-13T10:00:00+02:00"></head>'
        "<body><h1>T</h1><p>13.10.2021</p></body></html>"
    )
    assert _published(html) == "2021-10-13T10:00:00+02:00"


def test_generic_document_date_is_still_a_fallback():
    html = '<html><head><meta name="date" content="2021-10-15"></head><body><p>x</p></body></html>'
    assert _published(html) == "2021-10-15"


def test_teaser_dates_lose_to_the_date_beside_the_headline():
    teaser = '<li><span class="teaser-date">01.07.2020</span><a href="/x">Other</a></li>'
    html = (
        f"<html><body><ul>{teaser * 3}</ul><h1>Story</h1>"
        '<span class="post-date">18.03.2020</span><p>Body.</p></body></html>'
    )
    assert _published(html, title="Story") == "2020-03-18"


def test_two_digit_year_standing_alone_by_the_headline():
    html = "<html><body><h1>Story</h1><div>Von: Jo Doe <span>|</span> <span>31.10.23</span></div>"
    assert _published(html + "<p>Body 1.5.24 text.</p></body></html>") == "2023-10-31"


def test_two_digit_year_inside_running_text_is_not_a_date():
    html = "<html><body><h1>Story</h1><p>Version 1.10.23 is out.</p></body></html>"
    assert _published(html) is None


def test_dateline_opening_the_first_paragraph():
    html = (
        "<html><body><h1>Story</h1><p>Von Claudia Lindner</p><p>27.1.2022 - Bei der "
        "Erinnerung an die Verfolgten des NS-Regimes in Deutschland wurde lange nicht "
        "an alle gedacht, sagt die Initiative.</p></body></html>"
    )
    assert _published(html) == "2022-01-27"


def test_historic_date_in_a_sentence_is_not_a_dateline():
    html = (
        "<html><body><h1>Story</h1><p>On 12 March 2020 the government closed the schools "
        "and most shops of the country for many weeks, the report says today.</p></body></html>"
    )
    assert _published(html) is None


def test_date_in_the_canonical_url_when_the_page_url_has_none():
    html = (
        '<html><head><link rel="canonical" href="https://x.example/2016/05/22/story/">'
        "</head><body><h1>Story</h1><p>Body.</p></body></html>"
    )
    assert _published(html, url="") == "2016-05-22"


def test_timestamp_of_the_evening_before_gives_way_to_the_printed_day():
    html = (
        '<html><head><meta property="article:published_time" content="2019-12-09T19:00:49+01:00">'
        "</head><body><h1>T</h1><p>10.12.2019</p></body></html>"
    )
    assert _published(html) == "2019-12-10"


def test_date_by_a_title_set_as_a_subheading():
    html = (
        "<html><body><h1>My Blog</h1>" + "<p>menu entry</p>" * 60 + "<h2><a href='/p'>Story</a>"
        "</h2><div>by Jo &middot; November 22, 2011 &middot;</div><p>Body.</p></body></html>"
    )
    assert _published(html, title="Story") == "2011-11-22"


_DISAGREEING = (
    '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
    '"datePublished": "2023-11-03T10:25:56+00:00"%s}</script>'
    '<meta property="article:published_time" content="2023-11-06T14:25:00+00:00">'
    "</head><body><h1>T</h1><p>6. November 2023</p><p>Text.</p></body></html>"
)


def test_disagreeing_metadata_settled_by_the_printed_date():
    assert _published(_DISAGREEING % "") == "2023-11-06T14:25:00+00:00"


def test_disagreeing_metadata_without_a_printed_date_keeps_the_first():
    html = (_DISAGREEING % "").replace("<p>6. November 2023</p>", "")
    assert _published(html) == "2023-11-03T10:25:56+00:00"


def test_printed_update_does_not_settle_disagreeing_metadata():
    html = (
        (_DISAGREEING % "")
        .replace('content="2023-11-06T14:25:00+00:00"', 'content="2023-11-06"')
        .replace("</head>", '<meta property="article:modified_time" content="2023-11-06"></head>')
    )
    assert _published(html) == "2023-11-03T10:25:56+00:00"


def test_date_just_above_the_headline_beats_teaser_dates_far_below():
    teasers = "".join(f"<li><p>item {n}</p><p>more</p></li>" for n in range(8))
    html = (
        "<html><body><div class='intro'><p>21. Jan 2022 // Dominik Ricker</p></div>"
        f"<h1>T</h1><p>Body text.</p><ul>{teasers}<li><p>06. Aug 2020 // Tipps</p></li></ul>"
        "</body></html>"
    )
    assert _published(html) == "2022-01-21"


def test_date_right_below_the_headline_beats_one_further_above():
    html = (
        "<html><body><p>01.01.2020</p>" + "<p>menu</p>" * 5 + "<h1>T</h1><p>3. Mai 2021</p>"
        "<p>Text.</p></body></html>"
    )
    assert _published(html) == "2021-05-03"


@pytest.mark.parametrize(
    ("stated", "printed", "published"),
    [
        # UTC conversion west of Greenwich: 22:08 in St Lucia is 02:08Z the day after
        ("2022-04-29T02:08:28+00:00", "28.04.2022", "2022-04-28"),
        # UTC conversion east of it, and scheduling the evening before
        ("2018-12-31T23:11:59+00:00", "01.01.2019", "2019-01-01"),
        ("2019-12-09T19:00:49+01:00", "10.12.2019", "2019-12-10"),
        # a day before an afternoon time is no conversion: another date
        ("2022-04-29T15:00:00+00:00", "28.04.2022", "2022-04-29T15:00:00+00:00"),
        # a day after a morning time neither
        ("2022-04-29T09:00:00+02:00", "30.04.2022", "2022-04-29T09:00:00+02:00"),
        # a stated midnight is the date it names (a list of issues prints the next one)
        ("2019-02-08T00:00:00+01:00", "09.02.2019", "2019-02-08T00:00:00+01:00"),
        ("2019-02-08T00:00:00Z", "07.02.2019", "2019-02-08T00:00:00Z"),
    ],
)
def test_a_timestamp_gives_way_to_a_printed_day_only_in_the_direction_its_time_allows(
    stated, printed, published
):
    html = (
        f'<html><head><meta property="article:published_time" content="{stated}">'
        f"</head><body><h1>T</h1><p>{printed}</p><p>Body text.</p></body></html>"
    )
    assert _published(html) == published


@pytest.mark.parametrize(
    ("value", "published"),
    [
        ('"2022-05-11T4:10:00"', "2022-05-11T04:10:00"),  # a one-digit hour
        ('"2022/05/11 04:10"', "2022-05-11T04:10:00"),
        ('"20220511T100000Z"', "2022-05-11T10:00:00Z"),
        ("1652256000", "2022-05-11T08:00:00Z"),  # a Unix time: an instant, in UTC
    ],
)
def test_json_ld_times_in_other_forms(value, published):
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle",'
        f' "datePublished": {value}}}</script></head><body><h1>T</h1><p>x</p></body></html>'
    )
    assert _published(html) == published


def test_date_printed_in_cjk_form_by_the_headline():
    html = "<html><body><h1>大厅开放</h1><p>发布时间：2022年05月11日 10:00</p><p>正文。</p></body></html>"
    assert _published(html) == "2022-05-11T10:00:00"


@pytest.mark.parametrize(
    "line",
    [
        "Berlin, 01.02.2022 – Die Stadt hat heute die neue Halle eröffnet, und viele Menschen kamen.",
        "Karlsruhe, 1. Februar 2022. Die Stadt hat heute die neue Halle eröffnet, und viele kamen.",
        "Frankfurt am Main, 01.02.2022 (epd) - Die Stadt hat heute die neue Halle eröffnet.",
    ],
)
def test_a_place_and_a_date_opening_the_text_when_metadata_states_none(line):
    html = f"<html><body><h1>Neue Halle</h1><p>{line}</p><p>Mehr Text.</p></body></html>"
    assert _published(html) == "2022-02-01"


def test_time_marked_as_the_last_change_is_not_the_publication():
    html = (
        "<html><body><article><h1>Hall opens</h1><p>Updated <time class='updated' "
        "datetime='2022-03-05T10:00:00+01:00'>March 5, 2022</time></p><p>Published <time "
        "datetime='2022-02-01T10:00:00+01:00'>February 1, 2022</time></p><p>Text.</p></article>"
        "</body></html>"
    )
    assert _published(html) == "2022-02-01T10:00:00+01:00"


def test_time_marked_updated_alone_dates_the_page_as_a_last_resort():
    # hAtom-era themes mark the post's only date "updated"
    html = (
        "<html><body><article><h1>Hall opens</h1><abbr class='updated' "
        "title='2008-07-29T10:00:00+02:00'>July 29, 2008</abbr><p>Text.</p></article></body></html>"
    )
    assert _published(html) == "2008-07-29T10:00:00+02:00"


@pytest.mark.parametrize(
    ("line", "published"),
    [
        (
            "Madrid, 1 de febrero de 2022 (EFE).- La ciudad abrió la nueva sala este martes,"
            " y mucha gente acudió a la inauguración.",
            "2022-02-01",
        ),
        (
            "Von Anna Berg und Peter Müller, veröffentlicht am 01.02.2022 um 10:00 Uhr in der"
            " Rubrik Lokales und Kultur",
            "2022-02-01T10:00:00",
        ),
    ],
)
def test_dates_in_long_lines_under_the_headline(line, published):
    html = f"<html><body><h1>Neue Halle</h1><p>{line}</p><p>Mehr Text.</p></body></html>"
    assert _published(html) == published


def test_a_date_in_a_long_sentence_that_only_mentions_one_is_no_dateline():
    line = (
        "Die Halle von 1998 wird am 01.02.2022 abgerissen, sagte der Bürgermeister am Montag"
        " vor dem Rat der Stadt, der lange über den Neubau gestritten hatte."
    )
    html = f"<html><body><h1>Neue Halle</h1><p>{line}</p><p>Mehr Text.</p></body></html>"
    assert _published(html) is None
