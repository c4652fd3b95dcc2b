"""Archive side of newsarchive: WARC capture, SQLite store, pipelines, CLI."""

__version__ = "0.1.0"
