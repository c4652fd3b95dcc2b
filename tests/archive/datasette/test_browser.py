"""The archive in Datasette, as a researcher sees it in a real browser.

Datasette runs on 127.0.0.1 with newsarchive's metadata and plugin (the
command ``newsarchive serve`` runs); headless Chromium searches, opens a
thread and takes a screenshot.  A comment holding ``<script>`` must show as
text and never run.  Skips without ``/usr/bin/chromium``, except in CI.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator

import pytest

from archive.datasette import python_command
from tests.archive.datasette.browser import CHROMIUM, Browser
from tests.archive.sample import XSS_TEXT, build_archive

if not CHROMIUM.exists() and os.environ.get("CI") != "true":
    pytest.skip("needs /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def datasette_url(tmp_path_factory) -> Iterator[str]:
    db = build_archive(tmp_path_factory.mktemp("ds") / "archive.db")
    port = _free_port()
    proc = subprocess.Popen(
        python_command(db, port=port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "-/versions.json", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("datasette exited at start")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[Browser]:
    b = Browser(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield b
    finally:
        b.close()


def test_search_shows_script_as_text_and_never_runs_it(browser, datasette_url, tmp_path):
    browser.open(datasette_url + "archive/comments")
    browser.type_into("input[name=_search]", "pwned")
    browser.js_and_wait("document.querySelector('input[name=_search]').form.submit()")
    assert "_search=pwned" in browser.js("location.href")
    text = browser.js("document.body.innerText")
    assert XSS_TEXT in text  # shown, character for character
    assert "1 row where search matches" in text
    assert browser.js("typeof window.__pwned") == "undefined"
    assert browser.js("document.title") != "pwned"
    assert browser.js("document.querySelectorAll('td script, td img').length") == 0
    browser.screenshot(tmp_path / "search.png")


def test_search_page_across_articles_and_comments(browser, datasette_url):
    browser.open(datasette_url + "archive/search")
    browser.type_into("input[name=q]", "venezuela")
    browser.js_and_wait("document.querySelector('input[name=q]').form.submit()")
    cells = browser.js("[...document.querySelectorAll('td.col-found_in')].map(td => td.innerText)")
    assert "article" in cells
    assert any(c.startswith("comment by") for c in cells)


def test_article_links_to_thread_shown_in_order_with_depth(browser, datasette_url, tmp_path):
    browser.open(datasette_url + "archive/articles?_sort_desc=comments_count")
    browser.js_and_wait(
        "[...document.querySelectorAll('a')].find(a => a.innerText.includes('read thread')).click()"
    )
    assert "/archive/thread?article=" in browser.js("location.href")
    commenters = browser.js(
        "[...document.querySelectorAll('td.col-commenter')].map(td => td.innerText)"
    )
    assert commenters[0] == "Reader 0"
    assert commenters[1] == "\u2003\u2003↳ Reader 1"  # one level deeper
    assert commenters[3].startswith("\u2003" * 6 + "↳")
    depths = browser.js("[...document.querySelectorAll('td.col-depth')].map(td => td.innerText)")
    assert depths[:4] == ["0", "1", "2", "3"]
    assert browser.js("typeof window.__pwned") == "undefined"
    shot = browser.screenshot(tmp_path / "thread.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_article_row_links_to_comments_authors_url_and_capture(browser, datasette_url):
    browser.open(datasette_url + "archive/articles?_search=putin")
    browser.js_and_wait("document.querySelector('td.col-Link a, td.type-pk a').click()")
    links = browser.js("[...document.querySelectorAll('a')].map(a => a.href)")
    assert "https://news.example/2024/03/putin/" in links  # original URL
    assert any("/archive/captures/" in h for h in links)  # archived capture
    assert any("/archive/thread?article=" in h for h in links)
    assert any("/archive/comments?article_id=" in h for h in links)
    assert any("/archive/article_authors?article_id=" in h for h in links)


def test_article_page_nests_the_thread_and_draws_its_chart(browser, datasette_url, tmp_path):
    """The reading room's article page, reached as a person would: from the
    table to the row, which is the article page."""
    browser.open(datasette_url + "archive/articles?_search=putin")
    browser.js_and_wait("document.querySelector('td.type-pk a').click()")
    assert browser.js("location.pathname").startswith("/archive/articles/")
    assert browser.js("document.querySelector('h1').innerText") == "Putin Restates Support"
    assert browser.js("document.querySelector('p.byline').innerText").startswith(
        "By Peter Spinella and Ana Ruiz (dpa)"
    )
    browser.screenshot(tmp_path / "article.png")
    comments = browser.js(
        """[...document.querySelectorAll('li.comment')].map(li => ({
            id: li.dataset.id.split(':')[1], parent: li.dataset.parent || null,
            nestedIn: (li.parentElement.closest('li.comment') || {dataset: {}}).dataset.id || null,
            left: li.querySelector(':scope > article').getBoundingClientRect().left}))"""
    )
    assert [c["id"] for c in comments] == ["0", "1", "2", "3", "4", "5", "x1", "x2"]
    by_id = {c["id"]: c for c in comments}
    for c in comments:
        assert c["nestedIn"] == c["parent"], c  # every reply inside its parent
        if c["parent"]:
            parent = by_id[c["parent"].split(":")[1]]
            assert c["left"] > parent["left"] + 10  # and indented to its right
    chart = browser.js(
        """(() => { const svg = document.querySelector('figure.comment-timeline svg.chart');
            const box = svg.getBoundingClientRect();
            return {w: box.width, h: box.height, bars: svg.querySelectorAll('rect.bar').length,
                    labels: [...svg.querySelectorAll('text.axis-title')].map(t => t.textContent)}; })()"""
    )
    assert chart["w"] > 300 and chart["h"] > 100 and chart["bars"] >= 5
    assert chart["labels"] == ["time (UTC), one bar per 6 hours", "comments per 6 hours"]
    assert browser.js("typeof window.__pwned") == "undefined"
    assert (
        browser.js("document.querySelectorAll('div.reading script, div.reading img').length") == 0
    )
    x1 = browser.js("document.getElementById('comment-x1').innerText")
    assert "<img src=x onerror=alert(1)>" in x1 and "hi" in x1  # name as text, HTML sanitised
    browser.js("document.getElementById('comments').scrollIntoView()")
    shot = browser.screenshot(tmp_path / "article-thread.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_site_page_charts_articles_and_comments(browser, datasette_url, tmp_path):
    browser.open(datasette_url)
    browser.js_and_wait(
        "[...document.querySelectorAll('a')].find(a => a.innerText == 'sites').click()"
    )
    assert browser.js("location.pathname") == "/archive/sites"
    browser.js_and_wait("document.querySelector('table.sites a').click()")
    assert browser.js("document.querySelector('h1').innerText") == "news.example"
    assert browser.js("document.querySelectorAll('figure.activity svg.chart').length") == 2
    browser.screenshot(tmp_path / "site.png")
