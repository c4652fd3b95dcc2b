"""Bare Scrapy for the crawl benchmark: the wordpress spider with no parsing.

Same class, same discovery, same settings; the page callback does nothing, and
the benchmark switches the pipeline and the WARC middleware off.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from scrapy.http import Response

from scrapers.spiders.wordpress import WordPressSpider


class BareWordPressSpider(WordPressSpider):
    name = "wordpress_bare"

    def parse_page(self, response: Response) -> Iterable[Any]:
        return ()
