"""CDXJ indexes of the WARC files, in the format pywb and WACZ read.

One line per replayable record (response, revisit, resource)::

    org,example)/a/b 20260101120000 {"url": ..., "mime": ..., "status": ...,
        "digest": ..., "length": ..., "offset": ..., "filename": ...}

sorted by SURT key then timestamp, so readers can binary-search.  Each WARC
file gets its own sorted ``NAME.cdxj`` beside the others; ``index.cdxj`` is
their streaming merge.  A WARC file is closed once written, so its index
never changes: indexing again only reads the files that have none yet.
"""

from __future__ import annotations

import heapq
import json
import os
from collections.abc import Iterator
from pathlib import Path

from surt import surt
from warcio.archiveiterator import ArchiveIterator

INDEXED_TYPES = ("response", "revisit", "resource")
MERGED = "index.cdxj"


def _timestamp(warc_date: str) -> str:
    """``2026-01-02T03:04:05Z`` -> ``20260102030405``.

    >>> _timestamp("2026-01-02T03:04:05.123Z")
    '20260102030405'
    """
    return "".join(ch for ch in warc_date if ch.isdigit())[:14]


def _entry(record, filename: str, offset: int, length: int) -> str:
    url = record.rec_headers.get_header("WARC-Target-URI")
    entry: dict[str, str] = {"url": url}
    if record.rec_type == "revisit":
        entry["mime"] = "warc/revisit"
    elif record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or "unk"
        entry["mime"] = ctype.split(";")[0].strip().lower() or "unk"
    else:
        entry["mime"] = record.rec_headers.get_header("Content-Type") or "unk"
    if record.http_headers is not None and record.http_headers.get_statuscode():
        entry["status"] = record.http_headers.get_statuscode()
    digest = record.rec_headers.get_header("WARC-Payload-Digest")
    if digest:
        entry["digest"] = digest.split(":", 1)[-1]
    entry.update(length=str(length), offset=str(offset), filename=filename)
    key = surt(url)
    stamp = _timestamp(record.rec_headers.get_header("WARC-Date"))
    return f"{key} {stamp} {json.dumps(entry, ensure_ascii=False)}"


def index_warc(path: str | os.PathLike) -> list[str]:
    """The sorted CDXJ lines of one WARC file."""
    path = Path(path)
    lines = []
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        for record in it:
            if record.rec_type not in INDEXED_TYPES:
                continue
            offset = it.get_record_offset()
            record.raw_stream.read()  # to the end, so the length is known
            it.read_to_end(record)
            lines.append(_entry(record, path.name, offset, it.get_record_length()))
    lines.sort()
    return lines


def index_directory(
    warc_dir: str | os.PathLike, index_dir: str | os.PathLike
) -> tuple[list[Path], Path]:
    """Index the WARC files that have no index yet; rewrite the merged index.

    Returns the per-file indexes written now and the merged index's path.
    """
    warc_dir, index_dir = Path(warc_dir), Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for warc in sorted(warc_dir.glob("*.warc.gz")):
        target = index_dir / (warc.name + ".cdxj")
        if target.exists():
            continue
        tmp = target.with_suffix(".cdxj.tmp")
        tmp.write_text("".join(line + "\n" for line in index_warc(warc)), encoding="utf-8")
        os.replace(tmp, target)  # never a half-written index that would be skipped
        written.append(target)
    merged = index_dir / MERGED
    if written or not merged.exists():
        write_merged(sorted(index_dir.glob("*.warc.gz.cdxj")), merged)
    return written, merged


def merged_lines(indexes: list[Path]) -> Iterator[str]:
    """The lines of several sorted indexes, merged in order (streaming)."""
    files = [open(p, encoding="utf-8") for p in indexes]  # noqa: SIM115
    try:
        yield from heapq.merge(*files)
    finally:
        for fh in files:
            fh.close()


def write_merged(indexes: list[Path], out: Path) -> None:
    tmp = out.with_name(out.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.writelines(merged_lines(indexes))
    os.replace(tmp, out)
