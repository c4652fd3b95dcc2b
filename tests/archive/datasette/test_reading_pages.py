"""The reading room's pages, served by Datasette with newsarchive's plugins and
templates, on an archive whose discussion changed between two captures."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.datasette import load_metadata
from tests.archive.datasette.inprocess import Reader
from tests.archive.datasette.reading_archive import (
    ARTICLE_ID,
    EDITED,
    REMOVED,
    SECOND,
    URL,
    XSS_TEXT,
    build_reading_archive,
)

ARTICLE = f"/archive/articles/{ARTICLE_ID}"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_reading_archive(tmp_path_factory.mktemp("reading") / "archive.db")


@pytest.fixture(scope="module")
def reader(db) -> Iterator[Reader]:
    r = Reader(db)
    try:
        yield r
    finally:
        r.close()


def _text(el) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def _comment(page, cid: str):
    return page.get_element_by_id(f"comment-{cid}")


def test_row_page_is_the_article_page_with_byline_dates_and_metadata(reader):
    page = reader.page(ARTICLE)
    assert _text(page.cssselect("h1")[0]) == "Putin Restates Support"
    byline = page.cssselect("p.byline")[0]
    assert _text(byline).startswith("By Peter Spinella (dpa)")
    author = byline.cssselect("a.author")[0]
    assert author.get("href") == "/archive/authors/" + reader_author_id(reader)
    assert page.cssselect("time.published")[0].get("datetime") == "2024-03-01T09:00:00-05:00"
    meta = _text(page.cssselect("dl.meta")[0])
    for expected in ("World", "Russia", "Venezuela", "news.example", "March 1, 2024 9:00 am"):
        assert expected in meta
    assert page.cssselect("a.canonical")[0].get("href") == URL
    assert page.cssselect("p.byline a.site")[0].get("href") == "/archive/sites/news.example"
    body = _text(page.cssselect("div.body")[0])
    assert body.startswith("Putin restated his support. Maduro thanked him. Correction")


def reader_author_id(reader: Reader) -> str:
    page = reader.page("/archive/authors")  # Datasette's table page still works
    return page.cssselect("td.col-id")[0].text_content().strip()


def test_thread_is_nested_in_page_order(reader):
    page = reader.page(ARTICLE)
    ids = [li.get("data-id").split(":")[1] for li in page.cssselect("li.comment")]
    assert ids == ["c1", "c2", "c3", "c4", "c5", "c6", "x1", "c7"]
    top = [li.get("data-id").split(":")[1] for li in page.cssselect("ol.thread > li")]
    assert top == ["c1", "c4", "c5", "x1", "c7"]
    c3 = _comment(page, "c3")
    ancestors = [a.get("id") for a in c3.iterancestors("li")]
    assert ancestors == ["comment-c2", "comment-c1"]
    assert c3.get("data-level") == "2"
    assert "Reader c3" in _text(c3.cssselect(".comment-head")[0])
    assert c3.cssselect("time")[0].get("datetime") == "2024-03-01T11:30:00-05:00"


def test_removed_comment_is_marked_with_when_it_was_last_seen(reader):
    page = reader.page(ARTICLE)
    removed = _comment(page, REMOVED)
    assert "removed" in removed.get("class").split()
    head = _text(removed.cssselect(".comment-head")[0])
    assert "removed" in head and "last seen 2024-03-02 00:00:00 UTC" in head
    assert "found gone 2024-03-05 00:00:00 UTC" in head
    assert "Offensive words." in _text(removed)  # kept as evidence
    # its reply, still on the page, stays under it
    assert _comment(page, "c6").getparent().getparent() is removed
    assert "1 removed by moderators" in _text(page.cssselect(".thread-summary")[0])
    assert len(page.cssselect("li.removed")) == 1


def test_edited_comment_links_to_its_earlier_versions(reader):
    page = reader.page(ARTICLE)
    edited = _comment(page, EDITED)
    assert "Edited text of c7." in _text(edited.cssselect(".text")[0])
    details = edited.cssselect("details.earlier")[0]
    assert "Original text of c7." in _text(details)
    link = details.cssselect("a")[0].get("href")
    assert link == f"/archive/comment_versions?comment_id={ARTICLE_ID}%3A{EDITED}"
    assert reader.get(link).status_code == 200


def test_versions_and_what_changed(reader):
    page = reader.page(ARTICLE)
    assert len(page.cssselect("table.versions tbody tr")) == 2
    diff = _text(page.cssselect("table.diff")[0])
    assert "body: paragraph 3 added" in diff and "Correction: the meeting was on Wednesday." in diff
    assert "modified" in diff


def test_every_capture_links_to_its_warc_record(reader):
    page = reader.page(ARTICLE)
    rows = page.cssselect("table.captures tbody tr")
    assert len(rows) == 2
    assert "newsarchive-20240301-00000-host.warc.gz" in _text(rows[0])
    assert "version 1" in _text(rows[0]) and "version 2" in _text(rows[1])
    links = [a.get("href") for a in page.cssselect("table.captures a.warc-record")]
    assert links[0] == "/archive/captures/~3Curn~3Auuid~3A00000001-aaaa-bbbb-cccc-000000000000~3E"
    record = reader.page(links[0])
    assert "newsarchive-20240301-00000-host.warc.gz" in _text(record)
    assert not page.cssselect("a.replay")  # no replay configured
    evidence = page.cssselect("dl.meta a.warc-record")[0].get("href")
    assert evidence == links[1]  # the capture the current text comes from


def test_captures_link_to_their_replay_where_one_is_configured(db):
    metadata = load_metadata()
    metadata["plugins"]["newsarchive"]["replay_url"] = "http://localhost:8080/news"
    reader = Reader(db, metadata)
    try:
        page = reader.page(ARTICLE)
    finally:
        reader.close()
    replays = [a.get("href") for a in page.cssselect("a.replay")]
    assert replays == [
        f"http://localhost:8080/news/20240302000000/{URL}",
        f"http://localhost:8080/news/20240305000000/{URL}",
    ]


def test_replay_url_comes_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_REPLAY_URL", "http://pywb.example/c/")
    reader = Reader(db)
    try:
        page = reader.page(ARTICLE)
    finally:
        reader.close()
    assert page.cssselect("a.replay")[0].get("href").startswith("http://pywb.example/c/2024")


def test_script_and_onerror_never_reach_the_page(reader):
    response = reader.get(ARTICLE)
    page = reader.page(ARTICLE)
    reading = page.cssselect("div.reading")[0]
    assert not reading.cssselect("script, img, iframe, object, embed")
    for el in reading.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert "javascript:" not in value.lower(), (el.tag, name, value)
    assert "window.__pwned" not in "".join(reading.xpath("//script/text()"))
    x1 = _comment(page, "x1")
    assert "[image: cat]" in _text(x1)  # sanitised HTML: the image as its alt text
    assert [a.get("href") for a in x1.cssselect(".text a")] == ["https://ok.example/"]
    author = x1.cssselect(".comment-head .author")[0]
    assert _text(author) == '<img src=x onerror="window.__pwned=5">'  # the name, as text
    assert not author.cssselect("a")  # its javascript: URL is no link
    assert "&lt;img src=x onerror=" in response.text
    assert "__pwned=4" in _text(page.cssselect("section.media")[0])  # caption as text


def test_comment_text_is_shown_when_it_has_no_html(db, tmp_path):
    copy = tmp_path / "archive.db"
    shutil.copy(db, copy)
    import sqlite3

    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("update comments set html = '' where comment_id = 'x1'")
    conn.close()
    reader = Reader(copy)
    try:
        page = reader.page(ARTICLE)
    finally:
        reader.close()
    assert _text(_comment(page, "x1").cssselect(".text")[0]) == XSS_TEXT
    assert not page.cssselect("div.reading img, div.reading script")


def test_media_captions_from_the_media_table(reader):
    page = reader.page(ARTICLE)
    figures = page.cssselect("section.media figure")
    assert [_text(f.cssselect("figcaption")[0]) for f in figures] == [
        "Presidents Maduro and Putin. Credit: Sputnik",
        "<script>window.__pwned=4</script> caption",
        "(no caption)",
    ]
    link = figures[0].cssselect("a")[0]
    assert link.get("href") == link.text == "https://news.example/img/putin.jpg"
    assert _text(figures[1].cssselect(".alt")[0]) == "Alt text: <b>alt</b>"  # as text
    assert _text(figures[2].cssselect(".alt")[0]) == "Alt text: A map"
    assert not figures[2].cssselect("a")  # a javascript: URL is no link


def test_article_page_without_a_media_table(tmp_path):
    db = build_reading_archive(tmp_path / "archive.db", media=False)
    reader = Reader(db)
    try:
        page = reader.page(ARTICLE)
    finally:
        reader.close()
    assert not page.cssselect("section.media")
    assert len(page.cssselect("li.comment")) == 8


def test_comments_over_time_chart_with_axes_and_removals(reader):
    page = reader.page(ARTICLE)
    svg = page.cssselect("figure.comment-timeline svg.chart")[0]
    labels = [_text(t) for t in svg.iter("text")]
    assert "time (UTC), one bar per hour" in labels
    assert "comments per hour" in labels
    assert "removed by moderators" in labels and "published" in labels
    bars = svg.cssselect("rect.bar")
    assert sum(int(_text(b).rsplit(": ", 1)[1].split()[0]) for b in bars) == 8
    assert any("removed by moderators" in _text(b) for b in bars)


def test_author_page_lists_articles_by_date_with_comment_counts(reader):
    article = reader.page(ARTICLE)
    author_url = article.cssselect("p.byline a.author")[0].get("href")
    page = reader.page(author_url)
    assert _text(page.cssselect("h1")[0]) == "Peter Spinella"
    rows = page.cssselect("table.author-articles tbody tr")
    assert len(rows) == 1
    cells = [_text(td) for td in rows[0].cssselect("td")]
    assert cells[0].startswith("2024-03-01") and cells[1] == "Putin Restates Support"
    assert cells[3] == "7 +1 removed"
    assert rows[0].cssselect("a")[0].get("href") == ARTICLE


def test_site_pages_chart_articles_and_comments_per_day(reader):
    page = reader.page("/archive/sites")
    sites = [_text(a) for a in page.cssselect("table.sites a")]
    assert sites == ["news.example", "other.example"]
    charts = page.cssselect("figure.activity svg.chart")
    assert len(charts) == 2
    titles = [_text(svg.cssselect("text.chart-title")[0]) for svg in charts]
    assert titles[0].startswith("Articles per ") and titles[1].startswith("Comments per ")
    site = reader.page("/archive/sites/news.example")
    assert _text(site.cssselect("h1")[0]) == "news.example"
    assert [_text(a) for a in site.cssselect("table a")][:1] == ["Putin Restates Support"]


def test_unknown_pages_are_404_and_the_row_stays_available_as_data(reader):
    assert reader.get("/archive/articles/0000000000000000").status_code == 404
    assert reader.get("/archive/authors/nobody").status_code == 404
    assert reader.get("/archive/sites/nowhere.example").status_code == 404
    data = reader.get(f"{ARTICLE}.json?_shape=objects").json()
    assert data["rows"][0]["url"] == URL
    row_link = reader.page(ARTICLE).cssselect("section.data a")[0].get("href")
    assert row_link == f"/archive/articles?id={ARTICLE_ID}"
    assert URL in reader.get(row_link).text


def test_second_capture_time_is_the_last_fetch(reader):
    page = reader.page(ARTICLE)
    assert _text(page.cssselect(".last-fetched")[0]) == SECOND.replace("T", " ")[:-1] + " UTC"


def test_pages_keep_datasettes_permissions(db):
    metadata = load_metadata()
    metadata["databases"]["archive"]["allow"] = {"id": "editor"}
    reader = Reader(db, metadata)
    try:
        statuses = [reader.get(p).status_code for p in (ARTICLE, "/archive/sites")]
    finally:
        reader.close()
    assert statuses == [403, 403]
