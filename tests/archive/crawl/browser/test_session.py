"""One page in the browser (archive/browser/session.py, pool.py): the whole
thread shown in every kind of widget, nothing clicked that is not about
comments, budgets that stop a page, and a pool that relaunches Chromium."""

from __future__ import annotations

import asyncio

import pytest

from archive.crawl.browser.pool import BrowserPool
from archive.crawl.browser.session import Document, Limits
from scrapers.parsers.comments.rendered import Snapshot, thread_from_render

pytestmark = pytest.mark.usefixtures("chromium")


def _render_all(urls, docs=None, **pool_args):
    """Render ``urls`` in one pool; (rendered, exchanges) per URL, and the pool."""

    async def go():
        pool = BrowserPool("/usr/bin/chromium", **pool_args)
        out = {}

        async def one(url):
            seen = []
            doc = (docs or {}).get(url)
            out[url] = (await pool.render(url, doc, seen.append), seen)

        try:
            await asyncio.gather(*(one(u) for u in urls))
        finally:
            await pool.close()
        return out, pool

    return asyncio.run(go())


@pytest.fixture(scope="module")
def demo_renders(scripted_demo):
    """The cross-origin frame thread and the two traps, rendered as ``always``
    would render them (every kind is crawled end to end in test_browser_crawl)."""
    site, main, _ = scripted_demo
    truth = site.ground_truth()
    paths = {"parley": truth["scripted"]["threads"]["parley"]}
    paths.update(enumerate(truth["scripted"]["traps"]))
    urls = {kind: main.url.rstrip("/") + path for kind, path in paths.items()}
    out, pool = _render_all(list(urls.values()), concurrency=2, restart_after=2)
    return truth, urls, out, pool


def test_a_cross_origin_frame_thread_is_shown_whole(demo_renders):
    truth, urls, out, _ = demo_renders
    rendered, exchanges = out[urls["parley"]]
    assert rendered.exhausted and rendered.clicks == 4  # "Load more comments", in the frame
    assert [f.main for f in rendered.frames] == [True, False]
    snaps = [Snapshot(f.url, f.html, f.main) for f in rendered.frames]
    thread = thread_from_render(
        urls["parley"], snaps, [(e.url, e.body) for e in exchanges if e.body]
    )
    want = next(a for a in truth["articles"] if a["special"] == "parley")["comments"]
    assert [c.id for c in thread.comments] == [c["id"] for c in want]


def test_the_traps_get_no_click_and_no_comment(demo_renders):
    truth, urls, out, _ = demo_renders
    for i, _path in enumerate(truth["scripted"]["traps"]):
        rendered, exchanges = out[urls[i]]
        assert rendered.clicks == 0 and rendered.exhausted
        assert not [e for e in exchanges if "more-stories.json" in e.url]
        snaps = [Snapshot(f.url, f.html, f.main) for f in rendered.frames]
        assert thread_from_render(urls[i], snaps).comments == []


def test_the_pool_relaunches_chromium_after_n_pages(demo_renders):
    _, urls, _, pool = demo_renders
    assert pool.rendered == len(urls) == 3
    assert pool.launches == 2  # pages 1-2, then 3


# No host name resolves, so nothing leaves the machine (no DNS either): the
# pages below are served their own bytes, as the crawl serves the browser a page.
OFFLINE = ("--host-resolver-rules=MAP * ~NOTFOUND",)

ENDLESS = b"""<!DOCTYPE html><html><body><h1>Story</h1><div id="comments">
<div class="comment-list"></div><button class="load-more">Load more comments</button></div>
<form><button type="submit">Load more comments</button></form>
<a href="/another-page/">Show comments</a>
<script>
let n = 0;
document.querySelector(".load-more").addEventListener("click", () => {
  const p = document.createElement("p"); p.className = "comment"; p.textContent = "c" + (++n);
  document.querySelector(".comment-list").appendChild(p);
});
document.querySelector("form").addEventListener("submit", (e) => { e.preventDefault(); window.submitted = true; });
</script></body></html>"""


def test_budgets_stop_a_thread_that_never_ends_and_forms_are_never_clicked():
    url = "http://endless.test/"  # served its own bytes; no name resolves (OFFLINE)
    doc = Document(url, 200, [("Content-Type", "text/html")], ENDLESS)
    out, _ = _render_all([url], {url: doc}, limits=Limits(seconds=20, clicks=5), extra_args=OFFLINE)
    rendered, _ = out[url]
    assert rendered.clicks == 5 and rendered.budget == "clicks" and not rendered.exhausted
    main = next(f for f in rendered.frames if f.main)
    assert main.html.count('class="comment"') == 5
    assert main.url == url  # the link to another page was never followed


def test_a_page_deadline_is_a_verdict_not_an_error():
    url = "http://slow.test/"
    slow = b"<html><body><div id='comments'></div><script>setInterval(() => fetch('/x'), 50)</script></body></html>"
    doc = Document(url, 200, [("Content-Type", "text/html")], slow)
    out, _ = _render_all([url], {url: doc}, limits=Limits(seconds=2, quiet=5), extra_args=OFFLINE)
    rendered, _ = out[url]
    assert rendered.budget == "time" and rendered.error is None and not rendered.exhausted


def test_a_page_that_navigates_away_is_an_error_not_a_thread():
    url = "http://leaves.test/"
    leaves = b"<html><body><div id='comments'></div><script>location.href = '/elsewhere/'</script>"
    doc = Document(url, 200, [("Content-Type", "text/html")], leaves)
    out, _ = _render_all([url], {url: doc}, limits=Limits(seconds=10), extra_args=OFFLINE)
    rendered, _ = out[url]
    assert rendered.error and "navigated away" in rendered.error and rendered.frames == []
