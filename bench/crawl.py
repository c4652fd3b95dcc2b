"""Crawl benchmark: pages/s of the full pipeline against bare Scrapy, side by side.

Serves an N-article demo site in its own process (the server has the second
core), then alternates crawls of it: bare Scrapy (same spider class and
settings; no parsing, no pipeline, no WARC) and the full newsarchive pipeline
(parser, WARC, SQLite).  Both discover the articles from the sitemaps.  Several
rounds, medians, and the ratio full/bare are printed and saved as JSON.

    .venv/bin/python bench/crawl.py [--articles 5000] [--rounds 3]

``--profile`` runs one full crawl under cProfile instead and prints where the
crawl process's main thread spends its CPU (thread CPU time, not wall time), grouped by component (Scrapy and Twisted, our
middlewares, WARC, SQLite, the spider's callbacks and parse offload): the
parse workers are other processes and not in it.

    .venv/bin/python bench/crawl.py --articles 5000 --profile
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from archive.cli.demo import crawl_command  # noqa: E402
from bench.cpu import process_cpu  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COMMON = [
    "-a",
    "discover=sitemaps",
    "-s",
    "AUTOTHROTTLE_ENABLED=False",
    "-s",
    "CONCURRENT_REQUESTS=32",
    "-s",
    "CONCURRENT_REQUESTS_PER_DOMAIN=32",
    "-s",
    "LOG_LEVEL=INFO",
    "-s",
    'EXTENSIONS={"bench.cpu.CpuStats": 0}',  # CPU per process, as stats (bench/cpu.py)
]
MODES = {
    "bare": [
        "wordpress_bare",
        "-s",
        "SPIDER_MODULES=bench.bare",
        "-s",
        "ITEM_PIPELINES={}",
        "-s",
        "ARCHIVE_WARC_ENABLED=False",
        "-s",
        "ADDONS={}",  # no reliability add-on either: plain Scrapy
    ],
    "full": ["wordpress"],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_site(articles: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "archive.cli.main",
            "demo-site",
            "--port",
            str(port),
            "--articles",
            str(articles),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(600):
        try:
            urllib.request.urlopen(url + "robots.txt", timeout=1).read()
            return proc, url
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("demo site did not start")


# Runs `scrapy` under cProfile timed by the main thread's CPU clock: on a busy
# machine wall time would charge other processes' turns to whatever syscall
# (a pipe write, a socket send) happened to wake them.
_PROFILED = """
import cProfile, sys, time
from scrapy.cmdline import execute
out = sys.argv.pop(1)
sys.argv[0] = "scrapy"
prof = cProfile.Profile(time.thread_time)
try:
    prof.runcall(execute)
except SystemExit:
    pass
finally:
    prof.dump_stats(out)
