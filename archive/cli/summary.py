"""What an archive holds, for humans (end of ``make demo``, ``newsarchive summary``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def archive_summary(db_path: str, warc_dir: str) -> dict[str, Any]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:

        def count(sql: str) -> int:
            return conn.execute(sql).fetchone()[0]

        out: dict[str, Any] = {
            "db": db_path,
            "articles": count("select count(*) from articles"),
            "comments": count("select count(*) from comments"),
            "authors": count("select count(*) from authors"),
            "captures": count("select count(*) from captures"),
            "crawls": count("select count(*) from crawls"),
            "sites": count("select count(distinct site) from articles"),
        }
        conn.row_factory = sqlite3.Row
        last = conn.execute("select * from crawls order by id desc limit 1").fetchone()
        out["last_crawl"] = dict(last) if last else None
    finally:
        conn.close()
    files = sorted(Path(warc_dir).glob("*.warc.gz")) if Path(warc_dir).is_dir() else []
    out["warc_dir"] = warc_dir
    out["warc_files"] = len(files)
    out["warc_bytes"] = sum(f.stat().st_size for f in files)
    return out


def format_summary(s: dict[str, Any]) -> str:
    lines = [
        f"Archive {s['db']}",
        f"  articles   {s['articles']:>8,}  from {s['sites']} site(s), {s['authors']:,} authors",
        f"  comments   {s['comments']:>8,}",
        f"  captures   {s['captures']:>8,}  HTTP exchanges, in {s['crawls']} crawl(s)",
        f"  WARC       {s['warc_files']:>8,}  file(s), {s['warc_bytes']:,} bytes in {s['warc_dir']}",
    ]
    last = s.get("last_crawl")
    if last:
        lines.append(
            f"  last crawl #{last['id']} ({last['spider']}): {last['pages'] or 0} pages, "
            f"{last['items'] or 0} articles, finished: {last['finish_reason']}"
        )
        if last.get("articles_started") is not None:  # (archives from before #15 lack it)
            lost = last["articles_started"] - (last["articles_stored"] or 0)
            lost -= (last["articles_failed"] or 0) + (last["articles_unfinished"] or 0)
            lines.append(
                f"             article pages: {last['articles_started']} started, "
                f"{last['articles_stored']} stored, {last['articles_failed']} failed"
                + (
                    f", {last['articles_unfinished']} unfinished"
                    if last["articles_unfinished"]
                    else ""
                )
                + (f", {lost} LOST (a bug: see the log)" if lost else "")
            )
    lines += ["", "Open it in Datasette:", f"  .venv/bin/newsarchive serve {s['db']}"]
    return "\n".join(lines)
