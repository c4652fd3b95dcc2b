"""Comment benchmark: thread detection, counts, comment F1, authors, dates, parents.

    .venv/bin/python bench/comments.py [--articles 200] [--seed 3] [--devset DIR] [--json OUT]

(a) The demo site: served on 127.0.0.1, every article fetched with its comment
pages as the spider does (newest or oldest page first, ``?cpage=`` links),
parsed, merged, and scored against the ground truth twice: HTML only, and
reconciled with the WordPress REST API where the site serves it.
(b) The dev set (``/work/shared/devset``; skipped when absent): comment
snippet recall and body leak as ``/work/shared/eval/score.py`` defines them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demosite import DemoServer, build_site  # noqa: E402
from scrapers.items import Article, Comment  # noqa: E402
from scrapers.parsers import parse_page  # noqa: E402
from scrapers.parsers.comments import Thread, merge_threads  # noqa: E402
from scrapers.parsers.comments.rest import (  # noqa: E402
    api_root,
    api_total,
    comments_url,
    parse_api_comments,
    reconcile,
)

DEVSET = Path("/work/shared/devset")
METRICS = Path("/work/shared/eval/metrics.py")


@dataclass
class Score:
    """Pooled counts over articles; ratios are computed when printed."""

    articles: int = 0
    system_ok: int = 0  # thread detection: comments_system as in the truth
    count_ok: int = 0  # number of comments as in the truth
    tp: int = 0
    fp: int = 0
    fn: int = 0
    author_ok: int = 0  # over matched comments
    date_ok: int = 0
    parent_ok: int = 0
    complete: int = 0  # threads whose declared count agrees with what was found
    seconds: float = 0.0

    def row(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        m = self.tp or 1
        return {
            "thread": self.system_ok / self.articles,
            "count": self.count_ok / self.articles,
            "P": p,
            "R": r,
            "F1": 2 * p * r / (p + r) if p + r else 0.0,
            "author": self.author_ok / m,
            "date": self.date_ok / m,
            "parent": self.parent_ok / m,
        }


# -- fetching like the spider ----------------------------------------------------
def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def _page(url: str) -> tuple[Article, bytes, dict[str, str]]:
    _, headers, body = _get(url)
    return parse_page(body, url, content_type=headers.get("Content-Type")), body, headers


def _thread(url: str) -> tuple[Article, bytes, dict[str, str]]:
    """The article with every comment page fetched and merged."""
    article, body, headers = _page(url)
    known, pending, threads = {url}, list(article.comment_pages), [_as_thread(article)]
    while pending:
        page_url = pending.pop(0)
        if page_url in known:
            continue
        known.add(page_url)
        page, _, _ = _page(page_url)
        threads.append(_as_thread(page))
        pending += [u for u in page.comment_pages if u not in known]
    if len(threads) > 1:
        article.comments = merge_threads(threads)
    return article, body, headers


def _as_thread(a: Article) -> Thread:
    return Thread(comments=a.comments, declared=a.comments_declared, pages=a.comment_pages)


def _with_api(article: Article, body: bytes, headers: dict[str, str]) -> list[Comment]:
    """The thread reconciled with the REST API, or the HTML thread when refused."""
    root = api_root(body, article.url, headers.get("Link"))
    if not (root and article.post_id) or article.comments_system not in (None, "wordpress"):
        return article.comments
    found, page, pages = [], 1, 1
    while page <= pages:
        status, h, data = _get(comments_url(root, article.post_id, page))
        if status != 200 or api_total(h.get("X-WP-TotalPages")) is None:
            return article.comments
        pages = api_total(h.get("X-WP-TotalPages")) or 0
        found += parse_api_comments(data)
        page += 1
    return reconcile(article.comments, found)


# -- scoring against the demo ground truth -----------------------------------------
def _key(text: str, author: str | None) -> str:
    squashed = " ".join(text.split())
    return squashed or f"\x00{author}"  # pingbacks have no text: their source names them


def _pairs(want: list[dict], got: list[Comment]) -> list[tuple[dict, Comment]]:
    """Comments matched by text (pingbacks by author), each used once."""
    free: dict[str, list[dict]] = {}
    for w in want:
        free.setdefault(_key(w["text"], w["author"]), []).append(w)
    out = []
    for g in got:
        bucket = free.get(_key(g.text, g.author))
        if bucket:
            out.append((bucket.pop(0), g))
    return out


def score_article(score: Score, truth: dict, system: str | None, got: list[Comment]) -> None:
    want = truth["comments"]
    pairs = _pairs(want, got)
    truth_id = {g.id: w["id"] for w, g in pairs}
    score.articles += 1
    score.system_ok += system == truth["comments_system"]
    score.count_ok += len(got) == len(want)
    score.tp += len(pairs)
    score.fp += len(got) - len(pairs)
    score.fn += len(want) - len(pairs)
    for w, g in pairs:
        score.author_ok += g.author == w["author"]
        score.date_ok += g.published == w["published"]
        parent = truth_id.get(g.parent_id, "?") if g.parent_id else None
        score.parent_ok += parent == w["parent_id"]
    declared = truth["comments_declared"]
    score.complete += declared is None or declared == len(got)


def bench_demo(articles: int, seed: int) -> dict[str, Score]:
    site = build_site(articles, seed)
    truth = site.ground_truth()
    html, api = Score(), Score()
    with DemoServer(site) as srv:
        base = srv.url.rstrip("/")
        for want in truth["articles"]:
            start = time.perf_counter()
            article, body, headers = _thread(base + want["url"])
            mid = time.perf_counter()
            score_article(html, want, article.comments_system, article.comments)
            both = _with_api(article, body, headers)
            system = article.comments_system or ("wordpress" if both else None)
            score_article(api, want, system, both)
            html.seconds += mid - start
            api.seconds += time.perf_counter() - start
    return {"demo, HTML pages": html, "demo, HTML + REST API": api}


# -- the dev set -------------------------------------------------------------------
def _metrics() -> ModuleType | None:
    if not METRICS.is_file():
        return None
    spec = importlib.util.spec_from_file_location("devset_metrics", METRICS)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _devset_pages(devset: Path) -> list[tuple[Path, str, dict]]:
    gold = {g["file"]: g for g in json.loads((devset / "evaldata.json").read_bytes()).values()}
    out = []
    for line in (devset / "manifest.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            out.append(
                (devset / entry["path"], entry.get("url") or "", gold[Path(entry["path"]).name])
            )
    return out


def bench_devset(devset: Path) -> dict[str, float] | None:
    """Snippet recall of the comments and body leak into them, as score.py
    computes them (its metrics module), plus thread detection on annotated pages."""
    metrics = _metrics()
    if metrics is None or not (devset / "manifest.jsonl").is_file():
        return None
    found = total = leak = leak_total = pages = detected = extra = 0
    start = time.perf_counter()
    for path, url, gold in _devset_pages(devset):
        comments = [{"text": c.text} for c in parse_page(path.read_bytes(), url).comments]
        if gold.get("comments"):
            f, t = metrics.comment_hits(gold["comments"], comments)
            found, total, pages = found + f, total + t, pages + 1
            detected += bool(comments)
        else:
            extra += bool(comments)
        text = metrics.comment_text(comments)
        snips = [metrics.squash(s) for s in gold.get("with", []) if metrics.squash(s)]
        leak_total += len(snips)
        leak += sum(1 for s in snips if text and s in text)
    return {
        "recall": found / total if total else 0.0,
        "snippets": f"{found}/{total}",
        "thread found": f"{detected}/{pages}",
        "threads on pages without gold comments": extra,
        "body leak": leak / leak_total if leak_total else 0.0,
        "seconds": time.perf_counter() - start,
    }


# -- output ------------------------------------------------------------------------
def table(scores: dict[str, Score]) -> str:
    cols = ["thread", "count", "P", "R", "F1", "author", "date", "parent"]
    lines = [
        f"| source | articles | comments | {' | '.join(cols)} | s |",
        "|---" * (len(cols) + 4) + "|",
    ]
    for name, s in scores.items():
        row = s.row()
        cells = " | ".join(f"{row[c]:.3f}" for c in cols)
        lines.append(f"| {name} | {s.articles} | {s.tp + s.fn} | {cells} | {s.seconds:.1f} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200, help="demo site size (default 200)")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--devset", type=Path, default=DEVSET, help=f"default {DEVSET}")
    ap.add_argument("--json", type=Path, help="also write the scores as JSON here")
    args = ap.parse_args()
    demo = bench_demo(args.articles, args.seed)
    print(table(demo))
    dev = bench_devset(args.devset)
    if dev is None:
        print(f"\ndev set: skipped ({args.devset} or {METRICS} absent)")
    else:
        print(
            "\ndev set: "
            + ", ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in dev.items()
            )
        )
    if args.json:
        out = {"demo": {k: asdict(v) | v.row() for k, v in demo.items()}, "devset": dev}
        args.json.write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
