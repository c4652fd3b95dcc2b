"""The reading room's pure parts: thread tree, time bins, SVG charts, HTML
allowlist, link and text helpers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import lxml.etree
import lxml.html
import pytest
from markupsafe import Markup

from archive.datasette.reading.charts import Mark, Series, bar_chart, nice_ticks
from archive.datasette.reading.figures import comment_timeline, site_activity
from archive.datasette.reading.pages import Links, comment_body, external, text_html, when
from archive.datasette.reading.sanitize import safe_html
from archive.datasette.reading.thread import MAX_LEVEL, build_thread, walk
from archive.datasette.reading.timeline import Bins, day_start, parse_time

T0 = datetime(2024, 3, 1, 14, 0, tzinfo=UTC)


def _rows(*pairs: tuple[str, str | None]) -> list[dict]:
    return [{"id": cid, "parent_id": parent, "author": f"A{cid}"} for cid, parent in pairs]


def _shape(nodes) -> list:
    return [(n.id, _shape(n.children)) if n.children else n.id for n in nodes]


# -- thread -------------------------------------------------------------------------


def test_thread_nests_replies_and_keeps_page_order():
    rows = _rows(("a", None), ("b", "a"), ("c", "b"), ("d", None), ("e", "a"))
    assert _shape(build_thread(rows)) == [("a", [("b", ["c"]), "e"]), "d"]
    assert [n.level for n in walk(build_thread(rows))] == [0, 1, 2, 1, 0]


def test_thread_keeps_every_comment_whatever_the_parent_ids_say():
    rows = _rows(
        ("a", "b"),  # a loop: a -> b -> a
        ("b", "a"),
        ("self", "self"),
        ("orphan", "gone"),
        ("early", "late"),  # its parent comes later in page order
        ("late", None),
        ("a", None),  # a duplicate row
    )
    nodes = build_thread(rows)
    ids = [n.id for n in walk(nodes)]
    assert sorted(ids) == ["a", "b", "early", "late", "orphan", "self"]
    orphan = next(n for n in walk(nodes) if n.id == "orphan")
    assert orphan.orphan and orphan.level == 0
    late = next(n for n in nodes if n.id == "late")
    assert [c.id for c in late.children] == ["early"] and late.children[0].level == 1
    assert not next(n for n in walk(nodes) if n.id == "self").orphan


def test_a_deep_reply_chain_stops_indenting_and_says_whom_it_answers():
    rows = _rows(("0", None), *((str(i), str(i - 1)) for i in range(1, 2000)))
    nodes = build_thread(rows)
    flat = list(walk(nodes))
    assert len(flat) == 2000
    assert max(n.level for n in flat) == MAX_LEVEL
    deep = flat[MAX_LEVEL + 1]
    assert deep.level == MAX_LEVEL and deep.reply_to == f"A{MAX_LEVEL}"


# -- time bins ----------------------------------------------------------------------


def test_parse_time_puts_every_stated_form_on_utc():
    assert parse_time("2024-03-01T09:00:00-05:00") == T0
    assert parse_time("2024-03-01T14:00:00Z") == T0
    assert parse_time("2024-03-01T14:00:00") == T0
    assert parse_time("2024-03-01") == T0.replace(hour=0)
    assert parse_time("") is None and parse_time(None) is None and parse_time("3 days ago") is None


def test_bins_count_events_and_place_marks():
    times = [T0 + timedelta(minutes=m) for m in (0, 10, 70, 300)]
    bins = Bins.covering(T0, max(times))
    assert bins.unit == "hour" and len(bins.starts) == 6
    assert bins.count(times) == [2, 1, 0, 0, 0, 1]
    assert bins.count([(T0, 5), T0 - timedelta(hours=1)]) == [5, 0, 0, 0, 0, 0]
    assert bins.position(T0 + timedelta(minutes=90)) == pytest.approx(1.5)
    assert bins.position(T0 - timedelta(days=1)) is None


def test_month_bins_cross_years():
    bins = Bins.covering(datetime(2019, 11, 5, tzinfo=UTC), datetime(2024, 2, 1, tzinfo=UTC))
    assert bins.unit == "month"
    assert bins.starts[1] == datetime(2019, 12, 1, tzinfo=UTC)
    assert bins.starts[2] == datetime(2020, 1, 1, tzinfo=UTC)
    assert day_start("2020-01-31") == datetime(2020, 1, 31, tzinfo=UTC) and day_start("x") is None


# -- charts -------------------------------------------------------------------------


def test_nice_ticks_reach_the_top():
    for top in (1, 3, 7, 10, 11, 99, 101, 1234):
        ticks = nice_ticks(top)
        assert ticks[0] == 0 and ticks[-1] >= top and len(ticks) <= 7


def test_bar_chart_is_well_formed_svg_with_axes_labels_and_escaped_text():
    bins = Bins.covering(T0, T0 + timedelta(hours=5))
    chart = bar_chart(
        bins,
        [
            Series("<b>kept</b>", [1, 0, 2, 0, 0, 3], "#000"),
            Series("gone", [0, 0, 1, 0, 0, 0], "red"),
        ],
        title='Title "<script>"',
        y_label="comments per hour",
        x_label="time (UTC)",
        marks=[Mark(T0 + timedelta(minutes=30), "published")],
    )
    assert isinstance(chart, Markup)
    svg = lxml.etree.fromstring(str(chart).encode())  # well-formed XML
    ns = {"s": "http://www.w3.org/2000/svg"}
    texts = [t.text for t in svg.iterfind(".//s:text", ns)]
    assert 'Title "<script>"' in texts and "<b>kept</b>" in texts
    assert "comments per hour" in texts and "time (UTC)" in texts and "published" in texts
    assert {"0", "1", "2", "3"} <= set(texts)  # y ticks
    assert "03-01 14:00" in texts  # x tick
    bars = svg.findall(".//s:rect[@class='bar']", ns)
    assert len(bars) == 4
    assert not svg.findall(".//s:script", ns)


def test_comment_timeline_stacks_removed_comments_and_notes_undated_ones():
    article = {"published": "2024-03-01T09:00:00-05:00"}
    comments = [
        {"published": "2024-03-01T10:00:00-05:00", "removed_at": None},
        {"published": "2024-03-01T12:30:00-05:00", "removed_at": "2024-03-03T00:00:00Z"},
        {"published": None, "removed_at": None},
    ]
    figure = comment_timeline(article, comments)
    assert figure is not None and "1 comment(s) without a date" in figure.note
    assert "removed by moderators" in figure.svg and "Comments over time (2 dated)" in figure.svg
    assert comment_timeline(article, [{"published": None, "removed_at": None}]) is None


def test_site_activity_has_one_axis_for_articles_and_comments():
    articles = [{"day": "2024-03-01", "n": 2}, {"day": None, "n": 1}]
    comments = [{"day": "2024-03-04", "n": 5, "removed": 1}]
    first, second = site_activity(articles, comments)
    assert "Articles per day" in first.svg and "1 article(s) without" in first.note
    assert "Comments per day" in second.svg and "removed by moderators" in second.svg
    assert site_activity([], []) == []


# -- stored HTML ----------------------------------------------------------------------

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" JaVaScRiPt:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    '<iframe src="https://evil.example/"></iframe>',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
    "<scr<script>ipt>alert(1)</script>",
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<textarea></textarea><img src=x onerror=alert(1)>",
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<object data="x.swf"></object><embed src="x.swf">',
    "<!--<img src=x onerror=alert(1)>-->",
    '<a href="https://ok.example/" onmouseover="alert(1)">ok</a>',
    '<base href="javascript:alert(1)//"><meta http-equiv="refresh" content="0;url=x">',
    "<div>" * 300 + "deep" + "</div>" * 300,
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_safe_html_leaves_no_script_handler_or_foreign_url(attack):
    out = str(safe_html(attack))
    tree = lxml.html.fragment_fromstring(out or "<span></span>", create_parent="div")
    for el in tree.iter():
        assert el.tag in {"div", "span", "a", "p", "b", "i", "em", "strong", "br"}, el.tag
        for name, value in el.attrib.items():
            assert name in ("href", "rel"), name
            if name == "href":
                assert value.startswith("https://"), value


def test_safe_html_keeps_formatting_quotes_and_good_links():
    html = '<p>One<br>two <em>three</em></p><blockquote><p>quoted</p></blockquote><a href="https://x.example/a?b=1&amp;c=2">link</a>'
    out = safe_html(html)
    assert out == Markup(
        "<p>One<br>two <em>three</em></p><blockquote><p>quoted</p></blockquote>"
        '<a href="https://x.example/a?b=1&amp;c=2" rel="nofollow noopener noreferrer ugc">link</a>'
    )
    assert safe_html("") == Markup("") and safe_html(None) == Markup("")
    assert safe_html("a < b & c") == Markup("a &lt; b &amp; c")


# -- page helpers --------------------------------------------------------------------


def test_text_is_escaped_into_paragraphs():
    assert text_html("a <b>\nline\n\n second") == Markup("<p>a &lt;b&gt;<br>line</p><p> second</p>")
    assert comment_body({"html": "<p><img src=x></p>", "text": "fallback"}) == Markup(
        "<p>fallback</p>"
    )


def test_only_web_urls_become_links():
    assert external("https://a.example/") == "https://a.example/"
    assert (
        external("javascript:alert(1)") is None
        and external("//x") is None
        and external(None) is None
    )


def test_dates_for_reading():
    assert when("2024-03-01T14:00:00Z") == "2024-03-01 14:00:00 UTC"
    assert when("2024-03-01T09:00:00-05:00") == "2024-03-01 09:00:00-05:00"
    assert when("2024-03-01") == "2024-03-01" and when(None) == ""


def test_replay_links_follow_pywb_url_scheme():
    links = Links(urls=None, database="archive", replay="http://localhost:8080/news")
    capture = {"fetched_at": "2024-05-01T12:30:05Z", "url": "https://a.example/x?y=1"}
    assert (
        links.replay(capture) == "http://localhost:8080/news/20240501123005/https://a.example/x?y=1"
    )
    assert Links(urls=None, database="archive").replay(capture) is None
