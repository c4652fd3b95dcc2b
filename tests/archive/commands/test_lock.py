"""One run per spider and archive: the second exits at once with code 75."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from archive.cli.demo import PROJECT_ROOT
from archive.commands.crawl import EXIT_LOCKED
from archive.commands.runlock import RunLock, RunLocked


def test_lock_is_exclusive_and_released(tmp_path):
    db = tmp_path / "archive.db"
    with RunLock(db, "wordpress"):
        with pytest.raises(RunLocked, match="held by process"):
            RunLock(db, "wordpress").acquire()
        with RunLock(db, "news"):  # another spider: its own lock
            pass
    with RunLock(db, "wordpress"):
        pass


def test_second_run_exits_with_a_clear_message_and_code_75(tmp_path):
    db = tmp_path / "archive.db"
    cmd = [
        *("scrapy", "crawl", "wordpress", "-a", "url=http://127.0.0.1:9/"),
        *("-s", f"ARCHIVE_SQLITE_PATH={db}", "-s", f"ARCHIVE_WARC_DIR={tmp_path / 'warc'}"),
    ]
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
    scrapy = os.path.join(os.path.dirname(sys.executable), "scrapy")
    with RunLock(db, "wordpress"):  # a run in progress
        result = subprocess.run(
            [scrapy, *cmd[1:]], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
        )
    assert result.returncode == EXIT_LOCKED == 75
    assert "Another run of 'wordpress' is in progress" in result.stderr
    assert not db.exists()  # nothing was done
