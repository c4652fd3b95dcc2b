"""Which printed date is the article's: labels, position, hidden text, fallbacks."""

from __future__ import annotations

import lxml.html

from scrapers.parsers.dates.published import extract_dates, url_date
from scrapers.parsers.document.metadata import collect_metadata


def _published(html: str, title: str | None = None, url: str = "") -> str | None:
    doc = lxml.html.document_fromstring(html)
    (published, _), _ = extract_dates(doc, collect_metadata(doc), url, title=title)
    return published


def test_two_digit_year_after_a_month_name_in_a_dateline():
    html = (
        "<html><body><h1>Orso</h1><p>( Pescasseroli, 14 Gennaio 20 )</p>"
        "<p>Sono almeno 9 le femmine.</p></body></html>"
    )
    assert _published(html) == "2020-01-14"


def test_two_digit_year_after_a_month_name_inside_a_sentence_is_not_a_date():
    html = "<html><body><h1>T</h1><p>Am 14 Januar 20 Leute kamen.</p></body></html>"
    assert _published(html) is None


def test_registration_date_and_forum_clock_are_not_the_posting_date():
    html = (
        "<html><body><p class='datetime'>Aktuelle Zeit: 14.10.2020, 12:18</p>"
        "<h2>Was ist Freie Software</h2><dl><dd><strong>Registriert:</strong> 18.09.2008, "
        "05:56</dd></dl><p class='author'><span>Beitrag</span> von r23 » 21.01.2009, 05:42</p>"
        "<div>Text.</div></body></html>"
    )
    assert _published(html, title="Was ist Freie Software") == "2009-01-21T05:42:00"


def test_date_in_a_sentence_is_not_a_dateline():
    html = (
        "<html><body><h1>Stammtisch</h1><p>Der nächste Stammtisch findet am Mi. 5. Februar "
        "2020 ab 19 Uhr im</p><p>Cafe statt.</p></body></html>"
    )
    assert _published(html) is None


def test_byline_with_a_date_is_still_a_dateline():
    html = "<html><body><h1>T</h1><p>Von Georg Kasch, 31. Oktober 2023</p></body></html>"
    assert _published(html) == "2023-10-31"


def test_date_in_the_headline_is_its_subject_not_its_publication():
    html = (
        "<html><body><h1>Protokoll der Sitzung vom 10. Oktober 2019</h1><p>Text.</p>"
        "<p>26.12.2019</p></body></html>"
    )
    assert _published(html) == "2019-12-26"


def test_date_marked_far_above_loses_to_the_plain_date_under_the_headline():
    html = (
        "<html><body><span class='mod_datetime'><time datetime='2023-11-01T13:56:20+01:00'>"
        "Mittwoch, 01. November 2023</time></span>" + "<p>menu</p>" * 20 + "<h1>Im Schlepptau</h1>"
        "<p>31. Oktober 2023.</p><p>Text.</p></body></html>"
    )
    assert _published(html) == "2023-10-31"


def test_headline_found_when_the_title_has_another_dash():
    html = (
        "<html><body><span class='date'>01.11.2023</span>" + "<p>menu</p>" * 20 + "<h2>Queer "
        "Royal - Über Dragqueens</h2><p>31.10.2023</p><p>Text.</p></body></html>"
    )
    assert _published(html, title="Queer Royal – Über Dragqueens") == "2023-10-31"


def test_element_marked_as_the_last_change_is_not_the_printed_date():
    html = (
        "<html><body><h1>T</h1><time itemprop='dateModified'>2018-08-29 14:15:57</time>"
        "<time itemprop='datePublished' datetime='2018-06-22 10:20:00'>22.06.2018</time>"
        "</body></html>"
    )
    assert _published(html) == "2018-06-22T10:20:00"


def test_hidden_schema_dates_are_not_printed_dates():
    html = (
        '<html><head><meta name="date" content="2021-10-28T13:21:30+01:00"></head><body>'
        "<div style='display:none'><div><time>2021-10-27T20:35:36+01:00</time></div></div>"
        "<h1>T</h1><p>Berlin, 28.10.2021</p><p>Text.</p></body></html>"
    )
    assert _published(html) == "2021-10-28T13:21:30+01:00"


def test_a_class_named_hide_on_a_whole_header_does_not_hide_its_date():
    html = (
        "<html><body><h1>T</h1><div class='header hide'><div><p>By Staff</p><time>November 8,"
        " 2023 at 11:30 p.m.</time></div></div><p>Text.</p></body></html>"
    )
    assert _published(html) == "2023-11-08T23:30:00"


def test_posting_sentence_anywhere_when_nothing_else_dates_the_page():
    html = (
        "<html><body><div id='sidebar'><p><a href='/p'>Story</a> wurde am <nobr>19. Mai 2010"
        "</nobr> um <nobr>23:03</nobr> Uhr gepostet.</p></div>" + "<p>x</p>" * 50 + "<h1>Story"
        "</h1><p>Text.</p></body></html>"
    )
    assert _published(html) == "2010-05-19T23:03:00"


def test_wiki_last_change_when_nothing_else_dates_the_page():
    html = (
        "<html><body><h1>Stammtisch</h1><p>Text.</p><ul><li id='footer-info-lastmod'>Diese "
        "Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</li></ul></body></html>"
    )
    assert _published(html) == "2020-01-29T13:22:00"


