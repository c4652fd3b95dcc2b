"""``modified`` only on evidence (issue #15): one <time> marked both
``published updated`` states the publication, not an edit."""

from __future__ import annotations

from scrapers.parsers import parse_page

URL = "https://news.example/2023/01/02/farm-prices/"
TEXT = "<p>" + "Farm prices rose again in March. " * 15 + "</p>"


def _article(dates: str):
    html = (
        '<html><head><title>Farm prices rise</title></head><body><article class="post">'
        f"<h1>Farm prices rise</h1>{dates}{TEXT}</article></body></html>"
    )
    return parse_page(html.encode(), URL)


def test_one_time_marked_published_and_updated_is_no_modification():
    article = _article(
        '<span class="posted-on">Published <time class="entry-date published updated" '
        'datetime="2022-09-07T15:20:00-04:00">September 7, 2022</time></span>'
    )
    assert article.published == "2022-09-07T15:20:00-04:00"
    assert article.modified is None


def test_a_time_of_its_own_marked_updated_is_the_modification():
    article = _article(
        '<time class="entry-date published" datetime="2022-09-07T15:20:00-04:00">'
        'September 7, 2022</time><time class="updated" datetime="2022-09-30T23:44:00-04:00">'
        "September 30, 2022</time>"
    )
    assert article.published == "2022-09-07T15:20:00-04:00"
    assert article.modified == "2022-09-30T23:44:00-04:00"
