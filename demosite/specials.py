"""The edge cases every crawl of the demo site must meet, pinned on posts.

Each special is a named variant of an ordinary English UTF-8 post: long
threads split over comment pages (oldest or newest page first, path or
``?cpage=`` links), comments off, an open thread with no comments, pingbacks,
an old-permalink redirect, a Disqus embed instead of WordPress comments, and a
"Comments" heading over an empty thread.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from demosite.model import Post, Site

WANTED = (
    "long-classic",
    "long-modern",
    "off",
    "zero-open",
    "ping-1",
    "ping-2",
    "redirect",
    "long-newest",
    "long-cpage",
    "disqus",
    "heading-empty",
)
LONG = 110  # entries of a long thread: three comment pages of 50 top-level threads


def _long(post: Post, name: str) -> None:
    post.comment_status, post.n_comments = "open", LONG
    if name in ("long-classic", "long-modern"):
        post.theme = name.removeprefix("long-")
    elif name == "long-newest":  # modern, newest page first, REST API on
        post.theme, post.comment_order = "modern", "newest"
    else:  # long-cpage: classic, newest page first, ?cpage=N links, no REST API
        post.theme, post.comment_order, post.page_links = "classic", "newest", "query"


def _apply(post: Post, name: str) -> None:
    if name.startswith("long"):
        _long(post, name)
    elif name == "off":
        post.comment_status, post.n_comments = "off", 0
    elif name == "zero-open":
        post.comment_status, post.n_comments = "open", 0
    elif name.startswith("ping"):
        post.n_comments, post.n_pings = max(post.n_comments, 4) + 2, 2
        if post.comment_status == "off":
            post.comment_status = "open"
    elif name == "disqus":  # WordPress comments off, the Disqus plugin's holder instead
        post.theme, post.comment_status, post.n_comments, post.embed = "classic", "off", 0, "disqus"
    elif name == "heading-empty":
        post.theme, post.comment_status, post.n_comments = "modern", "open", 0


def assign_specials(site: Site, rng: random.Random) -> None:
    """Pin the specials on a sample of English posts, then renumber comment ids."""
    pool = [p for p in site.posts if p.special is None and p.lang == "en"]
    for name, post in zip(WANTED, rng.sample(pool, min(len(pool), len(WANTED))), strict=False):
        post.special = name
        site.specials[name] = post
        _apply(post, name)
    if site.scripted:  # a generator of its own: the plain site's choices stay as they are
        from demosite.scripted import assign_scripted

        assign_scripted(site, random.Random(f"demosite:{site.seed}:scripted"))
    # Comment ids must not overlap after the counts changed above.
    cid = 100
    for post in site.posts:
        post.comment_id_base = cid
        cid += post.n_comments + 1 + post.idx % 5
