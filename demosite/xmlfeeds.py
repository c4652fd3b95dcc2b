"""robots.txt, the RSS 2.0 feed and Yoast-style sitemaps.

These are how crawlers discover articles on real WordPress sites, so they
follow the real formats: ``slash:comments`` and ``dc:creator`` in the feed, a
sitemap index pointing at post sitemaps of at most 1000 URLs.
"""

from __future__ import annotations

from email.utils import format_datetime
from xml.sax.saxutils import escape

from demosite.chrome import Chrome
from demosite.content import content
from demosite.model import Site

SITEMAP_SIZE = 1000
STATIC_PAGES = [
    ("/about/", "About us"),
    ("/contact/", "Contact"),
    ("/privacy-policy/", "Privacy Policy"),
]


def robots(chrome: Chrome) -> str:
    """WordPress's virtual robots.txt plus the sitemap line Yoast adds."""
    return (
        "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
        f"Sitemap: {chrome.base}/sitemap.xml\n"
    )


def feed(chrome: Chrome) -> str:
    """RSS 2.0 with the latest 20 posts."""
    site, b = chrome.site, chrome.base
    items = []
    for p in site.latest(20):
        c = content(site, p)
        cats = "".join(
            f"<category><![CDATA[{x}]]></category>"
            for x in [p.category.name] + [t.name for t in p.tags]
        )
        creators = "".join(f"<dc:creator><![CDATA[{a.name}]]></dc:creator>" for a in p.authors)
        n = len(c.comments)
        items.append(
            f"<item>\n<title>{escape(p.title)}</title>\n<link>{b}{p.path}</link>\n"
            + (f"<comments>{b}{p.path}#comments</comments>\n" if p.comment_status != "off" else "")
            + f"{creators}\n<pubDate>{format_datetime(p.published)}</pubDate>\n{cats}\n"
            f'<guid isPermaLink="false">{b}/?p={p.post_id}</guid>\n'
            f"<description><![CDATA[{c.excerpt()}]]></description>\n"
            + (f"<slash:comments>{n}</slash:comments>\n" if p.comment_status != "off" else "")
            + "</item>"
        )
    last = max((p.modified for p in site.posts), default=None)  # edits move it
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"\n'
        '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
        '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
        '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '\txmlns:atom="http://www.w3.org/2005/Atom"\n'
        '\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"\n'
        '\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"\n>\n<channel>\n'
        f"<title>{escape(site.name)}</title>\n"
        f'<atom:link href="{b}/feed/" rel="self" type="application/rss+xml" />\n'
        f"<link>{b}</link>\n<description>{escape(site.tagline)}</description>\n"
        f"<lastBuildDate>{format_datetime(last) if last else ''}</lastBuildDate>\n"
        "<language>en-US</language>\n<sy:updatePeriod>hourly</sy:updatePeriod>\n"
        "<sy:updateFrequency>1</sy:updateFrequency>\n<generator>https://wordpress.org/?v=6.4.2</generator>\n"
        + "\n".join(items)
        + "\n</channel>\n</rss>\n"
    )


def sitemap_paths(site: Site) -> list[str]:
    """The index first, then the post, page and category sitemaps."""
    n = max(1, -(-len(site.posts) // SITEMAP_SIZE))
    posts = ["/post-sitemap.xml"] + [f"/post-sitemap{k}.xml" for k in range(2, n + 1)]
    return ["/sitemap.xml", *posts, "/page-sitemap.xml", "/category-sitemap.xml"]


_URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
    'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
    'http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" '
    'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)


def sitemap(chrome: Chrome, path: str) -> str | None:
    """The sitemap at ``path`` or None when there is no such sitemap."""
    site, b = chrome.site, chrome.base
    paths = sitemap_paths(site)
    if path not in paths:
        return None
    if path == "/sitemap.xml":
        newest = max(p.modified for p in site.posts).isoformat() if site.posts else ""
        entries = "".join(
            f"\t<sitemap>\n\t\t<loc>{b}{p}</loc>\n\t\t<lastmod>{newest}</lastmod>\n\t</sitemap>\n"
            for p in paths[1:]
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n'
        )
    if path == "/page-sitemap.xml":
        rows = [f"\t<url>\n\t\t<loc>{b}/</loc>\n\t</url>\n"]
        rows += [
            f"\t<url>\n\t\t<loc>{b}{p}</loc>\n\t\t<lastmod>2019-01-02T09:00:00-05:00</lastmod>\n\t</url>\n"
            for p, _ in STATIC_PAGES
        ]
        return _URLSET + "".join(rows) + "</urlset>\n"
    if path == "/category-sitemap.xml":
        rows = [
            f"\t<url>\n\t\t<loc>{b}{c.path}</loc>\n\t\t<lastmod>{site.posts[c.posts[-1]].modified.isoformat()}</lastmod>\n\t</url>\n"
            for c in site.categories.values()
            if c.posts
        ]
        return _URLSET + "".join(rows) + "</urlset>\n"
    k = paths.index(path) - 1  # post sitemap number, 0-based
    chunk = site.posts[k * SITEMAP_SIZE : (k + 1) * SITEMAP_SIZE]
    rows = [
        f"\t<url>\n\t\t<loc>{b}{p.path}</loc>\n\t\t<lastmod>{p.modified.isoformat()}</lastmod>\n\t</url>\n"
        for p in chunk
    ]
    return _URLSET + "".join(rows) + "</urlset>\n"
