"""Archive pages: home, category, tag, author and month listings, 10 posts a page.

The number of pages grows with the number of posts, so a crawler has to walk
real pagination (``/page/2/`` ...) to discover everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from demosite.chrome import Chrome
from demosite.content import content
from demosite.fmt import date_text, esc, iso
from demosite.model import PER_PAGE, Site

_PAGED = re.compile(r"^(?P<root>/|/.+?/)(?:page/(?P<n>\d+)/)?$")
_MONTH = re.compile(r"^/(\d{4})/(\d{2})/$")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]  # fmt: skip


@dataclass(slots=True)
class Archive:
    root: str  # "/" or "/category/world/"
    heading: str  # "" on the home page
    posts: list[int]  # oldest first
    charset: str = "utf-8"
    lang: str = "en"
    body_class: str = "home blog"

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.posts) // PER_PAGE))

    def page_path(self, n: int) -> str:
        return self.root if n == 1 else f"{self.root}page/{n}/"


def archives(site: Site) -> dict[str, Archive]:
    """Every archive root, keyed by path (built once per site)."""
    cached = getattr(site, "_archives", None)
    if cached is not None:
        return cached
    out = {"/": Archive("/", "", list(range(len(site.posts))))}
    for c in site.categories.values():
        if c.posts:
            out[c.path] = Archive(c.path, f"Category: <span>{esc(c.name)}</span>", c.posts, c.charset, c.lang,
                                  f"archive category category-{c.slug}")  # fmt: skip
    for t in site.tags.values():
        out[t.path] = Archive(t.path, f"Tag: <span>{esc(t.name)}</span>", t.posts, "utf-8", t.lang,
                              f"archive tag tag-{t.slug}")  # fmt: skip
    for a in site.authors.values():
        out[a.path] = Archive(a.path, f'Author: <span class="vcard">{esc(a.name)}</span>', a.posts, "utf-8",
                              a.lang, f"archive author author-{a.slug}")  # fmt: skip
    for key, ids in site.months.items():
        label = f"{_MONTHS[int(key[5:]) - 1]} {key[:4]}"
        out[f"/{key}/"] = Archive(
            f"/{key}/", f"Month: <span>{label}</span>", ids, body_class="archive date"
        )
    site._archives = out  # type: ignore[attr-defined]
    return out


def resolve(site: Site, path: str) -> tuple[Archive, int] | None:
    """(archive, page number) for a listing path, or None."""
    m = _PAGED.match(path)
    if not m:
        return None
    arc = archives(site).get(m.group("root"))
    if arc is None:
        return None
    return arc, int(m.group("n") or 1)


def listing_paths(site: Site) -> list[str]:
    """All listing URLs (paths), every page of every archive."""
    return [a.page_path(n) for a in archives(site).values() for n in range(1, a.pages + 1)]


def _pagination(chrome: Chrome, arc: Archive, cur: int) -> str:
    total = arc.pages
    if total < 2:
        return ""
    b = chrome.base
    out = []
    if cur > 1:
        out.append(
            f'<a class="prev page-numbers" href="{b}{arc.page_path(cur - 1)}">&laquo; Previous</a>'
        )
    dots = False
    for n in range(1, total + 1):
        if n == cur:
            out.append(f'<span aria-current="page" class="page-numbers current">{n}</span>')
            dots = False
        elif n <= 1 or n > total - 1 or abs(n - cur) <= 2:
            out.append(f'<a class="page-numbers" href="{b}{arc.page_path(n)}">{n}</a>')
            dots = False
        elif not dots:
            out.append('<span class="page-numbers dots">&hellip;</span>')
            dots = True
    if cur < total:
        out.append(
            f'<a class="next page-numbers" href="{b}{arc.page_path(cur + 1)}">Next &raquo;</a>'
        )
    return (
        '<nav class="navigation pagination" aria-label="Posts"><h2 class="screen-reader-text">Posts navigation</h2>'
        f'<div class="nav-links">{"".join(out)}</div></nav>\n'
    )


def render_listing(chrome: Chrome, arc: Archive, page: int) -> str:
    """One page of an archive, newest first, with excerpts."""
    site, b = chrome.site, chrome.base
    ids = arc.posts[::-1][(page - 1) * PER_PAGE : page * PER_PAGE]
    items = []
    for i in ids:
        p = site.posts[i]
        c = content(site, p)
        by = " and ".join(
            f'<span class="author vcard"><a class="url fn n" href="{b}{a.path}">{esc(a.name)}</a></span>'
            for a in p.authors
        )
        n = len(c.comments)
        if p.comment_status == "off":
            cl = '<span class="comments-link">Comments Off</span>'
        else:
            label = "Leave a comment" if n == 0 else ("1 Comment" if n == 1 else f"{n} Comments")
            cl = f'<span class="comments-link"><a href="{b}{p.path}#{"respond" if n == 0 else "comments"}">{label}</a></span>'
        items.append(
            f'<article id="post-{p.post_id}" class="post-{p.post_id} post type-post status-publish format-standard hentry '
            f'category-{p.category.slug}">\n<header class="entry-header"><h2 class="entry-title"><a href="{b}{p.path}" '
            f'rel="bookmark">{esc(p.title)}</a></h2>\n<div class="entry-meta"><span class="byline">By {by}</span> '
            f'<span class="posted-on"><a href="{b}{p.path}" rel="bookmark"><time class="entry-date published" '
            f'datetime="{iso(p.published)}">{date_text(p.published, p.lang)}</time></a></span></div></header>\n'
            f'<div class="entry-summary"><p>{esc(c.excerpt())}</p></div>\n'
            f'<footer class="entry-footer"><span class="cat-links"><a href="{b}{p.category.path}" rel="category tag">'
            f"{esc(p.category.name)}</a></span> {cl}</footer>\n</article>\n"
        )
    head = (
        f'<header class="page-header"><h1 class="page-title">{arc.heading}</h1></header>\n'
        if arc.heading
        else ""
    )
    title = unescape(re.sub(r"<[^>]+>", "", arc.heading)) or chrome.site.tagline
    if page > 1:
        title += f" – Page {page}"
    body_class = arc.body_class + (f" paged paged-{page}" if page > 1 else "")
    return chrome.page(title=title, lang=arc.lang, charset=arc.charset, body_class=body_class,
                       main=head + "".join(items) + _pagination(chrome, arc, page))  # fmt: skip
