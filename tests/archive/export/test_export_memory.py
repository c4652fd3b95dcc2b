"""Exports stream: Python memory at the peak does not grow with the archive."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from archive.export import export_archive
from bench.export import build_archive

SIZES = (2_000, 10_000)


@pytest.fixture(scope="module")
def archives(tmp_path_factory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("sizes")
    return {n: build_archive(folder / f"a{n}.db", n) for n in SIZES}


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_peak_memory_is_flat_in_archive_size(archives, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow.parquet")  # imported before tracing starts
    peaks = []
    for n, db in archives.items():
        tracemalloc.start()
        # Batches small enough that both sizes fill them: what is left to grow
        # is whatever does not stream.
        export_archive(db, tmp_path / f"out{n}", fmt, batch_size=25)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert peaks[1] < peaks[0] * 1.3 + 256 * 1024, peaks
