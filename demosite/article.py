"""Single-post pages in the classic and modern theme markups.

The modern theme carries JSON-LD and OpenGraph metadata, the classic theme
none, so a parser cannot lean on metadata alone.  Jetpack-style share buttons
sit *inside* ``div.entry-content`` on the classic theme, as on real sites.
"""

from __future__ import annotations

import json

from demosite import scripted
from demosite.chrome import Chrome
from demosite.comments import L10N, comments_section
from demosite.content import CREDIT_LABELS, Block, Content, content
from demosite.fmt import attr, date_text, esc, iso
from demosite.model import Post

_SHARE = [
    ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u="),
    ("twitter", "X", "https://twitter.com/intent/tweet?url="),
    ("whatsapp", "WhatsApp", "https://api.whatsapp.com/send?text="),
    ("email", "Email", "mailto:?body="),
]


def _upload(base: str, post: Post, name: str) -> str:
    return f"{base}/wp-content/uploads/{post.published:%Y/%m}/{name}"


def _picture(b: Block, base: str, post: Post) -> str:
    """A picture as WordPress prints it: the classic editor's ``wp-caption``
    (caption and credit as one line), the block editor's ``wp-block-image``
    (the credit in a span of its own), a bare ``<img>`` with a credit line."""
    up, n = _upload(base, post, b.src), post.post_id + 1
    label = CREDIT_LABELS[post.lang]
    if b.kind == "image":
        img = f'<img decoding="async" src="{up}" alt="{attr(b.alt)}" width="300" height="200" />'
        if post.theme == "modern":
            credit = (
                f'<figcaption class="wp-element-caption"><span class="photo-credit">{esc(label)} '
                f"{esc(b.credit)}</span></figcaption>"
                if b.credit
                else ""
            )
            return f'<figure class="wp-block-image size-medium">{img}{credit}</figure>'
        credit = f"\n<p><em>{esc(label)} {esc(b.credit)}</em></p>" if b.credit else ""
        return f'<p><img class="alignnone size-medium" {img[5:]}</p>{credit}'
    if post.theme == "modern":
        credit = (
            f' <span class="photo-credit">{esc(label)} {esc(b.credit)}</span>' if b.credit else ""
        )
        return (
            f'<figure class="wp-block-image size-large"><img decoding="async" src="{up}" alt="" '
            f'class="wp-image-{n}" /><figcaption class="wp-element-caption">{esc(b.text)}{credit}'
            "</figcaption></figure>"
        )
    credit = f" {esc(label)} {esc(b.credit)}" if b.credit else ""
    return (
        f'<figure id="attachment_{n}" aria-describedby="caption-attachment-{n}" style="width: 640px" '
        f'class="wp-caption aligncenter"><img decoding="async" src="{up}" alt="" width="640" height="360" '
        f'class="size-large wp-image-{n}" /><figcaption id="caption-attachment-{n}" class="wp-caption-text">'
        f"{esc(b.text)}{credit}</figcaption></figure>"
    )


def _gallery(b: Block, base: str, post: Post) -> str:
    """A gallery: the block editor's nested figures, or the ``[gallery]`` shortcode's."""
    if post.theme == "modern":
        inner = "".join(_picture(item, base, post) for item in b.items)
        return f'<figure class="wp-block-gallery has-nested-images columns-3 is-cropped">{inner}</figure>'
    items = "".join(
        f'<figure class="gallery-item"><div class="gallery-icon landscape"><a href="{_upload(base, post, i.src)}">'
        f'<img width="150" height="150" src="{_upload(base, post, i.src)}" class="attachment-thumbnail" alt="" />'
        f'</a></div><figcaption class="wp-caption-text gallery-caption">{esc(i.text)}</figcaption></figure>'
        for i in b.items
    )
    return (
        f'<div id="gallery-{post.post_id}" class="gallery galleryid-{post.post_id} gallery-columns-3 '
        f'gallery-size-thumbnail">{items}</div>'
    )


def _block(b: Block, base: str, post: Post, c: Content) -> str:
    if b.kind in ("caption", "image"):
        return _picture(b, base, post)
    if b.kind == "gallery":
        return _gallery(b, base, post)
    if b.kind == "h2":
        return f"<h2>{esc(b.text)}</h2>"
    if b.kind == "quote":
        return f"<blockquote><p>{esc(b.text)}</p></blockquote>"
    if b.link_words and post.tags:
        parts = b.text.split(" ")
        head = " ".join(parts[: b.link_words])
        tail = " ".join(parts[b.link_words :])
        return f'<p><a href="{base}{post.tags[0].path}">{esc(head)}</a> {esc(tail)}</p>'
    return f"<p>{esc(b.text)}</p>"


