"""Export an archive as a research dataset: CSV, JSON Lines or Parquet files
with a Frictionless ``datapackage.json`` and a ``README.md`` data card.

The library call is :func:`export_archive`; ``newsarchive export`` is the
command line over it.  Everything streams: memory does not grow with the
archive (see ``bench/export.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from archive.export.card import data_card
from archive.export.fields import RESOURCES
from archive.export.package import datapackage, resource_descriptor, write_json
from archive.export.source import ArchiveSource, ExportError, Selection, connect_read_only
from archive.export.writers import FORMATS, open_writer
from scrapers.items import utcnow

__all__ = ["FORMATS", "ExportError", "ExportResult", "Selection", "export_archive"]

Progress = Callable[[str, int, Iterator[dict[str, Any]]], Iterator[dict[str, Any]]]
"""Wraps each file's row iterator (label, expected rows, rows) to show progress."""


@dataclass
class ExportResult:
    """What an export wrote."""

    out_dir: Path
    format: str
    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def _no_progress(_label: str, _total: int, rows: Iterator[dict[str, Any]]) -> Iterator[dict]:
    return rows


def export_archive(
    db_path: str | Path,
    out_dir: str | Path,
    fmt: str,
    selection: Selection | None = None,
    *,
    created: str | None = None,
    progress: Progress = _no_progress,
    batch_size: int = 2000,
) -> ExportResult:
    """Write ``articles``, ``comments``, ``authors`` and ``media`` files, ``datapackage.json``
    and ``README.md`` into ``out_dir``; raise :class:`ExportError` when the
    archive or the selection is unusable."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    selection = selection or Selection()
    created = created or utcnow()  # (scrapers.items: no sqlite-utils import, ~120 MB RSS)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = ExportResult(out_dir=out, format=fmt)
    with closing(connect_read_only(db_path)) as conn:
        source = ArchiveSource(conn, selection)
        expected = source.counts()
        resources = []
        for name, fields in RESOURCES.items():
            path = out / f"{name}.{fmt}"
            writer = open_writer(fmt, path, fields, batch_size)
            try:
                for row in progress(name, expected[name], source.rows(name)):
                    writer.write(row)
            finally:
                writer.close()
            result.counts[name] = writer.rows
            result.files.append(path)
            resources.append(resource_descriptor(name, path, fmt, writer.rows))
        prov = source.provenance()
    chosen = {k: v for k, v in asdict(selection).items() if v}
    write_json(out / "datapackage.json", datapackage(resources, created=created, selection=chosen))
    card = data_card(fmt=fmt, counts=result.counts, prov=prov, selection=chosen, created=created)
    (out / "README.md").write_text(card, encoding="utf-8")
    result.files += [out / "datapackage.json", out / "README.md"]
    return result
