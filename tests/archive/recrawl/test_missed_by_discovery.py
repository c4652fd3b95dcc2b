"""Due known articles that discovery does not reach are read from the archive."""

from __future__ import annotations

import json

from demosite import build_site
from demosite.server import DemoServer
from tests.archive.recrawl.conftest import crawl, outcome, query

EVERY_RUN = '{"tiers": [[36500, 0]]}'  # every article due in every run


def test_due_articles_outside_the_feed_are_scheduled(tmp_path):
    site = build_site(articles=30, seed=4)
    with DemoServer(site) as srv:
        first = crawl(srv, tmp_path)
        assert first.returncode == 0, first.stderr[-2000:]
        # the feed lists the latest 20 posts only; the policy wants all 30
        again = crawl(
            srv, tmp_path, "-a", "discover=feeds", "-s", f"ARCHIVE_RECRAWL_POLICY={EVERY_RUN}"
        )
        assert again.returncode == 0, again.stderr[-2000:]
        not_modified = sum(srv.not_modified.values())
    assert outcome(tmp_path / "archive.db") == (0, 0, 30, 0, 0)  # all answered 304
    assert not_modified == 30
    stats = json.loads(
        query(tmp_path / "archive.db", "SELECT stats FROM crawls WHERE id = 2")[0][0]
    )
    assert stats["recrawl/scheduled_from_archive"] == 10
