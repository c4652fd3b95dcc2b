"""Bad input reaches every article field extractor and still gives a record.

(Timing is measured by bench/extract.py, not asserted here; a catastrophic
regex or an unbounded walk would show as a hung test.)
"""

from __future__ import annotations

import pytest

from scrapers.items import Article
from scrapers.parsers.page import parse_page

_HOSTILE = {
    "empty": b"",
    "binary": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
    "nested": b"<html><body><h1>T</h1>" + b"<div><h2>" * 20_000 + b"x" + b"</h2></div>" * 20_000,
    "script only": b"<script>" + b"var a = '<p>' + 1;" * 20_000 + b"</script>",
    "endless byline": b"<h1>T</h1><p>By " + b"Ab Cd, " * 20_000 + b"</p>",
    "label soup": b"<h1>T</h1>" + b"<span>By</span><b>Text:</b> " * 5_000,
    "dots and digits": b"<h1>T</h1><p>" + b"1.1.1" * 20_000 + b" - x</p>" + b"<p>12.3.45</p>" * 500,
    "separator title": b"<title>" + b"a | " * 20_000 + b"</title><h2>a</h2>",
    "lying charset": b'<meta charset="utf-8"><h1>\xe9t\xe9</h1><p>' + b"\xff\xfe" * 1000 + b"</p>",
}


@pytest.mark.parametrize("body", _HOSTILE.values(), ids=_HOSTILE.keys())
def test_hostile_pages_give_a_record(body):
    article = parse_page(body, "https://news.example/2020/01/02/x")
    assert isinstance(article, Article)
    assert isinstance(article.authors, list)
