"""The bundled demo site: routes, formats, encodings and a deterministic ground truth."""

from __future__ import annotations

import gzip
import json
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

import pytest

from demosite import DemoServer, build_site

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003
        return None


@pytest.fixture(scope="module")
def site():
    return build_site(60, seed=1)


@pytest.fixture(scope="module")
def truth(site):
    return site.ground_truth()


@pytest.fixture(scope="module")
def server(site):
    with DemoServer(site) as srv:
        yield srv


def fetch(server, path, headers=None, opener=None):
    req = urllib.request.Request(server.url.rstrip("/") + path, headers=headers or {})
    try:
        resp = (opener or urllib.request.build_opener()).open(req, timeout=10)
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()
    return resp.status, resp.headers, resp.read()


def test_home_and_pagination(server, truth):
    status, headers, body = fetch(server, "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=UTF-8"
    html = body.decode()
    assert truth["articles"][-1]["url"] in html  # newest first
    assert "/page/2/" in html and "/wp-admin/" in html
    status, _, body = fetch(server, "/page/2/")
    assert status == 200 and "paged-2" in body.decode()
    assert "/page/2/" in truth["urls"]["listings"]
    assert fetch(server, "/page/999/")[0] == 404


def test_feed(server, truth):
    status, headers, body = fetch(server, "/feed/")
    assert status == 200 and "rss" in headers["Content-Type"]
    root = ET.fromstring(body)
    items = root.findall("./channel/item")
    assert len(items) == 20
    ns = {
        "slash": "http://purl.org/rss/1.0/modules/slash/",
        "dc": "http://purl.org/dc/elements/1.1/",
    }
    assert items[0].find("dc:creator", ns) is not None and items[0].find("pubDate") is not None
    assert items[0].find("link").text.endswith(truth["articles"][-1]["url"])
    counts = [i.find("slash:comments", ns) for i in items]
    assert any(c is not None for c in counts)


def test_sitemaps_list_every_article(server, truth):
    status, _, body = fetch(server, "/sitemap.xml")
    assert status == 200
    subs = [e.text for e in ET.fromstring(body).iter(SM + "loc")]
    assert any(s.endswith("/post-sitemap.xml") for s in subs)
    listed = set()
    for url in subs:
        _, _, xml = fetch(server, "/" + url.split("/", 3)[3])
        root = ET.fromstring(xml)
        for u in root.iter(SM + "url"):
            listed.add("/" + u.find(SM + "loc").text.split("/", 3)[3])
    assert {a["url"] for a in truth["articles"]} <= listed


def test_robots_404_redirect(server, truth):
    status, _, body = fetch(server, "/robots.txt")
    text = body.decode()
    assert status == 200 and "Disallow: /wp-admin/" in text and "Sitemap: " in text
    status, _, body = fetch(server, truth["urls"]["not_found_example"])
    assert status == 404 and b"error404" in body
    ((old, new),) = truth["urls"]["redirects"].items()
    opener = urllib.request.build_opener(_NoRedirect)
    status, headers, _ = fetch(server, old, opener=opener)
    assert status == 301 and headers["Location"].endswith(new)
    assert old in fetch(server, "/")[2].decode()  # some page links to it


def test_gzip(server, truth):
    status, headers, body = fetch(server, truth["articles"][0]["url"], {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert truth["articles"][0]["title"].split()[0] in gzip.decompress(body).decode(
        truth["articles"][0]["charset"]
    )


def test_windows_1252_section(server, truth):
    status, headers, body = fetch(server, "/category/archivo/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=windows-1252"
    art = next(a for a in truth["articles"] if a["section"] == "Archivo")
    status, headers, body = fetch(server, art["url"])
    assert headers["Content-Type"].endswith("windows-1252")
    assert b'<meta charset="windows-1252">' in body
    html = body.decode("cp1252")
    assert art["title"] in html
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert any(ch in html for ch in "éñó“")


def test_reference_article(server, truth):
    ref = next(a for a in truth["articles"] if a["special"] == "reference")
    assert ref["title"] == "Putin Restates Russia’s Support for Maduro in Venezuela"
    assert ref["authors"] == ["Peter Spinella"] and ref["source"] == "dpa"
    assert ref["body"].startswith("HAVANA TIMES – Russian President")  # the caption is media
    [photo] = ref["media"]
    assert (photo["caption"], photo["credit"]) == ("Presidents Maduro and Putin.", "sputnik")
    assert photo["url"].endswith("/putin-maduro.jpg") and photo["position"] == 0
    assert ref["comments_declared"] == 8 and ref["comments_open"] is False
    assert ref["comments"][6]["text"].startswith("Putin backed trump.\nNow he backs Maduro.")
    html = fetch(server, ref["url"])[2].decode()
    assert "8 thoughts on &ldquo;<span>Putin Restates" in html and "Comments are closed." in html
    assert 'By <span class="author vcard">' in html and "(dpa)" in html
    assert "Putin backed trump.<br />\nNow he backs Maduro." in html
    assert (
        'class="wp-caption-text">Presidents Maduro and Putin. Photo: sputnik</figcaption>' in html
    )


def test_comment_variants(server, truth):
    by_special = {a["special"]: a for a in truth["articles"] if a["special"]}
    long = by_special["long-modern"]
    assert len(long["comment_pages"]) == 2 and long["comments_declared"] == len(long["comments"])
    html = fetch(server, long["comment_pages"][1])[2].decode()
    assert "Older Comments" in html and 'class="comment-list"' in html
    off = fetch(server, by_special["off"]["url"])[2].decode()
    assert 'id="comments"' not in off
    zero = fetch(server, by_special["zero-open"]["url"])[2].decode()
    assert 'id="commentform"' in zero and "comment-list" not in zero and "commentlist" not in zero
    pings = [c for c in by_special["ping-1"]["comments"] if c["kind"] == "pingback"]
    assert pings and 'class="pingback"' in fetch(server, by_special["ping-1"]["url"])[2].decode()
    assert max(c["depth"] for a in truth["articles"] for c in a["comments"]) >= 3
    assert {a["language"] for a in truth["articles"]} == {"en", "es", "ru"}


def test_ground_truth_deterministic(truth):
    again = build_site(60, seed=1).ground_truth()
    assert json.dumps(again, sort_keys=True) == json.dumps(truth, sort_keys=True)
    other = build_site(60, seed=2).ground_truth()
    assert json.dumps(other, sort_keys=True) != json.dumps(truth, sort_keys=True)


def test_large_site_builds_and_renders():
    big = build_site(10_000, seed=1)
    assert len(big.posts) == 10_000
    with DemoServer(big) as srv:
        post = next(p for p in big.posts[5000:] if p.charset == "utf-8")
        status, _, body = fetch(srv, post.path)
        assert status == 200 and post.title.encode() in body
        assert fetch(srv, "/post-sitemap10.xml")[0] == 200


def test_newest_first_and_cpage_pagination(server, truth, site):
    by_special = {a["special"]: a for a in truth["articles"] if a["special"]}
    newest = by_special["long-newest"]
    assert newest["comment_order"] == "newest"
    last = len(newest["comment_pages"])
    assert newest["comment_pages"][1:] == [
        f"{newest['url']}comment-page-{n}/" for n in range(1, last)
    ]
    html = fetch(server, newest["url"])[2].decode()
    assert f"{newest['url']}comment-page-{last - 1}/#comments" in html and "Older Comments" in html
    opener = urllib.request.build_opener(_NoRedirect)
    status, headers, _ = fetch(server, f"{newest['url']}comment-page-{last}/", opener=opener)
    assert status == 301 and headers["Location"].endswith(newest["url"])
    # Newest thread on top of the page the article URL shows.
    tops = [c for c in newest["comments"] if c["parent_id"] is None]
    assert html.index(f'id="comment-{tops[-1]["id"]}"') < html.index(
        f'id="comment-{tops[-2]["id"]}"'
    )
    cpage = by_special["long-cpage"]
    assert cpage["comment_pages"][1] == f"{cpage['url']}?cpage=1"
    status, _, body = fetch(server, cpage["comment_pages"][1])
    assert status == 200 and f'id="comment-{tops_of(cpage)[0]}"' in body.decode()


def tops_of(article: dict) -> list[str]:
    return [c["id"] for c in article["comments"] if c["parent_id"] is None]


def test_rest_api_comments(server, truth):
    served = next(a for a in truth["articles"] if a["rest_api"] and len(a["comments"]) > 12)
    path = f"/wp-json/wp/v2/comments?post={served['post_id']}&per_page=10&page=2"
    status, headers, body = fetch(server, path)
    listed = [c for c in served["comments"] if c["kind"] == "comment"]
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert headers["X-WP-Total"] == str(len(listed))
    assert headers["X-WP-TotalPages"] == str(-(-len(listed) // 10))
    items = json.loads(body)
    assert len(items) == 10 and items[0]["date"] > items[-1]["date"]  # newest first
    item = items[0]
    assert set(item) >= {"id", "post", "parent", "author_name", "author_url", "date", "date_gmt",
                         "content", "link", "type"}  # fmt: skip
    want = next(c for c in listed if c["id"] == str(item["id"]))
    assert item["author_name"] == want["author"] and item["date"] == want["published"][:19]
    assert str(item["parent"] or "") == (want["parent_id"] or "")
    classic = next(a for a in truth["articles"] if not a["rest_api"] and a["comments"])
    status, _, body = fetch(server, f"/wp-json/wp/v2/comments?post={classic['post_id']}")
    assert status == 401 and json.loads(body)["code"] == "rest_cannot_read_post"
    assert fetch(server, f"/wp-json/wp/v2/comments?post={served['post_id']}&page=99")[0] == 400
    assert fetch(server, "/wp-json/wp/v2/nothing")[0] == 404
    assert b'rel="https://api.w.org/"' in fetch(server, served["url"])[2]


def test_disqus_and_empty_heading(server, truth):
    by_special = {a["special"]: a for a in truth["articles"] if a["special"]}
    disqus = by_special["disqus"]
    assert disqus["comments_system"] == "disqus" and disqus["comments"] == []
    html = fetch(server, disqus["url"])[2].decode()
    assert '<div id="disqus_thread">' in html and disqus["comments_thread_id"] in html
    empty = by_special["heading-empty"]
    html = fetch(server, empty["url"])[2].decode()
    assert '<h2 class="comments-title">Comments</h2>' in html and 'id="commentform"' in html
    assert empty["comments"] == [] and empty["comments_system"] is None
