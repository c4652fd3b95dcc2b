"""WordPress REST API comments: parsing the JSON and reconciling it with the HTML."""

from __future__ import annotations

import json

from scrapers.items import Comment
from scrapers.parsers.comments.rest import (
    api_date,
    api_root,
    api_total,
    comments_url,
    parse_api_comments,
    reconcile,
)


def _item(cid: int, parent: int = 0, **kw: object) -> dict:
    item = {
        "id": cid,
        "post": 7,
        "parent": parent,
        "author_name": f"Author {cid}",
        "author_url": "",
        "date": f"2024-06-0{cid}T10:00:00",
        "date_gmt": f"2024-06-0{cid}T14:00:00",
        "content": {"rendered": f"<p>Text {cid}<br />\nline</p>\n<p>More <b>{cid}</b>.</p>\n"},
        "link": f"https://s.example/p/#comment-{cid}",
        "type": "comment",
    }
    item.update(kw)
    return item


def _api(*items: dict) -> list[Comment]:
    return parse_api_comments(json.dumps(list(items)).encode())


def test_parse_fields() -> None:
    [c, r] = _api(_item(1, author_url="https://a.example/"), _item(2, parent=1))
    assert (c.id, c.parent_id, c.author, c.author_url) == (
        "1",
        None,
        "Author 1",
        "https://a.example/",
    )
    assert c.published == "2024-06-01T10:00:00-04:00" and c.published_raw == "2024-06-01T14:00:00"
    assert c.text == "Text 1\nline\n\nMore 1." and "<b>1</b>" in c.html
    assert (r.parent_id, r.author_url, r.kind) == ("1", None, "comment")


def test_errors_and_junk_give_nothing() -> None:
    refused = (
        b'{"code":"rest_disabled","message":"The REST API is disabled.","data":{"status":401}}'
    )
    assert parse_api_comments(refused) == []
    assert parse_api_comments(b"<html>not json") == []
    assert parse_api_comments(b'[{"no_id": 1}, 5]') == []
    assert api_total("12") == 12 and api_total(None) is None and api_total("x") is None


def test_dates() -> None:
    assert api_date("2024-01-05T09:30:00", "2024-01-05T14:30:00") == "2024-01-05T09:30:00-05:00"
    assert api_date("2024-01-05T20:00:00", "2024-01-05T14:30:00") == "2024-01-05T20:00:00+05:30"
    assert api_date(None, "2024-01-05T14:30:00") == "2024-01-05T14:30:00Z"
    assert api_date(None, None) is None


def test_api_root_from_head_or_header() -> None:
    page = b'<html><head><link rel="https://api.w.org/" href="/wp-json/" /></head><body>'
    assert api_root(page, "https://s.example/a/") == "https://s.example/wp-json/"
    assert api_root(b"<html><head></head><body>", "https://s.example/") is None
    header = '<https://s.example/wp-json/>; rel="https://api.w.org/"'
    assert api_root(b"", "https://s.example/", header) == "https://s.example/wp-json/"
    url = comments_url("https://s.example/wp-json/", "7", 2)
    assert url == "https://s.example/wp-json/wp/v2/comments?post=7&per_page=100&page=2&order=asc"


def _html(cid: str, **kw: object) -> Comment:
    base = {"id": cid, "author": f"Shown {cid}", "text": f"Text {cid}\n\nMore {cid}."}
    base.update(kw)
    return Comment(**base)  # type: ignore[arg-type]


def test_api_is_authoritative_for_ids_parents_authors() -> None:
    html = [_html("1", published="2024-06-01T10:00:00"), _html("2", published="2024-06-02")]
    merged = reconcile(html, _api(_item(1), _item(2, parent=1)))
    assert [(c.id, c.parent_id, c.depth, c.position) for c in merged] == [
        ("1", None, 0, 0),
        ("2", "1", 1, 1),
    ]
    assert [c.author for c in merged] == ["Author 1", "Author 2"]
    # The page's naive time gains the API's offset; a bare date becomes exact.
    assert merged[0].published == "2024-06-01T10:00:00-04:00"
    assert merged[1].published == "2024-06-02T10:00:00-04:00"
    assert merged[0].published_raw == "2024-06-01T14:00:00"  # the page stated none: date_gmt


def test_page_date_and_text_kept_when_they_differ() -> None:
    page = _html("1", published="2024-06-01T10:00:00+02:00", published_raw="1 June 2024")
    page.text = "Edited on the page"
    [c] = reconcile([page], _api(_item(1)))
    assert (c.published, c.published_raw) == ("2024-06-01T10:00:00+02:00", "1 June 2024")
    assert c.text == "Text 1\nline\n\nMore 1."  # the API holds the stored comment
    same = _html("1", text="Text  1 line\nMore 1.", html="<p>kept</p>")
    assert reconcile([same], _api(_item(1)))[0].html == "<p>kept</p>"


def test_relative_dates_replaced() -> None:
    page = _html("1", published="2024-06-01T09:00:00", published_approx=True)
    [c] = reconcile([page], _api(_item(1)))
    assert (c.published, c.published_approx) == ("2024-06-01T10:00:00-04:00", False)


def test_api_only_comments_added_in_thread_order() -> None:
    html = [_html("3", published="2024-06-03T10:00:00-04:00"), _html("2", kind="pingback")]
    api = _api(_item(4, parent=1), _item(1), _item(3))
    merged = reconcile(html, api)
    assert [c.id for c in merged] == ["1", "4", "2", "3"]  # undated pingback: by id
    assert [c.depth for c in merged] == [0, 1, 0, 0]
    assert [c.position for c in merged] == [0, 1, 2, 3]
    assert merged[2].kind == "pingback"  # the API does not list pingbacks: kept


def test_no_api_comments_leaves_html() -> None:
    html = [_html("1"), _html("2", parent_id="1", depth=1)]
    assert [(c.id, c.parent_id, c.depth) for c in reconcile(html, [])] == [
        ("1", None, 0),
        ("2", "1", 1),
    ]
