"""Hand-written comment pages of markup families met in the wild, one each.

Each ``tests/fixtures/comments/families/NAME.html`` is written by hand after
the markup its platform prints (not copied from any real page), with an
article body beside the thread; ``expected.json`` holds the records a perfect
parser extracts: author, date, text, reply parent (by position), kind, the
site's own id where it is a number, the thread's system and declared count.
A forum page's first post is the thread's own (its opening post), not a
comment. A family the parser gets wrong carries an ``xfail`` reason saying
what it does wrong (strict: a fix turns the test red until the mark goes).

Threads: WordPress classic (``ol.commentlist``, ``cite.fn``), an ``li``
without id around ``article#comment-N`` (``wp_article_in_li``), nesting only
in ``depth-N`` classes (``wp_depth_flat``), "Comment by NAME — date @ time"
and "NAME<br>date // time" author lines, ``li#comment-N`` without the
``comment`` class (``wp_li_no_class``), Thesis ``dl``/``dt``/``dd``, Genesis
(microdata), Jetpack/WordPress.com, Drupal 6, 7 (RDFa), 8 and 10 (Olivero),
Blogger (threaded and classic ``dl#comments-block``), TypePad, Movable Type
("replied to" bylines), the WP-Discourse embed and Discourse's own topic page,
Reddit (old ``div.thing`` and ``shreddit-comment``), Slashdot, phpBB,
vBulletin, Disqus's server-rendered thread, Wix (``data-hook``) and
Squarespace-like markup, a custom news thread, schema.org ``Comment`` as
RDFa, microdata ``UserComments``, JSON-LD with ``parentItem`` and one JSON-LD
script per comment.

Negative families (``"negative": true``: no record of kind "comment" and no
declared count): a theme's pingback list, TypePad trackbacks, related-posts
lists (Jetpack and a theme's), top-commenters and recent-comments widgets,
product reviews, "most read"/"most commented" lists, a login call to action.

Elsewhere: the WordPress block theme, microdata, nested JSON-LD, Disqus and
Facebook embeds, a "Comments" heading without comments, WordPress pingbacks
(``test_wordpress.py``, ``test_generic.py``, ``test_thirdparty.py`` beside
this file). ``bench/comment_families.py`` prints the
author and parent accuracy over all families.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrapers.items import Article
from scrapers.parsers import parse_page

FAMILIES = Path(__file__).resolve().parents[3] / "fixtures" / "comments" / "families"
EXPECTED = json.loads((FAMILIES / "expected.json").read_text("utf-8"))
URL = "https://site.example/2024/01/post/"


def parse_family(name: str) -> Article:
    """The record of one family page (the clock frozen for relative dates)."""
    return parse_page(
        (FAMILIES / f"{name}.html").read_bytes(), URL, fetched_at="2024-06-10T12:00:00Z"
    )


def records(article: Article) -> list[dict]:
    """The comments as ``expected.json`` states them (parents by position)."""
    position = {c.id: i for i, c in enumerate(article.comments)}
    return [
        {
            "id": c.id if c.id.isdigit() else None,
            "author": c.author,
            "published": c.published,
            "text": c.text,
            "parent": position.get(c.parent_id),
            "kind": c.kind,
        }
        for c in article.comments
    ]


def _cases(negative: bool):
    for name, want in sorted(EXPECTED.items()):
        if want.get("negative", False) != negative:
            continue
        marks = [pytest.mark.xfail(reason=want["xfail"], strict=True)] if "xfail" in want else []
        yield pytest.param(name, want, id=name, marks=marks)


@pytest.mark.parametrize(("name", "want"), list(_cases(negative=False)))
def test_family(name: str, want: dict) -> None:
    article = parse_family(name)
    comments = article.comments
    assert records(article) == want["comments"]
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


@pytest.mark.parametrize(("name", "want"), list(_cases(negative=True)))
def test_negative_family(name: str, want: dict) -> None:
    """Lists that look like a thread are not one: no comment, no count.

    Pingbacks and trackbacks may be kept as such (``kind``), never as comments.
    """
    article = parse_family(name)
    assert [r for r in records(article) if r["kind"] == "comment"] == []
    assert article.comments_declared is None
