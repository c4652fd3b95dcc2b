"""Fleet benchmark: pages/s and CPU per page with 1, 2 and 3 workers, in one run.

Serves an N-article demo site in its own process and a throwaway
redis-server, then crawls the site with a fleet of 1, 2 and 3 workers
(`scrapy crawl wordpress` with ARCHIVE_REDIS_URL; full pipeline: parsing in
the worker, WARC, records to the Redis stream).  The clock runs from the
`enqueue` of the site until the fleet has nothing left (no request queued, no
lease held); CPU is the workers' user+system time from their rusage.  Ingest
into SQLite runs after each crawl and is timed apart.  A plain `scrapy crawl`
(no Redis, SQLite written in the crawl) of the same site is the baseline.  On
2 cores this shows the fleet's overhead more than a speed-up.

    .venv/bin/python bench/fleet.py [--articles 2000] [--workers 1,2,3]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from archive.cli.demo import crawl_command  # noqa: E402
from archive.fleet import keys  # noqa: E402
from archive.fleet.local import LocalRedis, worker_command  # noqa: E402
from bench.crawl import start_site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings", PYTHONPATH=str(ROOT))


def _fleet_busy(server, workers: list[str]) -> bool:
    if server.zcard(keys.key(keys.REQUESTS, spider="wordpress")):
        return True
    if server.llen(keys.key(keys.START_URLS, spider="wordpress")):
        return True
    return any(server.hlen(keys.key(keys.LEASES, spider="wordpress", worker=w)) for w in workers)


def run_fleet(n: int, url: str, work: Path) -> dict[str, float]:
    with LocalRedis() as redis:
        server = keys.connect(redis.url)
        names = [f"w{i + 1}" for i in range(n)]
        procs = [
            subprocess.Popen(
                worker_command(
                    redis.url, name, work / f"warc{n}",
                    "-s", "ARCHIVE_PARSE_WORKERS=0",
                    "-s", "CONCURRENT_REQUESTS=32",
                    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=32",
                    "-s", f"LOG_FILE={work / f'{n}-{name}.log'}",
                ),
                cwd=ROOT, env=ENV,
            )
            for name in names
        ]  # fmt: skip
        alive = [keys.key(keys.ALIVE, worker=w) for w in names]
        while not all(server.exists(k) for k in alive):
            time.sleep(0.05)
        server.rpush(keys.key(keys.START_URLS, spider="wordpress"), url)
        start = time.monotonic()
        time.sleep(0.5)
        while _fleet_busy(server, names):
            time.sleep(0.05)
        seconds = time.monotonic() - start
        cpu = 0.0
        for proc in procs:
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            cpu += usage.ru_utime + usage.ru_stime
        pages = sum(
            int(server.hget(keys.key(keys.WORKER_INFO, worker=w), "pages") or 0) for w in names
        )
        t = time.monotonic()
        ingest = subprocess.run(
            [sys.executable, "-m", "archive.cli.main", "ingest", "--drain",
             "--db", str(work / f"fleet{n}.db"), "--redis", redis.url],
            cwd=ROOT, env=ENV, capture_output=True, text=True, check=True,
        )  # fmt: skip
        ingest_s = time.monotonic() - t
    return {
        "workers": n,
        "pages": pages,
        "seconds": round(seconds, 2),
        "pages_per_s": round(pages / seconds, 1),
        "cpu_ms_per_page": round(1000 * cpu / max(pages, 1), 2),
        "ingest_seconds": round(ingest_s, 2),
        "ingest": ingest.stdout.strip(),
    }


def run_plain(url: str, work: Path) -> dict[str, float]:
    """The same crawl by one `scrapy crawl` without the fleet: the overhead's baseline."""
    cmd = crawl_command(
        url, str(work / "plain.db"), str(work / "plain-warc"),
        "-s", "ARCHIVE_PARSE_WORKERS=0",
        "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS=32",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=32",
        "-s", f"LOG_FILE={work / 'plain.log'}",
    )  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, env=ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    log = (work / "plain.log").read_text()
    pages = int(re.search(r"'response_received_count': (\d+)", log).group(1))
    seconds = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", log).group(1))
    cpu = usage.ru_utime + usage.ru_stime
    return {
        "workers": "plain",
        "pages": pages,
        "seconds": round(seconds, 2),
        "pages_per_s": round(pages / seconds, 1),
        "cpu_ms_per_page": round(1000 * cpu / max(pages, 1), 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", default="1,2,3")
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "fleet.json"))
    args = ap.parse_args()
    proc, url = start_site(args.articles)
    results = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            print(f"demo site: {url} ({args.articles} articles); warming up", flush=True)
            run_fleet(3, url, Path(tmp))  # renders and caches every page on the server
            for n in (int(x) for x in args.workers.split(",")):
                res = run_fleet(n, url, Path(tmp))
                results.append(res)
                print(
                    f"{n} worker(s): {res['pages']:6d} pages {res['seconds']:7.2f} s "
                    f"{res['pages_per_s']:7.1f} pages/s, {res['cpu_ms_per_page']:5.2f} ms CPU/page "
                    f"(workers); ingest {res['ingest_seconds']:.1f} s",
                    flush=True,
                )
            plain = run_plain(url, Path(tmp))
            print(
                f"plain scrapy crawl: {plain['pages']:6d} pages {plain['seconds']:7.2f} s "
                f"{plain['pages_per_s']:7.1f} pages/s, {plain['cpu_ms_per_page']:5.2f} ms CPU/page",
                flush=True,
            )
    finally:
        proc.terminate()
    base = results[0]["pages_per_s"]
    for res in results:
        print(
            f"{res['workers']} worker(s): {res['pages_per_s'] / base:.2f}x the rate of 1 worker, "
            f"{res['pages_per_s'] / plain['pages_per_s']:.2f}x plain; CPU/page "
            f"{res['cpu_ms_per_page'] / plain['cpu_ms_per_page']:.2f}x plain"
        )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(
        json.dumps({"articles": args.articles, "runs": results, "plain": plain}, indent=2)
    )


if __name__ == "__main__":
    main()
