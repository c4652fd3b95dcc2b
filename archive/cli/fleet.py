"""Fleet commands: ``enqueue``, ``ingest``, ``fleet status`` (see docs/fleet.md)."""

from __future__ import annotations

import json

import click

DEFAULT_REDIS = "redis://127.0.0.1:6379/0"


def _redis_option(f):
    return click.option(
        "--redis",
        "redis_url",
        envvar="ARCHIVE_REDIS_URL",
        default=DEFAULT_REDIS,
        show_default=True,
        help="Redis of the fleet (or $ARCHIVE_REDIS_URL).",
    )(f)


def _connect(url: str):
    from archive.fleet.keys import connect

    server = connect(url)
    try:
        server.ping()
    except Exception as exc:
        raise click.ClickException(f"cannot reach Redis at {url}: {exc}") from exc
    return server


@click.command()
@click.argument("spider")
@click.argument("urls", nargs=-1, required=True)
@_redis_option
def enqueue(spider: str, urls: tuple[str, ...], redis_url: str) -> None:
    """Give a running fleet sites to crawl, without restarting it.

    Each URL is a site for SPIDER (as with `-a url=`): the next worker to beat
    takes it and queues the site's robots.txt, sitemaps, feeds and home page.

    \b
    Example:
      newsarchive enqueue wordpress https://wp-site.example/ --redis redis://10.0.0.5:6379/0
    """
    from archive.fleet.keys import START_URLS, key

    server = _connect(redis_url)
    server.rpush(key(START_URLS, spider=spider), *urls)
    click.echo(f"{len(urls)} start URL(s) queued for {spider}")


@click.command()
@click.option("--db", default="data/archive.db", show_default=True, help="Archive database.")
@click.option("--drain", is_flag=True, help="Stop when the stream is empty (default: follow).")
@click.option("--batch", default=100, show_default=True, help="Stream entries per transaction.")
@_redis_option
def ingest(db: str, drain: bool, batch: int, redis_url: str) -> None:
    """Write the fleet's records into the archive: the one writer of DB.

    Reads the workers' record batches from the Redis stream as consumer group
    `ingest`, writes them through the archive store and acknowledges each
    batch after its transaction commits; a crash loses and duplicates nothing.

    \b
    Examples:
      newsarchive ingest --db /srv/archive/news.db --redis redis://10.0.0.5:6379/0
      newsarchive ingest --drain --db data/archive.db   # catch up, then stop
    """
    from archive.fleet.ingest import Ingester
    from archive.store.writer import ArchiveStore

    server = _connect(redis_url)
    store = ArchiveStore.open(db, batch_size=5000)
    try:
        counts = Ingester(server, store).run(drain=drain, count=batch)
    except KeyboardInterrupt:
        counts = None
    finally:
        store.close()
    if counts:
        click.echo(
            f"ingested {counts['entries']} batches: {counts['captures']} captures, "
            f"{counts['articles']} articles, {counts['comments']} comments"
        )


@click.group()
def fleet() -> None:
    """Distributed crawling on Redis: see docs/fleet.md.

    \b
    Example:
      newsarchive fleet status --redis redis://10.0.0.5:6379/0
    """


@fleet.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@_redis_option
def status(as_json: bool, redis_url: str) -> None:
    """Queue length, seen URLs, items pending ingest and per-worker rates.

    \b
    Example:
      newsarchive fleet status --redis redis://10.0.0.5:6379/0
    """
    from archive.fleet.status import fleet_status, format_status

    result = fleet_status(_connect(redis_url))
    click.echo(json.dumps(result, indent=2) if as_json else format_status(result))


COMMANDS: list[click.Command] = [enqueue, ingest, fleet]