"""


def crawl(
    mode: str, url: str, workdir: Path, profile: Path | None = None, server: int | None = None
) -> dict[str, float]:
    db, warc = workdir / f"{mode}.db", workdir / f"{mode}-warc"
    for p in workdir.glob(f"{mode}*"):
        subprocess.run(["rm", "-rf", str(p)], check=True)
    spider, *extra = MODES[mode]
    # later -s options win: COMMON overrides the demo's concurrency
    cmd = crawl_command(url, str(db), str(warc), *COMMON, *extra, spider=spider)
    if profile is not None:
        cmd[1:3] = ["-c", _PROFILED, str(profile)]  # replaces "-m scrapy"
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings", PYTHONPATH=str(ROOT))
    server_before = process_cpu(server) if server else 0.0
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(f"{mode} crawl failed:\n{run.stderr[-3000:]}")
    pages = int(re.search(r"'response_received_count': (\d+)", run.stderr).group(1))
    secs = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", run.stderr).group(1))
    res = {"pages": pages, "seconds": secs, "pages_per_s": pages / secs}
    # CPU milliseconds per page: the crawl process, its main thread, the parse
    # workers (bench/cpu.py) and the demo server (includes process start/stop
    # idling, which is small)
    for name in ("crawl", "main_thread", "workers"):
        found = re.search(rf"'bench/cpu/{name}': ([\d.]+)", run.stderr)
        res[f"cpu_{name}_ms"] = float(found.group(1)) * 1000 / pages if found else float("nan")
    if server:
        res["cpu_server_ms"] = (process_cpu(server) - server_before) * 1000 / pages
    return res


# Where a function's own time goes: the first matching path fragment names it.
GROUPS = (
    ("parser (in process)", "scrapers/parsers/"),
    ("spiders + offload", "scrapers/"),
    ("recrawl", "archive/recrawl"),
    ("reliability", "archive/reliability/"),
    ("failures", "archive/failures"),
    ("download handler", "archive/download"),
    ("WARC", "archive/capture"),
    ("WARC", "archive/warc"),
    ("WARC", "warcio/"),
    ("SQLite", "archive/store"),
    ("SQLite", "archive/history"),
    ("SQLite", "sqlite_utils/"),
    ("SQLite", "sqlite3"),
    ("archive (other)", "archive/"),
    ("Scrapy", "scrapy/"),
    ("Twisted", "twisted/"),
    ("asyncio", "asyncio/"),
    ("lxml", "lxml"),
    ("zlib/gzip", "zlib"),
    ("zlib/gzip", "gzip"),
    ("process pool", "concurrent/"),
    ("process pool", "multiprocessing/"),
)


def profile_report(path: Path, pages: int, top: int = 25) -> None:
    """Own CPU time of the crawl process per component, then the top functions."""
    stats = pstats.Stats(str(path))
    groups: dict[str, float] = {}
    for (filename, _line, name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        where = f"{filename}:{name}"
        group = next((g for g, frag in GROUPS if frag in where), "other (stdlib, C)")
        groups[group] = groups.get(group, 0.0) + tottime
    total = sum(groups.values())
    print(
        f"\ncrawl process CPU: {total:.2f} s for {pages} pages ({total * 1000 / pages:.2f} ms/page)"
    )
    for group, secs in sorted(groups.items(), key=lambda kv: -kv[1]):
        print(f"  {group:<22} {secs * 1000 / pages:6.3f} ms/page  {secs / total:6.1%}")
    print()
    stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "crawl.json"))
    ap.add_argument("--profile", action="store_true", help="profile one full crawl instead")
    args = ap.parse_args()
    proc, url = start_site(args.articles)
    if args.profile:
        try:
            with tempfile.TemporaryDirectory() as tmp:
                crawl("full", url, Path(tmp))  # the server renders and caches every page
                res = crawl("full", url, Path(tmp), profile=Path(tmp) / "crawl.prof")
                print(f"full: {res['pages']} pages, {res['pages_per_s']:.1f} pages/s (profiled)")
                profile_report(Path(tmp) / "crawl.prof", res["pages"])
                (ROOT / "bench" / "out").mkdir(exist_ok=True)
                shutil.copy(Path(tmp) / "crawl.prof", ROOT / "bench" / "out" / "crawl.prof")
        finally:
            proc.terminate()
        return
    results: dict[str, list[dict[str, float]]] = {"bare": [], "full": []}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            print(f"demo site: {url} ({args.articles} articles); warming up", flush=True)
            crawl("full", url, work)  # renders and caches every page on the server
            for r in range(args.rounds):
                order = ("bare", "full") if r % 2 == 0 else ("full", "bare")
                for mode in order:
                    res = crawl(mode, url, work, server=proc.pid)
                    results[mode].append(res)
                    print(
                        f"round {r + 1} {mode:>4}: {res['pages']:6d} pages "
                        f"{res['seconds']:7.2f} s {res['pages_per_s']:8.1f} pages/s; "
                        f"CPU ms/page: crawl {res['cpu_crawl_ms']:.2f} "
                        f"(main thread {res['cpu_main_thread_ms']:.2f}), "
                        f"workers {res['cpu_workers_ms']:.2f}, server {res['cpu_server_ms']:.2f}",
                        flush=True,
                    )
    finally:
        proc.terminate()
    med = {m: statistics.median(x["pages_per_s"] for x in v) for m, v in results.items()}
    ratio = med["full"] / med["bare"]
    print(
        f"\nmedian pages/s: bare {med['bare']:.1f}, full {med['full']:.1f}; "
        f"full keeps {ratio:.0%} of bare Scrapy's rate (target >= 35%)"
    )
    cpu = {
        m: {k: statistics.median(x[k] for x in v) for k in v[0] if k.startswith("cpu_")}
        for m, v in results.items()
    }
    for mode, ms in cpu.items():
        print(
            f"median CPU ms/page {mode:>4}: crawl {ms['cpu_crawl_ms']:.2f} "
            f"(main thread {ms['cpu_main_thread_ms']:.2f}), workers {ms['cpu_workers_ms']:.2f}, "
            f"server {ms['cpu_server_ms']:.2f}"
        )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(
        json.dumps(
            {
                "articles": args.articles,
                "rounds": results,
                "median": med,
                "ratio": ratio,
                "cpu_ms_per_page": cpu,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
