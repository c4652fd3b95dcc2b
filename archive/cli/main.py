"""The ``newsarchive`` command: a thin click layer over library functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from archive import __version__

DEFAULT_DB = "data/archive.db"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsarchive")
def main() -> None:
    """newsarchive: archive news articles and their reader comments.

    Crawling is done with Scrapy (`scrapy crawl wordpress -a url=...`); these
    commands parse saved pages, run the demo site and inspect the archive.
    """


@main.command()
@click.argument(
    "file", type=click.Path(exists=True, dir_okay=False, allow_dash=True), required=False
)
@click.option("--url", default="", help="URL the page was fetched from (resolves links).")
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False),
    help='JSON Lines of {"path", "url"}: print one JSON line per input, in order.',
)
def parse(file: str | None, url: str, manifest: str | None) -> None:
    """Parse saved HTML pages into article records (JSON).

    \b
    Examples:
      newsarchive parse page.html --url https://havanatimes.org/news/x/
      newsarchive parse --manifest pages.jsonl > records.jsonl
    """
    from archive.reparse.files import parse_file, parse_manifest

    if manifest:
        for line in parse_manifest(Path(manifest)):
            sys.stdout.write(line + "\n")
        return
    if not file:
        raise click.UsageError("give a FILE (or - for standard input) or --manifest")
    data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    click.echo(json.dumps(parse_file(data, url), ensure_ascii=False, indent=2))


@main.command("demo-site")
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1 (0: any free).")
@click.option("--articles", default=60, show_default=True, help="Number of articles.")
@click.option("--seed", default=1, show_default=True, help="Seed of the generated content.")
@click.option(
    "--ground-truth",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the site's ground truth (every field of every article) as JSON.",
)
@click.option(
    "--hostile",
    is_flag=True,
    help="Add the hostile pages under /h/ (faults, traps, broken charsets, nasty comments) "
    "and a second host whose robots.txt is a 500; see docs/reliability.md.",
)
@click.option(
    "--scripted",
    is_flag=True,
    help="Pin comment threads that scripts load on some posts, and serve their providers' "
    "origin on 127.0.0.3 (see docs/browser.md).",
)
def demo_site(
    port: int, articles: int, seed: int, ground_truth: str | None, hostile: bool, scripted: bool
) -> None:
    """Serve the bundled offline demo news site until Ctrl-C.

    \b
    Examples:
      newsarchive demo-site --port 8000 --articles 5000
      newsarchive demo-site --hostile --articles 6 --ground-truth hostile.json
      newsarchive demo-site --scripted --articles 24 --seed 7 --ground-truth scripted.json
    """
    from demosite import build_site
    from demosite.server import run

    site = build_site(articles=articles, seed=seed, scripted=scripted)
    if scripted:
        from demosite.provider import run_scripted

        run_scripted(site, port=port, ground_truth=ground_truth)
        return
    if hostile:
        from demosite.hostile import run_hostile

        run_hostile(site, port=port, ground_truth=ground_truth)
        return
    if ground_truth:
        Path(ground_truth).write_text(json.dumps(site.ground_truth(), ensure_ascii=False))
        click.echo(f"Ground truth written to {ground_truth}", err=True)
    run(site, host="127.0.0.1", port=port)


@main.command()
@click.option("--articles", default=60, show_default=True, help="Size of the demo site.")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Archive database.")
@click.option("--warc-dir", default="data/warc", show_default=True, help="WARC directory.")
@click.option("--port", default=8642, show_default=True, help="Port of the demo site on 127.0.0.1.")
@click.option(
    "--scripted/--plain",
    default=True,
    show_default=True,
    help="With comment threads that scripts load (providers on 127.0.0.3), rendered by the "
    "browser stage; without Chromium the crawl says so and archives the rest from the HTML.",
)
def demo(articles: int, db: str, warc_dir: str, port: int, scripted: bool) -> None:
    """Crawl the bundled demo site into the archive and print a summary.

    Starts the demo site on 127.0.0.1:PORT, runs `scrapy crawl wordpress -a
    url=...` against it, stops the site.  Offline; run it again and the
    archive is updated, never duplicated.

    \b
    Examples:
      newsarchive demo --articles 200 --db /tmp/demo.db --warc-dir /tmp/warc
      newsarchive demo --plain --db /tmp/plain.db --warc-dir /tmp/plain-warc
    """
    from archive.cli.demo import run_demo

    code = run_demo(articles=articles, db=db, warc_dir=warc_dir, port=port, scripted=scripted)
    if code:
        raise click.ClickException(f"the crawl failed (exit status {code})")


@main.command()
@click.argument("db", default=DEFAULT_DB, type=click.Path(dir_okay=False))
@click.option("--warc-dir", default="data/warc", show_default=True, help="WARC directory.")
def summary(db: str, warc_dir: str) -> None:
    """Print what an archive holds: articles, comments, captures, WARC files.

    \b
    Example:
      newsarchive summary data/archive.db --warc-dir data/warc
    """
    from archive.cli.summary import archive_summary, format_summary

    if not Path(db).exists():
        raise click.ClickException(f"no archive at {db}: run a crawl first (make demo)")
    click.echo(format_summary(archive_summary(db, warc_dir)))


def _register() -> None:
    from archive.cli import research as cli_research
    from archive.cli import warc as cli_warc

    for command in (*cli_warc.COMMANDS, *cli_research.COMMANDS):
        main.add_command(command)
    from archive.cli import fleet as cli_fleet  # noqa: E402 - one line per topic, kept apart for merges

    for command in cli_fleet.COMMANDS:
        main.add_command(command)


_register()

if __name__ == "__main__":
    main()
