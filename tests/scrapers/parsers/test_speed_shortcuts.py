"""The parser's speed shortcuts give exactly what the code they spare would.

Each shortcut skips a regex or a re-encoding when a cheap test shows it cannot
change anything; these tests hold the shortcut to the long way on the inputs
where the cheap test is closest to wrong.
"""

from __future__ import annotations

import itertools

import pytest
from lxml import etree

from scrapers.parsers.comments.fields import _SAYS, _no_says
from scrapers.parsers.document.load import _XML_DECL, load_html
from scrapers.parsers.document.text import _INVISIBLE, _visible

_PIECES = ["Ann", "says", "SAYS", "ſays", "sayſ", "пишет", "ПИШЕТ", "wrote", "x", ":", "::"]
_GAPS = ["", " ", "\n", "\u2003", ":"]


def test_says_shortcut_matches_the_regex() -> None:
    for a, g1, b, g2 in itertools.product(_PIECES, _GAPS, _PIECES, _GAPS):
        text = f"{a}{g1}{b}{g2}"
        assert _no_says(text) == _SAYS.sub("", text), repr(text)


@pytest.mark.parametrize("text", ["plain", "soft\u00adhyphen", "zero\u200bwidth", "\ufeffbom", ""])
def test_invisible_shortcut_matches_the_regex(text: str) -> None:
    assert _visible(text) == _INVISIBLE.sub("", text)


def _long_way(body: bytes) -> bytes:
    """The tree load_html built before it handed valid UTF-8 over as received."""
    text = body.decode("utf-8")
    text = _XML_DECL.sub("", text[:512]) + text[512:]
    parser = etree.HTMLParser(encoding="utf-8")
    return etree.tostring(etree.fromstring(text.replace("\x00", "").encode(), parser))


@pytest.mark.parametrize(
    "body",
    [
        "<html><body><p>año, в Москве</p></body></html>".encode(),
        b'<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>x</p></body></html>',
        b"<html><body>" + b"x" * 2000 + b"<p>nul\x00inside</p></body></html>",  # (past the sniff)
        '<meta charset="windows-1252"><p>caf\u00e9</p>'.encode(),
    ],
)
def test_bytes_as_received_give_the_same_tree(body: bytes) -> None:
    doc = load_html(body)
    assert doc is not None
    assert etree.tostring(doc) == _long_way(body)
