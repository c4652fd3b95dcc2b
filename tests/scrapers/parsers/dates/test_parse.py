"""parse_date: never invent precision, keep the stated zone."""

from __future__ import annotations

import pytest

from scrapers.parsers.dates.parse import parse_date, parse_stated


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2019-04-24T10:15:00+03:00", "2019-04-24T10:15:00+03:00"),
        ("2019-04-24T10:15:00Z", "2019-04-24T10:15:00Z"),
        ("2019-04-24T10:15:00-0400", "2019-04-24T10:15:00-04:00"),
        ("2019-04-24", "2019-04-24"),
        ("April 24, 2019", "2019-04-24"),
        ("April 24, 2019 at 10:15 pm", "2019-04-24T22:15:00"),
        ("24 de abril de 2019", "2019-04-24"),
        ("21. Januar 2022", "2022-01-21"),
        ("am 25.08.2015 22:30", "2015-08-25T22:30:00"),
        ("15 mars 2020", "2020-03-15"),
        ("Posted on Jan 18, 2019", "2019-01-18"),
        # a range of days is dated by its first day
        ("Wochenbericht 14. - 20. Januar 2022", "2022-01-14"),
        ("14.-20. Januar 2022", "2022-01-14"),
        ("14–20 January 2022", "2022-01-14"),
        ("5-7 de mayo de 2022", "2022-05-05"),
        ("January 14-20, 2022", "2022-01-14"),
        ("Jan. 14 – 20, 2022", "2022-01-14"),
        # ... but a spaced dash after a bare number is not a range
        ("Seite 1 - 3. Mai 2021", "2021-05-03"),
        # ... nor a backwards one
        ("20-14 Januar 2022", "2022-01-14"),
    ],
)
def test_absolute_dates(raw, iso):
    assert parse_date(raw) == (iso, False)


@pytest.mark.parametrize("raw", [None, "", "no date here", "2019-13-45", "31.02.2020"])
def test_not_dates(raw):
    assert parse_date(raw) == (None, False)


def test_relative_date_needs_anchor_and_is_approximate():
    assert parse_date("3 days ago") == (None, False)
    assert parse_date("3 days ago", fetched_at="2020-01-10T12:00:00Z") == (
        "2020-01-07T12:00:00Z",
        True,
    )


def test_long_input_is_bounded():
    assert parse_date("x" * 1_000_000) == (None, False)


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        # year first with slashes or dots, and the basic ISO form with its time
        ("2022/05/11 04:10", "2022-05-11T04:10:00"),
        ("2022.05.11", "2022-05-11"),
        ("20220511T100000Z", "2022-05-11T10:00:00Z"),
        ("20220511T1000+0200", "2022-05-11T10:00:00+02:00"),
        # Chinese, Japanese, Korean
        ("2022年5月11日 10時30分", "2022-05-11T10:30:00"),
        ("发布时间：2022年05月11日 10:00", "2022-05-11T10:00:00"),
        ("입력 2022년 5월 11일 10:00", "2022-05-11T10:00:00"),
        # a zone stated after a printed time is kept (RFC 2822, GMT)
        ("Tue, 10 May 2022 21:22:00 +0200", "2022-05-10T21:22:00+02:00"),
        ("10 May 2022 10:15 GMT", "2022-05-10T10:15:00Z"),
        # ... but a time range is no zone
        ("May 10, 2022 10:15-12:00", "2022-05-10T10:15:00"),
    ],
)
def test_more_forms(raw, iso):
    assert parse_date(raw) == (iso, False)


@pytest.mark.parametrize("raw", ["2022/05/11/slug", "v1.2.3 2021/2022", "20220511"])
def test_not_dates_either(raw):
    assert parse_date(raw) == (None, False)


def test_unix_time_stated_for_machines():
    assert parse_stated("1652256000") == "2022-05-11T08:00:00Z"
    assert parse_stated("1652256000000") == "2022-05-11T08:00:00Z"
    assert parse_stated("12345") is None
    assert parse_stated("2022-05-11T4:10:00") == "2022-05-11T04:10:00"  # one-digit hour


@pytest.mark.parametrize(
    "raw",
    [
        "11 lutego 2021, 11:49",  # pl
        "11. února 2021",  # cs
        "11 februarie 2021",  # ro
        "11 Şubat 2021",  # tr
        "11. helmikuuta 2021",  # fi
        "11 februari 2021",  # sv, nl
        "11. februar 2021",  # da, no
    ],
)
def test_month_names_of_more_languages(raw):
    assert parse_date(raw)[0][:10] == "2021-02-11"
