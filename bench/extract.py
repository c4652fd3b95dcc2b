"""Article and comment extraction on every dev corpus, side by side with trafilatura and readability.

One command scores newsarchive, trafilatura and readability-lxml (and, with
``--baseline REV``, newsarchive as it was at a git revision) on the three dev
corpora with the shared scorer (``../shared/eval/score.py``): ``tev-dev``
(519 pages, snippet gold with author, date, title and comments), ``l3s-dev``
(L3S-GN1, 296 pages: body, headline, comment snippets) and ``dragnet-dev``
(Dragnet, 562 pages: body, comment snippets).  Each system runs once per
corpus, one after the other on the same machine, and one table is printed:

- body precision / recall / F1 (the scorer's metric for each corpus),
- author, date, title accuracy (tev-dev; title also on l3s-dev),
- comment-snippet recall and leak (share of the body found in the comments),
- comment-free pages that got comments: pages whose gold has no comment
  snippet, of which the system gave at least one comment, pingbacks not
  counted (lower is better; "no snippet" is not always "no thread": the gold
  of tev-dev and Dragnet leaves some real threads out, see docs/parsers.md),
- CPU seconds per page of the whole run (interpreter start-up included).

trafilatura and readability-lxml are not project dependencies.  Install them
into the venv that runs this script to include them (a missing one is left
out with a note)::

    .venv/bin/pip install trafilatura lxml_html_clean readability-lxml 'chardet>=6'

(readability-lxml asks for chardet<6, but the project's frictionless needs
chardet>=6; readability runs with it, as its adapter hands it text, not bytes.)

    .venv/bin/python bench/extract.py [--eval ../shared/eval] [--work DIR] [--baseline REV]
        [--datasets tev-dev,l3s-dev,dragnet-dev] [--systems newsarchive,trafilatura,readability]
        [--reuse] [--json OUT]

``--work`` keeps the scorer's runs apart from other people's (default: the
scorer's own, ``~/.cache/devset-eval``); per corpus, ``runs/NAME/pages.json``
holds the per-page verdicts and ``runs/NAME/stdout.jsonl`` the records, to
study failures with (tev-dev in WORK itself, the others in WORK/l3s-dev and
WORK/dragnet-dev).  ``--baseline REV`` (e.g. ``main``) exports the project at
REV into WORK/baselines/SHA and scores its parser as a column named
``newsarchive+REV``.  ``--reuse`` rescores saved output of an earlier run
with the same command instead of running again.  ``--json`` writes the table's
numbers as JSON.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ("tev-dev", "l3s-dev", "dragnet-dev")
SYSTEMS = ("newsarchive", "trafilatura", "readability")
# adapter file and the module it needs, for the baselines that are not the project
ADAPTERS = {
    "trafilatura": ("trafilatura_adapter.py", "trafilatura"),
    "readability": ("readability_adapter.py", "readability"),
}
DEFAULT_WORK = Path("~/.cache/devset-eval").expanduser()

# ``archive.cli`` gives ``main`` both before the layout change (a module) and after it (a package)
_BASELINE_RUNNER = """import sys
sys.path.insert(0, {root!r})
from archive.cli import main
sys.argv[0] = "newsarchive"
sys.exit(main())
"""


def load_scorer(eval_dir: Path) -> ModuleType:
    """The shared scorer as a module: its dataset loaders and record alignment are reused."""
    path = eval_dir / "score.py"
    if not path.exists():
        raise SystemExit(f"no scorer at {path}: the dev sets live beside the project")
    spec = importlib.util.spec_from_file_location("devset_score", path)
    module = importlib.util.module_from_spec(spec)
    sys.dont_write_bytecode = True  # the kit may be read-only
    spec.loader.exec_module(module)
    return module


def export_baseline(rev: str, work: Path) -> Path:
    """The project's files at ``rev`` in ``work/baselines/SHA``, with a script that runs its CLI.

    A fixed folder per commit keeps the command string the same from run to
    run, so ``--reuse`` can rescore a baseline's saved output.
    """
    sha = subprocess.run(
        ["git", "rev-parse", "--verify", rev + "^{commit}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    into = work / "baselines" / sha
    runner = into / "run_newsarchive.py"
    if not runner.exists():
        shutil.rmtree(into, ignore_errors=True)
        into.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", sha], cwd=ROOT, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
        runner.write_text(_BASELINE_RUNNER.format(root=str(into)))
    return runner


def commands(args: argparse.Namespace, eval_dir: Path, work: Path) -> dict[str, str]:
    """Name -> parser command, in the order the table shows them (baselines first)."""
    wanted = [s for s in args.systems.split(",") if s]
    out: dict[str, str] = {}
    for name in wanted:
        if name not in ADAPTERS:
            continue
        adapter, module = ADAPTERS[name]
        if importlib.util.find_spec(module) is None:
            print(f"{name} is not installed: left out (see --help)", file=sys.stderr)
            continue
        out[name] = f"{sys.executable} {eval_dir / 'adapters' / adapter}"
    if args.baseline:
        runner = export_baseline(args.baseline, work)
        out["newsarchive+" + re.sub(r"[^\w.+-]", "-", args.baseline)] = (
            f"{sys.executable} {runner} parse"
        )
    if "newsarchive" in wanted:
        out["newsarchive"] = f"{Path(sys.executable).parent / 'newsarchive'} parse"
    return out


def run_scorer(eval_dir: Path, dataset: str, name: str, cmd: str, args: argparse.Namespace) -> None:
    argv = [sys.executable, str(eval_dir / "score.py"), "--dataset", dataset]
    argv += ["--cmd", cmd, "--name", name, "--no-header"]
    argv += ["--work", args.work] if args.work else []
    argv += ["--reuse"] if args.reuse else []
    subprocess.run(argv, cwd=ROOT, check=True)


def dataset_root(work: Path, dataset: str) -> Path:
    return work if dataset == "tev-dev" else work / dataset


def comment_free(scorer: ModuleType, dataset: str, root: Path, name: str) -> tuple[int, int, int]:
    """(comment-free pages given comments, comment-free pages, all pages given comments).

    A comment-free page is one whose gold has no comment snippet.  Pingbacks and
    trackbacks (records of another ``kind``) are not comments; records without a
    ``kind`` (the baselines') are.
    """
    default_data, family = scorer.DATASETS[dataset]
    load = scorer.load_devset if family == "tev" else scorer.load_textset
    ds = load(default_data)
    records, _ = scorer.align(str(root / "runs" / name / "stdout.jsonl"), ds["pages"])
    got = total = given = 0
    for gold, rec in zip(ds["golds"], records, strict=True):
        comments = rec.get("comments") if isinstance(rec, dict) else None
        has = any(
            c.get("kind", "comment") == "comment" for c in comments or [] if isinstance(c, dict)
        )
        given += has
        if not gold.get("comments"):
            total += 1
            got += has
    return got, total, given


def summarise(result: dict, free: tuple[int, int, int]) -> dict:
    """The numbers of one system on one corpus that the table shows.

    A field the system never fills (readability gives only the body) has no
    figure rather than a zero.
    """
    s = result["scores"]
    row = {
        "body_p": s["body"]["precision"],
        "body_r": s["body"]["recall"],
        "body_f1": s["body"]["f1"],
        "cpu_s_page": result["timing"]["cpu_s_per_page"],
    }
    for field in ("author", "date", "title"):
        if field in s and s[field]["n"] and s[field]["given"]:
            row[field] = (s[field]["hits"], s[field]["n"])
    c = s["comments"]
    if free[2]:
        row["comments"] = (c["found"], c["n_snippets"])
        row["leak"] = c["body_leak"]
        row["comment_free_hit"] = free[:2]
    return row


def _ratio(pair: tuple[int, int] | None) -> str:
    if not pair:
        return "-"
    hits, n = pair
    return f"{hits / n:.3f} ({hits}/{n})" if n else "-"


ROWS = (
    (
        "body P / R / F1",
        lambda r: f"{r['body_p']:.3f} / {r['body_r']:.3f} / **{r['body_f1']:.3f}**",
    ),
    ("author", lambda r: _ratio(r.get("author"))),
    ("date", lambda r: _ratio(r.get("date"))),
    ("title", lambda r: _ratio(r.get("title"))),
    ("comment-snippet recall", lambda r: _ratio(r.get("comments"))),
    ("comment leak", lambda r: f"{r['leak']:.3f}" if r.get("leak") is not None else "-"),
    (
        "comment-free pages given comments",
        lambda r: "{}/{}".format(*r["comment_free_hit"]) if "comment_free_hit" in r else "-",
    ),
    ("CPU s/page", lambda r: f"{r['cpu_s_page']:.4f}"),
)
# the rows a corpus has gold for
CORPUS_ROWS = {
    "tev-dev": {"author", "date", "title"},
    "l3s-dev": {"title"},
    "dragnet-dev": set(),
}


def print_table(table: dict[str, dict[str, dict]], names: list[str]) -> None:
    print("| corpus | metric | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for dataset, by_name in table.items():
        for label, get in ROWS:
            if label in ("author", "date", "title") and label not in CORPUS_ROWS[dataset]:
                continue
            cells = [get(by_name[n]) if n in by_name else "-" for n in names]
            print(f"| {dataset} | {label} | " + " | ".join(cells) + " |")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"), help="scorer folder")
    ap.add_argument("--work", help=f"scorer work dir (default: the scorer's, {DEFAULT_WORK})")
    ap.add_argument("--baseline", help="also score the parser at this git revision (e.g. main)")
    ap.add_argument("--datasets", default=",".join(DATASETS), help="comma-separated corpora")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated systems")
    ap.add_argument("--reuse", action="store_true", help="rescore saved output, do not rerun")
    ap.add_argument("--json", help="write the table's numbers to this file")
    args = ap.parse_args()
    eval_dir = Path(args.eval).resolve()
    scorer = load_scorer(eval_dir)
    work = Path(args.work).resolve() if args.work else DEFAULT_WORK
    cmds = commands(args, eval_dir, work)
    table: dict[str, dict[str, dict]] = {}
    for dataset in [d for d in args.datasets.split(",") if d]:
        root = dataset_root(work, dataset)
        table[dataset] = {}
        for name, cmd in cmds.items():
            run_scorer(eval_dir, dataset, name, cmd, args)
            result = json.loads((root / "results" / f"{name}.json").read_text("utf-8"))
            table[dataset][name] = summarise(result, comment_free(scorer, dataset, root, name))
    print()
    print_table(table, list(cmds))
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
