"""The ground truth: what a perfect archiver extracts from the demo site.

Paths (not URLs) throughout, because the port changes from run to run.
Dates are given exactly as the page states them: an offset when the theme
prints ``<time datetime>``, a naive time when it prints only words, a bare
date when it prints only a date.
"""

from __future__ import annotations

from typing import Any

from demosite import listings, scripted, xmlfeeds
from demosite.comments import disqus_thread_id
from demosite.content import Content, content
from demosite.fmt import iso, naive_iso
from demosite.model import Post, Site


def article_truth(site: Site, post: Post) -> dict[str, Any]:
    """One article's record (see ``Site.ground_truth``)."""
    c = content(site, post)
    classic = post.theme == "classic"
    if classic and post.date_style == "text":
        published = post.published.date().isoformat()
    else:
        published = iso(post.published)
    modified = None if classic else iso(post.modified)
    comments = []
    for pos, r in enumerate(c.comments):
        when = None
        if r.kind == "comment":
            when = naive_iso(r.published) if classic else iso(r.published)
        comments.append(
            {
                "id": str(r.id),
                "parent_id": str(r.parent) if r.parent is not None else None,
                "author": r.author,
                "author_url": r.author_url,
                "published": when,
                "text": r.text,
                "depth": r.depth,
                "position": pos,
                "kind": r.kind,
            }
        )
    off = post.comment_status == "off"
    return {
        "url": post.path,
        "post_id": str(post.post_id),
        "title": post.title,
        "authors": [a.name for a in post.authors],
        "author_urls": [a.path for a in post.authors],
        "source": post.source,
        "published": published,
        "modified": modified,
        "section": post.category.name,
        "tags": [t.name for t in post.tags],
        "language": post.lang,
        "charset": post.charset,
        "theme": post.theme,
        "body": c.body,
        "media": _media(post, c),
        "comments_declared": _declared(post, len(c.comments)),
        "comments_open": None if off else post.comment_status == "open",
        "comment_pages": _pages(post, c.comment_pages),
        "comment_order": post.comment_order,
        "comments_system": _system(post, comments),
        "comments_thread_id": _thread_id(post),
        "rest_api": post.rest_api,
        "comments": comments,
        "special": post.special,
    }


def _media(post: Post, c: Content) -> list[dict[str, Any]]:
    """The pictures of the text in page order: caption and credit apart, as a
    perfect archiver stores them (paths, not URLs)."""
    folder = f"/wp-content/uploads/{post.published:%Y/%m}/"
    return [
        {
            "url": folder + b.src,
            "caption": b.text or None,
            "credit": b.credit or None,
            "alt": b.alt or None,
            "kind": "image",
            "position": k,
        }
        for k, b in enumerate(c.pictures())
    ]


def _thread_id(post: Post) -> str | None:
    if post.embed == "disqus":
        return disqus_thread_id(post)
    if post.embed in ("parley", "chorus"):
        return scripted.thread_id(post)
    return None


def _pages(post: Post, pages: int) -> list[str]:
    """Paths of the comment pages, the one the article URL shows first."""
    first = post.default_page(pages)
    return [post.path] + [
        post.comment_page_path(n, pages) for n in range(1, pages + 1) if n != first
    ]


def _system(post: Post, comments: list) -> str | None:
    """The thread's system: the embed, else WordPress when it shows comments."""
    if post.embed in scripted.SYSTEMS:
        return scripted.SYSTEMS[post.embed]
    if post.embed in scripted.TRAPS:
        return None
    if post.embed:
        return post.embed
    return "wordpress" if comments else None


def _declared(post: Post, n: int) -> int | None:
    """The count the page states: the comments heading when there are comments,
    and always the JSON-LD ``commentCount`` on the modern theme."""
    if post.theme == "modern":
        return n
    return n if n and post.comment_status != "off" else None


def ground_truth(site: Site) -> dict[str, Any]:
    """All articles (oldest first) and the site's notable URLs."""
    redirect = site.redirect_path()
    target = site.by_id[int(redirect.split("=")[1])].path
    out = {
        "site": {"name": site.name, "articles": len(site.posts), "seed": site.seed},
        "articles": [article_truth(site, p) for p in site.posts],
        "urls": {
            "home": "/",
            "feed": "/feed/",
            "robots": "/robots.txt",
            "sitemap_index": "/sitemap.xml",
            "sitemaps": xmlfeeds.sitemap_paths(site),
            "disallowed": "/wp-admin/",
            "disallowed_linked": "/wp-admin/",
            "redirects": {redirect: target},
            "listings": listings.listing_paths(site),
            "not_found_example": "/this-page-does-not-exist/",
            "ignored_query_params": ["replytocom"],
        },
    }
    if site.scripted:
        out["scripted"] = scripted.truth(site)
    return out
