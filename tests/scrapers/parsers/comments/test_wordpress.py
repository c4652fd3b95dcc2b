"""WordPress core markup: classic (reference article), html5, block theme, pingbacks."""

from __future__ import annotations

import json

import lxml.html

from scrapers.parsers.comments import extract_thread
from tests.scrapers.parsers.comments._util import FIXTURES, thread

SEED_URL = "https://havanatimes.org/news/putin-restates/"


def test_classic_reference_thread_fields() -> None:
    t = thread("wp_classic_seed.html", SEED_URL)
    assert (t.declared, t.open, t.system, t.thread_id, t.pages) == (8, False, "wordpress", None, [])
    assert [n.get("id") for n in t.nodes] == ["comments"]
    assert [c.id for c in t.comments] == [str(150100 + i) for i in range(8)]
    assert [c.position for c in t.comments] == list(range(8))
    assert all(c.parent_id is None and c.depth == 0 and c.kind == "comment" for c in t.comments)
    first = t.comments[0]
    assert first.author == "Moses"
    assert first.author_url == "https://example.org/moses"
    assert first.published == "2019-04-24T01:15:00"
    assert first.published_raw == "April 24, 2019 at 1:15 am"
    assert first.published_approx is False
    assert first.text.startswith("The UN says Maduro uses death squads")
    assert t.comments[1].author == "Dan" and t.comments[1].author_url is None
    assert t.comments[4].published == "2019-04-25T17:19:00"


def test_classic_reference_texts_and_breaks() -> None:
    t = thread("wp_classic_seed.html", SEED_URL)
    brian = t.comments[6]
    assert brian.text.split("\n")[:2] == ["Putin backed trump.", "Now he backs Maduro."]
    assert "\n\n" not in brian.text
    assert brian.html.startswith("<p>Putin backed trump.<br>")
    for c in t.comments:
        assert "says:" not in c.text and "Reply" not in c.text and "2019" not in c.text


def test_classic_does_not_modify_dom() -> None:
    raw = (FIXTURES / "wp_classic_seed.html").read_bytes()
    doc = lxml.html.document_fromstring(raw)
    before = lxml.html.tostring(doc)
    extract_thread(doc, SEED_URL)
    assert lxml.html.tostring(doc) == before


def test_html5_fields_replies_and_pingback() -> None:
    t = thread("wp_html5.html")
    assert (t.declared, t.open, t.system) == (3, True, "wordpress")
    assert t.pages == [
        "https://blog.example.org/post/comment-page-1/",
        "https://blog.example.org/post/comment-page-3/",
    ]
    ana, admin, ping = t.comments
    assert (ana.id, ana.parent_id, ana.depth, ana.position) == ("12", None, 0, 0)
    assert ana.author == "Ana" and ana.author_url == "https://ana.example.org/"
    assert ana.published == "2019-04-24T10:15:00-04:00"
    assert ana.text == "First paragraph.\n\nSecond link."
    assert "script" not in ana.html and "onclick" not in ana.html
    assert ana.html == '<p>First paragraph.</p><p>Second <a href="https://x.example/">link</a>.</p>'
    assert (admin.id, admin.parent_id, admin.depth, admin.author) == ("13", "12", 1, "Admin")
    assert admin.text == "Thanks Ana!"
    assert (ping.id, ping.kind, ping.depth, ping.parent_id) == ("14", "pingback", 0, None)
    # WordPress's own model: the linking post's title is the author, no text.
    assert (ping.author, ping.text, ping.html) == ("Other blog post", "", "")
    assert ping.author_url == "https://other.example/post/"


def test_pingback_site_from_title_and_trackback() -> None:
    t = thread("wp_pingbacks.html")
    ping, track = t.comments
    assert (ping.kind, ping.text) == ("pingback", "")
    assert (ping.author, ping.author_url) == (
        "Nice Blog » Why we link",
        "https://www.nice.example/why/",
    )
    assert (ping.id, ping.published) == ("21", None)
    assert (track.kind, track.text, track.author) == ("trackback", "", "Some post | Far Site")
    assert track.author_url == "https://far.example/p/1"


def test_block_theme() -> None:
    t = thread("wp_block.html")
    assert (t.declared, t.open, t.system) == (2, True, "wordpress")
    bea, carl = t.comments
    assert (bea.id, bea.author, bea.author_url) == ("7", "Bea", "https://bea.example/")
    assert bea.published == "2024-01-05T09:30:00+00:00" and bea.text == "Block comment text."
    assert (carl.id, carl.parent_id, carl.depth, carl.text) == ("8", "7", 1, "A reply.")


def test_seed_comment_texts_match_reference() -> None:
    seed = json.loads((FIXTURES / "seed_texts.json").read_text(encoding="utf-8"))
    t = thread("wp_classic_seed.html", SEED_URL)
    assert [c.text for c in t.comments] == seed


def test_a_wordpress_com_reblog_is_a_pingback_and_a_url_link_names_the_commenter() -> None:
    import lxml.html

    from scrapers.parsers.comments import extract_thread

    item = (
        '<li class="comment depth-1" id="li-comment-{n}"><div id="comment-{n}" class="comment">'
        "<div class='comment-header'><h4><a href='http://{who}.example' rel='external nofollow' "
        "class='url'>{who}</a></h4></div><div class='comment-body'><span class='date'>Jul 20 2012"
        "</span><p>{text}</p></div></div></li>"
    )
    html = (
        "<html><body><h1>Post</h1><p>Article text.</p><ul id='commentList'>"
        + item.format(n=1, who="ann", text="Lovely post.")
        + item.format(
            n=2,
            who="ehdgms",
            text="Reblogged this on <a href='http://e.example/31/'>Ehdgms Blog</a>.",
        )
        + "</ul></body></html>"
    )
    t = extract_thread(lxml.html.document_fromstring(html), "https://x.example/post")
    ann, reblog = t.comments
    assert (ann.kind, ann.author, ann.text) == ("comment", "ann", "Lovely post.")
    assert (reblog.kind, reblog.author, reblog.author_url) == (
        "pingback",
        "Ehdgms Blog",
        "http://e.example/31/",
    )
