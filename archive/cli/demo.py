"""``make demo``: serve the demo site, crawl it with the real spider, summarise."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import click

from archive.cli.summary import archive_summary, format_summary

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def crawl_command(
    url: str, db: str, warc_dir: str, *extra: str, spider: str = "wordpress"
) -> list[str]:
    """The exact ``scrapy crawl`` a user would type for the demo site."""
    return [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        spider,
        "-a",
        f"url={url}",
        "-s",
        f"ARCHIVE_SQLITE_PATH={db}",
        "-s",
        f"ARCHIVE_WARC_DIR={warc_dir}",
        # A local site needs no politeness delay; real sites keep the defaults.
        "-s",
        "AUTOTHROTTLE_START_DELAY=0",
        "-s",
        "CONCURRENT_REQUESTS_PER_DOMAIN=8",
        *extra,
    ]


DEMO_PORT = 8642


def run_demo(
    *,
    articles: int,
    db: str,
    warc_dir: str,
    seed: int = 1,
    port: int = DEMO_PORT,
    log_level: str = "INFO",
    scripted: bool = False,
) -> int:
    """Serve the demo site, crawl it, print a summary; return the crawl's exit status.

    The site is served on a fixed port by default: its URLs are the articles'
    identity, so a second run updates the same records instead of archiving a
    "new" site on another port.
    """
    from demosite import build_site

    site = build_site(articles=articles, seed=seed, scripted=scripted)
    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(_servers(site, port, scripted))
        except OSError as exc:
            raise click.ClickException(
                f"cannot serve the demo site on 127.0.0.1:{port} ({exc.strerror}); "
                "pass --port with a free port"
            ) from exc
        cmd = crawl_command(
            server.url,
            str(Path(db).resolve()),
            str(Path(warc_dir).resolve()),
            "-s",
            f"LOG_LEVEL={log_level}",
        )
        click.echo("Demo site on " + server.url, err=True)
        click.echo("$ scrapy crawl wordpress -a url=" + server.url, err=True)
        env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
        code = subprocess.call(cmd, cwd=PROJECT_ROOT, env=env)
    if code == 0:
        click.echo(format_summary(archive_summary(db, warc_dir)))
    return code


@contextlib.contextmanager
def _servers(site, port: int, scripted: bool):
    """The demo site (and, ``scripted``, its providers' origin on 127.0.0.3)."""
    if scripted:
        from demosite.provider import serve_scripted

        with serve_scripted(site, port=port) as (main, _provider):
            yield main
    else:
        from demosite.server import DemoServer

        with DemoServer(site, port=port) as server:
            yield server
