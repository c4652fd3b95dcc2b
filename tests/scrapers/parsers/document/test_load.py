"""load_html: charset detection and bad inputs (each must be fast and never raise)."""

from __future__ import annotations

import time

import pytest

from scrapers.parsers.document.load import decode_html, load_html


def _timed(body: bytes, **kw):
    start = time.perf_counter()
    doc = load_html(body, **kw)
    return doc, time.perf_counter() - start


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   \n ",
        bytes(range(256)) * 400,
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"\x00" * 100,
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
        b"just some plain text, no markup at all",
    ],
)
def test_empty_binary_and_non_html_give_none(body):
    doc, seconds = _timed(body)
    assert doc is None
    assert seconds < 1


def test_twenty_megabyte_page():
    body = (
        b"<html><body>" + b"<p>hello world, a paragraph of text.</p>" * 520_000 + b"</body></html>"
    )
    assert len(body) > 20_000_000
    doc, seconds = _timed(body)
    assert doc is not None
    assert seconds < 3


def test_fifty_thousand_nested_elements():
    body = b"<html><body>" + b"<div>" * 50_000 + b"deep" + b"</div>" * 50_000
    doc, seconds = _timed(body)
    assert doc is not None
    assert seconds < 2


def test_script_only_page():
    body = b"<script>" + b"var a = '<p>' + 1;" * 100_000 + b"</script>"
    doc, seconds = _timed(body)
    assert seconds < 2
    assert doc is None or not doc.text_content().strip() or doc.find(".//script") is not None


def test_meta_charset_is_used():
    body = '<meta charset="windows-1251"><p>Привет</p>'.encode("cp1251")
    assert "Привет" in load_html(body).text_content()


def test_iso_8859_1_means_windows_1252():
    body = '<meta charset="iso-8859-1"><p>caf\xe9 \u20ac</p>'.encode("cp1252")
    assert "café €" in load_html(body).text_content()


def test_lying_utf8_declaration_falls_back():
    body = '<meta charset="utf-8"><p>caf\xe9 r\xe9sum\xe9</p>'.encode("latin-1")
    assert "café résumé" in load_html(body).text_content()


def test_lying_latin1_declaration_on_utf8_bytes():
    body = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Müller</p>'.encode()
    assert "Müller" in load_html(body).text_content()


def test_http_header_charset():
    body = "<p>Grüße</p>".encode("cp1252")
    assert decode_html(body, "text/html; charset=windows-1252") == "<p>Grüße</p>"


def test_bom_wins():
    body = "\ufeff<p>naïve</p>".encode("utf-16")
    assert "naïve" in load_html(body).text_content()


def test_undeclared_legacy_bytes_are_detected():
    text = (
        "<html><body><p>"
        + "Der Bär schläft über den Wäldern im Süden. " * 20
        + "</p></body></html>"
    )
    assert "schläft" in load_html(text.encode("cp1252")).text_content()


def test_xml_declaration_with_encoding():
    body = b'<?xml version="1.0" encoding="utf-8"?><html><body><p>ok</p></body></html>'
    assert load_html(body).text_content() == "ok"


def test_elements_keep_the_lxml_html_api():
    # The parser uses a C-level class lookup (no Python callback per element);
    # every element, forms included, still has the HtmlElement methods.
    doc = load_html(b"<html><body><form><input name=q></form><p class='x'>Hi</p></body></html>")
    assert doc.cssselect("p.x")[0].text_content() == "Hi"
    form = doc.find(".//form")
    assert hasattr(form, "drop_tree") and hasattr(form, "text_content")
