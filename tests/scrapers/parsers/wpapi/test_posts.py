"""The WordPress REST API as a witness for article metadata (scrapers/parsers/wpapi/posts.py)."""

from __future__ import annotations

import json

import pytest

from scrapers.items import Article, Author
from scrapers.parsers.wpapi.posts import PostMeta, parse_posts, posts_url, witness

SITE = "http://news.example"


def _post(pid, slug, *, date, date_gmt, modified=None, modified_gmt=None, status="open",
          categories=("Science",), tags=("migration",), author="Tom O'Neill"):  # fmt: skip
    terms = [
        [{"id": 3, "name": c, "slug": c.lower(), "taxonomy": "category"} for c in categories],
        [{"id": 10, "name": t, "slug": t, "taxonomy": "post_tag"} for t in tags],
    ]
    return {
        "id": pid,
        "link": f"{SITE}/2022/09/15/{slug}/",
        "date": date,
        "date_gmt": date_gmt,
        "modified": modified or date,
        "modified_gmt": modified_gmt or date_gmt,
        "comment_status": status,
        "author": 3,
        "_embedded": {
            "author": [{"id": 3, "name": author, "link": f"{SITE}/author/tom/"}],
            "wp:term": terms,
        },
    }


API = json.dumps(
    [
        _post(
            5,
            "senate",
            date="2022-09-15T15:44:00",
            date_gmt="2022-09-15T19:44:00",
            modified="2022-09-29T23:44:00",
            modified_gmt="2022-09-30T03:44:00",
        ),
        _post(
            7,
            "farmers",
            date="2022-11-22T10:16:00",
            date_gmt="2022-11-22T15:16:00",
            status="closed",
            categories=("Arts &amp; Culture",),
            tags=(),
        ),
    ]  # fmt: skip
).encode()


def test_posts_url_asks_for_one_batch_with_authors_and_terms():
    url = posts_url(f"{SITE}/wp-json/", ["5", "7"])
    assert url.startswith(f"{SITE}/wp-json/wp/v2/posts?include=5%2C7&per_page=100")
    assert "_embed=author%2Cwp%3Aterm" in url
    with pytest.raises(ValueError):
        posts_url(f"{SITE}/wp-json/", [str(i) for i in range(101)])


def test_parse_posts_reads_dates_with_the_site_offset_status_terms_and_account():
    posts = parse_posts(API)
    senate, farmers = posts["5"], posts["7"]
    assert senate.published == "2022-09-15T15:44:00-04:00"  # daylight saving time
    assert senate.modified == "2022-09-29T23:44:00-04:00"
    assert farmers.published == "2022-11-22T10:16:00-05:00"  # standard time
    assert (senate.comments_open, farmers.comments_open) == (True, False)
    assert (senate.categories, senate.tags) == (["Science"], ["migration"])
    assert (farmers.categories, farmers.tags) == (["Arts & Culture"], [])
    assert (senate.author, senate.author_url) == ("Tom O'Neill", f"{SITE}/author/tom/")


@pytest.mark.parametrize(
    "body", [b"", b"{}", b'{"code":"rest_disabled"}', b"[1, null, {}]", b"\xff"]
)
def test_parse_posts_of_anything_else_is_nothing(body):
    assert parse_posts(body) == {}


def _article(**kw) -> Article:
    base = {"url": f"{SITE}/2022/09/15/senate/", "is_article": True, "post_id": "5"}
    return Article(**(base | kw))


def test_witness_keeps_what_the_page_states_rightly_and_fills_the_rest():
    article = _article(
        published="2022-09-15T15:44:00-04:00",
        modified="2022-09-15T15:44:00-04:00",  # one <time class="published updated">
        section=None,
        tags=["Science", "migration"],  # a block theme's post-terms
        authors=[Author(name="Tom O’Neill")],
    )
    changed = witness(article, parse_posts(API)["5"])
    assert article.published == "2022-09-15T15:44:00-04:00"
    assert article.modified == "2022-09-29T23:44:00-04:00"
    assert (article.section, article.tags) == ("Science", ["migration"])
    assert article.comments_open is True
    assert [a.name for a in article.authors] == ["Tom O’Neill"]  # the byline, as printed
    assert sorted(changed) == ["comments_open", "modified", "section", "tags"]


def test_witness_gives_the_instant_a_page_without_offset_lacks():
    article = _article(published="2022-09-15", comments_open=None)
    witness(article, parse_posts(API)["5"])
    assert article.published == "2022-09-15T15:44:00-04:00"


def test_an_unedited_post_is_modified_when_published_in_the_page_offset():
    article = _article(url=f"{SITE}/2022/09/15/farmers/", post_id="7",
                       published="2022-11-22T15:16:00Z")  # fmt: skip
    witness(article, parse_posts(API)["7"])
    assert article.published == "2022-11-22T15:16:00Z"  # the same instant: kept as printed
    assert article.modified == "2022-11-22T15:16:00Z"
    assert article.comments_open is False
    assert article.section == "Arts & Culture"


def test_the_account_names_only_a_page_that_names_nobody():
    article = _article(authors=[])
    witness(article, parse_posts(API)["5"])
    assert [(a.name, a.url) for a in article.authors] == [("Tom O'Neill", f"{SITE}/author/tom/")]


def test_another_posts_statement_changes_nothing():
    article = _article(url=f"{SITE}/2022/09/15/other-post/", published=None)
    assert witness(article, parse_posts(API)["5"]) == []
    assert article.published is None and article.modified is None


def test_an_empty_statement_changes_nothing():
    meta = PostMeta(post_id="5", link=f"{SITE}/2022/09/15/senate/", published=None,
                    modified=None, comments_open=None)  # fmt: skip
    article = _article(section="World", tags=["a"])
    assert witness(article, meta) == []
