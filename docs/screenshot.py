"""Make docs/img/article-page.png, the README's picture of the reading room.

Crawls the demo site as ``make demo`` does (60 articles, seed 1) into a
temporary archive (or takes ``--db``), serves it with the Datasette command
of ``newsarchive serve``, opens the most-commented article's page in
headless Chromium and saves the top of the page (title, byline, dates, WARC
evidence, text, comments-over-time chart, the start of the nested thread).

    .venv/bin/python docs/screenshot.py [--db data/archive.db] [--out docs/img/article-page.png]
"""

from __future__ import annotations

import argparse
import base64
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from archive.cli.demo import DEMO_PORT, run_demo  # noqa: E402
from archive.datasette import python_command  # noqa: E402
from tests.archive.datasette.browser import Browser  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _demo_port() -> int:
    """``make demo``'s port where it is free (the URLs shown are then the usual ones)."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", DEMO_PORT))
        except OSError:
            return _free_port()
    return DEMO_PORT


def demo_archive(work: Path) -> Path:
    db = work / "archive.db"
    code = run_demo(
        articles=60, db=str(db), warc_dir=str(work / "warc"), port=_demo_port(), log_level="ERROR"
    )
    if code:
        raise SystemExit(f"demo crawl failed ({code})")
    return db


def most_commented(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        sql = "select id from articles order by comments_count desc, published desc limit 1"
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def shoot(db: Path, path: str, out: Path, width: int, height: int) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        python_command(db, port=port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        with tempfile.TemporaryDirectory() as profile:
            browser = Browser(Path(profile))
            try:
                browser.call(
                    "Emulation.setDeviceMetricsOverride",
                    session=True,
                    width=width,
                    height=height,
                    deviceScaleFactor=1,
                    mobile=False,
                )
                browser.call("Emulation.setScrollbarsHidden", session=True, hidden=True)
                browser.open(base + path)
                data = browser.call("Page.captureScreenshot", session=True, format="png")["data"]
            finally:
                browser.close()
    finally:
        proc.terminate()
        proc.wait(10)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(base64.b64decode(data))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="an archive of the demo site (default: crawl one)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img" / "article-page.png")
    ap.add_argument("--width", type=int, default=1000)
    ap.add_argument("--height", type=int, default=1500)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsarchive-shot-") as work:
        db = args.db or demo_archive(Path(work))
        shoot(db, f"/{db.stem}/articles/{most_commented(db)}", args.out, args.width, args.height)
    print(f"{args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
