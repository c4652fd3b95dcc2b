"""Requests a worker has popped but not finished, kept in Redis until done.

scrapy-redis' queues pop a request by removing it from Redis: a worker killed
while the request is downloading or its page is being parsed loses it, and the
shared dupefilter makes sure nobody fetches it again.  Here the pop moves the
request into the worker's lease hash in the same Lua script (atomic), and the
lease is deleted only in the transaction that pushes the request's records to
the ingest stream (:mod:`archive.fleet.sink`).  A worker whose heartbeat key
expired is dead: any live worker moves its leases back into the queue.

A request is done when Scrapy's engine no longer holds it: the engine keeps
each request in its in-progress set until its download, callback, follow-up
requests and item pipelines are all through.  That set is an attribute of
the engine's slot (``engine._slot.inprogress``, read on Scrapy 2.19); it is
read in :func:`in_progress` only, which fails loudly if Scrapy changes it.
"""

from __future__ import annotations

import itertools
from typing import Any

from scrapy import Request
from scrapy_redis.queue import PriorityQueue

from archive.fleet import keys

META_LEASE = "fleet_lease"

# Pop the best request and lease it: field "<token>|<score>" -> request.
_POP = """
local r = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #r == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], ARGV[1] .. '|' .. r[2], r[1])
return {r[1], ARGV[1] .. '|' .. r[2]}
"""
# Move every lease of a (dead) worker back into the queue with its score.
_REQUEUE = """
local kv = redis.call('HGETALL', KEYS[1])
for i = 1, #kv, 2 do
  local score = string.match(kv[i], '|(.+)$')
  redis.call('ZADD', KEYS[2], score, kv[i + 1])
end
redis.call('DEL', KEYS[1])
return #kv / 2
"""


def in_progress(crawler: Any) -> set[Request]:
    engine = crawler.engine
    slot = getattr(engine, "_slot", None) if engine is not None else None
    if slot is None:  # the engine has closed: nothing is in progress any more
        return set()
    if not isinstance(getattr(slot, "inprogress", None), set):
        raise RuntimeError(
            "this Scrapy's engine has no _slot.inprogress: see archive/fleet/leases.py"
        )
    return slot.inprogress


class Leases:
    """This worker's leased requests, in memory and in Redis."""

    def __init__(self, server: Any, crawler: Any, spider: str, worker: str) -> None:
        self.server = server
        self.crawler = crawler
        self.key = keys.key(keys.LEASES, spider=spider, worker=worker)
        self.held: dict[str, Request] = {}  # lease field -> request
        self._tokens = itertools.count(1)
        self._pop = server.register_script(_POP)

    def pop(self, queue_key: str) -> tuple[bytes, str] | None:
        reply = self._pop(keys=[queue_key, self.key], args=[str(next(self._tokens))])
        if not reply:
            return None
        data, field = reply
        return data, field.decode() if isinstance(field, bytes) else field

    def hold(self, field: str, request: Request) -> None:
        request.meta[META_LEASE] = field
        self.held[field] = request

    def take_done(self) -> list[str]:
        """Leases whose requests the engine has finished with."""
        if not self.held:
            return []
        busy = in_progress(self.crawler)
        done = [f for f, r in self.held.items() if r not in busy]
        for f in done:
            del self.held[f]
        return done


def requeue(server: Any, leases_key: str, queue_key: str) -> int:
    """Put a dead worker's leased requests back in the queue; how many."""
    return int(server.register_script(_REQUEUE)(keys=[leases_key, queue_key]))


class LeasingPriorityQueue(PriorityQueue):
    """scrapy-redis' priority queue whose pop leases instead of deleting."""

    leases: Leases | None = None  # set by the worker extension when the spider opens

    def pop(self, timeout: int = 0) -> Request | None:
        if self.leases is None:
            return super().pop(timeout)
        popped = self.leases.pop(self.key)
        if popped is None:
            return None
        data, field = popped
        request = self._decode_request(data)
        self.leases.hold(field, request)
        return request
