"""Scrapy settings for newsarchive.

Every setting of our own starts with ``ARCHIVE_`` and is documented in
README.md ("Settings").  Override any of them per run with ``-s NAME=VALUE``.
Polite by default: robots.txt obeyed, AutoThrottle on, a User-Agent that names
the project and a contact, per-domain concurrency limits, a maximum size.
"""

BOT_NAME = "newsarchive"
SPIDER_MODULES = ["scrapers.spiders"]
NEWSPIDER_MODULE = "scrapers.spiders"
# `scrapy crawl` with a run lock and exit codes for cron (archive/commands/crawl.py)
COMMANDS_MODULE = "archive.commands"

# --- archive -------------------------------------------------------------------
ARCHIVE_SQLITE_PATH = "data/archive.db"  # one SQLite file for everything
ARCHIVE_BATCH_SIZE = 500  # rows buffered before one write transaction
ARCHIVE_WARC_ENABLED = True  # write every HTTP exchange to WARC
ARCHIVE_WARC_DIR = "data/warc"  # where WARC files go
ARCHIVE_WARC_PREFIX = "newsarchive"  # file names: PREFIX-TIME-SERIAL-HOST.warc.gz
ARCHIVE_WARC_MAX_SIZE = 1_000_000_000  # rotate to a new file past this many bytes
ARCHIVE_WARC_DEDUP = True  # identical payloads become revisit records
ARCHIVE_WARC_GZIP_LEVEL = 6  # zlib level per record (9 costs 1.6x for the same ratio)
ARCHIVE_PARSE_WORKERS = 2  # parser processes beside the crawl (0: parse in the crawl process)
ARCHIVE_GC_THRESHOLD = 50_000  # new objects per GC pass, crawl and parse workers (0: Python's)
ARCHIVE_COMMENTS_API = "auto"  # WordPress REST API for threads: auto, always or never
ARCHIVE_POSTS_API = "auto"  # WordPress REST API as witness of article metadata: auto or never
ARCHIVE_POSTS_API_BATCH = 100  # posts asked about in one REST API request (at most 100)
# --- the browser stage: threads that scripts load (docs/browser.md) -------------------
ARCHIVE_BROWSER = "auto"  # render pages in Chromium: auto (script-loaded threads), always, never
ARCHIVE_BROWSER_EXECUTABLE = "/usr/bin/chromium"  # Debian's Chromium (Playwright's own is not used)
ARCHIVE_BROWSER_CONCURRENCY = 2  # pages rendering at once
ARCHIVE_BROWSER_PAGE_TIMEOUT = 30.0  # seconds per page, navigation to snapshot
ARCHIVE_BROWSER_MAX_CLICKS = 40  # "load more" clicks per page
ARCHIVE_BROWSER_MAX_BYTES = 25_000_000  # response bodies kept per page
ARCHIVE_BROWSER_RESTART_PAGES = 50  # a new Chromium process after this many pages
ARCHIVE_BROWSER_IMAGES = False  # load images (not needed for threads)
ARCHIVE_CONTACT = "https://github.com/newsarchive/newsarchive"  # who runs the crawl

# --- living pages: recrawl policy, history, run lock (README "Recrawl policy") ------
ARCHIVE_RECRAWL_ENABLED = True  # apply the recrawl policy to known articles
ARCHIVE_RECRAWL_POLICY = {}  # overrides of archive.recrawl.policy.DEFAULT_POLICY (dict or JSON)
ARCHIVE_RECRAWL_CONDITIONAL = True  # send If-None-Match / If-Modified-Since when known
ARCHIVE_RECRAWL_CLOCK = ""  # ISO time the policy takes as "now" (tests, replays); "" = real time
# --- fleet: distributed crawling on Redis (docs/fleet.md) ---------------------------
ARCHIVE_REDIS_URL = ""  # redis://host:6379/0 makes this process a fleet worker ("" = off)
ARCHIVE_FLEET_WORKER = ""  # worker id, in WARC file names ("" = hostname-pid)
ARCHIVE_FLEET_BEAT = 1.0  # seconds between heartbeats (records pushed, leases freed)
ARCHIVE_FLEET_LEASE_TTL = 30.0  # a worker silent this long is dead: its requests are requeued
ARCHIVE_FLEET_IDLE_CLOSE = 0.0  # close after the fleet is idle this long (0 = wait for work)
ARCHIVE_FLEET_HOST_DELAY = 1.0  # fleet-wide minimum seconds between requests to one host
# (the fleet add-on, archive.fleet.addon.FleetAddon, is in ADDONS below: it
# switches to the fleet only when ARCHIVE_REDIS_URL is set)

# --- politeness ------------------------------------------------------------------
USER_AGENT = f"newsarchive/0.1 (+{ARCHIVE_CONTACT})"
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
DOWNLOAD_TIMEOUT = 60
RETRY_TIMES = 2
COOKIES_ENABLED = False
# Items per response processed concurrently.  Our pipeline is synchronous, so
# concurrency buys nothing, while Scrapy starts this many asyncio tasks for
# every callback's output (100 by default: measurable per page).
CONCURRENT_ITEMS = 8
TELNETCONSOLE_ENABLED = False

# --- components -------------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    # At the downloader end: sees raw (still compressed) responses, redirects,
    # errors and robots.txt before any other middleware consumes them.
    "archive.crawl.WarcCaptureMiddleware": 950,
    # Recrawl policy and conditional requests (engine side of the capture, so
    # 304s are archived before they are counted unchanged and dropped).
    "archive.recrawl.RecrawlMiddleware": 580,
}
# Keeps each response's status line and headers as received, for WARC fidelity.
DOWNLOAD_HANDLERS = {
    "http": "archive.crawl.WireHTTP11DownloadHandler",
    "https": "archive.crawl.WireHTTP11DownloadHandler",
}
ITEM_PIPELINES = {
    "archive.crawl.ArchivePipeline": 300,
}

# --- hostile and broken sites (#9; archive/reliability, docs/reliability.md) ------------
# The add-on installs the failure recording, Retry-After/backoff retries, the
# robots.txt, gzip, binary-content and redirect guards, URL cleaning, the trap
# filter and the per-site budget.
ADDONS = {
    "archive.reliability.Reliability": 0,
    "archive.fleet.addon.FleetAddon": 10,
    # the browser stage for threads that scripts load (ARCHIVE_BROWSER, docs/browser.md)
    "archive.crawl.browser.BrowserAddon": 20,
}
ARCHIVE_RETRY_BACKOFF = 1.0  # seconds before the first retry; doubles for each further one
ARCHIVE_RETRY_MAX_DELAY = 60.0  # longest wait before a retry, whatever Retry-After asks
ARCHIVE_MAX_PAGES_PER_SITE = 100_000  # requests per host and crawl (0: no limit)
ARCHIVE_TRAP_MAX_PAGE = 1000  # ?page=N or /page/N/ beyond this is a trap
ARCHIVE_TRAP_MAX_REPEATS = 2  # a path segment more often than this is a trap (/a/b/a/b/a/)
ARCHIVE_TRAP_FUTURE_DAYS = 31  # calendar dates further ahead than this are a trap
ARCHIVE_TRAP_PAST_YEARS = 50  # calendar dates further back than this are a trap
DEPTH_LIMIT = 100  # links followed from a start URL, at most (listings, sitemaps)

# --- scrapy ---------------------------------------------------------------------------
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
