"""One page in the browser: its whole comment thread shown, every exchange seen.

The page's own document is not fetched again: its navigation is answered with
the bytes the crawl already archived (``Document``), so the DOM is the DOM of
the archived page and the site sees one request for it.  Then, within the
page's deadline: wait for the network to settle, scroll through the page
(loaders that wait for their element to come into view), and click what
reveals or loads more comments, in every frame (cross-origin ones too) and
open shadow root (``click.js``), round after round until a round clicks
nothing or a budget runs out.  Finally each frame's DOM is serialized with its
shadow roots (``snapshot.js``).

Every exchange the browser completes is handed to ``on_exchange`` as it
finishes (the archive writes it to WARC); the result is a value
(:class:`Rendered`) that says whether the thread was exhausted or which
budget stopped it.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import urldefrag, urlsplit

from scrapers.items import utcnow

logger = logging.getLogger(__name__)

_JS = {name: resources.files(__package__).joinpath(f"{name}.js").read_text("utf-8")
       for name in ("click", "scroll", "snapshot")}  # fmt: skip
# Frames whose <iframe> sits in a comment region are comment widgets.
_FRAME_IN_THREAD = """(el) => {
  const R = /comment|discuss|thread|conversation|komment|comentar|коммент|isso|disqus|coral|spot-?im|openweb|viafoura/i;
  for (let n = el; n; n = n.parentNode || n.host)
    if (n.nodeType === 1 && R.test(`${n.id || ""} ${typeof n.className === "string" ? n.className : ""} ${n.localName} ${n.getAttribute("src") || ""} ${n.getAttribute("title") || ""}`)) return true;
  return false;
}"""
_HOP_HEADERS = {"content-encoding", "transfer-encoding", "content-length", "connection"}


@dataclass(frozen=True, slots=True)
class Limits:
    """The budgets of one page."""

    seconds: float = 30.0  # the whole session, navigation to snapshot
    clicks: int = 40  # controls clicked, all frames together
    bytes: int = 25_000_000  # response bodies kept, all exchanges together
    quiet: float = 0.5  # the network has settled after this long without a request in flight
    scroll_steps: int = 60  # half-viewport steps through the page
    scroll_pause: float = 0.05  # seconds per step (after an animation frame)


@dataclass(frozen=True, slots=True)
class Document:
    """The page as the crawl fetched it: the browser is served these bytes."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes  # decoded (no Content-Encoding)


@dataclass(slots=True)
class Exchange:
    """One HTTP exchange the browser completed, as Chromium reports it."""

    url: str
    method: str
    request_headers: list[tuple[str, str]]
    request_body: bytes | None
    status: int
    status_text: str
    headers: list[tuple[str, str]]  # as Chromium reports them: repeats kept, its own order
    body: bytes | None  # decoded by the browser; None when not kept (redirect, budget)
    resource_type: str  # "document", "script", "xhr", "fetch", ...
    fetched_at: str  # ISO 8601, when the response completed
    ip_address: str | None = None
    truncated: str | None = None  # "length": the byte budget left the body out


@dataclass(slots=True)
class FrameSnapshot:
    """A frame's rendered document (open shadow roots inlined)."""

    url: str
    html: str
    main: bool  # the page itself
    in_thread: bool  # a frame whose <iframe> sits in a comment region
    shadow_roots: int = 0


@dataclass(slots=True)
class Rendered:
    """What one render got: snapshots, counts, and why it stopped."""

    url: str
    frames: list[FrameSnapshot] = field(default_factory=list)
    clicks: int = 0
    left: int = 0  # controls still offering more when the render stopped
    budget: str | None = None  # "time", "clicks" or "bytes" when one ran out
    error: str | None = None  # the render failed (navigation, crash)
    exchanges: int = 0
    bytes: int = 0
    failed_requests: int = 0
    seconds: float = 0.0

    @property
    def exhausted(self) -> bool:
        """Nothing left to click, no budget hit, no error: the thread is all there."""
        return self.left == 0 and self.budget is None and self.error is None


