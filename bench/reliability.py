"""What the reliability add-on costs: full pipeline with and without it, side by side.

Same site, same spider and settings as bench/crawl.py; the only difference is
``-s ADDONS={}`` (no failure recording, retry/robots/gzip/redirect guards, URL
cleaning, trap filter or budget).  Alternating rounds, medians, the ratio.

    .venv/bin/python bench/reliability.py [--articles 5000] [--rounds 3]

The long fuzzing run is not a benchmark but lives beside it:
``NEWSARCHIVE_FUZZ_EXAMPLES=20000 .venv/bin/pytest tests/fuzz -q``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.crawl import MODES, crawl, start_site  # noqa: E402

MODES["without"] = ["wordpress", "-s", "ADDONS={}"]
MODES["with"] = MODES["full"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    proc, url = start_site(args.articles)
    rates: dict[str, list[float]] = {"without": [], "with": []}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            print(f"demo site: {url} ({args.articles} articles); warming up", flush=True)
            crawl("without", url, work)
            for r in range(args.rounds):
                for mode in ("without", "with") if r % 2 == 0 else ("with", "without"):
                    res = crawl(mode, url, work)
                    rates[mode].append(res["pages_per_s"])
                    print(f"round {r + 1} {mode:>7}: {res['pages_per_s']:8.1f} pages/s", flush=True)
    finally:
        proc.terminate()
    med = {m: statistics.median(v) for m, v in rates.items()}
    print(
        f"\nmedian pages/s: without the add-on {med['without']:.1f}, with {med['with']:.1f}; "
        f"with keeps {med['with'] / med['without']:.0%}"
    )


if __name__ == "__main__":
    main()
