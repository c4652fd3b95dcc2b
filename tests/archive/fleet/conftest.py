"""A real fleet on 127.0.0.1: redis-server, the demo site, `scrapy crawl` workers
and `newsarchive ingest`, all started by the tests (see archive/fleet/local.py)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from archive.cli.demo import PROJECT_ROOT
from archive.fleet.keys import connect
from archive.fleet.local import LocalRedis, worker_command
from tests.parts import need

ENV = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")


def _need_redis() -> None:
    found = shutil.which("redis-server") or Path("/usr/bin/redis-server").exists()
    need(bool(found), "redis-server is not installed (apt-get install redis-server)")


@pytest.fixture
def redis_url():
    _need_redis()
    with LocalRedis() as server:
        yield server.url


@dataclass
class Fleet:
    """Workers and an ingest process for one Redis, one WARC dir, one archive."""

    redis_url: str
    out: Path
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)
    ingest: subprocess.Popen | None = None
    worker_args: tuple[str, ...] = ()
    _logs: list = field(default_factory=list)

    @property
    def db(self) -> Path:
        return self.out / "archive.db"

    @property
    def warc_dir(self) -> Path:
        return self.out / "warc"

    def start_worker(self, name: str) -> None:
        cmd = worker_command(
            self.redis_url,
            name,
            self.warc_dir,
            "-s", f"LOG_FILE={self.out / (name + '.log')}",
            "-s", "ARCHIVE_PARSE_WORKERS=0",  # 2 cores: no parser processes beside 3 workers
            "-s", "ARCHIVE_FLEET_LEASE_TTL=4",
            "-s", "ARCHIVE_FLEET_BEAT=0.5",
            *self.worker_args,
        )  # fmt: skip
        self.workers[name] = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=ENV)

    def cli(self, *args: str, **kw) -> subprocess.CompletedProcess:
        cmd = [sys.executable, "-m", "archive.cli.main", *args, "--redis", self.redis_url]
        return subprocess.run(cmd, cwd=PROJECT_ROOT, env=ENV, capture_output=True, text=True, **kw)

    def start_ingest(self) -> None:
        cmd = [sys.executable, "-m", "archive.cli.main", "ingest", "--db", str(self.db),
               "--batch", "20", "--redis", self.redis_url]  # fmt: skip
        log = open(self.out / "ingest.log", "ab")  # noqa: SIM115 - closed in stop()
        self._logs.append(log)
        self.ingest = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=ENV, stdout=log, stderr=log)

    def kill(self, proc: subprocess.Popen) -> None:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)

    def wait_until(self, check, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}")

    def pages_of(self, name: str) -> int:
        info = connect(self.redis_url).hgetall(f"newsarchive:worker:{name}")
        return int(info.get(b"pages", 0))

    def wait_workers(self, timeout: float = 240) -> dict[str, int]:
        deadline = time.monotonic() + timeout
        codes = {}
        for name, proc in self.workers.items():
            codes[name] = proc.wait(max(1, deadline - time.monotonic()))
        return codes

    def stop(self) -> None:
        for proc in [*self.workers.values(), self.ingest]:
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait(30)
        for log in self._logs:
            log.close()


@pytest.fixture
def fleet(redis_url, tmp_path):
    f = Fleet(redis_url, tmp_path)
    yield f
    f.stop()
