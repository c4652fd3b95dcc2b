"""The hostile site's good pages: article HTML and the comments meant to break things.

Every good article here must end up in the archive exactly once, with its
title and comment texts as :data:`GOOD` states them (the ground truth).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

WALL = "word " * 20_000  # a 100 KB comment
RTL = "\u202eمرحبا بالعالم\u200b zero\u200dwidth\u200c"


@dataclass(frozen=True)
class Comment:
    author: str
    html: str  # as the page serves it, inside div.comment-content
    text: str  # what the archive must hold as the comment's text


@dataclass(frozen=True)
class Good:
    path: str
    title: str
    comments: tuple[Comment, ...] = ()
    canonical: str | None = None  # path of rel=canonical, if the page has one
    charset: str = "utf-8"  # how the body is encoded
    header_charset: str | None = "utf-8"  # charset in Content-Type (None: absent)
    meta_charset: str | None = "utf-8"  # <meta charset> (None: absent)
    also_at: tuple[str, ...] = field(default=())  # other URLs (relative) serving it
    # a WordPress post (id BROKEN_POST) whose comment page 2 and REST API answer 500
    broken_thread: bool = False


BROKEN_POST = "4242"


HOSTILE_COMMENTS = (
    Comment(
        "Mallory",
        "<p>" + escape("<script>alert('x')</script>") + "</p>",
        "<script>alert('x')</script>",
    ),
    Comment(
        "Eve",
        '<p><b>bold</b> <script>steal()</script><a href="javascript:alert(1)" onclick="x()">'
        'click</a> <img src="x.gif" onerror="boom()"><style>p{color:red}</style>'
        '<iframe src="http://evil.example/"></iframe> end</p>',
        "bold click end",
    ),
    Comment(
        "Formula",
        "<p>" + escape('=HYPERLINK("http://evil.example","click")') + "</p>",
        '=HYPERLINK("http://evil.example","click")',
    ),
    Comment("Wall", f"<p>{WALL}</p>", WALL.strip()),
    Comment("نور", f"<p>{RTL}</p>", RTL.replace("\u200b", "")),  # ZWSP is dropped as invisible
)

ODD = "/h/odd/café-crème/"
GOOD = (
    Good("/h/good/comments-under-attack/", "Comments under attack", HOSTILE_COMMENTS),
    Good(ODD, "Café crème and odd URLs"),
    Good(
        "/h/dup/original/",
        "One story, two addresses",
        canonical="/h/dup/original/",
        also_at=("/h/dup/copy/",),
    ),
    Good("/h/rate-limited/", "Patience pays off"),
    Good("/h/good/end-of-chain/", "At the end of a redirect chain"),
    Good(
        "/h/charset/wrong-header/",
        "Señal equivocada: the header lies",
        charset="utf-8",
        header_charset="iso-8859-1",
        meta_charset=None,
    ),
    Good(
        "/h/charset/missing/",
        "Niño sin charset: none declared",
        header_charset=None,
        meta_charset=None,
    ),
    Good(
        "/h/charset/contradictory/",
        "Contradicción: header and meta disagree",
        charset="windows-1252",
        header_charset="windows-1252",
        meta_charset="utf-8",
    ),
    Good("/h/charset/invalid-utf8/", "Inválido: stray bytes in UTF-8"),
    Good(
        "/h/thread/broken/",
        "A thread half served",
        (Comment("Ana", "<p>First page, first comment.</p>", "First page, first comment."),),
        broken_thread=True,
    ),
)
# The URL variants of the odd article: fragments, tracking parameters, escapes.
ODD_VARIANTS = (
    "/h/odd/caf%C3%A9-cr%C3%A8me/?utm_source=news&utm_medium=email#comments",
    "/h/odd/café-crème/?fbclid=IwAR0xyz",
    "/h/odd/caf%c3%a9-cr%c3%a8me/#top",
    "/h/odd/caf%C3%A9-cr%C3%A8me/?gclid=abc&utm_campaign=x",
    "/h/odd/caf%C3%A9%2Dcr%C3%A8me/",
)


def article_html(good: Good, base: str) -> str:
    """A WordPress-like single post page (html5 comment markup)."""
    title = escape(good.title)
    canonical = (
        f'<link rel="canonical" href="{base}{good.canonical.lstrip("/")}">'
        if good.canonical
        else ""
    )
    meta = f'<meta charset="{good.meta_charset}">' if good.meta_charset else ""
    post_class = ""
    if good.broken_thread:  # the WordPress REST API is advertised (and broken)
        meta += f'<link rel="https://api.w.org/" href="{base}h/api/">'
        post_class = f" postid-{BROKEN_POST}"
    paras = "".join(
        f"<p>{escape(good.title)}: paragraph {n} of a plain article, written to be archived "
        f"once and exactly as served, whatever the site around it does.</p>"
        for n in (1, 2, 3)
    )
    return (
        f'<!DOCTYPE html><html lang="en-US"><head>{meta}<title>{title} – Hostile News</title>'
        f'{canonical}</head><body class="single single-post{post_class}"><main id="main">'
        f'<article class="post type-post status-publish hentry"><header class="entry-header">'
        f'<h1 class="entry-title">{title}</h1><div class="entry-meta"><time class="entry-date '
        f'published" datetime="2026-11-20T08:00:00+00:00">November 20, 2026</time> <span '
        f'class="byline">by <span class="author vcard"><a class="url fn n" '
        f'href="/author/ana/">Ana Pérez</a></span></span></div></header>'
        f'<div class="entry-content">{paras}</div></article>{_comments(good)}</main></body></html>'
    )


def _comments(good: Good) -> str:
    if not good.comments:
        return ""
    items = "".join(
        f'<li class="comment depth-1" id="comment-{i}"><article id="div-comment-{i}" '
        f'class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">'
        f'<b class="fn">{escape(c.author)}</b> <span class="says">says:</span></div>'
        f'<div class="comment-metadata"><a href="#comment-{i}"><time datetime="2026-11-2{i}'
        f'T10:00:00+00:00">November 2{i}, 2026 at 10:00 am</time></a></div></footer>'
        f'<div class="comment-content">{c.html}</div></article></li>'
        for i, c in enumerate(good.comments, 1)
    )
    nav = ""
    if good.broken_thread:  # page 2 of the comments: a 500
        nav = (
            '<nav class="navigation comment-navigation" aria-label="Comments"><div '
            f'class="nav-links"><div class="nav-next"><a href="{good.path}comment-page-2/'
            '#comments">Newer Comments &rarr;</a></div></div></nav>'
        )
    return (
        f'<div id="comments" class="comments-area"><h2 class="comments-title">'
        f"{len(good.comments)} thoughts on &ldquo;{escape(good.title)}&rdquo;</h2>"
        f'<ol class="comment-list">{items}</ol>{nav}</div>'
    )


def article_bytes(good: Good, base: str) -> bytes:
    data = article_html(good, base).encode(good.charset)
    if good.path.endswith("invalid-utf8/"):  # bytes no UTF-8 decoder accepts, in the body
        data = data.replace(b"paragraph 2", b"paragraph \xff\xfe\xc3 2", 1)
    return data


def hub_html(links: list[str]) -> str:
    """The listing that links every hostile case."""
    items = "".join(f'<li><a href="{escape(href)}">{escape(href)}</a></li>' for href in links)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Hostile cases'
        f"</title></head><body><h1>Hostile cases</h1><ul>{items}</ul></body></html>"
    )


def listing_html(title: str, links: list[str]) -> str:
    return hub_html(links).replace("Hostile cases", escape(title))