def _byline(post: Post, base: str, modern: bool) -> str:
    t = L10N[post.lang]
    links = [
        f'<span class="author vcard"><a class="url fn n" href="{base}{a.path}" rel="author">{esc(a.name)}</a></span>'
        for a in post.authors
    ]
    joined = links[0] if len(links) == 1 else ", ".join(links[:-1]) + f" {t['and']} " + links[-1]
    src = f" ({esc(post.source)})" if post.source else ""
    sr = '<span class="screen-reader-text">Posted by</span>' if modern else ""
    return f'<span class="byline">{sr}{t["by"]} {joined}{src}</span>'


def _share(url: str) -> str:
    items = "".join(
        f'<li class="share-{k}"><a rel="nofollow noopener noreferrer" class="share-{k} sd-button share-icon" '
        f'href="{p}{attr(url)}" target="_blank" title="Click to share on {n}"><span>{n}</span></a></li>'
        for k, n, p in _SHARE
    )
    return (
        '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social '
        'sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3>'
        f'<div class="sd-content"><ul>{items}</ul></div></div></div>'
    )


def _related(chrome: Chrome, post: Post) -> str:
    ids = [i for i in post.category.posts if i != post.idx]
    if not ids:
        return ""
    pos = post.category.posts.index(post.idx)
    pick = [chrome.site.posts[ids[(pos + k) % len(ids)]] for k in (0, 3, 7)]
    lis = "".join(
        f'<li><a href="{chrome.base}{p.path}" rel="bookmark">{esc(p.title)}</a></li>' for p in pick
    )
    return f'<section class="related-posts"><h3 class="related-title">Related posts</h3><ul>{lis}</ul></section>\n'


def _post_nav(chrome: Chrome, post: Post) -> str:
    posts, b = chrome.site.posts, chrome.base
    parts = []
    if post.idx > 0:
        p = posts[post.idx - 1]
        parts.append(
            f'<div class="nav-previous"><a href="{b}{p.path}" rel="prev">&larr; {esc(p.title)}</a></div>'
        )
    if post.idx + 1 < len(posts):
        p = posts[post.idx + 1]
        parts.append(
            f'<div class="nav-next"><a href="{b}{p.path}" rel="next">{esc(p.title)} &rarr;</a></div>'
        )
    return (
        '<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2>'
        f'<div class="nav-links">{"".join(parts)}</div></nav>\n'
    )


def _terms(chrome: Chrome, post: Post) -> tuple[str, str]:
    b = chrome.base
    cat = f'<a href="{b}{post.category.path}" rel="category tag">{esc(post.category.name)}</a>'
    tags = ", ".join(f'<a href="{b}{t.path}" rel="tag">{esc(t.name)}</a>' for t in post.tags)
    return cat, tags


def _classes(post: Post) -> str:
    tags = " ".join(f"tag-{t.slug}" for t in post.tags)
    return f"post-{post.post_id} post type-post status-publish format-standard hentry category-{post.category.slug} {tags}"


def _head_meta(chrome: Chrome, post: Post, c: Content, canonical: str) -> str:
    short = f"<link rel='shortlink' href='{chrome.base}/?p={post.post_id}' />\n"
    out = f'<link rel="canonical" href="{canonical}" />\n{short}'
    if post.theme == "classic":
        return out
    desc = attr(c.excerpt(30))
    og = [
        '<meta property="og:type" content="article" />',
        f'<meta property="og:title" content="{attr(post.title)}" />',
        f'<meta property="og:url" content="{canonical}" />',
        f'<meta property="og:site_name" content="{attr(chrome.site.name)}" />',
        f'<meta property="og:description" content="{desc}" />',
        f'<meta name="description" content="{desc}" />',
        f'<meta property="article:published_time" content="{iso(post.published)}" />',
        f'<meta property="article:modified_time" content="{iso(post.modified)}" />',
        f'<meta property="article:section" content="{attr(post.category.name)}" />',
    ] + [f'<meta property="article:tag" content="{attr(t.name)}" />' for t in post.tags]
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "headline": post.title,
        "datePublished": iso(post.published),
        "dateModified": iso(post.modified),
        "author": [{"@type": "Person", "name": a.name, "url": chrome.base + a.path} for a in post.authors],
        "publisher": {"@type": "Organization", "name": chrome.site.name,
                      "logo": {"@type": "ImageObject", "url": f"{chrome.base}/wp-content/uploads/logo.png"}},
        "articleSection": post.category.name,
        "keywords": [t.name for t in post.tags],
        "inLanguage": post.lang,
        "commentCount": len(c.comments),
    }  # fmt: skip
    if c.image:
        ld["image"] = f"{chrome.base}/wp-content/uploads/{post.published:%Y/%m}/{c.image}"
    js = json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
    return out + "\n".join(og) + f'\n<script type="application/ld+json">{js}</script>\n'


