"""A spider for wire tests: fetches a JSON plan of requests one after another.

``scrapy runspider tests/archive/warc/fetchspider.py -a plan='[{"url": ..., "method":
..., "headers": {...}, "body": ...}]'`` with the project's settings, so every
exchange goes through the real download handler and WARC capture.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy


class FetchSpider(scrapy.Spider):
    name = "fetch"

    def __init__(self, plan: str = "[]", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.plan = json.loads(plan)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.plan:
            yield self._request(0)

    def _request(self, i: int) -> scrapy.Request:
        step = self.plan[i]
        return scrapy.Request(
            step["url"],
            method=step.get("method", "GET"),
            headers=step.get("headers"),
            body=step.get("body"),
            dont_filter=True,
            meta={"handle_httpstatus_all": True, "step": i},
            callback=self.next_step,
            errback=self.next_step,
        )

    def next_step(self, result: Any) -> Iterator[scrapy.Request]:
        meta = result.meta if hasattr(result, "meta") else result.request.meta
        if meta["step"] + 1 < len(self.plan):
            yield self._request(meta["step"] + 1)
