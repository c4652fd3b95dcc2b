"""End to end: whole comment threads, however the site pages and serves them.

Newest-first and ``?cpage=N`` pagination, the WordPress REST API where the
site offers it (and its refusal where it does not), third-party embeds.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urljoin, urlsplit


def _captures(demo) -> list[tuple[str, int]]:
    with demo.connect() as conn:
        return [(r["url"], r["status"]) for r in conn.execute("select url, status from captures")]


def _article(demo, path: str) -> dict:
    with demo.connect() as conn:
        row = conn.execute(
            "select * from articles where url = ?", (urljoin(demo.url, path),)
        ).fetchone()
        return dict(row)


def _specials(demo) -> dict[str, dict]:
    return {a["special"]: a for a in demo.truth["articles"] if a["special"]}


def test_every_comment_page_is_fetched_in_both_orders(crawled_demo):
    captured = {u for u, s in _captures(crawled_demo) if s == 200}
    specials = _specials(crawled_demo)
    for name in ("long-newest", "long-cpage", "long-classic", "long-modern"):
        truth = specials[name]
        assert len(truth["comment_pages"]) > 1, name
        for page in truth["comment_pages"]:
            assert urljoin(crawled_demo.url, page) in captured, (name, page)
        row = _article(crawled_demo, truth["url"])
        assert row["comments_count"] == len(truth["comments"]) == row["comments_declared"]
        assert row["comments_complete"] == 1, name
    assert specials["long-newest"]["comment_order"] == "newest"
    assert "?cpage=" in specials["long-cpage"]["comment_pages"][1]


def _api_calls(demo) -> dict[str, list[int]]:
    """post id -> statuses of its REST API comment requests."""
    calls: dict[str, list[int]] = {}
    for url, status in _captures(demo):
        parts = urlsplit(url)
        if parts.path == "/wp-json/wp/v2/comments":
            post = parse_qs(parts.query)["post"][0]
            calls.setdefault(post, []).append(status)
    return calls


def test_rest_api_is_asked_where_offered_and_refusal_falls_back(crawled_demo):
    calls = _api_calls(crawled_demo)
    served = refused = 0
    for truth in crawled_demo.truth["articles"]:
        statuses = calls.get(truth["post_id"], [])
        if truth["comments_system"] == "disqus" or truth["comments_open"] is None:
            assert not statuses, truth["url"]  # no WordPress thread: nothing to ask
        elif truth["rest_api"]:
            assert statuses and set(statuses) == {200}, truth["url"]
            served += 1
        else:  # a per-post refusal (rest_cannot_read_post): asked for each post
            assert statuses and set(statuses) == {401}, truth["url"]
            refused += 1
    assert served and refused


def test_third_party_and_empty_threads(crawled_demo):
    specials = _specials(crawled_demo)
    disqus = _article(crawled_demo, specials["disqus"]["url"])
    assert (disqus["comments_system"], disqus["comments_thread_id"]) == (
        "disqus",
        specials["disqus"]["comments_thread_id"],
    )
    assert disqus["comments_count"] == 0
    empty = _article(crawled_demo, specials["heading-empty"]["url"])
    assert (empty["comments_count"], empty["comments_open"], empty["comments_system"]) == (
        0,
        1,
        None,
    )
