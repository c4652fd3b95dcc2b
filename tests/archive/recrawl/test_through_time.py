"""Successive crawls of a changing demo site: policy decisions, versions, removals.

The story is in ``conftest.story``.
"""

from __future__ import annotations

from tests.archive.recrawl.conftest import OLD, query


def test_policy_decisions_per_crawl(story):
    # (new, refetched, unchanged, skipped_policy, failed)
    steps = story["steps"]
    assert steps["first"] == (60, 0, 0, 0, 0)
    # same time: only the hour-old article is due; it answers 304
    assert steps["same_time"] == (0, 0, 1, 59, 0)
    # a day later: the newest (every run) and the 4-day-old (daily) are due and
    # changed; the corrected old article is fetched because its sitemap lastmod
    # is newer than our last check
    assert steps["next_day"] == (0, 3, 0, 57, 0)
    # nothing changed since: the newest answers 304, the rest is not due
    assert steps["next_day_again"] == (0, 0, 1, 59, 0)
    # two days after the start: newest (2 days old, daily, halved by its new
    # comment) and the 4-day-old (daily) are due again
    assert steps["day_after"] == (0, 2, 0, 58, 0)
    assert steps["full"] == (0, 60, 0, 0, 0)
    assert story["not_modified"] == 2


def test_versions_only_when_an_article_changed(story):
    versions = story["final"]["versions"]
    assert len(versions) == 61  # one each, two for the corrected article
    old = [(v, t) for url, v, t in versions if url.endswith(OLD)]
    assert [v for v, _ in old] == [1, 2] and old[1][1] == "Governor unveils revised plan"
    assert old[0][1] != old[1][1]
    assert story["final"]["versions"] == story["steps"]["after_next_day"]["versions"]


def test_removed_comment_marked_then_unmarked(story):
    new_id, removed, edited, daily = story["ids"]
    assert story["steps"]["after_next_day"]["removed"] == [(str(removed), 1)]
    assert story["final"]["removed"] == []  # restored: unmarked
    rows = query(story["db"], "SELECT count(*) FROM comments WHERE comment_id = ?", str(new_id))
    assert rows == [(1,)]


def test_changed_comment_text_keeps_the_old_one(story):
    new_id, removed, edited, daily = story["ids"]
    rows = story["final"]["comment_versions"]
    assert len(rows) == 1
    comment_id, version, old_text, text = rows[0]
    assert (comment_id, version, text) == (str(edited), 1, "Edited by its author.")
    assert old_text and old_text != text


def test_stored_query_shows_the_diff_between_two_versions(story):
    from archive.datasette import load_metadata

    sql = load_metadata()["databases"]["archive"]["queries"]["article_diff"]["sql"]
    url = query(story["db"], "SELECT url FROM articles WHERE url LIKE ?", f"%{OLD}")[0][0]
    rows = _run(story["db"], sql, url)
    fields = {field: (old, new) for field, old, new in rows}
    assert fields["title"][1] == "Governor unveils revised plan"
    added = [k for k in fields if k.startswith("body:")]
    assert len(added) == 1 and added[0].endswith("added")
    assert fields[added[0]] == (None, "Correction: x.")


def _run(db, sql, article):
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, {"article": article, "v1": "", "v2": ""}).fetchall()
    finally:
        conn.close()


def test_each_304_is_a_capture_and_a_server_not_modified_revisit(story):
    """A 304 costs no parse but is evidence: a captures row and a WARC revisit
    record naming the earlier response it confirms (issues #5 and #7)."""
    from archive.warc.reader import RecordReader

    rows = query(
        story["db"],
        "SELECT c.id, c.url, c.warc_file, c.warc_offset, c.warc_length, c.revisit_of, o.status "
        "FROM captures c LEFT JOIN captures o ON o.id = c.revisit_of WHERE c.status = 304",
    )
    assert len(rows) == story["not_modified"] == 2
    reader = RecordReader(story["out"] / "warc")
    try:
        for record_id, url, name, offset, length, original, original_status in rows:
            assert original and original_status == 200
            record = reader.read(name, offset, length)
            headers = record.rec_headers
            assert headers.get_header("WARC-Record-ID") == record_id
            assert headers.get_header("WARC-Type") == "revisit"
            assert headers.get_header("WARC-Profile").endswith("/revisit/server-not-modified")
            assert headers.get_header("WARC-Refers-To") == original
            assert headers.get_header("WARC-Target-URI") == url
    finally:
        reader.close()


def test_full_text_indexes_match_the_rows_after_every_change(story):
    """After six crawls of edits, removals and restorations the full-text
    indexes still match the rows, and a search finds the edited title."""
    import sqlite3

    conn = sqlite3.connect(story["db"])
    try:
        for table in ("articles_fts", "comments_fts"):
            conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
        hits = conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"revised plan\"'"
        ).fetchone()[0]
        triggers = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='trigger'"
        ).fetchone()
    finally:
        conn.close()
    assert hits == 1
    assert triggers[0] > 0
