"""Text helpers: the one-walk comment renderer and the whitespace pass must
give exactly what the slower reference forms give (records must not change
when the parser gets faster)."""

from __future__ import annotations

import re

import lxml.html
import pytest

from scrapers.parsers.comments._dom import own_elements, pruned_copy, text_and_html
from scrapers.parsers.document.text import clean_html, element_text, normalize_text

FRAGMENTS = [
    "<div>Plain <b>bold</b>\n   text,\tsplit\r\nover lines.<br>Next&nbsp;line</div>",
    "<div><p>One &amp; <i>two</i> &lt;three&gt;</p><p>Para\u200b two\u00ad.</p></div>",
    "<div>Code: <pre>  keep\n    this  </pre> after</div>",
    "<div>a<script>var x = 1;</script> b<!-- note --> c<style>p{}</style>d</div>",
    '<div><a href="javascript:alert(1)">bad</a> <a href="/ok" onclick="x()">ok</a>'
    '<img src="data:x" alt="i"><time datetime="2020-01-01">then</time></div>',
    "<div><span class=reply>Reply</span>kept<span class=meta>skip me</span> tail</div>",
    "<div><ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul><table><tr><td>c</td></tr>"
    "</table></div>",
    "<div>   </div>",
    "<button>label <b>x</b></button>",
]


@pytest.mark.parametrize("html", FRAGMENTS)
def test_text_and_html_equals_the_pruned_copy_path(html: str) -> None:
    root = lxml.html.fragment_fromstring(html, create_parent="section")[0]
    skip = {el for el in root.iter() if "meta" in (el.get("class") or "")}
    copy = pruned_copy(root, skip)
    assert text_and_html(root, skip) == (element_text(copy), clean_html(copy))


def test_own_elements_stops_at_nested_blocks() -> None:
    root = lxml.html.fragment_fromstring(
        "<li id=c1><p>a<!-- x --><b>b</b></p><ul><li id=c2><p>reply</p></li></ul><i>c</i></li>"
    )
    nested = root.get_element_by_id("c2")
    tags = [el.tag for el in own_elements(root, {root, nested})]
    assert tags == ["p", "b", "ul", "i"]


_OLD_WS = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def _normalize_per_line(raw: str) -> str:
    """The previous, line-by-line form of normalize_text."""
    out, cur = [], []
    for line in re.sub("[\u00ad\u200b\ufeff]", "", raw).split("\n"):
        line = "" if not line or line.isspace() else _OLD_WS.sub(" ", line).strip()
        if line:
            cur.append(line)
        elif cur:
            out.append("\n".join(cur))
            cur = []
    if cur:
        out.append("\n".join(cur))
    return "\n\n".join(out)


@pytest.mark.parametrize(
    "raw",
    [
        "  a  b \n\n\n\n c\n",
        "x\t\ty\r\nz \u00a0 w\x0c\n\x1c\n v\u2003",
        " a \r \n\n\u200b\n b\u00ad c ",
        "one two three",
        "",
    ],
)
def test_normalize_text_matches_the_per_line_form(raw: str) -> None:
    assert normalize_text(raw) == _normalize_per_line(raw)
