"""WordPress's REST API as a second witness for what a page states about its post.

- ``posts``: one batched request for up to 100 posts' metadata (dates to the
  second in UTC, comment status, categories, tags, the posting account), and
  the rule of what wins when the API and the page disagree.

(The API's comments, which complete a page's thread, are in
:mod:`scrapers.parsers.comments.rest`.)  Pure functions: bytes in, records out.

May import: :mod:`scrapers.items`, :mod:`scrapers.parsers.comments` (the API's
dates, read as the comments' are).
"""

from scrapers.parsers.wpapi.posts import BATCH, PostMeta, parse_posts, posts_url, witness

__all__ = ["BATCH", "PostMeta", "parse_posts", "posts_url", "witness"]
