"""`newsarchive demo` (what `make demo` runs) is idempotent: a rerun updates, never duplicates."""

from __future__ import annotations

import socket
import sqlite3

from click.testing import CliRunner

from archive.cli.main import main


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_demo_twice_updates_and_never_duplicates(tmp_path):
    port = _free_port()
    args = [
        "demo",
        "--plain",  # (the browser stage has tests of its own: tests/archive/crawl/browser/)
        "--articles",
        "12",
        "--port",
        str(port),
        "--db",
        str(tmp_path / "a.db"),
        "--warc-dir",
        str(tmp_path / "warc"),
    ]
    counts = []
    for _ in range(2):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert "articles" in result.output and "newsarchive serve" in result.output
        conn = sqlite3.connect(tmp_path / "a.db")
        counts.append(
            [
                conn.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("articles", "comments", "authors", "captures", "crawls")
            ]
        )
        conn.close()
    (a1, c1, au1, cap1, cr1), (a2, c2, au2, cap2, cr2) = counts
    assert (a2, c2, au2) == (a1, c1, au1) and a1 == 12
    assert (cr1, cr2) == (1, 2)
    # the rerun fetches discovery pages again; the recrawl policy (#7) skips
    # the known articles, all older than 60 days
    assert cap1 < cap2 < 2 * cap1
    conn = sqlite3.connect(tmp_path / "a.db")
    row = conn.execute("select new, refetched, skipped_policy from crawls where id = 2").fetchone()
    conn.close()
    assert row == (0, 0, 12)


def test_demo_on_a_busy_port_is_a_clear_error(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            main, ["demo", "--port", str(port), "--db", str(tmp_path / "a.db")]
        )
    assert result.exit_code == 1
    assert "pass --port" in result.output
