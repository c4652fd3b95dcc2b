"""Wire fidelity: response records hold the status line and headers as the server sent them."""

from __future__ import annotations

from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator

from archive.crawl.download import split_head


def _target(uri: str) -> str:
    parts = urlsplit(uri)
    return parts.path + ("?" + parts.query if parts.query else "")


def _by_browser(record) -> bool:
    """An exchange the browser stage made (docs/browser.md): Chromium hands
    over decoded bodies and its own header order, so those records are as
    the browser reported them, not the wire's bytes."""
    return bool(record.rec_headers.get_header("WARC-Page-ID"))


def test_response_records_are_byte_for_byte_what_the_site_sent(warc_crawl):
    checked = 0
    for path in sorted(warc_crawl.warc_dir.glob("*.warc.gz")):
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, no_record_parse=True):
                if record.rec_type != "response" or _by_browser(record):
                    continue
                block = record.raw_stream.read()  # HTTP head and payload, unparsed
                sent = warc_crawl.wire[_target(record.rec_headers.get_header("WARC-Target-URI"))]
                assert block in sent, block[:400]
                checked += 1
    assert checked > 50


def test_revisit_records_keep_the_head_as_sent(warc_crawl):
    checked = 0
    for path in sorted(warc_crawl.warc_dir.glob("*.warc.gz")):
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, no_record_parse=True):
                if record.rec_type != "revisit" or _by_browser(record):
                    continue
                head = record.raw_stream.read()
                sent = warc_crawl.wire[_target(record.rec_headers.get_header("WARC-Target-URI"))]
                assert any(s.startswith(head) for s in sent), head[:400]
                checked += 1
    assert checked > 50


def test_split_head_keeps_order_spelling_and_phrase():
    head = b"HTTP/1.1 404 Nicht Gefunden\r\nset-cookie: a=1\r\nX-Folded: one\r\n  two\r\nSet-Cookie: b=2\r\n\r\n"
    status, headers = split_head(head)
    assert status == "HTTP/1.1 404 Nicht Gefunden"
    assert headers == [("set-cookie", "a=1"), ("X-Folded", "one two"), ("Set-Cookie", "b=2")]
