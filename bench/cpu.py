"""CPU per crawl, by process, as Scrapy stats (for bench/crawl.py).

On a shared 2-core machine wall time moves with the neighbours' load, CPU
time much less; and the parse workers are separate processes whose CPU
competes with the crawl's for the same two cores.  This extension records,
between ``spider_opened`` and ``spider_closed``, the crawl process's CPU
(``bench/cpu/crawl``), its main thread's (``bench/cpu/main_thread``) and
the CPU of its child processes, the parse workers (``bench/cpu/workers``),
in seconds; the benchmark divides them by the pages crawled.

    -s 'EXTENSIONS={"bench.cpu.CpuStats": 0}'
"""

from __future__ import annotations

import os
import resource
import time
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

_TICK = os.sysconf("SC_CLK_TCK")


def children_cpu() -> float:
    """CPU seconds of this process's children: those reaped, plus those alive
    (read from /proc, so workers still running are counted too)."""
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = done.ru_utime + done.ru_stime
    me = os.getpid()
    for name in os.listdir("/proc"):
        if name.isdigit():
            total += _live_cpu(int(name), me)
    return total


def _live_cpu(pid: int, parent: int) -> float:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except OSError:
        return 0.0
    if int(fields[1]) != parent:  # fields[1] is the parent pid (4th field of stat)
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime


def process_cpu(pid: int) -> float:
    """CPU seconds of any process so far (the demo server's, from the benchmark)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK


class CpuStats:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.start: tuple[float, float, float] | None = None
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        # connected after the spider's own handler, which stops (and reaps) the
        # parse workers: their CPU is then in RUSAGE_CHILDREN
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CpuStats:
        return cls(crawler)

    def _now(self) -> tuple[float, float, float]:
        return time.process_time(), time.thread_time(), children_cpu()

    def opened(self, spider: Any) -> None:
        self.start = self._now()

    def closed(self, spider: Any) -> None:
        if self.start is None:
            return
        now = self._now()
        for name, begin, end in zip(
            ("crawl", "main_thread", "workers"), self.start, now, strict=True
        ):
            self.stats.set_value(f"bench/cpu/{name}", round(end - begin, 3))
