"""The one entry point that turns a fetched page into an :class:`Article`.

The page is decoded and parsed into a DOM exactly once; the comment thread is
extracted first so that the body extractor can leave the thread's nodes out
(comment text never lands in the body, article text never in the comments).
"""

from __future__ import annotations

from collections.abc import Mapping

from scrapers.items import Article, Author, Comment
from scrapers.parsers.article import extract_article
from scrapers.parsers.comments import extract_thread
from scrapers.parsers.document import load_html

PARSER_VERSION = "0.1.0"


def parse_page(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    fetched_at: str | None = None,
    selectors: Mapping[str, str] | None = None,
) -> Article:
    """Parse one HTML page.

    ``content_type`` is the HTTP header, when known (its charset wins over the
    page's own declaration only if the bytes agree).  ``fetched_at`` (ISO 8601)
    anchors relative dates such as "3 days ago".  ``selectors`` are a site
    profile's CSS overrides (keys: ``title``, ``body``, ``byline``,
    ``published``, ``comments``).
    """
    doc = load_html(body, content_type=content_type, url=url)
    if doc is None:
        return Article(url=url, is_article=False, parser_version=PARSER_VERSION)
    thread = extract_thread(doc, url, fetched_at=fetched_at, selectors=selectors)
    article = extract_article(doc, url, exclude=thread.nodes, selectors=selectors)
    if thread.post is not None:
        _take_post(article, thread.post)
    article.comments = thread.comments
    article.comments_declared = thread.declared
    article.comments_open = thread.open
    article.comments_system = thread.system
    article.comments_thread_id = thread.thread_id
    article.comment_pages = thread.pages
    article.comments_scripted = thread.scripted
    article.parser_version = PARSER_VERSION
    return article


def _take_post(article: Article, post: Comment) -> None:
    """A forum thread's opening post is the page's text; its author and date
    stand in for a byline and a publication date the page does not state."""
    article.body, article.body_html = post.text, post.html
    article.is_article = True
    if not article.authors and post.author:
        article.authors = [Author(name=post.author, url=post.author_url)]
    if article.published is None and post.published and not post.published_approx:
        article.published, article.published_raw = post.published, post.published_raw
