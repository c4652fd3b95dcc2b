"""Parse workers (scrapers/spiders/offload.py): the same records as parsing in
process, errors passed back, and a dead worker never loses a page."""

from __future__ import annotations

import asyncio
import logging
import os
import signal

import pytest

from scrapers.parsers import parse_page
from scrapers.spiders.offload import PageParser

URL = "https://news.example/2026/01/02/story/"
PAGE = (
    "<html lang='es'><head><title>Historia | Diario</title></head><body><article>"
    "<h1>Historia</h1><p class='byline'>By Ana Ruiz</p>"
    + "<p>Un p\u00e1rrafo largo del cuerpo del art\u00edculo, con texto suficiente.</p>" * 30
    + "</article></body></html>"
).encode()


async def _parse_many(parser: PageParser, n: int) -> list:
    return await asyncio.gather(
        *(
            parser.parse(PAGE, f"{URL}?n={i}", content_type="text/html", fetched_at=None)
            for i in range(n)
        )
    )


def test_workers_give_the_records_parsing_here_gives() -> None:
    parser = PageParser(2)
    try:
        records = asyncio.run(_parse_many(parser, 20))
    finally:
        parser.close()
    for i, record in enumerate(records):
        assert record == parse_page(PAGE, f"{URL}?n={i}", content_type="text/html")


def test_a_parser_error_comes_back_as_the_exception() -> None:
    parser = PageParser(1)

    async def broken() -> None:
        await parser.parse(12345, URL, content_type=None, fetched_at=None)  # type: ignore[arg-type]

    try:
        with pytest.raises(Exception) as raised:
            asyncio.run(broken())
    finally:
        parser.close()
    with pytest.raises(type(raised.value)):
        parse_page(12345, URL)  # type: ignore[arg-type]


def test_a_killed_worker_falls_back_to_parsing_here(caplog) -> None:
    parser = PageParser(2)

    async def run() -> list:
        first = await _parse_many(parser, 4)  # the workers are up
        os.kill(parser.workers[0].process.pid, signal.SIGKILL)
        parser.workers[0].process.join(10)
        return first + await _parse_many(parser, 10)

    try:
        with caplog.at_level(logging.ERROR, logger="scrapers.spiders.offload"):
            records = asyncio.run(run())
    finally:
        parser.close()
    assert len(records) == 14 and all(r.title == "Historia" for r in records)
    assert parser.workers == []  # parsing in the crawl process from now on
    assert sum("worker died" in r.getMessage() for r in caplog.records) == 1
