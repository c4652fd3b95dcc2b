"""Reading-room benchmark: how long the article page of an 80-comment thread
takes to serve under ``newsarchive serve``, on the demo archive.

Builds the demo site of ``make demo`` (60 articles, seed 1), brings its most
commented ordinary article to exactly 80 comments (a third of the added ones
are replies, so the thread nests), crawls it with the real spider, starts
``newsarchive serve`` and requests pages over HTTP one after another: the
80-comment article page, the demo's 110-comment threads, the reference
article, and side by side Datasette's own pages for the same thread (the
``thread`` stored query, the row as JSON).  Prints median, 90th percentile
and max per page, and the 80-comment page's median against the 300 ms target.

    .venv/bin/python bench/reading.py [--requests 40]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from archive.cli.demo import crawl_command  # noqa: E402
from demosite import build_site  # noqa: E402
from demosite.content import content  # noqa: E402
from demosite.server import DemoServer  # noqa: E402

TARGET_MS, COMMENTS = 300, 80


def grow_thread(server: DemoServer) -> str:
    """Bring the ordinary article with most comments (under 80) to exactly 80; its path."""
    site = server.site
    posts = [p for p in site.posts if p.special is None and p.comment_status == "open"]
    post = max((p for p in posts if p.n_comments < COMMENTS), key=lambda p: p.n_comments)
    rng = random.Random(19)
    ids = [c.id for c in content(site, post).comments]
    for i in range(COMMENTS - len(ids)):
        parent = rng.choice(ids) if i % 3 == 2 else None
        ids.append(server.add_comment(post.path, f"Benchmark comment {i}.", parent=parent))
        server.advance(minutes=rng.randint(1, 90))
    return post.path


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [str(Path(sys.executable).parent / "newsarchive"), "serve", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/-/versions.json", timeout=1).close()
            return proc, url
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("newsarchive serve did not start")


def timed(url: str, n: int) -> dict[str, float]:
    for _ in range(3):  # warm up: templates compiled, pages cached by SQLite
        urllib.request.urlopen(url, timeout=30).read()
    times = []
    for _ in range(n):
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as response:
            size = len(response.read())
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "median_ms": statistics.median(times),
        "p90_ms": times[int(0.9 * (n - 1))],
        "max_ms": times[-1],
        "bytes": size,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "reading.json"))
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-reading-"))
    db = work / "archive.db"
    with DemoServer(build_site(articles=60, seed=1)) as server:
        path = grow_thread(server)
        env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
        cmd = crawl_command(server.url, str(db), str(work / "warc"), "-s", "LOG_LEVEL=ERROR")
        subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    conn = sqlite3.connect(db)
    grown = conn.execute("select id, comments_count from articles where url like ?", [f"%{path}"])
    grown_id, count = grown.fetchone()
    longest = conn.execute("select id from articles where comments_count = 110 limit 1").fetchone()
    reference = conn.execute(
        "select id from articles where title like 'Putin Restates%'"
    ).fetchone()
    conn.close()
    pages = {
        f"article page, {count} comments": f"/archive/articles/{grown_id}",
        "article page, 110 comments": f"/archive/articles/{longest[0]}",
        "article page, reference (8)": f"/archive/articles/{reference[0]}",
        f"thread query, {count} comments": f"/archive/thread?article={grown_id}",
        "row as JSON": f"/archive/articles/{grown_id}.json",
    }
    proc, base = serve(db)
    try:
        results = {name: timed(base + p, args.requests) for name, p in pages.items()}
    finally:
        proc.terminate()
        proc.wait(10)
    print(f"{'page':<32} {'median':>9} {'p90':>9} {'max':>9} {'KiB':>7}")
    for name, r in results.items():
        print(
            f"{name:<32} {r['median_ms']:>7.1f}ms {r['p90_ms']:>7.1f}ms {r['max_ms']:>7.1f}ms"
            f" {r['bytes'] / 1024:>7.1f}"
        )
    main_page = results[f"article page, {count} comments"]
    print(
        f"\n{count}-comment article page: median {main_page['median_ms']:.1f} ms, "
        f"{main_page['median_ms'] / TARGET_MS:.2f} of the {TARGET_MS} ms target"
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"comments": count, "pages": results}, indent=2))


if __name__ == "__main__":
    main()
