"""The ``newsarchive`` command line: a thin click layer over the library.

- ``main``: the group and the commands of the crawl's own job (``parse``,
  ``demo``, ``summary``);
- ``warc``, ``research``, ``fleet``: one module per topic's commands;
- ``demo`` and ``summary``: the demo job and the archive's summary they print.

May import any room of the archive, and :mod:`demosite` (``newsarchive demo``).
"""

from archive.cli.main import main

__all__ = ["main"]
