"""An author box (picture, name, biography) names the author in its heading;
its biography is never a byline (issue #15: twentytwentyone's box added
"Science" from "Science and environment reporter." as a second author)."""

from __future__ import annotations

import lxml.html

from scrapers.parsers.authors.byline import extract_authors
from scrapers.parsers.document.metadata import collect_metadata

HEAD = "<html><head><title>Farm prices rise</title></head><body><article>"
TEXT = "<h1>Farm prices rise</h1><p>" + "Farm prices rose again in March. " * 12 + "</p>"


def _names(html: str) -> list[tuple[str, str | None]]:
    doc = lxml.html.document_fromstring(html)
    authors, _ = extract_authors(doc, collect_metadata(doc), title="Farm prices rise")
    return [(a.name, a.url) for a in authors]


def test_twentytwentyone_author_bio_gives_the_name_only():
    html = (
        HEAD + TEXT + '<div class="author-bio show-avatars"><img alt="" src="a.png">'
        '<div class="author-bio-content"><h2 class="author-title">By Aisha Bello</h2>'
        '<p class="author-description"> Science and environment reporter.</p>'
        '<a class="author-link" href="https://news.example/author/aisha/" rel="author">'
        "View all of Aisha Bello's posts.</a></div></div></article></body></html>"
    )
    assert [n for n, _ in _names(html)] == ["Aisha Bello"]


def test_a_box_heading_that_is_a_label_gives_way_to_the_name():
    html = (
        HEAD + TEXT + '<div class="author-info"><h2 class="author-heading">Published by</h2>'
        '<div class="author-description"><h3 class="author-title">Daniel Lemire</h3>'
        '<p class="author-bio">A computer science professor at the University of Quebec '
        '(TELUQ). <a class="author-link" href="/blog/author/lemire/" rel="author">'
        "View all posts by Daniel Lemire</a></p></div></div></article></body></html>"
    )
    assert [n for n, _ in _names(html)] == ["Daniel Lemire"]


def test_a_box_without_heading_keeps_its_name_line_not_its_biography():
    html = (
        HEAD + TEXT + '<div class="about-the-author"><span class="name">By Ana García</span>'
        "<p>Ana García and Luis Pérez Foundation fellow, writes on trade.</p></div>"
        "</article></body></html>"
    )
    assert [n for n, _ in _names(html)] == ["Ana García"]


def test_a_byline_styled_as_a_box_is_still_a_byline():
    html = (
        HEAD + '<h1>Farm prices rise</h1><div class="author-box"><span class="byline">By '
        '<a href="/author/jane-doe/">Jane Doe</a></span></div>'
        + TEXT[len("<h1>Farm prices rise</h1>") :]
        + "</article></body></html>"
    )
    assert [n for n, _ in _names(html)] == ["Jane Doe"]


def test_a_biography_that_reads_like_a_byline_is_none_at_the_end_either():
    """The late finders (end credits, signatures) read an author box as the box
    says: its name, never a label line of its biography (issue #17)."""
    html = (
        HEAD + TEXT + '<div class="author-box"><h3 class="author-title">Über die Autorin</h3>'
        '<p class="author-description">Von Anna Schmidt erschien zuletzt ein Buch.</p>'
        '<p class="author-description">Geschrieben von: Lisa Wagner</p></div>'
        "</article></body></html>"
    )
    assert _names(html) == []
    html = html.replace("Über die Autorin", "Anna Schmidt")
    assert [n for n, _ in _names(html)] == ["Anna Schmidt"]


def test_a_bio_sentence_with_a_profile_link_adds_nobody():
    html = (
        HEAD
        + '<h1>Farm prices rise</h1><p class="byline">By Jane Doe</p>'
        + TEXT[len("<h1>Farm prices rise</h1>") :]
        + '<div class="about-the-author"><p>Jane Doe writes on trade and farming for us, '
        'with <a href="/author/john-roe/">John Roe</a> as her editor.</p></div>'
        "</article></body></html>"
    )
    assert [n for n, _ in _names(html)] == ["Jane Doe"]
