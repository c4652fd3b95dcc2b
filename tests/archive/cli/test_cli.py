"""The `newsarchive` command line: parse, manifest contract, summary."""

from __future__ import annotations

import json

from click.testing import CliRunner

from archive.cli.main import main
from archive.store.writer import ArchiveStore
from scrapers.items import Article

PAGE = b"""<html lang="en"><head><title>Hello | Site</title></head>
<body class="single single-post postid-7"><article><h1 class="entry-title">Hello</h1>
<div class="entry-meta">By <a rel="author" href="/author/ann/">Ann Lee</a></div>
<div class="entry-content"><p>First paragraph of the story, long enough to count.</p>
<p>Second paragraph of the story, also long enough to count.</p></div></article></body></html>"""


def test_parse_file_prints_a_record(tmp_path):
    page = tmp_path / "p.html"
    page.write_bytes(PAGE)
    result = CliRunner().invoke(main, ["parse", str(page), "--url", "https://x.example/a/"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["title"] == "Hello"
    assert record["authors"] == ["Ann Lee"]
    assert record["body"].startswith("First paragraph")


def test_manifest_gives_one_line_per_input_in_order_and_errors_as_lines(tmp_path):
    (tmp_path / "ok.html").write_bytes(PAGE)
    (tmp_path / "empty.html").write_bytes(b"")
    lines = [
        {"path": "ok.html", "url": "https://x.example/1"},
        {"path": str(tmp_path / "missing.html"), "url": "https://x.example/2"},
        {"path": "empty.html", "url": ""},
    ]
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n")
    result = CliRunner().invoke(main, ["parse", "--manifest", str(manifest)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["url"] for o in out] == ["https://x.example/1", "https://x.example/2", "", ""]
    assert out[0]["title"] == "Hello" and "error" not in out[0]
    assert "error" in out[1] and "error" in out[3]
    assert "error" not in out[2] and out[2]["body"] == ""
    for record in out:
        assert {"url", "title", "authors", "published", "body", "comments"} <= set(record)


def test_parse_without_input_is_a_usage_error():
    result = CliRunner().invoke(main, ["parse"])
    assert result.exit_code == 2
    assert "--manifest" in result.output


def test_summary_of_an_archive(tmp_path):
    db = tmp_path / "a.db"
    store = ArchiveStore.open(db)
    store.add_article(
        Article(url="https://x.example/a/", title="T", body="B"),
        fetched_at="t",
        capture_id=None,
        crawl_id=None,
    )
    store.close()
    result = CliRunner().invoke(main, ["summary", str(db), "--warc-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "articles" in result.output and "newsarchive serve" in result.output


def test_summary_without_archive_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["summary", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no archive" in result.output
