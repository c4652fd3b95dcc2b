"""Browser stage benchmark: the cost of a rendered page, and of the stage to the HTML-only crawl.

(a) **Per rendered page.**  Serves the scripted demo site
(``newsarchive demo-site --scripted``, its own process) and renders its five
script-loaded threads ``--rounds`` times through the stage's pool (two at a
time, as ``ARCHIVE_BROWSER_CONCURRENCY`` defaults): wall seconds per page,
CPU per page of this process (Playwright's Python side, what the crawl
process would pay) and of its children (the Playwright driver and Chromium,
counted once they exit), clicks, exchanges.

(b) **The HTML-only crawl, stage on and off, side by side.**  Serves the plain
demo site (``--articles``) and alternates crawls with ``ARCHIVE_BROWSER=never``
and ``auto``: pages/s and the crawl process's CPU per page (bench/cpu.py).
The plain site has one page whose thread a script loads (its Disqus
embed, whose provider is unreachable offline): ``auto`` renders that one page
and no other, beside the crawl.

    .venv/bin/python bench/browser.py [--articles 300] [--rounds 3] [--json bench/out/browser.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from archive.cli.demo import crawl_command  # noqa: E402
from archive.crawl.browser.pool import BrowserPool, find_chromium  # noqa: E402
from bench.crawl import free_port  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def serve(*args: str) -> tuple[subprocess.Popen, str, dict]:
    port = free_port()
    truth = Path(tempfile.mkdtemp()) / "truth.json"
    cmd = [sys.executable, "-m", "archive.cli.main", "demo-site", "--port", str(port),
           "--ground-truth", str(truth), *args]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(1200):
        try:
            urllib.request.urlopen(url + "robots.txt", timeout=1).read()
            return proc, url, json.loads(truth.read_text())  # written before it serves
        except (OSError, ValueError):  # not up yet, or the truth half-written
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("demo site did not start")


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


async def render_rounds(urls: list[str], rounds: int) -> dict[str, float]:
    pool = BrowserPool(find_chromium() or "/usr/bin/chromium", concurrency=2, restart_after=50)
    cpu0, kids0, wall0 = time.process_time(), _children_cpu(), time.perf_counter()
    results = []
    for _ in range(rounds):
        exchanges: list = []
        results += await asyncio.gather(*(pool.render(u, None, exchanges.append) for u in urls))
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    await pool.close()  # the driver and Chromium exit: their CPU is in RUSAGE_CHILDREN
    kids = _children_cpu() - kids0
    n = len(results)
    return {
        "pages": n,
        "wall_s_per_page": wall / n,
        "page_seconds_median": statistics.median(r.seconds for r in results),
        "cpu_ms_per_page_python": cpu * 1000 / n,
        "cpu_ms_per_page_browser": kids * 1000 / n,
        "clicks_per_page": sum(r.clicks for r in results) / n,
        "exchanges_per_page": sum(r.exchanges for r in results) / n,
        "exhausted": sum(r.exhausted for r in results) / n,
        "launches": pool.launches,
    }


def crawl(url: str, mode: str, workdir: Path) -> dict[str, float]:
    db, warc = workdir / f"{mode}.db", workdir / f"{mode}-warc"
    subprocess.run(["rm", "-rf", str(db), str(warc)], check=True)
    cmd = crawl_command(url, str(db), str(warc), "-a", "discover=sitemaps",
                        "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS=32",
                        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=32", "-s", "LOG_LEVEL=INFO",
                        "-s", 'EXTENSIONS={"bench.cpu.CpuStats": 0}',
                        "-s", f"ARCHIVE_BROWSER={mode}")  # fmt: skip
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings", PYTHONPATH=str(ROOT))
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(f"{mode} crawl failed:\n{run.stderr[-3000:]}")
    pages = int(re.search(r"'response_received_count': (\d+)", run.stderr).group(1))
    secs = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", run.stderr).group(1))
    cpu = re.search(r"'bench/cpu/crawl': ([\d.]+)", run.stderr)
    rendered = re.search(r"'archive/browser/pages': (\d+)", run.stderr)
    return {
        "pages": pages,
        "pages_per_s": pages / secs,
        "cpu_crawl_ms": float(cpu.group(1)) * 1000 / pages if cpu else float("nan"),
        "rendered": int(rendered.group(1)) if rendered else 0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    out: dict = {}

    proc, url, truth = serve("--scripted", "--articles", "24", "--seed", "7")
    try:
        urls = [url.rstrip("/") + p for p in truth["scripted"]["threads"].values()]
        out["rendered_page"] = asyncio.run(render_rounds(urls, args.rounds))
    finally:
        proc.terminate()
        proc.wait(10)
    r = out["rendered_page"]
    print(f"(a) rendered pages: {r['pages']}, wall {r['wall_s_per_page']:.2f} s/page "
          f"(median page {r['page_seconds_median']:.2f} s, 2 at a time), CPU "
          f"{r['cpu_ms_per_page_python']:.0f} ms/page in Python + "
          f"{r['cpu_ms_per_page_browser']:.0f} ms/page in the driver and Chromium; "
          f"{r['clicks_per_page']:.1f} clicks, {r['exchanges_per_page']:.1f} exchanges per page, "
          f"{r['exhausted']:.0%} exhausted, {r['launches']} launches")  # fmt: skip

    proc, url, _ = serve("--articles", str(args.articles))
    runs: dict[str, list[dict]] = {"never": [], "auto": []}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for _ in range(args.rounds):
                for mode in runs:
                    runs[mode].append(crawl(url, mode, Path(tmp)))
    finally:
        proc.terminate()
        proc.wait(10)
    print("(b) HTML-only crawl, side by side (medians):")
    print("| ARCHIVE_BROWSER | pages | pages/s | crawl CPU ms/page | pages rendered |")
    print("|---|---|---|---|---|")
    for mode, rs in runs.items():
        med = {k: statistics.median(x[k] for x in rs) for k in rs[0]}
        out[f"crawl_{mode}"] = med
        print(f"| {mode} | {med['pages']:.0f} | {med['pages_per_s']:.1f} | "
              f"{med['cpu_crawl_ms']:.2f} | {med['rendered']:.0f} |")  # fmt: skip
    ratio = out["crawl_auto"]["pages_per_s"] / out["crawl_never"]["pages_per_s"]
    print(f"auto/never pages/s: {ratio:.2f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
