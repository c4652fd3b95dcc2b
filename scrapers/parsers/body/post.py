"""The post's own block: the element whose markup says "this is the post".

Blog and news themes mark the one post of a single-post page: hAtom's
``hentry``, WordPress's ``div.post#post-N``, TypePad's and Posterous's
``div.entry``, Blogger's ``div.post`` with ``itemprop=blogPost``, an
``<article>``.  On a short post (an image with a line, a three-line note)
any longer prose elsewhere on the page (a profile box, a text widget, a
quote in the header) outweighs the post by length alone; the post's block
tells where the article is.  It is the nearest such block around the
headline, else the only such block on the page that holds prose.
"""

from __future__ import annotations

import re

from scrapers.parsers.document.scan import PageScan

# Class/id/itemprop words of a post's block (matched against lowercased
# attributes): whole words only, so "post-title", "entry-meta" or "posts"
# (a list of them) do not count.
POST_MARKUP = re.compile(
    r"(?<![\w-])(?:hentry|h-entry|post|entry|blogpost|article|type-post)(?![\w-])|"
    r"(?<![\w-])(?:post|entry|article|postunit)[-_]\d"
)
# The markers that name one post wherever they stand: hAtom's entry, schema.org's
# BlogPosting, a CMS's numbered post id (a "post" class also names author boxes,
# an "article" id a tab).
_STRONG = re.compile(
    r"(?<![\w-])(?:hentry|h-entry|blogpost|type-post)(?![\w-])|"
    r"(?<![\w-])(?:post|entry|article|postunit)[-_]\d"
)

# Layers the page shows on demand (a pop-up, a lightbox): a post there is not the page's.
_LAYER = re.compile(r"popup|pop-up|lightbox|modal|overlay|flyout|off-?canvas|dialog")
_PAGE = frozenset(["body", "html"])


def is_post_markup(s: PageScan, i: int, *, strong: bool = False) -> bool:
    """True when element ``i`` is marked as a post (``<article>`` or a post class/id)."""
    if s.tags[i] == "article":
        return True
    attrs = s.attr(i)
    return bool(attrs) and (_STRONG if strong else POST_MARKUP).search(attrs) is not None


def post_block(
    s: PageScan,
    headline: int,
    raw: list[int],
    posts: list[int],
    regions: list[int],
    known: list[int] = (),
) -> int | None:
    """The post's block: around the headline, else the page's only strongly marked one.

    ``raw`` is each element's paragraph text; ``posts`` the post-marked
    elements holding some, in page order.  A block counts when it holds
    most of its parent's prose (one beside the text, a header of its own or
    an author box, does not) and stands in none of the page's ``regions``
    (a sidebar) or layer (a pop-up).
    """
    post = None
    if s.body < headline < s.end[s.body]:
        i = s.parent[headline]
        while i > s.body and post is None:
            if _holds_post(s, i, raw, headline) and is_post_markup(s, i):
                post = i
            i = s.parent[i]
    if post is None:
        post = _only_post(s, raw, posts, known)
    if (
        post is None
        or any(r <= post < s.end[r] for r in regions)
        or _LAYER.search(s.attr(post))
        or s.inside(post, _LAYER, stop=_PAGE)
    ):
        return None
    return post


def post_around(s: PageScan, headline: int) -> int | None:
    """The post-marked block around the headline, whatever it holds (a post may be
    a picture alone); None outside one, or in a layer the page shows on demand."""
    if not s.body < headline < s.end[s.body]:
        return None
    i = s.parent[headline]
    while i > s.body and not is_post_markup(s, i):
        i = s.parent[i]
    if i <= s.body or _LAYER.search(s.attr(i)) or s.inside(i, _LAYER, stop=_PAGE):
        return None
    return i


def _only_post(s: PageScan, raw: list[int], posts: list[int], known: list[int]) -> int | None:
    """The one outermost block with strong post markup, or with post markup
    around a CMS-named content block (``div.post > div.post-body``), when the
    page has one."""
    outer: list[int] = []
    for i in posts:  # (in page order: one inside another follows it within its range)
        if (not outer or i >= s.end[outer[-1]]) and (
            is_post_markup(s, i, strong=True) or any(i < k < s.end[i] for k in known)
        ):
            outer.append(i)
    if len(outer) == 1 and _holds_post(s, outer[0], raw, -1):
        return outer[0]
    return None


SHORT_POST = 40  # characters of text besides the headline and links: a post without prose


def _holds_post(s: PageScan, i: int, raw: list[int], headline: int) -> bool:
    """Prose in ``i``, at least as much as beside it in its parent; or, where the
    page has no prose about it, the text of a short post (a line under a picture)."""
    if 2 * raw[i] < raw[s.parent[i]]:
        return False
    if raw[i]:
        return True
    text = s.size[i] - s.links[i]
    if i <= headline < s.end[i]:
        text -= s.size[headline] - s.links[headline]
    return text >= SHORT_POST
