"""Dev-set adapter: the scorer's manifest contract over ``parse_page``.

    python bench/article_adapter.py --manifest MANIFEST.jsonl

Prints one JSON record per manifest line (url, title, authors, published,
modified, body, comments); a page that raises gets an ``error`` key instead
of stopping the run.  ``_ms`` holds the parse time of the page.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback

from scrapers.parsers import PARSER_VERSION, parse_page


def _record(path: str, url: str) -> dict:
    with open(path, "rb") as f:
        data = f.read()
    start = time.perf_counter()
    art = parse_page(data, url)
    ms = (time.perf_counter() - start) * 1000
    return {
        "url": url,
        "title": art.title,
        "authors": art.author_names,
        "published": art.published,
        "modified": art.modified,
        "body": art.body,
        "comments": [
            {
                "author": c.author,
                "published": c.published,
                "text": c.text,
                "parent_id": c.parent_id,
                "id": c.id,
            }
            for c in art.comments
        ],
        "_ms": round(ms, 3),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--manifest")
    ap.add_argument("--version", action="store_true")
    args = ap.parse_args()
    if args.version:
        print(json.dumps({"name": "newsarchive", "packages": {"newsarchive": PARSER_VERSION}}))
        return 0
    if not args.manifest:
        ap.error("--manifest is required")
    with open(args.manifest, encoding="utf-8") as mf:
        for line in mf:
            if not line.strip():
                continue
            entry = json.loads(line)
            url = entry.get("url") or ""
            try:
                rec = _record(entry["path"], url)
            except Exception as exc:  # one bad page must not stop the run
                traceback.print_exc(file=sys.stderr)
                rec = {
                    "url": url,
                    "title": None,
                    "authors": [],
                    "published": None,
                    "body": "",
                    "comments": [],
                    "error": f"{type(exc).__name__}: {exc}"[:300],
                }
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
