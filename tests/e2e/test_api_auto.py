"""``ARCHIVE_COMMENTS_API=auto`` (the default): the REST API is asked only when
the HTML thread leaves something to add."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from urllib.parse import urljoin, urlsplit

from archive.cli.demo import PROJECT_ROOT, crawl_command
from demosite import build_site
from demosite.server import DemoServer
from scrapers.items import Article, Comment
from scrapers.spiders.threads import html_thread_is_exact


def _comment(**kw) -> Comment:
    return Comment(**{"id": "12", "published": "2019-04-24T10:15:00-04:00", **kw})


def test_exact_html_threads_need_no_api():
    article = Article(url="u", comments=[_comment()], comments_declared=1)
    assert html_thread_is_exact(article, True)
    assert not html_thread_is_exact(article, False)  # a comment page failed
    article.comments_declared = 2  # the page says there are more
    assert not html_thread_is_exact(article, True)
    hashed = Article(url="u", comments=[_comment(id="9f86d081884c7d65")])  # no site id
    assert not html_thread_is_exact(hashed, True)
    naive = Article(url="u", comments=[_comment(published="2019-04-24T10:15:00")])
    assert html_thread_is_exact(naive, True)  # a naive date stays as the page states it
    pingback = _comment(kind="pingback", published=None)
    assert html_thread_is_exact(Article(url="u", comments=[_comment(), pingback]), True)


def test_auto_mode_on_the_demo_site(tmp_path):
    site = build_site(articles=30, seed=5)
    db = tmp_path / "a.db"
    with DemoServer(site) as server:
        cmd = crawl_command(
            server.url, str(db), str(tmp_path / "warc"), "-s", f"LOG_FILE={tmp_path / 'log'}"
        )
        env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
        run = subprocess.run(
            cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert run.returncode == 0, run.stderr[-2000:]
    conn = sqlite3.connect(db)
    statuses = [
        s
        for u, s in conn.execute("select url, status from captures")
        if urlsplit(u).path == "/wp-json/wp/v2/comments"
    ]
    truth = site.ground_truth()["articles"]
    # every demo thread is complete in HTML, with the site's own ids: no request
    assert statuses == []
    for a in truth:
        count = conn.execute(
            "select comments_count from articles where url = ?", (urljoin(server.url, a["url"]),)
        ).fetchone()[0]
        assert count == len(a["comments"]), a["url"]
