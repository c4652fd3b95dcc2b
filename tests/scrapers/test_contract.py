"""The contract between spiders and the archive: services found through the crawler."""

from __future__ import annotations

import logging

from scrapy import Request, Spider
from scrapy.utils.test import get_crawler

from archive.crawl import ArchivePipeline, FailureLog
from scrapers import contract


def test_the_archive_registers_its_failure_log_for_the_spiders(tmp_path):
    crawler = get_crawler(Spider, {"ARCHIVE_SQLITE_PATH": str(tmp_path / "a.db")})
    ArchivePipeline.from_crawler(crawler)
    assert contract.failure_log(crawler) is FailureLog.get(crawler)
    assert contract.recrawl_planner(crawler) is None  # no recrawl middleware built


def test_without_the_archive_a_failure_is_still_logged_and_counted(caplog):
    crawler = get_crawler(Spider)
    log = contract.failure_log(crawler)
    with caplog.at_level(logging.ERROR, logger="scrapers.contract"):
        log.record(Request("https://a.example/x"), "parse", "ValueError", "tripped")
    assert "not recorded: https://a.example/x" in caplog.text
