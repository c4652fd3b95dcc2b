"""Export benchmark: rows/s per format and peak memory, at two archive sizes.

Builds synthetic archives (50 comments per article, realistic text lengths)
straight through ``ArchiveStore``, then runs every export in a fresh child
process that reports its own peak RSS, so the numbers are not polluted by the
build.  Streaming means the peak RSS for 10k and 100k comments stays flat.

    .venv/bin/python bench/export.py [--sizes 10000,100000] [--formats csv,jsonl,parquet]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = [
    *("government", "minister", "protest", "market", "prices", "water", "island"),
    *("people", "said", "would", "reform", "currency", "queue", "electricity"),
    *("young", "tourism", "history", "music", "street", "family"),
]
PER_ARTICLE = 50


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def build_archive(path: Path, comments: int, seed: int = 1) -> Path:
    """An archive of ``comments`` comments, ``PER_ARTICLE`` per article, 3 sites."""
    from archive.store.writer import ArchiveStore
    from scrapers.items import Article, Author, Comment

    rng = random.Random(seed)
    store = ArchiveStore.open(path, batch_size=5000)
    crawl = store.start_crawl("wordpress", {"url": "https://bench.example/"})
    for a in range(comments // PER_ARTICLE):
        thread = [
            Comment(
                id=str(i),
                parent_id=str(i - 1) if i % 3 else None,
                author=f"reader{rng.randrange(2000)}",
                published=f"2024-{1 + a % 12:02d}-{1 + i % 28:02d}T12:{i % 60:02d}:00+00:00",
                text=_text(rng, rng.randrange(10, 120)),
                position=i,
                depth=1 if i % 3 else 0,
            )
            for i in range(PER_ARTICLE)
        ]
        store.add_article(
            Article(
                url=f"https://site{a % 3}.example/2024/{a}/",
                title=_text(rng, 8),
                authors=[Author(name=f"Writer {a % 40}")],
                published=f"2024-{1 + a % 12:02d}-{1 + a % 28:02d}T08:00:00-05:00",
                body="\n\n".join(_text(rng, 60) for _ in range(8)),
                tags=["politics", f"tag{a % 17}"],
                language="en",
                section="News",
                comments=thread,
            ),
            fetched_at="2024-12-01T00:00:00Z",
            capture_id=None,
            crawl_id=crawl,
        )
    store.finish_crawl(crawl, {}, "finished")
    store.close()
    return path


def _child(db: str, fmt: str, out: str) -> None:
    """Run one export and print its timing and this process's peak RSS as JSON."""
    from archive.export import export_archive

    start = time.perf_counter()
    result = export_archive(db, out, fmt)
    seconds = time.perf_counter() - start
    rows = sum(result.counts.values())
    print(json.dumps({"rows": rows, "seconds": seconds, "peak_rss_mib": _peak_rss_kib() / 1024}))


def _peak_rss_kib() -> int:
    """This process's own peak RSS.  ``ru_maxrss`` would do, but Linux carries
    it over from the parent through fork and exec; VmHWM starts afresh."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _measure(db: Path, fmt: str, out: Path) -> dict:
    cmd = [sys.executable, __file__, "--child", str(db), fmt, str(out)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    data = json.loads(done.stdout.strip().splitlines()[-1])
    data["rows_per_s"] = round(data["rows"] / data["seconds"])
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comment counts")
    parser.add_argument("--formats", default="csv,jsonl,parquet")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "export.json"))
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            t0 = time.perf_counter()
            db = build_archive(Path(tmp) / f"archive-{size}.db", size)
            built = time.perf_counter() - t0
            print(f"built {size:,} comments in {built:.1f}s ({db.stat().st_size >> 20} MiB)")
            for fmt in args.formats.split(","):
                r = _measure(db, fmt, Path(tmp) / f"out-{size}-{fmt}")
                results.append({"comments": size, "format": fmt, **r})
                print(
                    f"  {fmt:<8} {r['rows']:>8,} rows  {r['seconds']:6.2f}s  "
                    f"{r['rows_per_s']:>8,} rows/s  peak RSS {r['peak_rss_mib']:6.1f} MiB"
                )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n")
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