def render_article(chrome: Chrome, post: Post, page: int | None = None) -> str:
    """The whole single-post page; ``page`` selects the comment page (default:
    the one the article URL shows)."""
    c = content(chrome.site, post)
    page = page or post.default_page(c.comment_pages)
    b = chrome.base
    url = b + post.path
    canonical = b + post.comment_page_path(page, c.comment_pages)
    blocks = "\n".join(_block(x, b, post, c) for x in c.blocks)
    cat, tags = _terms(chrome, post)
    t = L10N[post.lang]
    modern = post.theme == "modern"
    if modern:
        if post.modified != post.published:
            times = (
                f'<time class="entry-date published" datetime="{iso(post.published)}">{date_text(post.published, post.lang)}</time>'
                f'<time class="updated" datetime="{iso(post.modified)}">{date_text(post.modified, post.lang)}</time>'
            )
        else:
            times = f'<time class="entry-date published updated" datetime="{iso(post.published)}">{date_text(post.published, post.lang)}</time>'
        ccount = ""
        if post.comment_status != "off":
            ccount = f' <span class="comment-count"><a href="{url}#comments">{len(c.comments)} Comments</a></span>'
        main = (
            f'<article id="post-{post.post_id}" class="{_classes(post)} entry">\n<header class="entry-header">\n'
            f'<h1 class="entry-title">{esc(post.title)}</h1>\n<div class="entry-meta">{_byline(post, b, True)} '
            f'<span class="posted-on"><a href="{url}" rel="bookmark">{times}</a></span>{ccount}</div>\n</header>\n'
            f'<div class="entry-content">\n{blocks}\n</div><!-- .entry-content -->\n'
            f'<footer class="entry-footer"><span class="cat-links">{t["posted_in"]} {cat}</span> '
            + (f'<span class="tags-links">{t["tagged"]} {tags}</span>' if tags else "")
            + "</footer>\n</article>\n"
            + _share(url).replace("sharedaddy", "share-buttons sharedaddy", 1)
            + "\n"
            + _post_nav(chrome, post)
            + _related(chrome, post)
        )
    else:
        if post.date_style == "time":
            when = f'<time class="entry-date" datetime="{iso(post.published)}">{date_text(post.published, post.lang)}</time>'
        else:
            when = f'<span class="entry-date">{date_text(post.published, post.lang)}</span>'
        tagged = f" and tagged {tags}" if tags else ""
        main = (
            f'<div id="post-{post.post_id}" class="{_classes(post)}">\n'
            f'<h1 class="entry-title">{esc(post.title)}</h1>\n'
            f'<div class="entry-meta">{_byline(post, b, False)} <span class="meta-sep">|</span> '
            f'<span class="posted-on"><a href="{url}" title="{attr(post.title)}" rel="bookmark">{when}</a></span></div><!-- .entry-meta -->\n'
            f'<div class="entry-content">\n{blocks}\n{_share(url)}\n</div><!-- .entry-content -->\n'
            f'<div class="entry-utility">This entry was posted in {cat}{tagged}. <span class="meta-sep">|</span> '
            f'<a href="{url}" rel="bookmark">Bookmark the permalink</a>.</div><!-- .entry-utility -->\n'
            "</div><!-- #post-## -->\n" + _related(chrome, post) + _post_nav(chrome, post)
        )
    if post.embed in scripted.KINDS or post.embed in scripted.TRAPS:
        main += scripted.section(chrome.site, b, post, c)
    else:
        main += comments_section(b, post, c, page)
    body_class = (
        f"post-template-default single single-post postid-{post.post_id} single-format-standard "
        f"theme-{post.theme} lang-{post.lang}"
    )
    return chrome.page(
        title=post.title,
        lang=post.lang,
        charset=post.charset,
        body_class=body_class,
        main=main,
        extra_head=_head_meta(chrome, post, c, canonical),
    )
