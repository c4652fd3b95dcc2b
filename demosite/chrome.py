"""The page chrome every WordPress theme wraps around content: head, masthead,
menus, sidebar widgets and footer.

This is the boilerplate a parser must learn to skip, so it deliberately names
people (recent commenters) and article titles (recent posts) that are not part
of the article on the page.  The parts that do not depend on the page are
rendered once per server.
"""

from __future__ import annotations

from functools import cached_property

from demosite.content import content
from demosite.fmt import attr, esc
from demosite.model import Site

_MENU = [
    "World",
    "Latin America",
    "Politics",
    "Economy",
    "Culture",
    "Opinion",
    "En Español",
    "Русский",
]
_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]  # fmt: skip


class Chrome:
    """Shared page parts for one site served at ``base`` ("http://host:port")."""

    def __init__(self, site: Site, base: str) -> None:
        self.site = site
        self.base = base.rstrip("/")

    def url(self, path: str) -> str:
        return self.base + path

    def head(self, title: str, lang: str, charset: str, extra: str = "") -> str:
        b = self.base
        html_lang = {"en": "en-US", "es": "es-ES", "ru": "ru-RU"}[lang]
        meta_charset = "UTF-8" if charset == "utf-8" else charset
        return (
            f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="{meta_charset}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)} &#8211; {esc(self.site.name)}</title>\n"
            "<meta name='robots' content='max-image-preview:large' />\n"
            "<link rel='dns-prefetch' href='//s.w.org' />\n"
            f'<link rel="alternate" type="application/rss+xml" title="{attr(self.site.name)} &raquo; Feed" href="{b}/feed/" />\n'
            f"<link rel='stylesheet' id='wp-block-library-css' href='{b}/wp-includes/css/dist/block-library/style.min.css?ver=6.4.2' media='all' />\n"
            f"<link rel='stylesheet' id='theme-style-css' href='{b}/wp-content/themes/meridian/style.css?ver=1.4' media='all' />\n"
            f"<script src='{b}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' id='jquery-core-js'></script>\n"
            f'<link rel="https://api.w.org/" href="{b}/wp-json/" />\n'
            '<meta name="generator" content="WordPress 6.4.2" />\n'
            f"{extra}</head>\n"
        )

    @cached_property
    def masthead(self) -> str:
        b = self.base
        items = []
        for name in _MENU:
            cat = self.site.categories[name]
            if not cat.posts:
                continue
            items.append(
                f'<li id="menu-item-{20 + len(items)}" class="menu-item menu-item-type-taxonomy '
                f'menu-item-object-category"><a href="{b}{cat.path}">{esc(name)}</a></li>'
            )
        return (
            '<div id="page" class="site">\n'
            '<a class="skip-link screen-reader-text" href="#content">Skip to content</a>\n'
            '<header id="masthead" class="site-header" role="banner">\n'
            f'<div class="site-branding"><p class="site-title"><a href="{b}/" rel="home">{esc(self.site.name)}</a></p>\n'
            f'<p class="site-description">{esc(self.site.tagline)}</p></div>\n'
            '<nav id="site-navigation" class="main-navigation" aria-label="Top Menu">'
            '<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>\n'
            f'<div class="menu-main-container"><ul id="menu-main" class="menu">{"".join(items)}</ul></div></nav>\n'
            "</header>\n"
            '<div id="content" class="site-content">\n'
            '<div id="primary" class="content-area"><main id="main" class="site-main">\n'
        )

    @cached_property
    def sidebar(self) -> str:
        b, site = self.base, self.site
        recent = "".join(
            f'<li><a href="{b}{p.path}">{esc(p.title)}</a></li>' for p in site.latest(5)
        )
        months = "".join(
            f"<li><a href='{b}/{key}/'>{_MONTHS_EN[int(key[5:]) - 1]} {key[:4]}</a>&nbsp;({len(v)})</li>"
            for key, v in sorted(site.months.items(), reverse=True)
        )
        cats = "".join(
            f'<li class="cat-item cat-item-{i + 2}"><a href="{b}{c.path}">{esc(c.name)}</a> ({len(c.posts)})</li>'
            for i, c in enumerate(sorted(site.categories.values(), key=lambda c: c.name))
            if c.posts
        )
        pick = site.by_id[int(site.redirect_path().split("=")[1])]
        return (
            "</main></div>\n"
            '<aside id="secondary" class="widget-area" role="complementary">\n'
            '<section id="search-2" class="widget widget_search"><form role="search" method="get" '
            f'class="search-form" action="{b}/"><label><span class="screen-reader-text">Search for:</span>'
            '<input type="search" class="search-field" placeholder="Search &hellip;" value="" name="s" /></label>'
            '<input type="submit" class="search-submit" value="Search" /></form></section>\n'
            '<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2>'
            f"<ul>{recent}</ul></section>\n"
            '<section id="recent-comments-2" class="widget widget_recent_comments"><h2 class="widget-title">Recent Comments</h2>'
            f'<ul id="recentcomments">{self._recent_comments()}</ul></section>\n'
            '<section id="text-3" class="widget widget_text"><h2 class="widget-title">Editor&#8217;s Pick</h2>'
            f'<div class="textwidget"><p><a href="{b}{site.redirect_path()}">{esc(pick.title)}</a></p></div></section>\n'
            '<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archives</h2>'
            f"<ul>{months}</ul></section>\n"
            '<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Categories</h2>'
            f"<ul>{cats}</ul></section>\n"
            '<section id="meta-2" class="widget widget_meta"><h2 class="widget-title">Meta</h2><ul>'
            f'<li><a href="{b}/wp-admin/">Site Admin</a></li><li><a href="{b}/wp-login.php">Log in</a></li>'
            f'<li><a href="{b}/feed/">Entries feed</a></li><li><a href="https://wordpress.org/">WordPress.org</a></li>'
            "</ul></section>\n</aside>\n</div><!-- #content -->\n"
        )

    def _recent_comments(self) -> str:
        found = []
        for post in self.site.latest(40):
            if post.n_comments:
                for r in content(self.site, post).comments:
                    if r.kind == "comment":
                        found.append((r.published, r, post))
            if len(found) >= 25:
                break
        found.sort(key=lambda x: x[0], reverse=True)
        out = []
        for _, r, post in found[:5]:
            page = post.comment_page_path(r.page, content(self.site, post).comment_pages)
            who = esc(r.author)
            if r.author_url:
                who = f"<a href='{attr(r.author_url)}' class='url' rel='ugc external nofollow'>{who}</a>"
            out.append(
                f'<li class="recentcomments"><span class="comment-author-link">{who}</span> on '
                f'<a href="{self.base}{page}#comment-{r.id}">{esc(post.title)}</a></li>'
            )
        return "".join(out)

    @cached_property
    def footer(self) -> str:
        b = self.base
        return (
            '<footer id="colophon" class="site-footer" role="contentinfo">\n'
            '<nav class="footer-navigation" aria-label="Footer Menu"><ul class="footer-menu">'
            f'<li><a href="{b}/about/">About us</a></li><li><a href="{b}/contact/">Contact</a></li>'
            f'<li><a href="{b}/privacy-policy/">Privacy Policy</a></li></ul></nav>\n'
            f'<div class="site-info">&copy; 2024 <a href="{b}/">{esc(self.site.name)}</a>. All rights reserved. '
            '<span class="sep"> | </span><a href="https://wordpress.org/" class="imprint">Proudly powered by WordPress</a></div>\n'
            "</footer>\n</div><!-- #page -->\n"
            f"<script src='{b}/wp-includes/js/comment-reply.min.js?ver=6.4.2' id='comment-reply-js' async></script>\n"
            f"<script src='{b}/wp-content/themes/meridian/js/navigation.js?ver=1.4' id='navigation-js'></script>\n"
            "</body>\n</html>\n"
        )

    def page(
        self,
        *,
        title: str,
        lang: str,
        charset: str,
        body_class: str,
        main: str,
        extra_head: str = "",
    ) -> str:
        """A complete HTML document around ``main``."""
        return (
            self.head(title, lang, charset, extra_head)
            + f'<body class="{body_class}">\n'
            + self.masthead
            + main
            + self.sidebar
            + self.footer
        )
