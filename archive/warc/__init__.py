"""WARC files: writing every exchange, reading records back, indexing and packaging.

- ``writer``: ``WarcFileWriter`` appends an exchange's records, rotates files,
  names a file ``*.open`` until it is closed;
- ``records``: response, revisit and request records as bytes, as warcio builds them;
- ``members``: one gzip member per record; ``digest``: ``sha1:BASE32`` digests;
- ``recovery``: finishing the ``*.open`` files of a killed run;
- ``reader``: one record at a file offset (re-parse, provenance);
- ``cdxj`` and ``wacz``: the CDXJ index and the WACZ package for replay tools;
- ``names``: safe file-name parts.

May import: the package's version (:mod:`archive`) and :mod:`scrapers.items`.
"""

from archive.warc.recovery import recover_open_files
from archive.warc.writer import RecordLocation, WarcFileWriter

__all__ = ["RecordLocation", "WarcFileWriter", "recover_open_files"]
