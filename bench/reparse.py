"""Re-parse benchmark: pages/s of ``newsarchive reparse`` against the crawl that made the archive.

For each archive size, serves an N-article demo site (own process), crawls it
with the full pipeline as ``bench/crawl.py`` does (one warm-up crawl so that
the server has rendered every page, then the measured one), then re-parses
the WARC files into a fresh database holding only the captures, in a
subprocess that reports its own and its workers' CPU and peak RSS.  Peak RSS
should stay flat as the archive grows (tasks are fed to the pool through a
bounded window, results written in batches).

For the smallest size it also re-parses in one process with timers
(``bench/reparse_profile.py``): CPU per page by component.  From the parse's
share P and the crawl's CPU per page C it prints the bound no re-parse can
beat, however cheap everything but the parse: C/P pages per CPU-second
against the crawl's, and cores/P pages/s.

    .venv/bin/python bench/reparse.py [--sizes 2500,10000] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.crawl import crawl, start_site  # noqa: E402
from bench.reparse_profile import report  # noqa: E402

CHILD = """
import json, resource, sys
from archive.reparse.run import reparse
stats = reparse(sys.argv[1], sys.argv[2], jobs=int(sys.argv[3]) or None)
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "cpu_seconds": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
    "parent_cpu_seconds": me.ru_utime + me.ru_stime,  # with its imports (~0.5 s)
    "worker_cpu_seconds": kids.ru_utime + kids.ru_stime,
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
            "from archive.store.writer import ArchiveStore\n"
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


def one_size(articles: int, jobs: int, work: Path, profile: bool = False) -> dict:
    proc, url = start_site(articles)
    try:
        crawl("full", url, work)  # warm-up, as bench/crawl.py: the server renders every page
        before = _children_cpu()
        crawled = crawl("full", url, work)  # the crawl process and its parser workers
        crawled["cpu_seconds"] = _children_cpu() - before
    finally:
        proc.terminate()
    db = work / f"reparse-{articles}.db"
    fresh_db(work / "full.db", db)
    warc = work / "full-warc"
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), str(warc), str(jobs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    reparsed = json.loads(run.stdout.strip().splitlines()[-1])
    result = {"articles": articles, "crawl": crawled, "reparse": reparsed}
    if profile:
        run = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "reparse_profile.py"), str(db), str(warc)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        result["components_ms"] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


def bound(res: dict, cores: int) -> dict[str, float]:
    """What even a re-parse with no cost but the parse could reach here."""
    parse_ms = res["components_ms"]["parse (scrapers.parsers)"]
    crawl_ms = res["crawl"]["cpu_seconds"] * 1000 / res["crawl"]["pages"]
    return {
        "parse_ms": parse_ms,
        "crawl_cpu_ms": crawl_ms,
        "cpu_ratio": crawl_ms / parse_ms,  # pages per CPU-second, re-parse over crawl
        "pages_per_s": cores * 1000 / parse_ms,
        "wall_ratio": cores * 1000 / parse_ms / res["crawl"]["pages_per_s"],
        # cores the crawl kept busy: ~1.7 of 2 on a quiet machine, less when others run
        "crawl_cores": res["crawl"]["cpu_seconds"] / res["crawl"]["seconds"],
    }


def print_size(res: dict) -> None:
    c, r, n = res["crawl"], res["reparse"], res["reparse"]["pages"]
    print(
        f"{res['articles']:6d} articles: crawl {c['pages']} pages {c['pages_per_s']:.1f} pages/s; "
        f"reparse {n} pages {r['pages_per_s']:.1f} pages/s "
        f"({r['pages_per_s'] / c['pages_per_s']:.1f}x), {r['errors']} errors; "
        f"pages per CPU-second: crawl {c['pages_per_cpu_s']:.0f}, reparse "
        f"{r['pages_per_cpu_s']:.0f} ({r['pages_per_cpu_s'] / c['pages_per_cpu_s']:.1f}x); "
        f"CPU ms/page: crawl {c['cpu_seconds'] * 1000 / c['pages']:.2f}, reparse "
        f"{r['cpu_seconds'] * 1000 / n:.2f} (parent {r['parent_cpu_seconds'] * 1000 / n:.2f}, "
        f"workers {r['worker_cpu_seconds'] * 1000 / n:.2f}); "
        f"peak RSS parent {r['parent_rss_mb']:.0f} MB, worker {r['worker_rss_mb']:.0f} MB",
        flush=True,
    )


def print_profile(res: dict, cores: int) -> None:
    print(f"  re-parse CPU by component, one process ({res['articles']} articles):")
    report(res["components_ms"])
    b = res["bound"] = bound(res, cores)
    print(
        f"  bound: parse P = {b['parse_ms']:.2f} ms/page, crawl C = {b['crawl_cpu_ms']:.2f} "
        f"CPU-ms/page; with zero cost besides the parse, a re-parse gets at most C/P = "
        f"{b['cpu_ratio']:.1f}x the crawl's pages per CPU-second, and {cores}/P = "
        f"{b['pages_per_s']:.0f} pages/s on {cores} cores = {b['wall_ratio']:.1f}x this "
        f"crawl's pages/s, which kept {b['crawl_cores']:.2f} cores busy (target 5x)",
        flush=True,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="2500,10000")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (0: all cores)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "reparse.json"))
    args = ap.parse_args()
    results = []
    cores = args.jobs or os.cpu_count() or 1
    for i, size in enumerate(int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            res = one_size(size, args.jobs, Path(tmp), profile=i == 0)
        c, r = res["crawl"], res["reparse"]
        # CPU per page as well: other tenants of a shared machine slow the
        # crawl and the re-parse at different moments, CPU time much less.
        c["pages_per_cpu_s"] = c["pages"] / c["cpu_seconds"]
        r["pages_per_cpu_s"] = r["pages"] / r["cpu_seconds"]
        print_size(res)
        if "components_ms" in res:
            print_profile(res, cores)
        results.append(res)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