def test_full_date_in_the_copyright_line_as_last_resort():
    html = (
        "<html><body><h1>T</h1><p>Text.</p><p>Copyright © 19.12.2019 - 12:14 h by X GmbH</p>"
        "</body></html>"
    )
    assert _published(html) == "2019-12-19T12:14:00"


def test_copyright_year_alone_is_no_date():
    html = "<html><body><h1>T</h1><p>Text.</p><p>© 2019 X GmbH</p></body></html>"
    assert _published(html) is None


def test_day_first_date_as_a_path_segment_of_the_url():
    assert url_date("https://x.example/meldungen/29-10-2021") == "2021-10-29"
    assert url_date("https://x.example/2019/04/24/slug") == "2019-04-24"
    assert url_date("https://x.example/item/12-34-2021") is None


def test_dateline_in_parentheses_opening_the_first_paragraph():
    html = (
        "<html><body><h1>T</h1><h5>Von Leonora Holling</h5><p>(21. November 2022) "
        "Energieverbraucher erhalten eine Preiserhöhung nach der nächsten, Grundversorger "
        "lehnen neue Kunden ab.</p></body></html>"
    )
    assert _published(html) == "2022-11-21"


def test_event_dates_and_deadlines_are_not_the_publication():
    for line in (
        "Termin: 21.02.2020, 19 Uhr",
        "Ab 1. März 2024 die neue Chefin",
        "Beginn: 3.5.2021",
    ):
        html = f"<html><body><h1>T</h1><p>{line}</p><p>Text.</p></body></html>"
        assert _published(html) is None, line


def test_picture_credits_and_captions_do_not_date_the_article():
    html = (
        "<html><body><h1>T</h1><figure><img src='a.jpg'><figcaption>Topside Installation "
        "28.04.2014</figcaption></figure><p><span>© Kurt Wessolek, 31.05.2013</span></p>"
        "<p>Text.</p></body></html>"
    )
    assert _published(html) is None


def test_date_marked_published_and_updated_is_the_publication():
    html = (
        "<html><body><h1>T</h1><span class='posted-on'><time class='entry-date published "
        "updated'>21 de abril de 2022 a las 22:04h</time></span></body></html>"
    )
    assert _published(html) == "2022-04-21T22:04:00"


def test_publication_date_of_an_app_state_script_as_last_resort():
    html = (
        '<html><head><script>var meta = {"product": {"id": 1, "published_at": '
        '"2019-03-02T06:22:28+01:00"}};</script></head><body><h1>Coffee</h1><p>Text.</p>'
        "</body></html>"
    )
    assert _published(html) == "2019-03-02T06:22:28+01:00"


def test_app_state_script_loses_to_any_date_the_page_prints():
    html = (
        '<html><head><script>x = {"publishedAt": "2019-03-02T06:22:28Z"}</script></head>'
        "<body><h1>T</h1><p>5. Mai 2020</p></body></html>"
    )
    assert _published(html) == "2020-05-05"


def test_two_digit_year_with_a_time_after_it():
    html = "<html><body><h1>T</h1><p>31.10.23, 14:05 Uhr</p><p>Text.</p></body></html>"
    assert _published(html) == "2023-10-31T14:05:00"


_MIGRATED = (
    '<html><head><meta property="article:published_time" content="2022-11-17T10:33:13Z">'
    '<meta property="article:modified_time" content="2022-11-17T10:32:18Z"></head><body>'
    "<h1>Eignet sich eine Wärmepumpe?</h1><p>von Alexander Rosenkranz</p>%s<p>Text.</p>"
    "</body></html>"
)


def test_time_element_under_the_headline_settles_against_the_metadata():
    html = _MIGRATED % '<time datetime="2022-03-09">09.03.2022</time>'
    assert _published(html) == "2022-03-09"


def test_plain_printed_date_does_not_overrule_the_metadata():
    assert _published(_MIGRATED % "<p>09.03.2022</p>") == "2022-11-17T10:33:13Z"


def test_time_element_of_an_embed_further_down_does_not_settle_anything():
    embed = "<p>" + "Lange Einleitung des Artikels. " * 20 + "</p>"
    html = _MIGRATED % (embed + '<blockquote><time datetime="2022-03-09">Mar 9, 2022</time>')
    assert _published(html) == "2022-11-17T10:33:13Z"


def _modified(html: str) -> str | None:
    doc = lxml.html.document_fromstring(html)
    _, (modified, _) = extract_dates(doc, collect_metadata(doc), "")
    return modified


def test_printed_update_is_the_last_change_not_the_publication():
    html = (
        "<html><body><h1>T</h1><p>Publiziert: 03.04.2020, 12:35</p>"
        "<p>Aktualisiert: 11.04.2020, 10:27</p><p>Text.</p></body></html>"
    )
    assert _published(html) == "2020-04-03T12:35:00"
    assert _modified(html) == "2020-04-11T10:27:00"


def test_update_label_in_its_own_element():
    html = "<html><body><h1>T</h1><p><b>Stand:</b> 01.11.2021</p><p>Text.</p></body></html>"
    assert _modified(html) == "2021-11-01"


def test_stated_modification_beats_the_printed_one():
    html = (
        '<html><head><meta property="article:modified_time" content="2020-06-04T16:41:46Z">'
        "</head><body><h1>T</h1><p>Last updated 01 Jun 2020</p></body></html>"
    )
    assert _modified(html) == "2020-06-04T16:41:46Z"


def test_no_update_label_no_modification():
    html = "<html><body><h1>T</h1><p>3. Mai 2021</p><p>Text.</p></body></html>"
    assert _modified(html) is None
