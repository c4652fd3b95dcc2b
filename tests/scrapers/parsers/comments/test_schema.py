"""schema.org comments: JSON-LD (nested, @graph) and microdata/RDFa."""

from __future__ import annotations

import lxml.html

from scrapers.parsers.comments import extract_thread
from tests.scrapers.parsers.comments._util import thread


def test_jsonld_nested_comments() -> None:
    t = thread("jsonld.html")
    assert (t.declared, t.system) == (3, "schema.org")
    dora, emil, fay = t.comments
    assert (dora.id, dora.parent_id, dora.depth, dora.author) == ("101", None, 0, "Dora")
    assert dora.author_url == "https://dora.example/"
    assert dora.published == "2021-03-02T08:00:00Z" and dora.text == "Top level comment."
    assert (emil.id, emil.parent_id, emil.depth) == ("102", "101", 1)
    assert fay.author == "Fay" and fay.published == "2021-03-03"
    assert len(fay.id) == 16 and fay.parent_id is None
    assert [c.position for c in t.comments] == [0, 1, 2]


def test_microdata_and_rdfa() -> None:
    t = thread("microdata.html")
    assert t.system == "schema.org"
    gus, hana, ivo = t.comments
    assert (gus.id, gus.author, gus.published, gus.text) == (
        "501",
        "Gus",
        "2020-02-02T12:00:00",
        "Microdata comment.",
    )
    assert (hana.id, hana.parent_id, hana.depth, hana.published) == ("502", "501", 1, "2020-02-03")
    assert hana.text == "Nested reply."
    assert (ivo.id, ivo.author, ivo.published, ivo.text) == (
        "503",
        "Ivo",
        "2020-03-03",
        "RDFa comment text.",
    )


def test_rdfa_property_lists_and_person_names() -> None:
    # Drupal 7: property="dc:date dc:created" with content beside a day-ambiguous
    # text; Drupal 8: an anonymous name as span[typeof=schema:Person][property=schema:name]
    html = (
        "<html><body><h1>Post</h1><p>Article text.</p><div id='comments'>"
        '<article class="comment" id="comment-41" typeof="schema:Comment">'
        '<p class="submitted">Submitted by <span typeof="schema:Person" property="schema:name">'
        "Bea (not verified)</span> on "
        '<span property="dc:date dc:created" content="2016-02-09T10:02:00-06:00">'
        "Tue, 02/09/2016 - 10:02</span></p>"
        '<h3 property="schema:name"><a href="#comment-41">A title, not a name</a></h3>'
        '<div property="schema:text"><p>Sunday is the only day.</p></div></article></div></body></html>'
    )
    (c,) = extract_thread(lxml.html.document_fromstring(html), "https://x.example/").comments
    assert (c.author, c.published, c.text) == (
        "Bea",
        "2016-02-09T10:02:00-06:00",
        "Sunday is the only day.",
    )
