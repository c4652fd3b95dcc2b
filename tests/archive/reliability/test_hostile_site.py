"""``newsarchive demo-site --hostile``: both hosts serve, the ground truth is written."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.error
import urllib.request

from archive.cli.demo import PROJECT_ROOT


def test_demo_site_hostile_command(tmp_path):
    truth_file = tmp_path / "truth.json"
    cmd = [sys.executable, "-m", "archive.cli.main", "demo-site", "--hostile", "--port", "0",
           "--articles", "3", "--ground-truth", str(truth_file)]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()  # blocks until the sites listen (or the process dies)
        urls = re.findall(r"http://127\.0\.0\.1:\d+/", line)
        assert len(urls) == 2, line
        main, second = urls
        robots = _get(main + "robots.txt")
        assert "Disallow: /private/" in robots and f"Sitemap: {main}h/sitemap.xml" in robots
        hub = _get(main + "h/")
        assert "/h/gzip-bomb/" in hub and "utm_source" in hub
        try:
            _get(second + "robots.txt")
            raise AssertionError("the second host's robots.txt must be a 500")
        except urllib.error.HTTPError as exc:
            exc.close()
            assert exc.code == 500
        truth = json.loads(truth_file.read_text())
        assert truth["hostile"]["base"] == main
        assert truth["hostile"]["robots_error_base"] == second
        assert len(truth["hostile"]["failures"]) == 17 and truth["site"]["articles"]
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()
