"""The real-WordPress crawl (issue #15): requests and time, beside the same crawl
at another git revision (the code before a change), side by side.

Starts the test WordPress of ``tests/wordpress`` (Debian's WordPress 6.1,
MariaDB, Apache with mod_php; root and the packages of .ci/run needed), fills
it once, then alternates crawls of it by this checkout and by ``--before REV``
(exported with ``git archive``; its ``scrapy crawl`` runs from that copy, so
it imports that revision's code).  Per crawl: requests the server answered
(its access log), wall time, articles and comments stored, against what
WordPress holds.  Medians over ``--rounds``, printed and saved as JSON.

    .venv/bin/python bench/wordpress.py [--before main] [--rounds 2]
        [--theme twentytwentyone] [--order newest] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.wordpress import content  # noqa: E402
from tests.wordpress.crawl import run_crawl  # noqa: E402
from tests.wordpress.harness import WordPressSite, missing_parts, new_run_dir  # noqa: E402
from tests.wordpress.truth import Truth  # noqa: E402


def export(rev: str, into: Path) -> Path:
    """The project's files at ``rev`` in ``into``."""
    tar = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=tar.stdout, check=True)
    return into


def measure(site: WordPressSite, project: Path, out: Path) -> dict:
    crawl = run_crawl("bench", site.url, out, site.access_log, project=project)
    if crawl.returncode != 0:
        raise SystemExit(f"crawl by {project} failed:\n{crawl.stderr[-3000:]}")
    conn = sqlite3.connect(crawl.db)
    try:
        articles = conn.execute("select count(*) from articles").fetchone()[0]
        comments = conn.execute("select count(*) from comments").fetchone()[0]
    finally:
        conn.close()
    replies = sum("replytocom" in line for line in crawl.server_requests)
    return {
        "requests": len(crawl.server_requests),
        "reply_link_requests": replies,
        "seconds": round(crawl.seconds, 1),
        "articles": articles,
        "comments": comments,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", default="main", help="git revision to compare with")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--theme", default="twentytwentyone")
    ap.add_argument("--order", default="newest", choices=("newest", "oldest"))
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args()
    if missing := missing_parts():
        raise SystemExit("real WordPress needs " + ", ".join(missing))
    work = Path(tempfile.mkdtemp(prefix="bench-wordpress-"))
    (work / "before").mkdir()
    projects = {"before": export(args.before, work / "before"), "after": ROOT}
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    run_dir = new_run_dir()
    try:
        with WordPressSite(run_dir) as site:
            truth = Truth.from_wordpress(content.install_and_fill(site))
            content.configure(site, args.theme, args.order)
            for k in range(args.rounds):
                for name, project in projects.items():
                    result = measure(site, project, work / f"{name}-{k}")
                    runs[name].append(result)
                    print(name, k, result, flush=True)
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    report = {
        "before": args.before,
        "theme": args.theme,
        "order": args.order,
        "posts": len(truth.posts),
        "comments": truth.comments,
        "median": {
            name: {key: statistics.median(r[key] for r in rs) for key in rs[0]}
            for name, rs in runs.items()
        },
        "runs": runs,
    }
    print(f"\n{len(truth.posts)} posts, {truth.comments} approved comments in WordPress")
    labels = {"before": f"before ({args.before})", "after": "after (this checkout)"}
    width = max(len(v) for v in labels.values())
    columns = ("requests", "reply links", "seconds", "articles", "comments")
    print(" " * width + "".join(f"{c:>13}" for c in columns))
    for name, m in report["median"].items():
        values = (
            m["requests"],
            m["reply_link_requests"],
            m["seconds"],
            m["articles"],
            m["comments"],
        )
        print(f"{labels[name]:{width}}" + "".join(f"{v:>13g}" for v in values))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
