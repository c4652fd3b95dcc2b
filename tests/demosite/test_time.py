"""The demo site's time control: changes show everywhere, validators follow them."""

from __future__ import annotations

from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest

from demosite import build_site
from demosite.server import DemoServer


@pytest.fixture
def served():
    site = build_site(articles=30, seed=5)
    with DemoServer(site) as srv:
        yield srv


def _get(srv, path, **headers):
    try:
        with urlopen(Request(srv.url + path.lstrip("/"), headers=headers)) as r:
            return r.status, dict(r.headers), r.read()
    except HTTPError as e:
        return e.code, dict(e.headers), b""


def test_conditional_requests_get_304_until_the_page_changes(served):
    post = next(p for p in served.site.posts if p.comment_status == "open" and p.n_comments)
    status, headers, body = _get(served, post.path)
    assert status == 200 and headers["ETag"].startswith('W/"') and headers["Last-Modified"]
    assert _get(served, post.path, **{"If-None-Match": headers["ETag"]})[0] == 304
    since = {"If-Modified-Since": headers["Last-Modified"]}
    assert _get(served, post.path, **since)[0] == 304
    served.advance(hours=2)
    cid = served.add_comment(post.path, "Something new to say.")
    status, changed, body = _get(served, post.path, **{"If-None-Match": headers["ETag"]})
    assert status == 200 and b"Something new to say." in body
    assert (
        changed["ETag"] != headers["ETag"] and changed["Last-Modified"] != headers["Last-Modified"]
    )
    assert _get(served, post.path, **since)[0] == 200
    assert served.not_modified[post.path] == 2
    truth = served.site.ground_truth()["articles"][post.idx]
    assert truth["comments"][-1]["id"] == str(cid)
    assert truth["comments_declared"] in (None, len(truth["comments"]))


def test_edits_reach_pages_sitemap_feed_and_truth(served):
    site = served.site
    post = site.posts[-2]
    served.advance(days=1)
    served.edit_article(post.path, title="A corrected headline", append="Correction: a date.")
    page = _get(served, post.path)[2]
    assert b"A corrected headline" in page and b"Correction: a date." in page
    lastmod = site.now().isoformat()
    assert lastmod.encode() in _get(served, "/post-sitemap.xml")[2]
    assert b"A corrected headline" in _get(served, "/feed/")[2]
    truth = site.ground_truth()["articles"][post.idx]
    assert truth["title"] == "A corrected headline"
    assert truth["body"].endswith("Correction: a date.")


def test_removed_comment_hides_its_replies_and_can_come_back(served):
    from demosite.content import content

    site = served.site
    post = next(p for p in site.posts if any(c.parent for c in content(site, p).comments))
    thread = content(site, post).comments
    parent = next(c for c in thread if any(r.parent == c.id for r in thread))
    served.remove_comment(post.path, parent.id)
    left = {c.id for c in content(site, post).comments}
    assert parent.id not in left and not any(c.parent == parent.id for c in thread if c.id in left)
    served.restore_comment(post.path, parent.id)
    assert [c.id for c in content(site, post).comments] == [c.id for c in thread]
