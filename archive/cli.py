"""Command line (placeholder, filled in by the end-to-end work)."""
import click


@click.group()
def main() -> None:
    """newsarchive: archive news articles and their reader comments."""
