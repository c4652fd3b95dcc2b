"""Any news site: ``scrapy crawl news -a url=https://a.example/,https://b.example/``.

Discovers articles from sitemaps (robots.txt ``Sitemap:`` lines and
``/sitemap.xml``), the feeds the home page advertises and the home page's own
links; ``-a allow=REGEX`` restricts which URLs count as articles.  Archive
pages are not followed: news sites have too many to walk.
"""

from __future__ import annotations

from collections.abc import Iterable

import scrapy
from scrapy.http import Response

from scrapers.spiders.base import SiteSpider

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")


class NewsSpider(SiteSpider):
    name = "news"
    sitemap_paths = ("/sitemap.xml", "/news-sitemap.xml", "/sitemap_index.xml")
    feed_paths = ()
    follow_listings = False

    def follow_links(self, response: Response, links: list[str]) -> Iterable[scrapy.Request]:
        # Feeds are advertised in the head, which the article record does not
        # carry; this reads the home page's <link> tags (once per crawl).
        for link in response.css("link[rel=alternate][href]"):
            if link.attrib.get("type") in FEED_TYPES:
                yield scrapy.Request(
                    response.urljoin(link.attrib["href"]), self.parse_feed, priority=20
                )
        yield from super().follow_links(response, links)
