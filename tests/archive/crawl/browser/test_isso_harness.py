"""The Isso harness itself: a real Isso server, threads posted through its
API, and its own client that shows them only after clicks (the browser
stage's tests rely on all three)."""

from __future__ import annotations

import asyncio
import tempfile

from tests.archive.crawl.browser.isso import MAX_TOP, NO_COMMENTS, PAGES

COMMENT = "div.isso-comment[id^='isso-']"  # (the post box is an .isso-comment too)
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]


def test_isso_lists_the_posted_threads_with_replies_under_their_top_level_comment(isso_site):
    _, _, truth = isso_site
    for page in PAGES:
        listed = truth[page.path]
        assert [c["author"] for c in listed] == [a for a, _, _ in page.comments]
        tops = {c["id"] for c in listed if c["parent"] is None}
        assert all(c["parent"] in tops for c in listed if c["parent"] is not None)


async def _shown(url: str) -> tuple[int, int]:
    """Comments Isso's client shows at first, and after every "N Hidden" link was clicked."""
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        with tempfile.TemporaryDirectory() as profile:
            ctx = await p.chromium.launch_persistent_context(
                profile, executable_path="/usr/bin/chromium", args=LAUNCH_ARGS
            )
            page = await ctx.new_page()
            inflight: set = set()
            page.on("request", lambda r: inflight.add(r))
            page.on("requestfinished", lambda r: inflight.discard(r))
            page.on("requestfailed", lambda r: inflight.discard(r))

            async def settle() -> None:  # (Playwright's "networkidle" holds once reached)
                quiet = 0
                while quiet < 3:
                    await page.wait_for_timeout(100)
                    quiet = 0 if inflight else quiet + 1

            await page.goto(url)
            await settle()
            first = await page.locator(COMMENT).count()
            for _ in range(20):
                hidden = page.locator("a.isso-load-hidden")
                if not await hidden.count():
                    break
                await hidden.first.click()
                await settle()
            after = await page.locator(COMMENT).count()
            await ctx.close()
    return first, after


def test_isso_client_shows_the_whole_thread_only_after_clicks(isso_site, chromium):
    site, _, truth = isso_site
    page = PAGES[0]
    first, after = asyncio.run(_shown(site.url + page.path))
    assert after == len(truth[page.path])
    assert first < after  # the limits hide some: they must be clicked
    assert len([c for c in page.comments if c[2] is None]) > MAX_TOP


def test_isso_site_serves_a_page_without_a_thread(isso_site):
    site, _, _ = isso_site
    status, _, body = site.route(NO_COMMENTS.path)
    assert status == 200 and b"isso" not in body
