"""Discovery shared by all site spiders: robots.txt sitemaps, feeds, listings.

Spiders only discover and fetch: every HTML page goes through the one parser
(:func:`scrapers.parsers.parse_page`), whose verdict says whether it is an
article (archive it, follow its comment pages) or a listing (follow its
links).  What differs between sites is data (paths to try, URL patterns,
selector overrides), so a site profile is a dict, not a class with copied code.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from lxml import etree
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from scrapers.contract import (
    META_FETCHED_AT,
    META_GUESS,
    META_LASTMOD,
    failure_log,
    header_value,
    recrawl_planner,
)
from scrapers.items import Article
from scrapers.spiders.offload import PageParser
from scrapers.spiders.threads import ThreadMixin

GUESS = {META_GUESS: True}  # usual paths we try: their 404 is no failure

# Never worth fetching on a news site: admin, login, feeds of comments, share
# and reply links (a reply link serves a copy of the page it is on).
NEVER = (
    r"/wp-(?:admin|login|json|includes)",
    r"/xmlrpc\.php",
    r"/feed/?$",
    r"/comments/feed",
    r"[?&](?:replytocom|share|like_comment|print|unapproved|moderation-hash)=",
    r"/trackback/?$",
    r"\.(?:jpe?g|png|gif|webp|svg|pdf|zip|mp3|mp4|css|js)(?:\?|$)",
)
# Not followed as links either: comment pages, fetched only as part of their
# article's thread (scrapers/spiders/threads.py).
DENY = (*NEVER, r"/comment-page-\d+")


class SiteSpider(ThreadMixin, scrapy.Spider):
    """Base class; subclasses set the class attributes below.  The comment
    thread steps (comment pages, REST API) are in :mod:`scrapers.spiders.threads`."""

    sitemap_paths: tuple[str, ...] = ("/sitemap.xml",)
    feed_paths: tuple[str, ...] = ()
    follow_listings = True  # follow links of non-article pages (archives, home)
    profile: dict[str, Any] = {}
    discover_modes = ("sitemaps", "feeds", "listings")

    def __init__(
        self,
        url: str | None = None,
        allow: str | None = None,
        deny: str | None = None,
        max_listing_depth: str | int = 50,
        discover: str = "sitemaps,feeds,listings",
        full: str | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        given = {
            "url": url,
            "allow": allow,
            "deny": deny,
            "discover": discover,
            "max_listing_depth": max_listing_depth,
            "full": full,
        }
        self.crawl_args = {k: str(v) for k, v in given.items() if v is not None}
        urls = url.split(",") if url else list(self.profile.get("start_urls", ()))
        self.url = ",".join(urls)
        self.site_urls = [u.strip() if "://" in u else "https://" + u.strip() for u in urls]
        self.allowed_domains = sorted({urlsplit(u).hostname for u in self.site_urls})
        self.allow = allow or self.profile.get("allow")
        self.deny = deny
        self.full = full  # -a full=1: refetch every known article (archive.recrawl)
        self.allow_re = re.compile(self.allow) if self.allow else None
        own = list(self.profile.get("deny", ())) + ([deny] if deny else [])
        self.deny_re = re.compile("|".join(f"(?:{d})" for d in [*DENY, *own]))
        self.never_re = re.compile("|".join(f"(?:{d})" for d in [*NEVER, *own]))
        self.selectors = self.profile.get("selectors")
        self.max_listing_depth = int(max_listing_depth)
        self.discover = {d.strip() for d in discover.split(",") if d.strip()}
        unknown = self.discover.difference(self.discover_modes)
        if unknown:
            raise ValueError(f"-a discover= takes {', '.join(self.discover_modes)}; not {unknown}")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> SiteSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if not spider.site_urls and not crawler.settings.get("ARCHIVE_REDIS_URL"):
            # a fleet worker may start empty and take sites from `newsarchive enqueue`
            raise ValueError(f"spider {spider.name!r} needs -a url=https://site.example/")
        workers = crawler.settings.getint("ARCHIVE_PARSE_WORKERS")
        gc_threshold = crawler.settings.getint("ARCHIVE_GC_THRESHOLD")
        spider.page_parser = PageParser(workers, spider.selectors, gc_threshold)
        crawler.signals.connect(spider.page_parser.close, signal=signals.spider_closed)
        crawler.signals.connect(spider.spider_idle, signal=signals.spider_idle)
        return spider

    def spider_idle(self) -> None:
        """Nothing left to fetch: finish the threads whose requests were dropped
        on the way, and send the REST API batches not full yet."""
        outputs = [
            *self.orphaned_witness_pages(),
            *self.orphaned_threads(),
            *self.pending_witness_requests(),
        ]
        if not outputs:
            return
        engine = self.crawler.engine
        for output in outputs:
            if isinstance(output, scrapy.Request):
                engine.crawl(output)
            else:  # an article of a thread that cannot wait for a request
                deferred_from_coro(engine.scraper.start_itemproc_async(output, response=None))
        raise DontCloseSpider

    # -- start -----------------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        for site in self.site_urls:
            for request in self.site_requests(site):
                yield request

    def site_requests(self, site: str) -> Iterable[scrapy.Request]:
        root = urljoin(site, "/")
        if "sitemaps" in self.discover:
            yield scrapy.Request(urljoin(root, "/robots.txt"), self.parse_robots, priority=30)
            for path in self.sitemap_paths:
                yield scrapy.Request(
                    urljoin(root, path), self.parse_sitemap, meta=GUESS, priority=20
                )
        if "feeds" in self.discover:
            for path in self.feed_paths:
                yield scrapy.Request(urljoin(root, path), self.parse_feed, meta=GUESS, priority=20)
        if "listings" in self.discover:
            yield scrapy.Request(site, self.parse_page, meta={"listing_depth": 0}, priority=10)

    def add_site(self, url: str, *, discover: bool = True) -> Iterable[scrapy.Request]:
        """Crawl one more site (a fleet's `newsarchive enqueue`): its links are
        followed from now on; with ``discover``, the requests that start it."""
        site = url.strip() if "://" in url else "https://" + url.strip()
        if site not in self.site_urls:
            self.site_urls.append(site)
            self.allowed_domains = sorted(set(self.allowed_domains) | {urlsplit(site).hostname})
        return self.site_requests(site) if discover else ()

    # -- discovery -------------------------------------------------------------
    def parse_robots(self, response: Response) -> Iterable[scrapy.Request]:
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            yield scrapy.Request(url, self.parse_sitemap, priority=20)

    def parse_sitemap(self, response: Response) -> Iterable[scrapy.Request]:
        body = response.body
        try:
            if body[:2] == b"\x1f\x8b":  # .xml.gz: bounded, as HTTP gzip is (a bomb, a cut file)
                body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
            sitemap = Sitemap(body)
        except Exception:
            self.crawler.stats.inc_value("discovery/bad_sitemap")
            return
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(loc, self.parse_sitemap, priority=20)
            elif self.wants(loc) and self.recrawl_wants(loc, entry.get("lastmod")):
                yield self.article_request(loc, entry.get("lastmod"))

    def parse_feed(self, response: Response) -> Iterable[scrapy.Request]:
        try:
            root = etree.fromstring(response.body, parser=etree.XMLParser(recover=True))
        except etree.XMLSyntaxError:
            return
        if root is None:
            return
        for item in root.iter("{*}item", "{*}entry"):
            link = item.findtext("{*}link") or ""
            if not link.strip():
                node = item.find("{*}link[@href]")
                link = node.get("href") if node is not None else ""
            link = urljoin(response.url, link.strip())
            if link and self.wants(link):
                # a modification date (Atom); RSS pubDate only says it is not new
                when = item.findtext("{*}updated")
                if self.recrawl_wants(link, when):
                    yield self.article_request(link, when)

    def on_site(self, url: str) -> bool:
        host = urlsplit(url).hostname or ""
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def wants(self, url: str) -> bool:
        if not self.on_site(url) or self.deny_re.search(url):
            return False
        return not self.allow_re or bool(self.allow_re.search(url))

    def article_request(self, url: str, lastmod: str | None = None) -> scrapy.Request:
        """``lastmod``: the sitemap's or feed's date, for the recrawl policy."""
        meta = None
        if lastmod:
            meta = {META_LASTMOD: lastmod.strip()}
            if (planner := recrawl_planner(self.crawler)) is not None:
                planner.note_lastmod(url, meta[META_LASTMOD])  # a listing may link it first
        return scrapy.Request(url, self.parse_page, meta=meta)

    def recrawl_wants(self, url: str, lastmod: str | None) -> bool:
        """The recrawl policy's verdict on a sitemap/feed entry (archive.recrawl)."""
        policy = recrawl_planner(self.crawler)
        return policy is None or policy.wanted(url, lastmod.strip() if lastmod else None)

    def recrawl_request(self, url: str, dont_filter: bool = False) -> scrapy.Request:
        """A known article that the recrawl policy wants and discovery missed."""
        return scrapy.Request(
            url, self.parse_page, meta={"recrawl_scheduled": True}, dont_filter=dont_filter
        )

    # -- pages -----------------------------------------------------------------
    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        if not isinstance(response, scrapy.http.TextResponse):
            return
        article = await self.parse_response(response)
        if article.is_article:
            async for output in self.start_thread(response, article):
                yield output
            return
        if "listings" in self.discover and (
            self.follow_listings or response.meta.get("listing_depth") == 0
        ):
            outputs = self.follow_links(response, article.links)
        else:
            return
        for output in outputs:
            yield output

    async def parse_response(self, response: Response) -> Article:
        """Parse a page; a parser failure is counted and logged, never fatal.

        The page's bytes are in the WARC already, so a fixed parser can
        recover it later with a re-parse.
        """
        try:
            return await self.page_parser.parse(
                response.body,
                response.url,
                content_type=header_value(response, b"Content-Type"),
                fetched_at=response.meta.get(META_FETCHED_AT),
            )
        except Exception as exc:
            # the failures row is the WARNING; the traceback is for debugging
            self.logger.debug("Parser failed on %s", response.url, exc_info=True)
            self.crawler.stats.inc_value("parse/errors")
            failure_log(self.crawler).record(
                response.request, "parse", type(exc).__name__, str(exc)
            )
            return Article(url=response.url, is_article=False)

    def follow_links(self, response: Response, links: list[str]) -> Iterable[scrapy.Request]:
        """Requests for a listing's links (from the parse already made: no
        second parse of the page)."""
        depth = response.meta.get("listing_depth", 0) + 1
        if depth > self.max_listing_depth:
            return
        for url in links:
            if not self.on_site(url) or self.deny_re.search(url):
                continue
            if self.follow_listings or self.wants(url):
                yield scrapy.Request(url, self.parse_page, meta={"listing_depth": depth})
