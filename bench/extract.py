"""Article extraction on the dev set, newsarchive beside trafilatura, one run.

Runs the shared scorer (``../shared/eval/score.py``) on ``newsarchive parse
--manifest`` and on the trafilatura adapter, one after the other on the same
machine, then prints the comparison table.  trafilatura is not a dependency:
``.venv/bin/pip install trafilatura lxml_html_clean`` to include it.

    .venv/bin/python bench/extract.py [--eval ../shared/eval] [--work DIR]

``--work`` keeps the scorer's runs apart from other people's (default: the
scorer's own, ``~/.cache/devset-eval``); its ``runs/NAME/pages.json`` holds
the per-page verdicts to study failures with.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def score(scorer: Path, command: str, name: str, work: list[str]) -> None:
    subprocess.run(
        [sys.executable, str(scorer), "--cmd", command, "--name", name, *work], cwd=ROOT, check=True
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--eval", default=str(ROOT.parent / "shared" / "eval"), help="folder of the shared scorer"
    )
    ap.add_argument("--work", help="scorer work dir (default: the scorer's)")
    args = ap.parse_args()
    work = ["--work", args.work] if args.work else []
    scorer = Path(args.eval) / "score.py"
    if not scorer.exists():
        raise SystemExit(f"no scorer at {scorer}: the dev set lives beside the project")
    bin_dir = Path(sys.executable).parent
    names = ["newsarchive"]
    score(scorer, f"{bin_dir / 'newsarchive'} parse", "newsarchive", work)
    if importlib.util.find_spec("trafilatura"):
        adapter = Path(args.eval) / "adapters" / "trafilatura_adapter.py"
        score(scorer, f"{sys.executable} {adapter}", "trafilatura", work)
        names.insert(0, "trafilatura")
    else:
        print("trafilatura is not installed: scoring newsarchive alone", file=sys.stderr)
    compare = [sys.executable, str(scorer), "--compare", ",".join(names), *work]
    subprocess.run(compare, check=True)


if __name__ == "__main__":
    main()
