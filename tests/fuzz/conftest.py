"""Fuzzing setup: seed pages, a per-example timeout, and the example budget.

``make test`` runs a few seconds per target, derandomized (the same examples
every run, so the suite never flakes).  A long, random run:

    NEWSARCHIVE_FUZZ_EXAMPLES=20000 .venv/bin/pytest tests/fuzz -q

(docs/reliability.md, "Fuzzing").  An example that takes longer than
``NEWSARCHIVE_FUZZ_TIMEOUT`` seconds (default 10) fails as a hang.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from demosite import build_site
from demosite.app import App
from demosite.hostile_pages import GOOD, article_bytes

EXAMPLES = int(os.environ.get("NEWSARCHIVE_FUZZ_EXAMPLES", "0"))
TIMEOUT = float(os.environ.get("NEWSARCHIVE_FUZZ_TIMEOUT", "10"))

settings.register_profile(
    "newsarchive-fuzz",
    max_examples=EXAMPLES or 60,
    derandomize=not EXAMPLES,
    deadline=None,  # hangs are caught by the timeout below, not by timing
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ = settings.get_profile("newsarchive-fuzz")


class Hang(Exception):
    """An example ran past the per-example timeout."""


@contextlib.contextmanager
def time_limit(seconds: float = TIMEOUT) -> Iterator[None]:
    """Raise :class:`Hang` in the main thread after ``seconds`` (SIGALRM)."""

    def expire(signum, frame):
        raise Hang(f"no result after {seconds} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


BASE = "http://news.example/"


def _seed_pages() -> dict[str, bytes]:
    site = build_site(articles=6, seed=2)
    app = App(site, BASE)
    truth = site.ground_truth()
    paths = ["/", "/feed/", "/sitemap_index.xml", "/post-sitemap.xml", "/robots.txt"]
    paths += [a["url"] for a in truth["articles"][:4]]
    pages = {path: app.respond(path, False)[1] for path in paths}
    pages.update({g.path: article_bytes(g, BASE) for g in GOOD[:2]})
    return {p: body for p, body in pages.items() if body}


SEEDS = _seed_pages()


@pytest.fixture(scope="session")
def seeds() -> dict[str, bytes]:
    return SEEDS
