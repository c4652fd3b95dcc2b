"""Exports read back by independent readers: the csv module, pyarrow/pandas,
DuckDB, and ``frictionless`` for ``datapackage.json``."""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli.main import main
from archive.export import ExportError, Selection, export_archive
from archive.export.fields import RESOURCES
from tests.archive.sample import FORMULA_TEXT, XSS_TEXT


def _db_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in RESOURCES}
    finally:
        conn.close()


def _export(db: Path, out: Path, fmt: str, *args: str) -> Path:
    result = CliRunner().invoke(
        main, ["export", str(db), "--format", fmt, "--out", str(out), *args]
    )
    assert result.exit_code == 0, result.output
    return out


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_reads_back_with_the_csv_module_and_is_spreadsheet_safe(archive_db, tmp_path):
    out = _export(archive_db, tmp_path / "csv", "csv")
    files = {name: _csv_rows(out / f"{name}.csv") for name in RESOURCES}
    assert {k: len(v) for k, v in files.items()} == _db_counts(archive_db)
    for name, rows in files.items():
        assert list(rows[0]) == [f.name for f in RESOURCES[name]]
    texts = {r["comment_id"]: r for r in files["comments"] if r["position"] in ("0", "6", "7")}
    assert texts["x2"]["text"] == "'" + FORMULA_TEXT  # neutralized
    assert texts["x2"]["author"] == "'-Mallory"
    assert texts["x1"]["text"] == XSS_TEXT  # text kept as is
    assert texts["0"]["text"].endswith(" comment 0 Ñandú «quoted», line\nbreak")
    other = next(r for r in files["articles"] if r["site"] == "other.example")
    assert other["body"] == "'+Plus body"
    assert other["comments_open"] == "false" and other["comments_complete"] == "true"
    raw = (out / "comments.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    putin = next(r for r in files["articles"] if r["title"].startswith("Putin"))
    assert json.loads(putin["authors"]) == ["Peter Spinella", "Ana Ruiz"]
    assert putin["published"] == "2024-03-01T14:00:00Z"
    assert putin["published_iso"] == "2024-03-01T09:00:00-05:00"
    media = {(r["article_id"], r["position"]): r for r in files["media"]}
    photo, scripted = media[(putin["id"], "0")], media[(putin["id"], "1")]
    assert (photo["url"], photo["caption"], photo["credit"], photo["alt"], photo["kind"]) == (
        "https://news.example/img/putin.jpg",
        "Presidents Maduro and Putin «Kremlin»",
        "Sputnik / Ñandú",
        "Two men",
        "image",
    )
    assert scripted["url"] == "" and scripted["caption"] == "'" + FORMULA_TEXT


def test_ids_join_across_files(archive_db, tmp_path):
    out = _export(archive_db, tmp_path / "jsonl", "jsonl")
    read = {
        name: [json.loads(line) for line in (out / f"{name}.jsonl").read_text("utf-8").splitlines()]
        for name in RESOURCES
    }
    article_ids = {a["id"] for a in read["articles"]}
    comment_ids = {c["id"] for c in read["comments"]}
    author_ids = {a["id"] for a in read["authors"]}
    assert {c["article_id"] for c in read["comments"]} <= article_ids
    assert {c["parent_id"] for c in read["comments"] if c["parent_id"]} <= comment_ids
    assert {i for a in read["articles"] for i in a["author_ids"]} == author_ids
    assert {m["article_id"] for m in read["media"]} <= article_ids
    assert len({m["id"] for m in read["media"]}) == len(read["media"]) == 3
    video = next(m for m in read["media"] if m["kind"] == "video")
    assert video["url"] == "https://www.youtube.com/embed/q" and video["caption"] is None
    ana = next(a for a in read["authors"] if a["name"] == "Ana Ruiz")
    assert ana["articles"] == 2
    putin = next(a for a in read["articles"] if a["title"].startswith("Putin"))
    assert putin["tags"] == ["Russia", "Venezuela"] and putin["comments_open"] is True
    again = _export(archive_db, tmp_path / "again", "jsonl")
    assert (again / "comments.jsonl").read_bytes() == (out / "comments.jsonl").read_bytes()


def test_parquet_reads_back_in_pandas_with_types(archive_db, tmp_path):
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    out = _export(archive_db, tmp_path / "pq", "parquet")
    counts = _db_counts(archive_db)
    frames = {name: pd.read_parquet(out / f"{name}.parquet") for name in RESOURCES}
    assert {k: len(v) for k, v in frames.items()} == counts
    articles = frames["articles"]
    assert str(articles["published"].dtype).startswith("datetime64") and "UTC" in str(
        articles["published"].dtype
    )
    assert articles["comments_count"].dtype == "int64"
    putin = articles[articles["title"].str.startswith("Putin")].iloc[0]
    assert list(putin["authors"]) == ["Peter Spinella", "Ana Ruiz"]
    assert putin["published"] == pd.Timestamp("2024-03-01T14:00:00Z")
    schema = pq.read_schema(out / "articles.parquet")
    assert schema.field("tags").type == pa.list_(pa.string())
    assert schema.field("published").type == pa.timestamp("ms", tz="UTC")
    assert schema.field("comments_open").type == pa.bool_()
    assert schema.field("title").metadata[b"description"]
    media = frames["media"].sort_values(["article_id", "position"])
    assert media["position"].dtype == "int64"
    assert sorted(media["kind"]) == ["image", "image", "video"]
    assert FORMULA_TEXT in set(media["caption"])  # Parquet keeps the text as it is
    nullable = pd.read_parquet(out / "articles.parquet", dtype_backend="numpy_nullable")
    assert str(nullable["comments_declared"].dtype) == "Int64"


def test_duckdb_joins_the_files(archive_db, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    pq_dir = _export(archive_db, tmp_path / "pq", "parquet")
    js_dir = _export(archive_db, tmp_path / "js", "jsonl")
    sql = (
        "select a.title, count(*) as n from '{d}/comments.{x}' c join '{d}/articles.{x}' a "
        "on a.id = c.article_id group by a.title order by n desc"
    )
    con = duckdb.connect()
    by_parquet = con.execute(sql.format(d=pq_dir, x="parquet")).fetchall()
    by_jsonl = con.execute(sql.format(d=js_dir, x="jsonl")).fetchall()
    assert by_parquet == by_jsonl == [("Putin Restates Support", 8), ("Havana queues", 3)]
    captions = (
        "select a.title, m.position, m.credit from '{d}/media.{x}' m join '{d}/articles.{x}' a "
        "on a.id = m.article_id where m.caption is not null order by a.title, m.position"
    )
    assert con.execute(captions.format(d=pq_dir, x="parquet")).fetchall() == [
        ("Putin Restates Support", 0, "Sputnik / Ñandú"),
        ("Putin Restates Support", 1, None),
    ]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_datapackage_validates_with_frictionless(archive_db, tmp_path, fmt):
    frictionless = pytest.importorskip("frictionless")
    out = _export(archive_db, tmp_path / fmt, fmt)
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_datapackage_describes_every_file(archive_db, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    out = _export(archive_db, tmp_path / "pq", "parquet")
    descriptor = json.loads((out / "datapackage.json").read_text())
    assert frictionless.Package.validate_descriptor(descriptor).valid
    counts = _db_counts(archive_db)
    for res in descriptor["resources"]:
        path = out / res["path"]
        assert res["hash"] == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
        assert res["bytes"] == path.stat().st_size and res["rows"] == counts[res["name"]]
        assert all(f["description"] for f in res["schema"]["fields"])
    card = (out / "README.md").read_text()
    for needle in (
        "news.example",
        "How to cite",
        "pd.read_parquet",
        "arrow::read_parquet",
        "### media",
    ):
        assert needle in card


def test_filters_select_articles_and_their_comments(archive_db, tmp_path):
    out = _export(archive_db, tmp_path / "site", "csv", "--site", "news.example")
    assert len(_csv_rows(out / "articles.csv")) == 2
    out = _export(
        archive_db, tmp_path / "dates", "csv", "--since", "2024-03-01", "--until", "2024-03-31"
    )
    (only,) = _csv_rows(out / "articles.csv")
    assert only["title"] == "Putin Restates Support"
    assert len(_csv_rows(out / "comments.csv")) == 8
    assert {r["name"] for r in _csv_rows(out / "authors.csv")} == {"Peter Spinella", "Ana Ruiz"}
    assert len(_csv_rows(out / "media.csv")) == 2
    out = _export(archive_db, tmp_path / "q", "csv", "--query", "a.language = 'es'")
    assert [r["title"] for r in _csv_rows(out / "articles.csv")] == ["Havana queues"]
    assert [r["kind"] for r in _csv_rows(out / "media.csv")] == ["video"]
    tagged = "exists (select 1 from json_each(a.tags) where value = 'Russia')"
    out = _export(archive_db, tmp_path / "tags", "csv", "--query", tagged)
    assert [r["title"] for r in _csv_rows(out / "articles.csv")] == ["Putin Restates Support"]


@pytest.mark.parametrize(
    "query",
    [
        "1); drop table articles; --",
        "1 = (select count(*) from pragma_table_info('articles'))",
        "a.id in (select 1 from (select load_extension('x')))",
        "a.id = 'x' union select * from articles",
        "a.id in (select name from pragma_table_info('articles'))",
    ],
)
def test_query_cannot_modify_the_archive(archive_db, tmp_path, query):
    before = hashlib.sha256(archive_db.read_bytes()).hexdigest()
    with pytest.raises(ExportError):
        export_archive(archive_db, tmp_path / "x", "csv", Selection(where=query))
    result = CliRunner().invoke(
        main, ["export", str(archive_db), "--out", str(tmp_path / "y"), "--query", query]
    )
    assert result.exit_code == 1 and "selection failed" in result.output
    assert hashlib.sha256(archive_db.read_bytes()).hexdigest() == before
    assert _db_counts(archive_db)["articles"] == 3


def test_progress_goes_to_stderr_and_summary_to_stdout(archive_db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["export", str(archive_db), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert result.stdout.startswith("Exported 3 articles, 11 comments, 2 authors, 3 media as csv")
    assert "comments" in result.stderr


def test_missing_archive_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["export", str(tmp_path / "none.db"), "--out", "x"])
    assert result.exit_code == 1 and "no archive" in result.output


def test_comments_export_carries_moderation_marks(archive_db, tmp_path):
    """A comment a moderator removed (``removed_at``, issue #7) is evidence the
    dataset must keep; one still standing has the field empty."""
    conn = sqlite3.connect(archive_db)
    removed = conn.execute("select id from comments order by id limit 1").fetchone()[0]
    conn.execute("update comments set removed_at = '2026-11-29T10:00:00Z' where id = ?", [removed])
    conn.commit()
    conn.close()
    out = _export(archive_db, tmp_path / "csv", "csv")
    marks = {r["id"]: r["removed_at"] for r in _csv_rows(out / "comments.csv")}
    assert marks.pop(removed).startswith("2026-11-29T10:00:00")
    assert marks and not any(marks.values())
