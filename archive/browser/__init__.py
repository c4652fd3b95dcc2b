"""The browser stage: comment threads that scripts load (docs/browser.md).

Chromium (Debian's ``/usr/bin/chromium``) driven by Playwright on the crawl's
own asyncio loop renders the article pages whose thread a script loads,
shows the whole thread (scrolling, clicking "load more" in the page, its
frames and shadow roots), hands every exchange to the archive and returns
the rendered DOM of each frame.
"""
