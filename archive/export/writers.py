"""One writer per format, all streaming: rows in, bytes out, flat memory.

CSV and JSON Lines write each row as it comes; Parquet buffers one row group
(``batch_size`` rows) at a time.  Every writer knows the file's fields, so
column order and types are the same in every format.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Protocol

from archive.export.fields import Field

FORMATS = ("csv", "jsonl", "parquet")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize(cell: str) -> str:
    """Keep a spreadsheet from running a cell as a formula: prefix an apostrophe.

    Cells that begin with ``= + - @``, a tab or a carriage return are read as
    formulas by Excel, LibreOffice and Google Sheets (CSV injection).

    >>> neutralize("=HYPERLINK(1)"), neutralize("plain"), neutralize("-- signed")
    ("'=HYPERLINK(1)", 'plain', "'-- signed")
    """
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def _iso(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


class Writer(Protocol):
    rows: int

    def write(self, row: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


class CsvWriter:
    """RFC 4180 CSV (CRLF, quotes doubled), UTF-8 without BOM, header row."""

    def __init__(self, path: Path, fields: tuple[Field, ...]) -> None:
        self.fields = fields
        self.rows = 0
        self._file: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._file, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        self._csv.writerow([f.name for f in fields])

    def _cell(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, datetime):
            return _iso(value)
        if isinstance(value, list):
            return json.dumps(value, ensure_ascii=False)
        if isinstance(value, str):
            return neutralize(value)
        return str(value)

    def write(self, row: dict[str, Any]) -> None:
        self._csv.writerow([self._cell(row[f.name]) for f in self.fields])
        self.rows += 1

    def close(self) -> None:
        self._file.close()


class JsonlWriter:
    """JSON Lines: one object per line, fields in order, UTF-8, dates ISO 8601."""

    def __init__(self, path: Path, fields: tuple[Field, ...]) -> None:
        self.fields = fields
        self.rows = 0
        self._file: IO[str] = path.open("w", encoding="utf-8", newline="\n")

    def write(self, row: dict[str, Any]) -> None:
        obj = {
            f.name: _iso(row[f.name]) if isinstance(row[f.name], datetime) else row[f.name]
            for f in self.fields
        }
        self._file.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.rows += 1

    def close(self) -> None:
        self._file.close()


def arrow_schema(fields: tuple[Field, ...]) -> Any:
    """The Parquet schema: real timestamps, integers, booleans and string lists."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "integer": pa.int64(),
        "boolean": pa.bool_(),
        "datetime": pa.timestamp("ms", tz="UTC"),
        "array": pa.list_(pa.string()),
    }
    return pa.schema(
        [pa.field(f.name, types[f.type], metadata={"description": f.description}) for f in fields]
    )


class ParquetWriter:
    """Parquet through pyarrow (zstd), one row group per ``batch_size`` rows or
    per ``max_bytes`` of text, whichever comes first: long article bodies must
    not make a batch, and so memory, grow."""

    max_bytes = 8 << 20

    def __init__(self, path: Path, fields: tuple[Field, ...], batch_size: int = 2000) -> None:
        import pyarrow.parquet as pq

        self.fields = fields
        self.rows = 0
        self.batch_size = batch_size
        self._schema = arrow_schema(fields)
        self._writer = pq.ParquetWriter(path, self._schema, compression="zstd")
        self._batch: list[dict[str, Any]] = []
        self._bytes = 0

    def write(self, row: dict[str, Any]) -> None:
        self._batch.append(row)
        self.rows += 1
        self._bytes += sum(len(v) for v in row.values() if isinstance(v, str))
        if len(self._batch) >= self.batch_size or self._bytes >= self.max_bytes:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._batch:
            batch = pa.RecordBatch.from_pylist(self._batch, schema=self._schema)
            self._writer.write_batch(batch, row_group_size=len(self._batch))
            self._batch, self._bytes = [], 0

    def close(self) -> None:
        self._flush()
        self._writer.close()


def open_writer(fmt: str, path: Path, fields: tuple[Field, ...], batch_size: int) -> Writer:
    if fmt == "csv":
        return CsvWriter(path, fields)
    if fmt == "jsonl":
        return JsonlWriter(path, fields)
    if fmt == "parquet":
        return ParquetWriter(path, fields, batch_size)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
