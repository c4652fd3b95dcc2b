"""Commands for researchers: ``serve`` (Datasette) and ``export`` (datasets).

Registered on the ``newsarchive`` group by ``archive.cli.main``; each is a thin
layer over ``archive.datasette`` and ``archive.export``.
"""

from __future__ import annotations

import os
import shlex
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

DEFAULT_DB = "data/archive.db"


def _require_archive(db: str) -> None:
    if not Path(db).is_file():
        raise click.ClickException(f"no archive at {db}: run a crawl first (make demo)")


@click.command()
@click.argument("db", default=DEFAULT_DB, type=click.Path(dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, help="Port (0: any free port).")
@click.option(
    "--replay",
    metavar="URL",
    help="pywb collection URL (http://localhost:8080/COLL/): captures link to their replay.",
)
@click.option("--print-command", is_flag=True, help="Print the datasette command and exit.")
def serve(db: str, host: str, port: int, replay: str | None, print_command: bool) -> None:
    """Browse and search the archive in Datasette, with newsarchive's metadata:
    table and column descriptions, facets, full-text search and stored queries
    (search, thread, most-commented, commenters, crawl log, ...), and reading
    pages: an article with its thread, versions and WARC captures, authors, sites.

    \b
    Examples:
      newsarchive serve                      # data/archive.db on http://127.0.0.1:8001/
      newsarchive serve /srv/news.db --port 9000
      newsarchive serve --replay http://localhost:8080/news/   # captures link to pywb
      newsarchive serve --print-command      # the equivalent plain datasette command
    """
    from archive.datasette import (
        DEFAULT_NAME,
        METADATA,
        REPLAY_ENV,
        datasette_command,
        load_metadata,
    )

    _require_archive(db)
    name = Path(db).stem
    metadata: Path = METADATA
    if name != DEFAULT_NAME:  # the metadata is keyed by database name: rename it
        import json

        tmp = Path(tempfile.mkdtemp(prefix="newsarchive-")) / "metadata.json"
        tmp.write_text(json.dumps(load_metadata(name), ensure_ascii=False), encoding="utf-8")
        metadata = tmp
    plain = datasette_command(db, metadata=metadata, host=host, port=port)
    if replay:  # read by the metadata's plugin setting (archive/datasette/metadata.yml)
        plain = [f"{REPLAY_ENV}={replay}", *plain]
    click.echo("$ " + shlex.join(plain), err=True)
    if print_command:
        return
    if port:
        click.echo(f"Datasette on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    cmd = datasette_command(db, metadata=metadata, host=host, port=port, python=sys.executable)
    if replay:
        os.environ[REPLAY_ENV] = replay
    sys.stderr.flush()
    # Become Datasette (no child left behind when this process is stopped).
    os.execv(sys.executable, cmd)


def _progress(label: str, total: int, rows: Iterator[dict[str, Any]]) -> Iterator[dict]:
    """Rows through a progress bar on stderr (stdout stays free for piping)."""
    with click.progressbar(
        rows, length=total, label=f"{label:<9}", file=sys.stderr, show_pos=True
    ) as bar:
        yield from bar


@click.command()
@click.argument("db", default=DEFAULT_DB, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet"]),
    default="csv",
    show_default=True,
    help="File format of articles, comments, authors and media.",
)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option("--site", help="Only articles of this host (e.g. havanatimes.org).")
@click.option("--since", help="Only articles published on or after DATE (YYYY-MM-DD).")
@click.option("--until", help="Only articles published on or before DATE (YYYY-MM-DD).")
@click.option(
    "--query",
    help="SQL WHERE fragment on articles (alias a), run read-only, e.g. \"a.language = 'es'\".",
)
@click.option("--batch-size", default=2000, show_default=True, help="Rows per Parquet row group.")
def export(
    db: str,
    fmt: str,
    out: str,
    site: str | None,
    since: str | None,
    until: str | None,
    query: str | None,
    batch_size: int,
) -> None:
    """Export articles, comments, authors and media as a dataset for pandas, R or DuckDB,
    with datapackage.json (Frictionless: types, row counts, sha256) and a
    README.md data card.  Ids join across files; memory stays flat.

    \b
    Examples:
      newsarchive export --format parquet --out exports/all
      newsarchive export --format csv --site havanatimes.org --since 2024-01-01 --out exports/ht
      newsarchive export --format jsonl --query "a.comments_count >= 10" --out exports/busy
    """
    from archive.export import ExportError, Selection, export_archive

    _require_archive(db)
    selection = Selection(site=site, since=since, until=until, where=query)
    try:
        result = export_archive(db, out, fmt, selection, progress=_progress, batch_size=batch_size)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from exc
    counts = ", ".join(f"{n:,} {name}" for name, n in result.counts.items())
    click.echo(f"Exported {counts} as {fmt} to {result.out_dir}/ (datapackage.json, README.md)")


COMMANDS: list[click.Command] = [serve, export]
