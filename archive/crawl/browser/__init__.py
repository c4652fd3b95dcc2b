"""The browser stage: comment threads that scripts load (docs/browser.md).

Chromium (Debian's ``/usr/bin/chromium``) driven by Playwright on the crawl's
own asyncio loop renders the article pages whose thread a script loads,
shows the whole thread (scrolling, clicking "load more" in the page, its
frames and shadow roots), archives every exchange in WARC linked to the page
and hands the spider each frame's rendered DOM and the data answers.

- ``stage``: the Scrapy extension and add-on, the crawl's page renderer;
- ``pool``: one Chromium process, bounded, relaunched after N pages;
- ``session``: one page (navigate, scroll, click rounds, settle, snapshot),
  with ``click.js``, ``scroll.js`` and ``snapshot.js`` run in the page;
- ``capture``: the browser's exchanges and snapshot into WARC and SQLite.
"""

from archive.crawl.browser.stage import BrowserAddon, BrowserStage

__all__ = ["BrowserAddon", "BrowserStage"]
