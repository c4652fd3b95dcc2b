"""Any WordPress site: ``scrapy crawl wordpress -a url=https://site.example/``."""

from __future__ import annotations

from scrapers.spiders.base import SiteSpider


class WordPressSpider(SiteSpider):
    """Posts from the core and Yoast/Rank Math sitemaps, the feed and the archives."""

    name = "wordpress"
    sitemap_paths = ("/wp-sitemap.xml", "/sitemap_index.xml", "/sitemap.xml")
    feed_paths = ("/feed/",)
    follow_listings = True
