"""One run per spider and archive at a time: an exclusive lock file beside the database.

Cron starts runs on a schedule, not when the previous one ended; two runs of
the same spider on the same archive would fetch everything twice and race on
the recrawl state.  ``fcntl.flock`` locks die with the process, so a killed
run never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class RunLocked(RuntimeError):
    """Another run holds the lock."""


class RunLock:
    """``with RunLock(db_path, spider):`` holds ``DB.SPIDER.lock`` exclusively."""

    def __init__(self, db_path: str | os.PathLike, spider: str) -> None:
        self.path = Path(f"{db_path}.{spider}.lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise RunLocked(f"{self.path} is held by process {holder}") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
