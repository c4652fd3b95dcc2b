"""A fleet on one machine, for tests and benchmarks: a throwaway Redis and
the ``scrapy crawl`` command line of a worker."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from archive.fleet.keys import connect


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalRedis:
    """``redis-server`` on 127.0.0.1, a free port, no persistence; stopped on exit."""

    def __init__(self, binary: str | None = None) -> None:
        self.binary = binary or shutil.which("redis-server") or "/usr/bin/redis-server"
        self.proc: subprocess.Popen | None = None
        self.dir = tempfile.mkdtemp(prefix="newsarchive-redis-")
        self.url = ""

    def __enter__(self) -> LocalRedis:
        for _ in range(5):  # a port taken between the probe and the bind: try another
            port = free_port()
            self.proc = subprocess.Popen(
                [
                    self.binary,
                    "--port",
                    str(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    self.dir,
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            self.url = f"redis://127.0.0.1:{port}/0"
            if self._wait_ready():
                return self
            self.proc.kill()
            self.proc.wait()
        raise RuntimeError("redis-server did not start")

    def _wait_ready(self, timeout: float = 10) -> bool:
        deadline = time.monotonic() + timeout
        server = connect(self.url)
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                return bool(server.ping())
            except Exception:
                time.sleep(0.05)
        return False

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
        shutil.rmtree(self.dir, ignore_errors=True)


def worker_command(
    redis_url: str, worker: str, warc_dir: str | Path, *extra: str, spider: str = "wordpress"
) -> list[str]:
    """``scrapy crawl`` for a fleet worker on a local demo site: no politeness delay,
    and it closes once the fleet has been idle for 2 s."""
    return [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        spider,
        "-s",
        f"ARCHIVE_REDIS_URL={redis_url}",
        "-s",
        f"ARCHIVE_FLEET_WORKER={worker}",
        "-s",
        f"ARCHIVE_WARC_DIR={warc_dir}",
        "-s",
        "ARCHIVE_FLEET_IDLE_CLOSE=2",
        "-s",
        "ARCHIVE_FLEET_HOST_DELAY=0",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "CONCURRENT_REQUESTS_PER_DOMAIN=8",
        *extra,
    ]
