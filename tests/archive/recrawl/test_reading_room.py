"""A comment the demo site's moderator removed shows as removed on the
article page after the recrawl that found it gone, and unmarked once restored."""

from __future__ import annotations

from archive.datasette.reading.pages import when
from tests.archive.datasette.inprocess import Reader
from tests.archive.recrawl.conftest import query

SQL = (
    "SELECT a.id, c.last_seen, c.removed_at FROM comments c JOIN articles a ON a.id = c.article_id "
    "WHERE a.url LIKE ? AND c.comment_id = ?"
)


def _article_page(db, article_id):
    reader = Reader(db)
    try:
        return reader.page(f"/archive/articles/{article_id}")
    finally:
        reader.close()


def test_removed_comment_shows_as_removed_after_the_recrawl(story):
    _, removed, _, daily = story["ids"]
    db = story["after_next_day_db"]
    article_id, last_seen, removed_at = query(db, SQL, f"%{daily}", str(removed))[0]
    assert removed_at is not None and last_seen < removed_at
    page = _article_page(db, article_id)
    comment = page.get_element_by_id(f"comment-{removed}")
    assert "removed" in comment.get("class").split()
    head = comment.cssselect(".comment-head")[0].text_content()
    assert f"last seen {when(last_seen)}" in head and f"found gone {when(removed_at)}" in head
    chart = page.cssselect("figure.comment-timeline svg.chart")[0]
    assert "removed by moderators" in chart.text_content()
    # restored by the moderator later: shown again as an ordinary comment
    final = _article_page(story["db"], article_id)
    assert "removed" not in final.get_element_by_id(f"comment-{removed}").get("class").split()
