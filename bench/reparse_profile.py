"""Where a re-parse's CPU goes, per page, by component.

Runs the real ``reparse(..., jobs=1)`` in this process (one thread, so CPU
time per component is exact and a busy machine does not inflate it much) with
thin timers around the functions that make up each component; what is left
of the run's CPU is the driver (candidate query, thread assembly).  The pool
is not used in-process, so its pickling round trip is timed on the side, on
every answer, with the pickler the pool uses.

    .venv/bin/python bench/reparse_profile.py ARCHIVE.db WARC_DIR

prints a JSON object: ms per page for each component, and the pages.
"""

from __future__ import annotations

import json
import pickle
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.reparse import run as R  # noqa: E402
from archive.store.fts import BatchIndexStore  # noqa: E402
from archive.warc.reader import RecordReader  # noqa: E402

clock = time.thread_time


class Timers:
    """CPU seconds per component; a component's time excludes the ones inside it."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self._stack: list[list[float]] = []

    def wrap(self, owner: Any, name: str, component: str) -> None:
        inner = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            frame = [clock(), 0.0]  # start, time of nested components
            self._stack.append(frame)
            try:
                return inner(*args, **kwargs)
            finally:
                self._stack.pop()
                took = clock() - frame[0]
                self.spent[component] = self.spent.get(component, 0.0) + took - frame[1]
                if self._stack:
                    self._stack[-1][1] += took

        setattr(owner, name, timed)


def components(db: Path, warc_dir: Path) -> dict[str, float]:
    """Re-parse a copy of ``db`` in-process; CPU ms per page by component."""
    timers = Timers()
    timers.wrap(RecordReader, "read_direct", "read WARC record (zlib, split)")
    timers.wrap(R, "decode_body", "undo Content-Encoding")
    timers.wrap(R, "parse_page", "parse (scrapers.parsers)")
    timers.wrap(R, "api_root", "REST API root")
    timers.wrap(BatchIndexStore, "add_article", "store: rows, history")
    timers.wrap(BatchIndexStore, "flush", "store: SQLite writes, FTS")
    parse = R._parse

    def parse_and_pickle(task: R.Task) -> tuple:
        answer = parse(task)
        started = clock()
        pickle.loads(ForkingPickler.dumps([answer]))
        spent = timers.spent
        spent["pool pickling (both ends)"] = spent.get("pool pickling (both ends)", 0) + (
            clock() - started
        )
        return answer

    R._parse = parse_and_pickle
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "archive.db"
        shutil.copy(db, copy)
        started = clock()
        stats = R.reparse(copy, warc_dir, jobs=1)
        total = clock() - started
    pages = stats.pages or 1
    out = {name: secs * 1000 / pages for name, secs in timers.spent.items()}
    out["driver: query, threads, rest"] = (total - sum(timers.spent.values())) * 1000 / pages
    out["total"] = total * 1000 / pages
    out["pages"] = stats.pages
    return out


def report(ms: dict[str, float], print_: Callable[[str], Any] = print) -> None:
    """One line per component, largest first."""
    total = ms["total"]
    parts = {k: v for k, v in ms.items() if k not in ("total", "pages")}
    for name, value in sorted(parts.items(), key=lambda kv: -kv[1]):
        print_(f"    {name:<32} {value:6.3f} ms/page  {value / total:6.1%}")
    print_(f"    {'total (one process)':<32} {total:6.3f} ms/page")


if __name__ == "__main__":
    print(json.dumps(components(Path(sys.argv[1]), Path(sys.argv[2]))))
