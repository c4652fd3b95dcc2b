"""Re-parse benchmark: pages/s of ``newsarchive reparse`` against the crawl that made the archive.

For each archive size, serves an N-article demo site (own process), crawls it
with the full pipeline (as ``bench/crawl.py`` does), then re-parses the WARC
files into a fresh database holding only the captures, in a subprocess that
reports its own and its workers' peak RSS.  Peak RSS should stay flat as the
archive grows (tasks are fed to the pool through a bounded window, results
written in batches).

    .venv/bin/python bench/reparse.py [--sizes 2500,10000] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.crawl import crawl, start_site  # noqa: E402

CHILD = """
import json, resource, sys
from archive.reparse import reparse
stats = reparse(sys.argv[1], sys.argv[2], jobs=int(sys.argv[3]) or None)
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "cpu_seconds": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
    "pages": stats.pages, "articles": stats.articles, "comments": stats.comments,
    "errors": stats.errors, "seconds": stats.seconds, "pages_per_s": stats.pages_per_s,
    "parent_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


def fresh_db(src: Path, dst: Path) -> None:
    """A new archive holding only the crawl's captures: the re-parse rebuilds the rest."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            "from archive.store import ArchiveStore\n"
            "ArchiveStore.open(sys.argv[2]).close()\n"
            "c = sqlite3.connect(sys.argv[2]); c.execute('attach ? as s', (sys.argv[1],))\n"
            "c.execute('insert into captures select * from s.captures order by rowid')\n"
            "c.commit()",
            str(src),
            str(dst),
        ],
        cwd=ROOT,
        check=True,
    )


def _children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def one_size(articles: int, jobs: int, work: Path) -> dict:
    proc, url = start_site(articles)
    try:
        before = _children_cpu()
        crawled = crawl("full", url, work)  # the crawl process and its parser workers
        crawled["cpu_seconds"] = _children_cpu() - before
    finally:
        proc.terminate()
    db = work / f"reparse-{articles}.db"
    fresh_db(work / "full.db", db)
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), str(work / "full-warc"), str(jobs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    reparsed = json.loads(run.stdout.strip().splitlines()[-1])
    return {"articles": articles, "crawl": crawled, "reparse": reparsed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="2500,10000")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (0: all cores)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "reparse.json"))
    args = ap.parse_args()
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            res = one_size(size, args.jobs, Path(tmp))
        c, r = res["crawl"], res["reparse"]
        # CPU per page as well: other tenants of a shared machine slow the
        # crawl and the re-parse at different moments, CPU time much less.
        c["pages_per_cpu_s"] = c["pages"] / c["cpu_seconds"]
        r["pages_per_cpu_s"] = r["pages"] / r["cpu_seconds"]
        print(
            f"{size:6d} articles: crawl {c['pages']} pages {c['pages_per_s']:.1f} pages/s; "
            f"reparse {r['pages']} pages {r['pages_per_s']:.1f} pages/s "
            f"({r['pages_per_s'] / c['pages_per_s']:.1f}x), {r['errors']} errors; "
            f"pages per CPU-second: crawl {c['pages_per_cpu_s']:.0f}, reparse "
            f"{r['pages_per_cpu_s']:.0f} ({r['pages_per_cpu_s'] / c['pages_per_cpu_s']:.1f}x); "
            f"peak RSS parent {r['parent_rss_mb']:.0f} MB, worker {r['worker_rss_mb']:.0f} MB",
            flush=True,
        )
        results.append(res)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
