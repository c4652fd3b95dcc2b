"""Commands registered on the ``newsarchive`` group (see ``archive.cli.main``).

WARC commands: ``reparse`` (rebuild records from WARC), ``index`` (CDXJ),
``wacz`` (package).  Thin click wrappers over library functions.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

DEFAULT_DB = "data/archive.db"
DEFAULT_WARC_DIR = "data/warc"


def _db_option(f):
    return click.option("--db", default=DEFAULT_DB, show_default=True, help="Archive database.")(f)


def _warc_dir_option(f):
    return click.option(
        "--warc-dir", default=DEFAULT_WARC_DIR, show_default=True, help="WARC directory."
    )(f)


def _need_db(db: str) -> None:
    if not Path(db).exists():
        raise click.ClickException(f"no archive at {db}: run a crawl first (make demo)")


class _Progress:
    """A progress bar on stderr, drawn at most every 0.2 s (cheap per page)."""

    def __init__(self) -> None:
        self.bar = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(
                length=total, label="re-parsing", file=sys.stderr, update_min_steps=50
            )
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@click.command()
@_db_option
@_warc_dir_option
@click.option("--since", help="Only captures fetched at or after this date (ISO 8601).")
@click.option("--site", help="Only this host (host or host:port).")
@click.option("--jobs", "-j", type=int, default=None, help="Worker processes (default: all cores).")
@click.option(
    "--history",
    is_flag=True,
    help="Rebuild articles, comments and their versions from every capture, oldest first.",
)
def reparse(
    db: str, warc_dir: str, since: str | None, site: str | None, jobs: int | None, history: bool
) -> None:
    """Rebuild articles and comments from the WARC files with the current parsers.

    No network: every HTML page in `captures` (the latest capture of each
    URL) is read from its WARC record, parsed, and its comment pages merged,
    as the crawl does.  Rows are upserted with the new `parser_version`;
    running it twice changes nothing.

    \b
    Examples:
      newsarchive reparse
      newsarchive reparse --since 2026-01-01 --site havanatimes.org --jobs 4
      newsarchive reparse --history    # article and comment history too
    """
    if history and (since or site):
        raise click.UsageError("--history rebuilds the whole archive: no --since or --site")
    from archive.reparse.run import reparse as run

    _need_db(db)
    if not os.path.isdir(warc_dir):
        raise click.ClickException(f"no WARC directory {warc_dir}")
    bar = _Progress()
    try:
        stats = run(db, warc_dir, since=since, site=site, jobs=jobs, progress=bar, history=history)
    finally:
        bar.close()
    click.echo(
        f"{stats.pages} pages re-parsed in {stats.seconds:.1f} s ({stats.pages_per_s:.0f} pages/s): "
        f"{stats.articles} articles, {stats.comments} comments, "
        f"{stats.comment_pages} comment pages merged, {stats.not_articles} not articles, "
        f"{stats.incomplete_threads} incomplete threads, {stats.errors} errors"
    )
    for sample in stats.error_samples:
        click.echo("  error: " + sample, err=True)


@click.command()
@_warc_dir_option
@click.option(
    "--index-dir", help="Where the CDXJ files go (default: 'indexes' beside the WARC directory)."
)
def index(warc_dir: str, index_dir: str | None) -> None:
    """Write CDXJ indexes (pywb's format) of the WARC files not indexed yet.

    Each WARC file gets a sorted NAME.warc.gz.cdxj; index.cdxj merges them
    all, ready for pywb (`index: DIR/index.cdxj`, `archive_paths: WARC_DIR`).

    \b
    Example:
      newsarchive index --warc-dir data/warc     # writes data/indexes/index.cdxj
    """
    from archive.warc.cdxj import index_directory

    if not os.path.isdir(warc_dir):
        raise click.ClickException(f"no WARC directory {warc_dir}")
    target = index_dir or str(Path(warc_dir).parent / "indexes")
    written, merged = index_directory(warc_dir, target)
    click.echo(f"{len(written)} WARC files indexed now; merged index: {merged}")


@click.command()
@_db_option
@_warc_dir_option
@click.option("--since", help="Only WARC files with captures at or after this date (ISO 8601).")
@click.option("--until", help="Only WARC files with captures at or before this date.")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="The .wacz to write.")
@click.option("--title", default="newsarchive", show_default=True, help="Title of the package.")
def wacz(
    db: str, warc_dir: str, since: str | None, until: str | None, out: str, title: str
) -> None:
    """Package WARC files, their CDXJ index and the article pages as WACZ 1.1.1.

    Opens in pywb and ReplayWeb.page; datapackage.json lists every file
    with its sha256 digest.

    \b
    Example:
      newsarchive wacz --since 2026-01-01 --until 2026-01-31 --out january.wacz
    """
    from archive.warc.wacz import write_wacz

    _need_db(db)
    try:
        summary = write_wacz(db, warc_dir, out, since=since, until=until, title=title)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"{summary.path}: {summary.warc_files} WARC files, {summary.index_lines} index lines, "
        f"{summary.pages} pages, {summary.bytes} bytes"
    )


COMMANDS: list[click.Command] = [reparse, index, wacz]
