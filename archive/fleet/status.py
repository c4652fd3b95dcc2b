"""What a fleet is doing, read from Redis only (for ``newsarchive fleet status``)."""

from __future__ import annotations

import time
from typing import Any

from archive.fleet import keys
from archive.fleet.ingest import pending


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def spiders(server: Any) -> list[str]:
    """Spiders with a queue, a dupefilter or workers in this Redis."""
    found = set()
    for pattern, suffix in (("*:requests", ":requests"), ("*:dupefilter", ":dupefilter")):
        for raw in server.scan_iter(pattern):
            found.add(_text(raw)[: -len(suffix)])
    for raw in server.scan_iter("newsarchive:workers:*"):
        found.add(_text(raw).rsplit(":", 1)[1])
    return sorted(found)


def fleet_status(server: Any) -> dict[str, Any]:
    now = time.time()
    out: dict[str, Any] = {"pending_ingest": pending(server), "spiders": {}}
    for spider in spiders(server):
        workers = []
        for raw in server.scan_iter(keys.key(keys.WORKER_INFO, worker="*")):
            info = {_text(k): _text(v) for k, v in server.hgetall(raw).items()}
            if info.get("spider") != spider:
                continue
            worker = _text(raw).split(":", 2)[2]
            started, updated = float(info.get("started", now)), float(info.get("updated", now))
            pages = int(info.get("pages", 0))
            alive = bool(server.exists(keys.key(keys.ALIVE, worker=worker)))
            workers.append(
                {
                    "worker": worker,
                    "state": info.get("state")
                    if alive or info.get("state") != "running"
                    else "silent",
                    "pages": pages,
                    "items": int(info.get("items", 0)),
                    "pages_per_s": round(pages / max(updated - started, 1e-9), 2),
                    "leases": server.hlen(keys.key(keys.LEASES, spider=spider, worker=worker)),
                    "seconds_since_beat": round(now - updated, 1),
                }
            )
        out["spiders"][spider] = {
            "queued": server.zcard(keys.key(keys.REQUESTS, spider=spider)),
            "seen": server.scard(keys.key(keys.DUPEFILTER, spider=spider)),
            "start_urls": server.llen(keys.key(keys.START_URLS, spider=spider)),
            "sites": server.scard(keys.key(keys.SITES, spider=spider)),
            "workers": sorted(workers, key=lambda w: w["worker"]),
        }
    return out


def format_status(status: dict[str, Any]) -> str:
    lines = [f"items pending ingest: {status['pending_ingest']} stream entries"]
    for spider, s in status["spiders"].items():
        lines.append(
            f"{spider}: {s['queued']} requests queued, {s['seen']} seen, "
            f"{s['start_urls']} start URLs waiting, {s['sites']} sites"
        )
        for w in s["workers"]:
            lines.append(
                f"  {w['worker']:<28} {w['state']:<8} {w['pages']:>7} pages "
                f"{w['pages_per_s']:>7.2f}/s {w['items']:>6} items {w['leases']:>4} leased "
                f"(beat {w['seconds_since_beat']} s ago)"
            )
    return "\n".join(lines)
