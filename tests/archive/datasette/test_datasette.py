"""The Datasette configuration: every table and column described, every stored
query runs on a real archive, ``newsarchive serve`` prints its command."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.utils import escape_fts

from archive.cli.main import main
from archive.datasette import METADATA, PLUGINS_DIR, TEMPLATES_DIR, load_metadata
from archive.store.writer import ArchiveStore
from scrapers.items import Article, Comment

PARAMS = {"q": "venezuela", "article": "https://news.example/2024/03/putin/", "v1": "", "v2": ""}


def _connect(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    conn.create_function("escape_fts", 1, escape_fts)
    return conn


def test_every_table_and_column_is_described(archive_db):
    tables = load_metadata()["databases"]["archive"]["tables"]
    conn = _connect(archive_db)
    for table in ("articles", "comments", "authors", "article_authors", "captures", "crawls"):
        assert tables[table]["description"], table
        columns = [r["name"] for r in conn.execute(f"pragma table_info({table})")]
        missing = [c for c in columns if c not in tables[table]["columns"]]
        assert not missing, (table, missing)
    conn.close()


@pytest.mark.parametrize("name", sorted(load_metadata()["databases"]["archive"]["queries"]))
def test_stored_query_runs(archive_db, name):
    query = load_metadata()["databases"]["archive"]["queries"][name]
    assert query["title"]
    conn = _connect(archive_db)
    sql = query["sql"]
    params = {k: v for k, v in PARAMS.items() if f":{k}" in sql}
    rows = conn.execute(sql, params).fetchall()
    conn.close()
    if name in ("search", "thread", "most_commented", "comment_timeline", "crawl_log"):
        assert rows, name


def test_search_finds_articles_and_comments_and_tolerates_empty_input(archive_db):
    sql = load_metadata()["databases"]["archive"]["queries"]["search"]["sql"]
    conn = _connect(archive_db)
    found = {r["found_in"].split(" ")[0] for r in conn.execute(sql, {"q": "venezuela"})}
    assert found == {"article", "comment"}
    assert conn.execute(sql, {"q": ""}).fetchall() == []
    assert conn.execute(sql, {"q": 'unbalanced "quote AND'}).fetchall() == []
    conn.close()


def test_thread_is_in_order_and_indented_by_depth(archive_db):
    sql = load_metadata()["databases"]["archive"]["queries"]["thread"]["sql"]
    conn = _connect(archive_db)
    rows = conn.execute(sql, PARAMS).fetchall()
    conn.close()
    assert [r["position"] for r in rows] == list(range(8))
    assert rows[0]["commenter"] == "Reader 0"
    assert rows[2]["commenter"] == "\u2003" * 4 + "↳ Reader 2"


def test_removed_comments_show_after_a_recrawl(tmp_path):
    store = ArchiveStore.open(tmp_path / "archive.db")
    thread = [Comment(id=str(i), text=f"c{i}", position=i) for i in range(3)]
    article = Article(url="https://x.example/a/", title="A", comments=thread)
    store.add_article(article, fetched_at="2024-01-01T00:00:00Z", capture_id=None, crawl_id=None)
    article.comments = thread[:1]
    store.add_article(article, fetched_at="2024-01-02T00:00:00Z", capture_id=None, crawl_id=None)
    store.close()
    sql = load_metadata()["databases"]["archive"]["queries"]["comments_removed"]["sql"]
    conn = _connect(tmp_path / "archive.db")
    assert [r["text"] for r in conn.execute(sql)] == ["c1", "c2"]
    conn.close()


def test_metadata_follows_the_database_name():
    data = load_metadata("news")
    assert list(data["databases"]) == ["news"]
    assert "/news/search" in data["description_html"]


def test_serve_prints_the_equivalent_datasette_command(archive_db, tmp_path):
    result = CliRunner().invoke(main, ["serve", str(archive_db), "--print-command"])
    assert result.exit_code == 0, result.output
    assert f"datasette serve {archive_db} -m {METADATA}" in result.stderr
    assert f"--plugins-dir {PLUGINS_DIR}" in result.stderr
    other = tmp_path / "news.db"
    other.write_bytes(archive_db.read_bytes())
    result = CliRunner().invoke(main, ["serve", str(other), "--print-command"])
    assert "metadata.json" in result.stderr


def test_serve_shows_templates_and_replay_in_its_command(archive_db, monkeypatch):
    monkeypatch.delenv("NEWSARCHIVE_REPLAY_URL", raising=False)
    args = ["serve", str(archive_db), "--replay", "http://localhost:8080/news/", "--print-command"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert f"--template-dir {TEMPLATES_DIR}" in result.stderr
    assert "$ NEWSARCHIVE_REPLAY_URL=http://localhost:8080/news/ datasette serve" in result.stderr
    assert "NEWSARCHIVE_REPLAY_URL" not in os.environ  # set only for the Datasette it becomes


def test_serve_without_archive_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no archive" in result.output
