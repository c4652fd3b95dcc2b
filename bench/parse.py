"""Parser benchmark: milliseconds per page of ``parse_page``, beside lxml's own parse.

    .venv/bin/python bench/parse.py [--articles 300] [--seed 1] [--rounds 5] [--devset DIR]
                                    [--profile demo|devset] [--json OUT]
    .venv/bin/python bench/parse.py --snapshot FILE   # before a speed change
    .venv/bin/python bench/parse.py --compare FILE    # after it: byte-identical?

Times the pure parser in this process on (a) the article pages of a demo
site (rendered in memory, no server) and (b) the dev set's pages
(``/work/shared/devset``; skipped when absent).  Every round times the same
pages with ``load_html`` alone (decode + one lxml parse, the floor) and with
the whole ``parse_page``, alternating, so the ratio ``parse / lxml`` holds on a
busy machine where absolute times drift; the best round of each is reported.
Times are the process's CPU time (``time.process_time``): the parser is
CPU-bound, and CPU time does not count the moments a shared machine gives the
core to another process (it still grows when neighbours thrash the caches).
``--profile`` prints the cProfile top functions of one pass instead.

A speed change must not change a record: ``--snapshot`` writes every record
(``json.dumps(sort_keys=True)``, one line per page) of the demo pages, the dev
set, the other dev corpora where present (``devset-extra/l3s-dev``,
``devset-extra/dragnet-dev``: 1,735 pages in all) and the saved test pages
(``tests/fixtures``), and ``--compare`` parses
them again and lists the pages whose record differs (exit status 1).
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demosite import build_site  # noqa: E402
from demosite.app import App  # noqa: E402
from scrapers.parsers import parse_page  # noqa: E402
from scrapers.parsers.document.load import load_html  # noqa: E402

DEVSET = Path("/work/shared/devset")
FETCHED_AT = "2026-01-01T00:00:00Z"
Page = tuple[bytes, str, str | None]  # body, url, content type


def demo_pages(articles: int, seed: int) -> list[Page]:
    """Every article page of a demo site (first page of its thread), as served."""
    base = "http://127.0.0.1:8642"
    site = build_site(articles=articles, seed=seed)
    app = App(site, base + "/")
    pages = []
    for path in site.by_path:
        head, body = app.respond(path, False)
        if not head.startswith(b"HTTP/1.1 200"):
            continue
        ctype = next(
            (
                line.split(b":", 1)[1].strip().decode()
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-type:")
            ),
            None,
        )
        pages.append((body, base + path, ctype))
    return pages


def devset_pages(folder: Path) -> list[Page]:
    manifest = folder / "manifest.jsonl"
    if not manifest.exists():
        return []
    pages = []
    for line in manifest.read_text().splitlines():
        entry = json.loads(line)
        pages.append(((folder / entry["path"]).read_bytes(), entry["url"] or "", None))
    return pages


def fixture_pages() -> list[Page]:
    """The saved pages of the parser tests (odd markups the demo site lacks)."""
    paths = sorted((ROOT / "tests" / "fixtures").glob("**/*.html"))
    return [(p.read_bytes(), "https://example.org/" + p.stem, None) for p in paths]


def _record(body: bytes, url: str, ctype: str | None) -> str:
    try:
        article = parse_page(body, url, content_type=ctype, fetched_at=FETCHED_AT)
    except Exception as exc:  # a crash is a result to compare too
        return json.dumps({"url": url, "crash": repr(exc)})
    return json.dumps(article.to_dict(), sort_keys=True, ensure_ascii=False)


def _snapshot_pages(sets: dict) -> list[tuple[str, Page]]:
    out = []
    for name, load in [*sets.items(), ("fixtures", fixture_pages)]:
        out += [(f"{name}:{k}:{page[1]}", page) for k, page in enumerate(load())]
    return out


def snapshot(sets: dict, path: Path) -> None:
    """Write every record (gzipped JSON lines: key, record)."""
    pages = _snapshot_pages(sets)
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for key, page in pages:
            out.write(json.dumps([key, _record(*page)], ensure_ascii=False) + "\n")
    print(f"{len(pages)} records written to {path}")


def compare(sets: dict, path: Path) -> int:
    """Pages whose record differs from the snapshot; 0 when all are identical."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        before = dict(json.loads(line) for line in f)
    pages = _snapshot_pages(sets)
    differ = [key for key, page in pages if before.get(key) != _record(*page)]
    missing = len(before) - len({key for key, _ in pages} & before.keys())
    for key in differ[:20]:
        print("differs:", key)
    print(f"{len(pages)} pages: {len(differ)} differ, {missing} of the snapshot not parsed")
    return 1 if differ or missing else 0


def _lxml(pages: list[Page]) -> None:
    for body, url, ctype in pages:
        load_html(body, content_type=ctype, url=url)


def _parse(pages: list[Page]) -> None:
    for body, url, ctype in pages:
        parse_page(body, url, content_type=ctype, fetched_at=FETCHED_AT)


def _timed(fn, pages: list[Page]) -> float:
    start = time.process_time()
    fn(pages)
    return time.process_time() - start


def measure(pages: list[Page], rounds: int) -> dict[str, float]:
    """Best-of-rounds ms/page for the lxml floor and the whole parser, alternating."""
    _parse(pages[:20])  # warm caches (compiled selectors, regexes, imports)
    lxml_s, parse_s = [], []
    for _ in range(rounds):
        lxml_s.append(_timed(_lxml, pages))
        parse_s.append(_timed(_parse, pages))
    n = len(pages)
    lxml_ms, parse_ms = min(lxml_s) * 1000 / n, min(parse_s) * 1000 / n
    return {
        "pages": n,
        "lxml_ms": round(lxml_ms, 3),
        "parse_ms": round(parse_ms, 3),
        "ratio": round(parse_ms / lxml_ms, 2),
    }


def profile(pages: list[Page], top: int = 35) -> None:
    _parse(pages[:20])
    prof = cProfile.Profile()
    prof.enable()
    _parse(pages)
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--devset", type=Path, default=DEVSET)
    ap.add_argument("--profile", choices=["demo", "devset"])
    ap.add_argument("--json", type=Path)
    ap.add_argument("--snapshot", type=Path, help="write every record to this file")
    ap.add_argument("--compare", type=Path, help="compare every record with this snapshot")
    args = ap.parse_args()
    sets = {"demo": lambda: demo_pages(args.articles, args.seed)}
    sets["devset"] = lambda: devset_pages(args.devset)
    if args.snapshot or args.compare:  # records of the other dev corpora too, where present
        for name in ("l3s-dev", "dragnet-dev"):
            folder = args.devset.parent / "devset-extra" / name
            sets[name] = lambda folder=folder: devset_pages(folder)
    if args.snapshot:
        snapshot(sets, args.snapshot)
        return
    if args.compare:
        sys.exit(compare(sets, args.compare))
    if args.profile:
        profile(sets[args.profile]())
        return
    results = {}
    print("| pages | n | lxml ms/page | parse_page ms/page | parse / lxml |")
    print("|---|---|---|---|---|")
    for name, load in sets.items():
        pages = load()
        if not pages:
            print(f"| {name} | skipped (no pages) | | | |")
            continue
        r = results[name] = measure(pages, args.rounds)
        print(f"| {name} | {r['pages']} | {r['lxml_ms']} | {r['parse_ms']} | {r['ratio']} |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
