"""The shared page scan: sizes, subtrees and candidates from one walk."""

from __future__ import annotations

import lxml.html

from scrapers.parsers.document.scan import headline_index, scan_page


def _scan(html: str):
    return scan_page(lxml.html.document_fromstring(html))


def test_sizes_are_text_content_without_whitespace():
    s = _scan("<html><body><div id=a> ab <a href=#>c d</a> e<p>fg</p>h </div></body></html>")
    a = s.index[s.nodes[0].get_element_by_id("a")]
    assert s.size[a] == len("abcdefgh")
    assert s.links[a] == len("cd")
    assert s.own[a] == len("abeh")  # its text and its children's tails


def test_subtree_ranges_and_contains():
    s = _scan("<html><body><div><section><h1>T</h1></section></div><aside>x</aside></body></html>")
    div = s.tags.index("div")
    aside = s.tags.index("aside")
    assert s.contains(div, "h1") and not s.contains(aside, "h1")
    assert s.distance(aside, s.tags.index("h1")) == 1


def test_candidates_follow_the_markup():
    s = _scan(
        '<html><body><h1 class="entry-title">T</h1><span class="byline">By A</span>'
        '<time class="entry-date published" datetime="2020-01-02">x</time>'
        '<a rel="author" href="/u/a">A</a><a rel="tag" href="/t">t</a>'
        '<span itemprop="dateModified">2020-02-03</span></body></html>'
    )
    tags = lambda found: [s.tags[i] for i in found]  # noqa: E731
    assert tags(s.headings) == ["h1"]
    assert tags(s.bylines) == ["span", "a"]
    assert "time" in tags(s.published)
    assert tags(s.modified) == ["span"]
    assert len(s.rel_links) == 2


def test_headline_is_the_heading_that_reads_as_the_title():
    s = _scan("<html><body><h1>Site</h1><h1>The story</h1></body></html>")
    assert s.tags[headline_index(s, "The story")] == "h1"
    assert headline_index(s, "The story") == s.by_tag["h1"][1]
    assert headline_index(s, None) == s.by_tag["h1"][0]