class _Session:
    """The bookkeeping of one page: requests in flight, bodies, the deadline."""

    def __init__(
        self, page: Any, url: str, doc: Document | None, limits: Limits, on_exchange: Callable
    ) -> None:
        self.page, self.doc, self.limits, self.on_exchange = page, doc, limits, on_exchange
        self.deadline = time.monotonic() + limits.seconds
        self.inflight: dict[Any, float] = {}
        self.tasks: set[asyncio.Task] = set()
        self.own_request: Any = None  # the navigation answered with the crawl's bytes
        self.result = Rendered(url=url)

    def left(self) -> float:
        return self.deadline - time.monotonic()

    # -- network -----------------------------------------------------------------
    def watch(self) -> None:
        self.page.on("request", lambda r: self.inflight.__setitem__(r, time.monotonic()))
        self.page.on("requestfinished", self._finished)
        self.page.on("requestfailed", self._failed)

    def _failed(self, request: Any) -> None:
        self.inflight.pop(request, None)
        self.result.failed_requests += 1

    def _finished(self, request: Any) -> None:
        self.inflight.pop(request, None)
        if request is self.own_request:
            return
        task = asyncio.ensure_future(self._collect(request))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _collect(self, request: Any) -> None:
        try:
            response = await request.response()
            if response is None:
                return
            body, truncated = None, None
            if not 300 <= response.status < 400:
                raw = response.headers.get("content-length") or ""
                declared = int(raw) if raw.isdigit() else 0  # larger than the budget left:
                if self.result.bytes + declared > self.limits.bytes:
                    truncated = "length"
                    self.result.budget = self.result.budget or "bytes"
                else:
                    body = await response.body()
                    self.result.bytes += len(body)
            addr = await response.server_addr()
            exchange = Exchange(
                url=request.url,
                method=request.method,
                request_headers=[(h["name"], h["value"]) for h in await request.headers_array()],
                request_body=request.post_data_buffer,
                status=response.status,
                status_text=response.status_text,
                headers=[(h["name"], h["value"]) for h in await response.headers_array()],
                body=body,
                resource_type=request.resource_type,
                fetched_at=utcnow(),
                ip_address=addr["ipAddress"] if addr else None,
                truncated=truncated,
            )
        except Exception as exc:  # the page or context closed under us, a body gone
            logger.debug("No exchange for %s: %s", request.url, exc)
            return
        self.result.exchanges += 1
        self.on_exchange(exchange)

    async def settle(self) -> None:
        """Until no request (younger than 5 s: long polls do not count) has
        been in flight for ``quiet`` seconds, or the deadline."""
        quiet_since = time.monotonic()
        while self.left() > 0:
            now = time.monotonic()
            if any(now - t < 5.0 for t in self.inflight.values()):
                quiet_since = now
            elif now - quiet_since >= self.limits.quiet:
                return
            await asyncio.sleep(0.05)

    # -- the page ------------------------------------------------------------------
    async def serve_own(self, route: Any) -> None:
        """The page's navigation: the crawl's bytes, not a second fetch."""
        request = route.request
        if self.own_request is None and request.is_navigation_request() and self.doc:
            self.own_request = request
            headers = {k: v for k, v in self.doc.headers if k.lower() not in _HOP_HEADERS}
            await route.fulfill(status=self.doc.status, headers=headers, body=self.doc.body)
        else:
            await route.continue_()

    async def timed(self, coro: Any, floor: float = 0.0) -> Any:
        """``coro`` within what is left of the deadline (at least ``floor`` seconds)."""
        return await asyncio.wait_for(coro, max(self.left(), floor))

    async def scroll(self) -> None:
        """Scroll through the page, then through each frame that scrolls
        (a thread may lie in a frame's own lazy part)."""
        args = {"steps": self.limits.scroll_steps, "pause": int(self.limits.scroll_pause * 1000)}
        for frame in self.page.frames:
            if self.left() <= 0:
                raise TimeoutError
            try:
                await self.timed(frame.evaluate(_JS["scroll"], args))
            except TimeoutError:
                raise
            except Exception as exc:  # a frame detached meanwhile
                logger.debug("No scroll in %s: %s", frame.url, exc)

    async def thread_frames(self) -> dict[Any, bool]:
        out = {}
        for frame in self.page.frames:
            if frame is self.page.main_frame:
                out[frame] = False
                continue
            try:
                element = await frame.frame_element()
                out[frame] = bool(await element.evaluate(_FRAME_IN_THREAD))
            except Exception:  # a frame detached meanwhile
                continue
        return out

    async def click_round(self, budget: int) -> tuple[int, int]:
        clicked = left = 0
        for frame, in_thread in (await self.thread_frames()).items():
            try:
                got = await self.timed(
                    frame.evaluate(
                        _JS["click"], {"budget": budget - clicked, "frameIsThread": in_thread}
                    )
                )
            except Exception as exc:
                logger.debug("Click round failed in %s: %s", frame.url, exc)
                continue
            clicked += got["clicked"]
            left += got["left"]
        return clicked, left

    async def snapshots(self) -> None:
        """Each frame's DOM; none when the page went elsewhere (a script
        navigated it away: what it shows is not the archived page)."""
        here = urldefrag(self.page.main_frame.url)[0]
        if here != urldefrag(self.result.url)[0]:
            self.result.error = f"navigated away to {here[:200]}"
            return
        for frame, in_thread in (await self.thread_frames()).items():
            if not frame.url.startswith(("http:", "https:")):
                continue
            try:
                snap = await asyncio.wait_for(frame.evaluate(_JS["snapshot"]), 10)
            except Exception as exc:
                logger.debug("No snapshot of %s: %s", frame.url, exc)
                continue
            main = frame is self.page.main_frame
            self.result.frames.append(
                FrameSnapshot(frame.url, snap["html"], main, in_thread, snap["shadowRoots"])
            )


