"""Article extraction on the dev set, newsarchive beside trafilatura, one run.

Runs the shared scorer (``../shared/eval/score.py``) on ``newsarchive parse
--manifest`` and on the trafilatura adapter, one after the other on the same
machine, then prints the comparison table.  trafilatura is not a dependency:
``.venv/bin/pip install trafilatura lxml_html_clean`` to include it.

    .venv/bin/python bench/extract.py [--eval ../shared/eval] [--work DIR] [--baseline REV]

``--work`` keeps the scorer's runs apart from other people's (default: the
scorer's own, ``~/.cache/devset-eval``); its ``runs/NAME/pages.json`` holds
the per-page verdicts to study failures with.  ``--baseline REV`` (a git
revision, e.g. ``main``) also scores the parser as it was at REV, in the
same run, as a "before" column named ``newsarchive+REV``.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def score(scorer: Path, command: str, name: str, work: list[str]) -> None:
    subprocess.run(
        [sys.executable, str(scorer), "--cmd", command, "--name", name, *work], cwd=ROOT, check=True
    )


_BASELINE_RUNNER = """import sys
sys.path.insert(0, {root!r})
from archive.cli.main import main
sys.argv[0] = "newsarchive"
sys.exit(main())
"""


def export_baseline(rev: str, into: Path) -> Path:
    """The project's files at ``rev`` in ``into``, with a script that runs its CLI."""
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    runner = into / "run_newsarchive.py"
    runner.write_text(_BASELINE_RUNNER.format(root=str(into)))
    return runner


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--eval", default=str(ROOT.parent / "shared" / "eval"), help="folder of the shared scorer"
    )
    ap.add_argument("--work", help="scorer work dir (default: the scorer's)")
    ap.add_argument("--baseline", help="also score the parser at this git revision (e.g. main)")
    args = ap.parse_args()
    work = ["--work", args.work] if args.work else []
    scorer = Path(args.eval) / "score.py"
    if not scorer.exists():
        raise SystemExit(f"no scorer at {scorer}: the dev set lives beside the project")
    bin_dir = Path(sys.executable).parent
    names = ["newsarchive"]
    if args.baseline:
        with tempfile.TemporaryDirectory(prefix="extract-baseline-") as tmp:
            runner = export_baseline(args.baseline, Path(tmp))
            name = "newsarchive+" + re.sub(r"[^\w.+-]", "-", args.baseline)
            score(scorer, f"{sys.executable} {runner} parse", name, work)
            names.insert(0, name)
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
