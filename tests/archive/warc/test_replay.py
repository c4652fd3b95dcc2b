"""CDXJ index, WACZ package and a real pywb replay of the archived demo site."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from archive.warc.cdxj import index_directory
from archive.warc.wacz import write_wacz

BIN = Path(sys.executable).parent


@contextlib.contextmanager
def wayback(root: Path) -> Iterator[str]:
    """A real pywb (``wayback``) serving ``root/config.yaml``; yields its base URL."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    with open(root / "pywb.log", "wb") as log:
        proc = subprocess.Popen(
            [BIN / "wayback", "--port", str(port)], cwd=root, stdout=log, stderr=log
        )
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(base, timeout=1).read()
                    break
                except OSError:
                    time.sleep(0.1)
            yield base
        finally:
            proc.terminate()
            proc.wait(10)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


@pytest.fixture(scope="module")
def packaged(warc_crawl, tmp_path_factory):
    out = tmp_path_factory.mktemp("replay")
    warc_dir = out / "warc"
    shutil.copytree(warc_crawl.warc_dir, warc_dir)
    written, merged = index_directory(warc_dir, out / "indexes")
    wacz = write_wacz(warc_crawl.db, warc_dir, out / "demo.wacz", index_dir=out / "indexes")
    return out, written, merged, wacz


@pytest.fixture(scope="module")
def pywb(packaged):
    """pywb serving collection ``raw`` (our WARCs + our CDXJ) and ``wacz`` (our WACZ)."""
    out, _, merged, wacz = packaged
    root = out / "pywb"
    root.mkdir()
    subprocess.run([BIN / "wb-manager", "init", "wacz"], cwd=root, check=True, capture_output=True)
    subprocess.run(
        [BIN / "wb-manager", "add", "--unpack-wacz", "wacz", str(wacz.path)],
        cwd=root,
        check=True,
        capture_output=True,
    )
    (root / "config.yaml").write_text(
        f"collections:\n  raw:\n    index: {merged}\n    archive_paths: {out / 'warc'}/\n"
    )
    with wayback(root) as base:
        yield base


def _first_article(warc_crawl) -> str:
    import sqlite3

    conn = sqlite3.connect(warc_crawl.db)
    try:
        return conn.execute("SELECT url FROM articles ORDER BY url LIMIT 1").fetchone()[0]
    finally:
        conn.close()


def _served(warc_crawl, url: str) -> tuple[bytes, bytes]:
    raw = warc_crawl.wire[urlsplit(url).path][-1]
    head, _, body = raw.partition(b"\r\n\r\n")
    return head, body


def test_cdxj_is_sorted_pywb_style_and_incremental(packaged):
    out, written, merged, _ = packaged
    lines = merged.read_text().splitlines()
    assert lines == sorted(lines) and len(written) >= 1
    key, stamp, data = lines[0].split(" ", 2)
    entry = json.loads(data)
    assert len(stamp) == 14 and key.startswith("1,0,0,127")
    assert {"url", "mime", "status", "digest", "length", "offset", "filename"} <= set(entry)
    assert index_directory(out / "warc", out / "indexes")[0] == []  # nothing new to index


def test_wacz_layout_and_digests(packaged):
    wacz = packaged[3]
    with zipfile.ZipFile(wacz.path) as zf:
        names = set(zf.namelist())
        assert {"datapackage.json", "datapackage-digest.json", "indexes/index.cdx"} <= names
        assert "pages/pages.jsonl" in names
        package = json.loads(zf.read("datapackage.json"))
        assert package["wacz_version"] == "1.1.1" and package["profile"] == "data-package"
        for res in package["resources"]:
            data = zf.read(res["path"])
            assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest(), res["path"]
            assert res["bytes"] == len(data)
            if res["path"].startswith("archive/"):
                assert zf.getinfo(res["path"]).compress_type == zipfile.ZIP_STORED
        digest = json.loads(zf.read("datapackage-digest.json"))
        assert digest["hash"] == "sha256:" + hashlib.sha256(zf.read("datapackage.json")).hexdigest()
        pages = zf.read("pages/pages.jsonl").decode().splitlines()
        assert json.loads(pages[0])["format"] == "json-pages-1.0"
        assert len(pages) - 1 == wacz.pages > 0


@pytest.mark.parametrize("coll", ["raw", "wacz"])
def test_pywb_replays_the_exact_bytes_served(pywb, warc_crawl, coll):
    url = _first_article(warc_crawl)
    head, body = _served(warc_crawl, url)
    assert b"Content-Encoding: gzip" in head  # the demo site gzipped it for Scrapy
    status, headers, got = _get(f"{pywb}{coll}/2030id_/{url}", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    assert got == body  # byte for byte what the site sent
    status, headers, plain = _get(f"{pywb}{coll}/2030id_/{url}")  # a client without gzip
    assert status == 200 and plain == gzip.decompress(body)


def test_pywb_replays_robots_txt(pywb, warc_crawl):
    url = warc_crawl.url + "robots.txt"
    head, body = _served(warc_crawl, url)
    expected = gzip.decompress(body) if b"Content-Encoding: gzip" in head else body
    status, _, got = _get(f"{pywb}raw/2030id_/{url}")  # no Accept-Encoding: pywb decodes
    assert status == 200 and got == expected
