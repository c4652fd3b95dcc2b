"""The generic `news` spider finds every article of the demo site from sitemaps and feeds."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from urllib.parse import urljoin

from archive.cli.demo import PROJECT_ROOT, crawl_command
from demosite import build_site
from demosite.server import DemoServer


def test_news_spider_archives_every_article(tmp_path):
    site = build_site(articles=25, seed=11)
    db = tmp_path / "news.db"
    with DemoServer(site) as server:
        cmd = crawl_command(server.url, str(db), str(tmp_path / "warc"), spider="news")
        cmd += ["-a", r"allow=/\d{4}/\d{2}/\d{2}/", "-s", f"LOG_FILE={tmp_path / 'log'}"]
        env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
        run = subprocess.run(
            cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert run.returncode == 0, run.stderr[-2000:]
        hits = dict(server.hits)
    conn = sqlite3.connect(db)
    stored = {r[0] for r in conn.execute("select url from articles")}
    expected = {urljoin(server.url, a["url"]) for a in site.ground_truth()["articles"]}
    assert stored == expected
    # no archive walking: the news spider fetches the home page, not category pages
    assert not any(path.startswith("/category/") for path in hits)
