"""Paginated threads: navigation links and merging pages in thread order."""

from __future__ import annotations

from scrapers.parsers.comments import merge_threads
from tests.scrapers.parsers.comments._util import thread


def test_pagination_links() -> None:
    assert thread("wp_page2_newest.html").pages == ["https://blog.example.org/post/?cpage=1"]
    assert thread("wp_page1_newest.html").pages == ["https://blog.example.org/post/?cpage=2"]


def test_merge_newest_first_pages_in_any_order() -> None:
    p1, p2 = thread("wp_page1_newest.html"), thread("wp_page2_newest.html")
    for pages in ([p1, p2], [p2, p1]):
        merged = merge_threads(pages)
        assert [c.id for c in merged] == ["10", "20", "30", "35", "40"]
        assert [c.position for c in merged] == [0, 1, 2, 3, 4]
        reply = merged[3]
        assert (reply.parent_id, reply.depth) == ("30", 1)
    assert [c.id for c in p2.comments] == ["40", "30", "35"]  # inputs untouched
