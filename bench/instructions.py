"""Parser cost in CPU instructions per page, git revisions side by side.

CPU time on a shared machine scatters by 10-30% between runs of the same
code; instruction counts do not.  Each revision is exported (``git
archive``) and run under ``valgrind --tool=cachegrind --cache-sim=no`` twice:
once parsing every Nth page of the dev corpora with ``parse_page``, once only
reading the pages and importing the parser; the difference over the pages is
the parse's instructions per page (imports and file reads cancel out).

    .venv/bin/python bench/instructions.py faadb215 main [--every 5] [--devset DIR ...]

Needs ``valgrind`` (``apt-get install valgrind``) and the dev corpora in
``../shared/`` (tev ``devset/``, ``devset-extra/l3s-dev``, ``devset-extra/dragnet-dev``).
The revisions run in parallel, one process per core.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = [SHARED / "devset", SHARED / "devset-extra/l3s-dev", SHARED / "devset-extra/dragnet-dev"]

# run inside the exported tree: argv = tree, mode (parse|read), every, corpus folders...
_RUNNER = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from scrapers.parsers import parse_page
pages = []
for folder in map(Path, sys.argv[4:]):
    for line in (folder / "manifest.jsonl").read_text().splitlines():
        entry = json.loads(line)
        pages.append(((folder / entry["path"]).read_bytes(), entry["url"] or ""))
pages = pages[:: int(sys.argv[3])]
if sys.argv[2] == "parse":
    for html, url in pages:
        parse_page(html, url)
print(len(pages))
"""
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(tree: Path, mode: str, every: int, corpora: list[Path]) -> tuple[int, int]:
    """(instructions, pages) of one run under cachegrind."""
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    cmd += [sys.executable, "-c", _RUNNER, str(tree), mode, str(every), *map(str, corpora)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return int(_REFS.search(done.stderr).group(1).replace(",", "")), int(done.stdout.split()[-1])


def export(rev: str, into: Path) -> Path:
    tree = into / rev.replace("/", "_")
    tree.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("revisions", nargs="+", help="git revisions; the first is the reference")
    ap.add_argument("--every", type=int, default=5, help="parse every Nth page (default 5)")
    ap.add_argument("--devset", type=Path, action="append", help="corpus folder(s)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed: apt-get install valgrind")
    corpora = [c for c in (args.devset or CORPORA) if (c / "manifest.jsonl").exists()]
    if not corpora:
        sys.exit("no dev corpus found (../shared/devset, ../shared/devset-extra/...)")
    with tempfile.TemporaryDirectory() as tmp:
        trees = [export(rev, Path(tmp)) for rev in args.revisions]
        jobs = [(t, m) for t in trees for m in ("read", "parse")]
        with ThreadPoolExecutor(max_workers=2) as pool:
            runs = list(pool.map(lambda j: instructions(j[0], j[1], args.every, corpora), jobs))
    print("| revision | pages | M instructions/page | vs " + args.revisions[0] + " |")
    print("|---|---|---|---|")
    first = None
    for i, rev in enumerate(args.revisions):
        (read, _), (parse, pages) = runs[2 * i], runs[2 * i + 1]
        per_page = (parse - read) / pages / 1e6
        first = first or per_page
        print(f"| {rev} | {pages} | {per_page:.2f} | {per_page / first - 1:+.1%} |")


if __name__ == "__main__":
    main()
