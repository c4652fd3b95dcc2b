"""Third-party threads: system and thread id, no comments."""

from __future__ import annotations

import lxml.html

from scrapers.parsers.comments import extract_thread
from tests.scrapers.parsers.comments._util import thread


def test_disqus_identifier() -> None:
    t = thread("disqus.html")
    assert (t.system, t.thread_id, t.comments, t.open) == ("disqus", "post-4711", [], True)
    assert "disqus_thread" in [n.get("id") for n in t.nodes]


def test_facebook_href() -> None:
    t = thread("facebook.html")
    assert (t.system, t.thread_id, t.comments) == ("facebook", "https://f.example/story/99", [])


def test_server_rendered_disqus_thread_is_disqus() -> None:
    # the Disqus plugin prints the thread into div#disqus_thread for crawlers
    html = (
        "<html><body><h1>Post</h1><p>Article text.</p><div id='disqus_thread'>"
        "<ul id='dsq-comments'><li class='comment' id='dsq-comment-7681'>"
        "<div class='dsq-comment-header'><cite>http://weboutsourcing.example/ "
        "<span id='dsq-author-user-7681'>Web Outsourcing Gateway</span></cite></div>"
        "<div class='dsq-comment-message'><p>So true!</p></div></li></ul></div>"
        "<script>var disqus_shortname = 'notes';</script>"
        "<script src='//notes.disqus.com/embed.js'></script></body></html>"
    )
    t = extract_thread(lxml.html.document_fromstring(html), "https://x.example/")
    (c,) = t.comments
    assert (t.system, c.author, c.text) == ("disqus", "Web Outsourcing Gateway", "So true!")
