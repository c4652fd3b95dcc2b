"""The WARC file writer: records appended to files, rotated by size, crash-safe names.

This module places records; building them is ``records.py`` (bytes as
warcio would build them), compressing them ``members.py`` (one gzip member
per record), their digests ``digest.py`` and finishing the files of a
killed run ``recovery.py``.
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from archive.warc.members import record_member
from archive.warc.names import safe_component
from archive.warc.records import (
    Revisit,
    WarcioRecords,
    request_record,
    resource_record,
    response_record,
)
from archive.warc.recovery import OPEN_SUFFIX

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RecordLocation:
    """Where a record landed: enough to seek to it and read it back."""

    filename: str  # file name (no directory), as it will be once closed
    offset: int  # byte offset of the record's gzip member
    length: int  # compressed length of the member
    record_id: str  # WARC-Record-ID, "<urn:uuid:...>"
    payload_digest: str | None = None  # WARC-Payload-Digest ("sha1:BASE32")


class WarcFileWriter:
    """Appends records to ``DIR/PREFIX-TIMESTAMP-SERIAL-HOST.warc.gz``.

    A file being written is named ``*.warc.gz.open`` and renamed when closed,
    so a reader never mistakes a half-written file for a finished one.
    """

    def __init__(
        self,
        directory: str | os.PathLike,
        *,
        prefix: str = "newsarchive",
        max_size: int = 1 << 30,
        gzip_level: int = 6,
        warcinfo: dict[str, str] | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.prefix = safe_component(prefix, "newsarchive")  # never a path (#9)
        self.max_size = max_size
        self.warcinfo = warcinfo or {}
        self.builder = WarcioRecords(gzip_level)
        self.host = safe_component(socket.gethostname(), "host")
        self.serial = 0
        self._fh = None
        self._name: str | None = None
        self._offset = 0
        self.files: list[str] = []

    # -- files ---------------------------------------------------------------
    def _open(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")[:17]
        while True:
            self.serial += 1
            name = f"{self.prefix}-{stamp}-{self.serial:05d}-{self.host}.warc.gz"
            if not (self.directory / name).exists():
                break
        self._name = name
        # Unbuffered: each record is one write(2), so a record is in the OS
        # before its captures row can be committed; kill -9 loses neither.
        self._fh = open(self.directory / (name + OPEN_SUFFIX), "wb", buffering=0)  # noqa: SIM115
        self._offset = 0
        self.files.append(name)
        info = self.builder.create_warcinfo_record(name, self.warcinfo)
        self._append(info)

    def close(self) -> None:
        if self._fh is None:
            return
        self._fh.close()
        path = self.directory / self._name
        os.replace(str(path) + OPEN_SUFFIX, path)
        logger.info("Closed WARC file %s (%d bytes)", path, self._offset)
        self._fh = None
        self._name = None

    @property
    def current_path(self) -> Path | None:
        return self.directory / self._name if self._name else None

    def _append(self, record, *, store_payload: bool = False) -> RecordLocation:
        """Write a record warcio built (the warcinfo record)."""
        data = self.builder.serialize(record, store_payload=store_payload)
        headers = record.rec_headers
        return self._write(
            [data], headers.get_header("WARC-Record-ID"), headers.get_header("WARC-Payload-Digest")
        )

    def _ensure_open(self) -> None:
        if self._fh is not None and self._offset >= self.max_size:
            self.close()
        if self._fh is None:
            self._open()

    # -- records -------------------------------------------------------------
    def write_exchange(
        self,
        *,
        url: str,
        request_head: bytes,
        request_body: bytes,
        status_line: str,
        headers: list[tuple[str, str]],
        body: bytes,
        warc_date: str,
        ip_address: str | None = None,
        revisit: Revisit | None = None,
        digest: str | None = None,
        truncated: str | None = None,
        extra_fields: list[tuple[str, str]] = (),  # type: ignore[assignment]
    ) -> tuple[RecordLocation, RecordLocation]:
        """Write a response (or, given ``revisit``, a revisit) record and its
        request record; return both locations.  ``digest`` is the body's
        :func:`payload_digest` when the caller has it already (it is not
        computed a second time).  ``truncated`` is WARC 1.1's
        ``WARC-Truncated`` reason for a body that did not come whole;
        ``extra_fields`` are further WARC fields of both records.

        The records are the ones warcio builds, serialized directly (see
        ``records.py``).
        """
        self._ensure_open()
        resp_id, head, payload, digest, store = response_record(
            url=url,
            status_line=status_line,
            headers=headers,
            body=body,
            warc_date=warc_date,
            ip_address=ip_address,
            revisit=revisit,
            digest=digest,
            truncated=truncated,
            extra=extra_fields,
        )
        level = self.builder.level
        resp_loc = self._write(record_member(head, payload, level, store=store), resp_id, digest)
        req_id, head, payload, digest, _ = request_record(
            url, request_head + request_body, warc_date, resp_id, extra_fields
        )
        return resp_loc, self._write(record_member(head, payload, level), req_id, digest)

    def write_resource(
        self,
        *,
        uri: str,
        content_type: str,
        body: bytes,
        warc_date: str,
        extra_fields: list[tuple[str, str]] = (),  # type: ignore[assignment]
    ) -> RecordLocation:
        """Write a ``resource`` record (content the crawl made: a rendered DOM)."""
        self._ensure_open()
        rec_id, head, payload, digest, _ = resource_record(
            uri, content_type, body, warc_date, extra_fields
        )
        member = record_member(head, payload, self.builder.level)
        return self._write(member, rec_id, digest)

    def _write(self, parts: list[bytes], record_id: str, digest: str | None) -> RecordLocation:
        data = b"".join(parts)
        offset = self._offset
        view = memoryview(data)
        while view:  # a raw file may take less than asked
            view = view[self._fh.write(view) :]
        self._offset += len(data)
        return RecordLocation(self._name, offset, len(data), record_id, digest)

    def flush(self) -> None:
        if self._fh is not None:
            self._fh.flush()
