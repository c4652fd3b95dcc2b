"""Comment-markup family catalogue: author and reply-parent accuracy over every family.

    .venv/bin/python bench/comment_families.py [--json OUT]

Parses each hand-written page in ``tests/fixtures/comments/families/`` and
compares its comments with ``expected.json`` (what
``tests/scrapers/parsers/comments/test_families.py`` asserts exactly).  The test says
pass or fail per family; this says how far off the failing ones are, pooled
over all families, so a parser change can be read as a number:

- found: expected comments that have a record with the same text (whitespace
  squashed; a record is matched once),
- author: expected comments whose matched record has the same author,
- parent: expected comments whose matched record has the right parent (the
  record matched to the expected parent, or none at top level); "replies"
  counts only the comments that have a parent,
- negative families: pages that must give no comment record and no declared
  count (pingback lists, related posts, widgets, reviews).

A comment that is not found counts as wrong for author and parent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapers.parsers import parse_page  # noqa: E402

FAMILIES = ROOT / "tests" / "fixtures" / "comments" / "families"
URL = "https://site.example/2024/01/post/"
FETCHED_AT = "2024-06-10T12:00:00Z"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def match(want: list[dict], got: list[dict]) -> list[int | None]:
    """For each expected comment, the index of the record with its text (or None)."""
    free = {i: _squash(g["text"]) for i, g in enumerate(got)}
    out: list[int | None] = []
    for w in want:
        text = _squash(w["text"])
        hit = next((i for i, t in free.items() if t == text), None)
        if hit is not None:
            del free[hit]
        out.append(hit)
    return out


def score_family(want: list[dict], got: list[dict]) -> dict[str, int]:
    """Counts of one family: comments, found, author and parent right, replies and theirs."""
    m = match(want, got)
    s = {"comments": len(want), "found": 0, "author": 0, "parent": 0, "replies": 0, "reply_ok": 0}
    for w, i in zip(want, m, strict=True):
        s["replies"] += w["parent"] is not None
        if i is None:
            continue
        s["found"] += 1
        s["author"] += got[i]["author"] == w["author"]
        right = None if w["parent"] is None else m[w["parent"]]
        ok = got[i]["parent"] == right and (right is not None or w["parent"] is None)
        s["parent"] += ok
        s["reply_ok"] += ok and w["parent"] is not None
    return s


def records(name: str) -> tuple[list[dict], int | None]:
    """A family page's comment records (parents by position) and its declared count."""
    article = parse_page((FAMILIES / f"{name}.html").read_bytes(), URL, fetched_at=FETCHED_AT)
    position = {c.id: i for i, c in enumerate(article.comments)}
    got = [
        {"author": c.author, "text": c.text, "parent": position.get(c.parent_id), "kind": c.kind}
        for c in article.comments
    ]
    return got, article.comments_declared


def _pct(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", help="write the per-family counts to this file")
    args = ap.parse_args()
    expected = json.loads((FAMILIES / "expected.json").read_text("utf-8"))
    total = dict.fromkeys(("comments", "found", "author", "parent", "replies", "reply_ok"), 0)
    negatives = clean = 0
    rows = {}
    print("| family | found | author | parent | replies' parent | test |")
    print("|---|---|---|---|---|---|")
    for name, want in sorted(expected.items()):
        got, declared = records(name)
        status = "xfail" if "xfail" in want else "pass"
        if want.get("negative"):
            ok = not any(g["kind"] == "comment" for g in got) and declared is None
            negatives += 1
            clean += ok
            rows[name] = {"negative": True, "clean": ok}
            print(f"| {name} | negative: {'clean' if ok else 'NOT clean'} | | | | {status} |")
            continue
        s = score_family(want["comments"], got)
        rows[name] = s
        for k in total:
            total[k] += s[k]
        print(
            f"| {name} | {s['found']}/{s['comments']} | {s['author']}/{s['comments']} | "
            f"{s['parent']}/{s['comments']} | {s['reply_ok']}/{s['replies']} | {status} |"
        )
    n = total["comments"]
    print(
        f"\nall families: found {_pct(total['found'], n)}, author {_pct(total['author'], n)}, "
        f"parent {_pct(total['parent'], n)}, replies' parent "
        f"{_pct(total['reply_ok'], total['replies'])}; negative families clean {clean}/{negatives}"
    )
    if args.json:
        Path(args.json).write_text(json.dumps({"total": total, "families": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
