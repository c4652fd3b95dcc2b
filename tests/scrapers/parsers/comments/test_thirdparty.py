"""Third-party threads: system and thread id, no comments."""

from __future__ import annotations

from tests.scrapers.parsers.comments._util import thread


def test_disqus_identifier() -> None:
    t = thread("disqus.html")
    assert (t.system, t.thread_id, t.comments, t.open) == ("disqus", "post-4711", [], True)
    assert "disqus_thread" in [n.get("id") for n in t.nodes]


def test_facebook_href() -> None:
    t = thread("facebook.html")
    assert (t.system, t.thread_id, t.comments) == ("facebook", "https://f.example/story/99", [])
