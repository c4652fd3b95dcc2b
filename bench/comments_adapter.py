"""Dev-set adapter: newsarchive's ``parse_page`` under the scorer's manifest contract.

    comments_adapter.py --manifest MANIFEST.jsonl   -> one JSON record per line on stdout

Only the comments are the point here (the article fields come from whatever
article extractor is installed).  One bad page gives a record with an
``error`` key; the run never stops, so records stay aligned with the manifest.
Timing of ``extract_thread`` alone is written to stderr at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback

from scrapers.parsers import parse_page
from scrapers.parsers.comments import extract_thread
from scrapers.parsers.document.load import load_html

_REPEAT = 3


def _record(url: str) -> dict:
    return {"url": url, "title": None, "authors": [], "published": None, "body": "", "comments": []}


def _parse(data: bytes, url: str) -> dict:
    article = parse_page(data, url)
    rec = _record(url)
    rec["title"] = article.title
    rec["authors"] = article.author_names
    rec["published"] = article.published
    rec["body"] = article.body or ""
    rec["comments"] = [
        {
            "id": c.id,
            "parent_id": c.parent_id,
            "author": c.author,
            "published": c.published,
            "text": c.text,
        }
        for c in article.comments
    ]
    rec["_comments_system"] = article.comments_system
    rec["_comments_declared"] = article.comments_declared
    return rec


def _time_thread(data: bytes, url: str) -> float:
    """Best of a few runs of ``extract_thread``, each on a freshly parsed tree:
    a tree that was walked before already holds lxml's Python proxies, which
    would hide part of the cost a crawl pays once per page."""
    best = float("inf")
    for _ in range(_REPEAT):
        doc = load_html(data, url=url)
        if doc is None:
            return 0.0
        start = time.perf_counter()
        extract_thread(doc, url)
        best = min(best, time.perf_counter() - start)
    return best


def run(manifest: str, out=sys.stdout) -> int:
    """Write one record per manifest line; return the number of pages that raised."""
    errors, timings = 0, []
    with open(manifest, encoding="utf-8") as mf:
        for line in mf:
            if not line.strip():
                continue
            entry = json.loads(line)
            url = entry.get("url") or ""
            try:
                with open(entry["path"], "rb") as f:
                    data = f.read()
                rec = _parse(data, url)
                timings.append(_time_thread(data, url))
            except Exception as exc:  # one bad page is an empty answer, never a crash
                errors += 1
                rec = _record(url)
                rec["error"] = f"{type(exc).__name__}: {exc}"[:300]
                if errors <= 3:
                    traceback.print_exc(file=sys.stderr)
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            out.flush()
    if timings:
        print(summary(timings), file=sys.stderr)
    return errors


def summary(timings: list[float]) -> str:
    """Median, p95, mean and max of the per-page ``extract_thread`` times."""
    ts = sorted(timings)
    mean = sum(ts) / len(ts)
    p95 = ts[min(len(ts) - 1, int(len(ts) * 0.95))]
    return (
        f"extract_thread: median {ts[len(ts) // 2] * 1e3:.2f} ms, p95 {p95 * 1e3:.2f} ms,"
        f" mean {mean * 1e3:.2f} ms, max {ts[-1] * 1e3:.1f} ms over {len(ts)} pages"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--manifest", help="JSONL file of {path, url}")
    ap.add_argument("--version", action="store_true", help="print name and version as JSON")
    args = ap.parse_args()
    if args.version:
        from scrapers.parsers import PARSER_VERSION

        print(
            json.dumps(
                {"name": "newsarchive-comments", "packages": {"newsarchive": PARSER_VERSION}}
            )
        )
        return 0
    if not args.manifest:
        ap.error("--manifest is required")
    real_stdout, sys.stdout = sys.stdout, sys.stderr  # stray prints must not break the records
    errors = run(args.manifest, real_stdout)
    if errors:
        print(f"comments adapter: {errors} page(s) raised", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
