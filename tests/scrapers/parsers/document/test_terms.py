"""Categories and tags told apart, in classic and block themes (issue #15:
a block theme's post-terms print both as rel="tag")."""

from __future__ import annotations

import pytest

from scrapers.parsers import parse_page

URL = "https://news.example/2023/01/02/farm-prices/"
TEXT = "<h1>Farm prices rise</h1><p>" + "Farm prices rose again in March. " * 15 + "</p>"


def _page(terms: str) -> bytes:
    return (
        '<html><head><title>Farm prices rise</title></head><body><article class="post">'
        f"{TEXT}{terms}</article></body></html>"
    ).encode()


BLOCK = (
    '<div class="taxonomy-category wp-block-post-terms">'
    '<a href="https://news.example/category/politics/" rel="tag">Politics</a></div>'
    '<div class="taxonomy-post_tag wp-block-post-terms">'
    '<a href="https://news.example/tag/elections/" rel="tag">elections</a>'
    '<span class="wp-block-post-terms__separator">, </span>'
    '<a href="https://news.example/tag/health/" rel="tag">health</a></div>'
)
CLASSIC = (
    '<span class="cat-links">Categorized as <a href="https://news.example/category/politics/" '
    'rel="category tag">Politics</a></span><span class="tags-links">Tagged '
    '<a href="https://news.example/tag/elections/" rel="tag">elections</a>, '
    '<a href="https://news.example/tag/health/" rel="tag">health</a></span>'
)
RENAMED_BASE = BLOCK.replace("/category/politics/", "/topics/politics/")


@pytest.mark.parametrize("terms", [BLOCK, CLASSIC, RENAMED_BASE], ids=["block", "classic", "base"])
def test_section_is_the_category_and_tags_are_the_tags(terms):
    article = parse_page(_page(terms), URL)
    assert (article.section, article.tags) == ("Politics", ["elections", "health"])


def test_a_category_list_by_class_alone():
    terms = (
        '<div class="post-categories"><a href="/politics/" rel="tag">Politics</a></div>'
        '<div class="post-tags"><a href="/health/" rel="tag">health</a></div>'
    )
    article = parse_page(_page(terms), URL)
    assert (article.section, article.tags) == ("Politics", ["health"])
