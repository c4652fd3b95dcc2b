"""The SQLite store: schema, rows, the batching writer, history, full-text search.

- ``schema``: the tables and indexes as named sqlite-utils migrations;
- ``rows``: what a row holds (columns, ids, upsert statements; no sqlite-utils import);
- ``writer``: ``ArchiveStore``, buffered upserts in one transaction per batch;
- ``history``: article versions, comment versions and removals, derived from captures;
- ``fts``: ``BatchIndexStore``, full-text indexing per batch for re-parses;
- ``keyfilter``: a bit filter that answers "certainly not in the archive" without a query.

May import: :mod:`scrapers.items`.  The face exports nothing, so that code
needing only ``rows`` does not load sqlite-utils with the writer.
"""
