"""Hand-written comment pages of markup families met in the wild, one each.

Each ``tests/fixtures/comments/families/NAME.html`` is written by hand after
the markup its platform prints (not copied from any real page), with an
article body beside the thread; ``expected.json`` holds the records a perfect
parser extracts: author, date, text, reply parent (by position), kind, the
site's own id where it has one, the thread's system and declared count.

Families covered here: WordPress classic (``ol.commentlist``, ``cite.fn``),
Genesis (microdata in ``article.comment``), Jetpack/WordPress.com (``b.fn``,
likes), Drupal (Olivero: ``a#comment-N`` anchors, ``div.indented`` replies),
Blogger (``.comment-thread``), the WP-Discourse embed, a custom news thread
(``div.comment-item[data-id]``), RDFa ``Comment``, JSON-LD with
``parentItem``, phpBB posts (known gap, xfail).  Elsewhere: the WordPress block
theme, microdata, nested JSON-LD, Disqus and Facebook embeds, a "Comments"
heading without comments, pingbacks (``test_comments_wordpress.py``,
``test_comments_generic.py``, ``test_comments_thirdparty.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrapers.parsers import parse_page

FAMILIES = Path(__file__).resolve().parents[3] / "fixtures" / "comments" / "families"
EXPECTED = json.loads((FAMILIES / "expected.json").read_text("utf-8"))
URL = "https://site.example/2024/01/post/"


def _cases():
    for name, want in sorted(EXPECTED.items()):
        marks = [pytest.mark.xfail(reason=want["xfail"], strict=True)] if "xfail" in want else []
        yield pytest.param(name, want, id=name, marks=marks)


@pytest.mark.parametrize(("name", "want"), list(_cases()))
def test_family(name: str, want: dict) -> None:
    article = parse_page(
        (FAMILIES / f"{name}.html").read_bytes(), URL, fetched_at="2024-06-10T12:00:00Z"
    )
    comments = article.comments
    position = {c.id: i for i, c in enumerate(comments)}
    got = [
        {
            "id": c.id if c.id.isdigit() else None,
            "author": c.author,
            "published": c.published,
            "text": c.text,
            "parent": position.get(c.parent_id),
            "kind": c.kind,
        }
        for c in comments
    ]
    assert got == want["comments"]
    assert (article.comments_system, article.comments_declared) == (
        want["system"],
        want["declared"],
    )
    assert [c.depth for c in comments] == [
        0 if w["parent"] is None else comments[w["parent"]].depth + 1 for w in want["comments"]
    ]
    body = article.body or ""
    leaked = [c.text for c in comments if c.text[:40] in body]
    assert not leaked, leaked  # comment text never lands in the body
    assert all(p[:40] not in c.text for c in comments for p in body.split("\n\n") if p)
