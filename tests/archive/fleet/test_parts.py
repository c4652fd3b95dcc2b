"""The fleet's parts against a real Redis: switch, politeness, requeue, ingest replay."""

from __future__ import annotations

import json

from scrapy.settings import Settings

import settings as project_settings
from archive.fleet import keys
from archive.fleet.addon import FleetAddon
from archive.fleet.ingest import Ingester, pending
from archive.fleet.leases import requeue
from archive.fleet.politeness import FleetPoliteness
from archive.fleet.sink import article_from_dict, article_to_dict
from archive.store.writer import ArchiveStore
from scrapers.items import Article, Author, Comment


def _settings(**extra) -> Settings:
    s = Settings()
    s.setmodule(project_settings, priority="project")
    for name, value in extra.items():
        s.set(name, value, priority="cmdline")
    FleetAddon().update_settings(s)
    return s


def test_without_a_redis_url_nothing_changes():
    s = _settings()
    assert s.get("SCHEDULER") == "scrapy.core.scheduler.Scheduler"
    assert s.get("ARCHIVE_WARC_PREFIX") == "newsarchive"
    assert "archive.fleet.worker.FleetWorker" not in s.getdict("EXTENSIONS")


def test_a_redis_url_makes_a_worker_with_its_own_warc_files():
    s = _settings(ARCHIVE_REDIS_URL="redis://127.0.0.1:1/0", ARCHIVE_FLEET_WORKER="b7")
    assert s.get("SCHEDULER") == "archive.fleet.scheduler.FleetScheduler"
    assert s.get("DUPEFILTER_CLASS") == "scrapy_redis.dupefilter.RFPDupeFilter"
    assert s.getbool("SCHEDULER_PERSIST")
    assert s.get("ARCHIVE_WARC_PREFIX") == "newsarchive-b7"
    assert "archive.fleet.worker.FleetWorker" in s.getdict("EXTENSIONS")


def test_politeness_spaces_requests_to_a_host_across_workers(redis_url):
    one, two = (FleetPoliteness(keys.connect(redis_url), 100.0) for _ in range(2))
    waits = [one.wait_for("http://a.example/1"), two.wait_for("http://a.example/2")]
    waits.append(one.wait_for("http://a.example/3"))
    assert waits[0] == 0 and 99 < waits[1] <= 100 and 199 < waits[2] <= 200
    assert two.wait_for("http://b.example/") == 0  # another host has its own slot


def test_a_dead_workers_leases_go_back_to_the_queue_once(redis_url):
    server = keys.connect(redis_url)
    server.hset("leases", "1|-5", b"request-a")
    server.hset("leases", "2|0", b"request-b")
    assert requeue(server, "leases", "queue") == 2
    assert requeue(server, "leases", "queue") == 0
    assert server.zrange("queue", 0, -1, withscores=True) == [
        (b"request-a", -5.0),
        (b"request-b", 0.0),
    ]


def _entry(crawl: int, ops: list) -> dict:
    return {"batch": json.dumps({"crawl": crawl, "ops": ops})}


def test_ingest_replayed_entries_duplicate_nothing(redis_url, tmp_path):
    server = keys.connect(redis_url)
    article = Article(
        url="http://a.example/x/",
        title="X",
        body="Text.",
        authors=[Author(name="Ann")],
        comments=[Comment(id="1", text="Hi"), Comment(id="2", parent_id="1", text="Yo")],
    )
    assert article_from_dict(json.loads(json.dumps(article_to_dict(article)))) == article
    capture = {"id": "<urn:uuid:1>", "url": article.url, "status": 200, "crawl_id": 9}
    ops = [
        ["start", "wordpress", {"url": "http://a.example/"}, "w1"],
        ["capture", capture],
        ["article", article_to_dict(article), {"fetched_at": "2026-01-01T00:00:00Z",
                                               "capture_id": "<urn:uuid:1>"}],
    ]  # fmt: skip
    for _ in range(2):  # the second time as if ingest had died before XACK
        server.execute_command("XADD", keys.STREAM, "*", "batch", _entry(4, ops)["batch"])
    store = ArchiveStore.open(tmp_path / "a.db")
    counts = Ingester(server, store).run(drain=True)
    store.close()
    assert counts["entries"] == 2 and pending(server) == 0
    again = ArchiveStore.open(tmp_path / "a.db")
    db = again.db
    assert [db[t].count for t in ("articles", "comments", "captures", "crawls")] == [1, 2, 1, 1]
    crawl = db["crawls"].get(1)
    assert json.loads(crawl["args"])["fleet_crawl"] == 4
    assert db["captures"].get("<urn:uuid:1>")["crawl_id"] == 1  # the archive's own crawl id
    again.close()
