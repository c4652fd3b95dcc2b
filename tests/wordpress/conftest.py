"""A real WordPress (Debian's packages: MariaDB, Apache with mod_php, WordPress
6.1 and its stock themes) on 127.0.0.1, filled once per test session, and the
real ``scrapy crawl wordpress`` run against it with each theme and comment
order the tests ask for.

The site is filled once; a crawl's theme and comment order are switched
with ``update_option`` before it runs, so four crawls cost four crawls, not
four installs.  Where the packages (or root) are missing, the tests skip
and say what is missing; under CI=true they fail instead, since .ci/run
installs everything they need.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass

import pytest

from tests.parts import need
from tests.wordpress import content
from tests.wordpress.crawl import Crawl, run_crawl
from tests.wordpress.harness import WordPressSite, missing_parts, new_run_dir
from tests.wordpress.truth import Truth

# (theme, default_comments_page): the classic and a block theme, both orders
CRAWLS = [
    ("twentytwentyone", "newest"),
    ("twentytwentyone", "oldest"),
    ("twentytwentythree", "newest"),
    ("twentytwentythree", "oldest"),
]


@dataclass
class RealWordPress:
    site: WordPressSite
    truth: Truth

    def configure(self, theme: str, order: str) -> None:
        got = content.configure(self.site, theme, order)
        assert got["theme"] == theme, got


def _need_wordpress() -> None:
    missing = missing_parts()
    if not missing:
        return
    need(
        False,
        "real WordPress needs "
        + ", ".join(missing)
        + " (README, 'Tests against a real WordPress')",
    )


@pytest.fixture(scope="session")
def real_wordpress():
    _need_wordpress()
    run_dir = new_run_dir()
    site = WordPressSite(run_dir)
    try:
        site.start()
        truth = Truth.from_wordpress(content.install_and_fill(site))
        yield RealWordPress(site, truth)
    finally:
        site.stop()
        shutil.rmtree(run_dir, ignore_errors=True)


_crawls: dict[tuple[str, str], Crawl] = {}


@pytest.fixture(scope="session", params=CRAWLS, ids=[f"{t}-{o}" for t, o in CRAWLS])
def wp_crawl(request, real_wordpress, tmp_path_factory) -> Crawl:
    """One crawl per (theme, comment order), made once and shared by the tests."""
    theme, order = request.param
    if request.param not in _crawls:
        real_wordpress.configure(theme, order)
        out = tmp_path_factory.mktemp(f"wp-{theme}-{order}")
        site = real_wordpress.site
        _crawls[request.param] = run_crawl(f"{theme}-{order}", site.url, out, site.access_log)
    return _crawls[request.param]


@pytest.fixture(scope="session")
def all_wp_crawls(real_wordpress, tmp_path_factory) -> dict[tuple[str, str], Crawl]:
    """Every crawl of CRAWLS (for comparisons across themes)."""
    for theme, order in CRAWLS:
        if (theme, order) not in _crawls:
            real_wordpress.configure(theme, order)
            out = tmp_path_factory.mktemp(f"wp-{theme}-{order}")
            site = real_wordpress.site
            _crawls[(theme, order)] = run_crawl(f"{theme}-{order}", site.url, out, site.access_log)
    return dict(_crawls)
