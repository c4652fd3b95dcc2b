"""Serve the test WordPress by hand: ``python -m tests.wordpress [--theme T] [--order O]``.

Starts MariaDB and Apache, installs and fills the site exactly as the tests
do, prints its URL and the ground truth's file, and stops everything on
Ctrl-C (or after ``--minutes``).  Needs what the tests need (README).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import signal
import sys
import time

from tests.wordpress import content
from tests.wordpress.harness import WordPressSite, missing_parts, new_run_dir


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--theme", default="twentytwentyone")
    ap.add_argument("--order", default="newest", choices=("newest", "oldest"))
    ap.add_argument("--minutes", type=float, default=60.0)
    args = ap.parse_args()
    missing = missing_parts()
    if missing:
        print("missing: " + ", ".join(missing), file=sys.stderr)
        return 2
    # stop cleanly on SIGTERM, and on SIGINT even when started in the background
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    run_dir = new_run_dir()
    try:
        with WordPressSite(run_dir) as site:
            held = content.install_and_fill(site)
            content.configure(site, args.theme, args.order)
            truth = run_dir / "truth.json"
            truth.write_text(json.dumps(held, ensure_ascii=False, indent=1))
            print(f"{site.url}  (truth: {truth}, access log: {site.access_log})", flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                time.sleep(args.minutes * 60)
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