def on_local_network(url: str) -> bool:
    """A page on this machine or a private network (a test or demo site).

    Chromium counts a document it was served from the crawl's bytes
    (``route.fulfill``) as public, and a public page may not reach local
    addresses (Local Network Access): right for the web, where a page must
    not make the crawler's browser probe its own network, wrong for a local
    site whose widgets live on loopback.  Such a page is fetched by the
    browser itself instead (its document is then a browser capture too).

    >>> on_local_network("http://127.0.0.3:8080/a/"), on_local_network("https://news.example/")
    (True, False)
    """
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local


async def render(
    context: Any,
    url: str,
    document: Document | None,
    limits: Limits,
    on_exchange: Callable[[Exchange], None],
) -> Rendered:
    """Render ``url`` in a fresh page of ``context`` and get its whole thread."""
    started = time.monotonic()
    page = await context.new_page()
    s = _Session(page, url, document, limits, on_exchange)
    s.watch()
    try:
        if document is not None and not on_local_network(url):
            await page.route(re.compile("^" + re.escape(url) + "$"), s.serve_own)
        await page.goto(url, wait_until="load", timeout=max(s.left(), 1) * 1000)
        await s.settle()
        await s.scroll()
        await s.settle()
        await _click_rounds(s)
    except TimeoutError:
        s.result.budget = "time"
    except Exception as exc:
        s.result.error = f"{type(exc).__name__}: {exc}"[:500]
    if s.result.error is None:
        await s.snapshots()
    if s.tasks:  # bodies still being read
        await asyncio.wait(list(s.tasks), timeout=10)
    await page.close()
    s.result.seconds = time.monotonic() - started
    return s.result


async def _click_rounds(s: _Session) -> None:
    while True:
        budget = s.limits.clicks - s.result.clicks
        clicked, left = await s.click_round(max(budget, 0))
        s.result.clicks += clicked
        s.result.left = left
        if not clicked:
            if left and budget <= 0:
                s.result.budget = "clicks"
            return
        await s.settle()
        if s.left() <= 0:
            s.result.budget = "time"
            return
