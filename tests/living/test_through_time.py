"""Successive crawls of a changing demo site: policy decisions, versions, removals.

Site of 60 articles (seed 1) at its default clock: the newest article is an
hour old (every run), one is 4 days old (daily), one 23 days old with
comments off (weekly, doubled), every other one is older than 60 days (never).
"""

from __future__ import annotations

import pytest

from demosite import build_site
from demosite.content import content
from demosite.server import DemoServer
from tests.living.conftest import crawl, outcome, query

NEWEST = "/2024/12/18/medical-association-rejects-tourism-season-in-mexico-city/"
OLD = "/2024/07/10/governor-unveils-plan-on-fishing-quotas-in-bogota/"


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    """Six crawls with changes in between; the outcome and archive after each."""
    out = tmp_path_factory.mktemp("living")
    site = build_site(articles=60, seed=1)
    daily = next(p for p in site.posts[-3:] if p.lang == "ru").path  # 4 days old
    db = out / "archive.db"
    steps = {}
    with DemoServer(site) as srv:

        def run(name: str, *extra: str) -> None:
            result = crawl(srv, out, *extra)
            assert result.returncode == 0, result.stderr[-3000:]
            steps[name] = outcome(db)

        run("first")
        run("same_time")
        # minutes after the last crawl, an old article is corrected, the
        # newest gets a comment, a moderator removes one
        srv.advance(minutes=5)
        srv.edit_article(OLD, title="Governor unveils revised plan", append="Correction: x.")
        new_id = srv.add_comment(NEWEST, "A new reader comment.")
        removed = content(site, site.by_path[daily]).comments[0].id
        srv.remove_comment(daily, removed)
        srv.advance(days=1)
        run("next_day")
        steps["after_next_day"] = _archive(db)
        run("next_day_again")
        srv.restore_comment(daily, removed)
        edited = content(site, site.by_path[NEWEST]).comments[0].id
        srv.edit_comment(NEWEST, edited, "Edited by its author.")
        srv.advance(days=1)
        run("day_after")
        run("full", "-a", "full=1")
        not_modified = sum(srv.not_modified.values())
    return {
        "steps": steps,
        "db": db,
        "out": out,
        "ids": (new_id, removed, edited, daily),
        "not_modified": not_modified,
        "final": _archive(db),
    }


def _archive(db):
    return {
        "versions": query(db, "SELECT a.url, v.version, v.title FROM article_versions v "
                              "JOIN articles a ON a.id = v.article_id ORDER BY a.url, v.version"),
        "removed": query(db, "SELECT comment_id, removed_at IS NOT NULL FROM comments "
                             "WHERE removed_at IS NOT NULL"),
        "comment_versions": query(db, "SELECT c.comment_id, v.version, v.text, c.text "
                                      "FROM comment_versions v JOIN comments c ON c.id = v.comment_id"),
    }  # fmt: skip


def test_policy_decisions_per_crawl(story):
    # (new, refetched, unchanged, skipped_policy, failed)
    steps = story["steps"]
    assert steps["first"] == (60, 0, 0, 0, 0)
    # same time: only the hour-old article is due; it answers 304
    assert steps["same_time"] == (0, 0, 1, 59, 0)
    # a day later: the newest (every run) and the 4-day-old (daily) are due and
    # changed; the corrected old article is fetched because its sitemap lastmod
    # is newer than our last check
    assert steps["next_day"] == (0, 3, 0, 57, 0)
    # nothing changed since: the newest answers 304, the rest is not due
    assert steps["next_day_again"] == (0, 0, 1, 59, 0)
    # two days after the start: newest (2 days old, daily, halved by its new
    # comment) and the 4-day-old (daily) are due again
    assert steps["day_after"] == (0, 2, 0, 58, 0)
    assert steps["full"] == (0, 60, 0, 0, 0)
    assert story["not_modified"] == 2


def test_versions_only_when_an_article_changed(story):
    versions = story["final"]["versions"]
    assert len(versions) == 61  # one each, two for the corrected article
    old = [(v, t) for url, v, t in versions if url.endswith(OLD)]
    assert [v for v, _ in old] == [1, 2] and old[1][1] == "Governor unveils revised plan"
    assert old[0][1] != old[1][1]
    assert story["final"]["versions"] == story["steps"]["after_next_day"]["versions"]


def test_removed_comment_marked_then_unmarked(story):
    new_id, removed, edited, daily = story["ids"]
    assert story["steps"]["after_next_day"]["removed"] == [(str(removed), 1)]
    assert story["final"]["removed"] == []  # restored: unmarked
    rows = query(story["db"], "SELECT count(*) FROM comments WHERE comment_id = ?", str(new_id))
    assert rows == [(1,)]


def test_changed_comment_text_keeps_the_old_one(story):
    new_id, removed, edited, daily = story["ids"]
    rows = story["final"]["comment_versions"]
    assert len(rows) == 1
    comment_id, version, old_text, text = rows[0]
    assert (comment_id, version, text) == (str(edited), 1, "Edited by its author.")
    assert old_text and old_text != text
