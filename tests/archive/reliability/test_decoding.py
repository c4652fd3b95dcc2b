"""Invalid UTF-8 (#9): a declared UTF-8 page with a few stray bytes stays
UTF-8 (with U+FFFD for the strays); a legacy page mislabelled UTF-8 does not."""

from __future__ import annotations

import pytest

from scrapers.parsers.document.load import decode_html

PAGE = (
    '<html><head><meta charset="utf-8"><title>Inválido – Pérez</title></head>'
    "<body><h1>Inválido</h1><p>Texto válido, más o menos.</p>{}</body></html>"
)


@pytest.mark.parametrize(
    ("stray", "content_type"),
    [
        (b"\xff\xfe\xc3 ", None),  # declared in <meta>
        (b"\xe2\x80", "text/html; charset=UTF-8"),  # a cut multibyte sequence, header
        (b"\x96", "text/html; charset=utf8"),  # one cp1252 dash pasted in
    ],
)
def test_mostly_valid_declared_utf8_is_decoded_as_utf8(stray, content_type):
    body = PAGE.format("<p>x</p>").encode().replace(b"<p>x</p>", b"<p>" + stray + b"</p>")
    text = decode_html(body, content_type)
    assert "Inválido – Pérez" in text and "más o menos" in text
    assert "\ufffd" in text


def test_replacement_characters_sent_as_such_are_not_counted_as_damage():
    body = PAGE.format("<p>\ufffd\ufffd\ufffd\ufffd</p>").encode() + b"\xff"
    assert "Inválido" in decode_html(body)


@pytest.mark.parametrize("declared", ['<meta charset="utf-8">', ""])
def test_legacy_bytes_labelled_utf8_still_go_to_detection(declared):
    html = f"<html><head>{declared}<title>Größe</title></head><body><p>{{}}</p></body></html>"
    text = "Die Größe der Äpfel, süß und frisch; Müller über Bäume. " * 3
    body = html.format(text).encode("cp1252")
    decoded = decode_html(body)
    assert "Größe der Äpfel, süß" in decoded and "\ufffd" not in decoded
