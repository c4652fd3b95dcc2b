"""A bounded pool over one Chromium process, relaunched after N pages.

Playwright runs on the caller's event loop (the crawl's asyncio reactor): no
thread, no second loop.  At most ``concurrency`` pages render at once, each
in a context of its own (no shared cookies or cache, so every exchange goes
to the network and into the archive; service workers blocked).  After
``restart_after`` pages the browser is replaced, so a long crawl's memory stays
flat: new pages go to a new process, the old one closes when its last page
is done.  Playwright's own browser download is never used: Debian's
``/usr/bin/chromium`` is launched by path.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archive.crawl.browser.session import Document, Exchange, Limits, Rendered, render

logger = logging.getLogger(__name__)

CHROMIUM = "/usr/bin/chromium"
# Headless as root in a container: no sandbox, no GPU, no background traffic.
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
NO_IMAGES = "--blink-settings=imagesEnabled=false"


def find_chromium(path: str = CHROMIUM) -> str | None:
    """The Chromium executable (a path, or a command name looked up on PATH),
    or None when it is not installed."""
    if "/" not in path:
        return shutil.which(path)
    return path if Path(path).is_file() else None


def playwright_missing() -> str | None:
    """Why Playwright cannot be used, or None."""
    try:
        import playwright.async_api  # noqa: F401
    except ImportError as exc:
        return f"the playwright package is not installed ({exc})"
    return None


class _Browser:
    """One Chromium process and the pages it has rendered."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser
        self.pages = 0  # renders started on it
        self.active = 0  # renders in progress
        self.retired = False


class BrowserPool:
    """``await pool.render(url, document, on_exchange)``; ``await pool.close()``."""

    def __init__(
        self,
        executable: str,
        *,
        concurrency: int = 2,
        restart_after: int = 50,
        limits: Limits | None = None,
        images: bool = False,
        user_agent: str | None = None,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        self.executable = executable
        self.slots = asyncio.Semaphore(max(1, concurrency))
        self.restart_after = max(1, restart_after)
        self.limits = limits or Limits()
        self.args = LAUNCH_ARGS + ([] if images else [NO_IMAGES]) + list(extra_args)
        self.user_agent = user_agent  # appended to Chromium's own
        self._playwright: Any = None
        self._current: _Browser | None = None
        self._launching = asyncio.Lock()
        self.launches = 0
        self.rendered = 0

    async def _browser(self) -> _Browser:
        async with self._launching:
            current = self._current
            if current is None or current.retired or not current.browser.is_connected():
                if current is not None:
                    self._retire(current)
                if self._playwright is None:
                    from playwright.async_api import async_playwright

                    self._playwright = await async_playwright().start()
                browser = await self._playwright.chromium.launch(
                    executable_path=self.executable, args=self.args, headless=True
                )
                self.launches += 1
                logger.info("Chromium %s launched (%d)", browser.version, self.launches)
                current = self._current = _Browser(browser)
            current.pages += 1
            current.active += 1
            if current.pages >= self.restart_after:
                current.retired = True  # the next page gets a new process
            return current

    def _retire(self, b: _Browser) -> None:
        b.retired = True
        if b.active == 0:
            asyncio.ensure_future(_close_quietly(b.browser))

    def _agent(self, b: _Browser) -> str | None:
        if not self.user_agent:
            return None
        major = b.browser.version.split(".")[0]
        return (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            f"HeadlessChrome/{major}.0.0.0 Safari/537.36 {self.user_agent}"
        )

    async def render(
        self,
        url: str,
        document: Document | None,
        on_exchange: Callable[[Exchange], None],
        limits: Limits | None = None,
    ) -> Rendered:
        """Render one page within the pool's bounds (waits for a free slot)."""
        async with self.slots:
            b = await self._browser()
            try:
                context = await b.browser.new_context(
                    service_workers="block",
                    viewport={"width": 1280, "height": 900},
                    user_agent=self._agent(b),
                )
                try:
                    return await render(context, url, document, limits or self.limits, on_exchange)
                finally:
                    await _close_quietly(context)
            except Exception as exc:  # the browser died under the page
                return Rendered(url=url, error=f"{type(exc).__name__}: {exc}"[:500])
            finally:
                self.rendered += 1
                b.active -= 1
                if b.retired and b.active == 0 and b is not self._current:
                    await _close_quietly(b.browser)
                elif b.retired and b.active == 0:
                    self._current = None
                    await _close_quietly(b.browser)

    async def close(self) -> None:
        if self._current is not None:
            await _close_quietly(self._current.browser)
            self._current = None
        if self._playwright is not None:
            await self._playwright.stop()
            self._playwright = None


async def _close_quietly(thing: Any) -> None:
    try:
        await thing.close()
    except Exception as exc:  # already gone
        logger.debug("Close failed: %s", exc)
