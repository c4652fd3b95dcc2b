"""Recrawl benchmark: a second run over an unchanged site against the first run.

Serves an N-article demo site in its own process, crawls it into a fresh
archive (full pipeline, sitemap discovery, as bench/crawl.py), then crawls it
again into the same archive: the recrawl policy skips the known articles
(none is due: the demo site's articles are older than 60 days) and only
robots.txt and the sitemaps are fetched again.  Both runs' wall time (the
whole ``scrapy crawl`` process) and Scrapy's own elapsed time are printed
side by side, with the ratio (target: the second run costs at most 10%).
A third run makes every article due by age (``ARCHIVE_RECRAWL_POLICY``: every
run): those with open comments are requested with their validators and answer
304 (archived, not parsed); the others are skipped by their sitemap lastmod.

    .venv/bin/python bench/recrawl.py [--articles 5000]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from archive.cli.demo import crawl_command  # noqa: E402
from bench.crawl import COMMON, ROOT, start_site  # noqa: E402

EVERY_RUN = ["-s", 'ARCHIVE_RECRAWL_POLICY={"tiers": [[36500, 0]]}']


def crawl(url: str, workdir: Path, name: str, *extra: str) -> dict[str, float]:
    db, warc = workdir / f"{name}.db", workdir / f"{name}-warc"
    cmd = crawl_command(url, str(db), str(warc), *COMMON, *extra)
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings", PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if run.returncode:
        raise SystemExit(f"crawl failed:\n{run.stderr[-3000:]}")
    pages = int(re.search(r"'response_received_count': (\d+)", run.stderr).group(1))
    secs = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", run.stderr).group(1))
    conn = sqlite3.connect(db)
    row = conn.execute(
        "SELECT new, refetched, unchanged, skipped_policy FROM crawls ORDER BY id DESC LIMIT 1"
    ).fetchone()
    conn.close()
    keys = ("new", "refetched", "unchanged", "skipped_policy")
    return {"wall_s": wall, "scrapy_s": secs, "pages": pages, **dict(zip(keys, row, strict=True))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "recrawl.json"))
    args = ap.parse_args()
    proc, url = start_site(args.articles)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            print(f"demo site: {url} ({args.articles} articles); warming up", flush=True)
            crawl(url, work, "warmup")  # the server renders and caches every page once
            runs = {"first": crawl(url, work, "archive"), "second": crawl(url, work, "archive")}
            runs["all 304"] = crawl(url, work, "archive", *EVERY_RUN)
    finally:
        proc.terminate()
    for name, r in runs.items():
        print(
            f"{name:>7} run: {r['pages']:6d} pages, wall {r['wall_s']:7.2f} s, "
            f"scrapy {r['scrapy_s']:7.2f} s; new {r['new']}, refetched {r['refetched']}, "
            f"unchanged {r['unchanged']}, skipped by policy {r['skipped_policy']}"
        )
    ratio = {k: runs["second"][k] / runs["first"][k] for k in ("wall_s", "scrapy_s")}
    print(
        f"\nsecond/first: wall {ratio['wall_s']:.1%}, scrapy elapsed {ratio['scrapy_s']:.1%} "
        "(target <= 10%)"
    )
    r304 = runs["all 304"]["scrapy_s"] / runs["first"]["scrapy_s"]
    print(f"all-304 run/first: scrapy elapsed {r304:.1%}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(
        json.dumps({"articles": args.articles, "runs": runs, "ratio": ratio}, indent=2)
    )


if __name__ == "__main__":
    main()
