"""Finishing the WARC files a killed run left open.

The writer names a file ``*.warc.gz.open`` until it closes it; a run killed
mid-write leaves such a file, possibly with a torn last record.  The next run
keeps its whole gzip members (whole records) and gives it its final name.
"""

from __future__ import annotations

import logging
import os
import zlib
from pathlib import Path

logger = logging.getLogger(__name__)

OPEN_SUFFIX = ".open"  # of a file being written (WarcFileWriter)


def _whole_members_length(path: Path, chunk: int = 1 << 20) -> int:
    """Bytes of ``path`` made of complete gzip members (a killed write leaves a torn one)."""
    good = 0
    pos = 0
    d = zlib.decompressobj(zlib.MAX_WBITS | 16)
    with open(path, "rb") as fh:
        data = fh.read(chunk)
        while data:
            try:
                d.decompress(data)
            except zlib.error:
                return good
            if d.eof:
                used = len(data) - len(d.unused_data)
                pos += used
                good = pos
                data = d.unused_data
                d = zlib.decompressobj(zlib.MAX_WBITS | 16)
                if not data:
                    data = fh.read(chunk)
                continue
            pos += len(data)
            data = fh.read(chunk)
    return good


def recover_open_files(directory: str | os.PathLike) -> list[Path]:
    """Close leftover ``*.open`` files of a killed run, cut after the last whole record."""
    fixed = []
    for path in sorted(Path(directory).glob("*.warc.gz" + OPEN_SUFFIX)):
        good = _whole_members_length(path)
        with open(path, "r+b") as fh:
            fh.truncate(good)
        final = path.with_name(path.name[: -len(OPEN_SUFFIX)])
        os.replace(path, final)
        fixed.append(final)
        logger.warning("Recovered unfinished WARC file %s (%d bytes kept)", final, good)
    return fixed
