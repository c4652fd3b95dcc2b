"""The bare headline of an article page.

The visible ``<h1>`` is the headline as the reader sees it, but pages often
have several (site logo, widgets); the metadata titles (JSON-LD headline,
og:title, ``<title>``) name the article but usually carry a " | Site" suffix.
So a heading wins when the metadata agrees with it, and metadata titles are
used, with the site name cut off, when no heading does.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from lxml import etree

from scrapers.parsers.document.headline import loose
from scrapers.parsers.document.metadata import Metadata, ld_text
from scrapers.parsers.document.scan import PageScan, scan_page
from scrapers.parsers.document.select import select_first
from scrapers.parsers.document.text import inline_text
from scrapers.parsers.title.printed import printed_part
from scrapers.parsers.title.site_name import extends, strip_site_name


def meta_titles(md: Metadata, tag_title: str) -> list[str]:
    """Article titles stated by the metadata (and ``<title>``), most specific first."""
    out = []
    stated = [v for name in _STATED for v in md.meta.get(name, ())]  # (all of them: pages
    for value in (ld_text(md.ld("headline")), *stated, tag_title):  # repeat tags)
        value = decoded(value.strip()) if value else value
        if value and value not in out:
            out.append(value)
    return out


_ENTITY = re.compile(r"&(?:#\d{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")


def decoded(text: str) -> str:
    """A title with its character references read: JSON-LD is not HTML, yet
    generators write "Tom &amp; Jerry" and "&#8217;" into it, and themes
    escape a title twice in ``<meta>`` ("&amp;#038;")."""
    return html.unescape(text) if "&" in text and _ENTITY.search(text) else text


_STATED = ("og:title", "twitter:title", "dc.title", "title", "sailthru.title")


# Class words of a site's logo or name; not in WordPress's taxonomy classes
# ("category-personal-branding", "tag-logo-design" on a post's wrapper).
_BRANDING = re.compile(
    r"(?:^|\s)(?!(?:category|tag|author|topic|format)-)\S*"
    r"(?:logo|brand|site-title|site-name|sitename|blog-title|masthead)"
)
_HEADLINE_SCOPES = frozenset(["body", "article", "main"])
# A breadcrumb's last item set as the page's <h1> (for search engines): the
# page's name in the site's tree, not the headline the article prints.
_BREADCRUMB = re.compile(r"breadcrumb|crumbs|pathway")


def _agrees(h: str, titles: list[str]) -> bool:
    """Heading and titles already normalised with :func:`loose`.

    A heading of one word that a title only contains ("Archiv" in "Site »
    Blog Archiv » Headline", a section's name) does not agree with it."""
    if not h:
        return False
    if " " not in h:
        return any(h == t or t.startswith(h + " ") for t in titles)
    return any(h == t or h in t for t in titles)


def _ending_heading(
    headings: list[tuple[str, str]], stated: list[tuple[str, str]], first: set[str]
) -> str | None:
    """A stated title that a heading ends with: the heading prints a kicker
    before it ("Press release of the Health Office: Vaccination ..."), or
    extends it ("... capacity in Tennessee" beside "... capacity"; only the
    most specific title, ``first`` (loosely, with and without the site's
    name)).  ``headings`` and ``stated`` are (text, :func:`loose` text) pairs,
    each stated title followed by its guess without the site's name (which
    only counts after a separator in the heading).
    """
    for heading, h in headings:
        for k, (title, t) in enumerate(stated):
            if not t or not h.endswith(" " + t):
                continue
            if _kicker_before(heading, title) or (k % 2 == 0 and t.count(" ") >= 2):
                return title  # (after a separator; else three words as stated)
        for _, t in stated:
            if t in first and t.count(" ") >= 2 and h.startswith(t + " "):
                return heading  # (the fuller headline: what the page shows)
    return None


_SEPARATOR_ENDS = (":", "|", "–", "—", "-", "»", "/", "·")


def _kicker_before(whole: str, tail: str) -> bool:
    """``whole`` is a kicker, a separator and ``tail`` ("Energy: Pioneers?")."""
    whole, tail = " ".join(whole.split()).casefold(), " ".join(tail.split()).casefold()
    head = whole[: len(whole) - len(tail)].rstrip()
    return len(whole) > len(tail) and whole.endswith(tail) and head.endswith(_SEPARATOR_ENDS)


def _fuller_h1(
    s: PageScan,
    keyed: list[tuple[str, str]],
    headings: list[tuple[str, int]],
    first: set[str],
    agreeing: int,
) -> str | None:
    """An ``<h1>`` that extends the most specific stated title (``first``,
    loosely), other than the one holding the agreeing heading ``agreeing``."""
    for (text, h), (_, i) in zip(keyed, headings, strict=True):
        if s.tags[i] != "h1" or i <= agreeing < s.end[i]:
            continue
        if any(f.count(" ") >= 2 and h.startswith(f + " ") for f in first):
            return text
    return None


def _closest(headings: list[tuple[str, str]], titles: list[str]) -> str | None:
    """Of several headings ((text, :func:`loose` text) pairs), the one that
    shares most of its words with a metadata title (reworded for search: "with
    the new X 10-in-1" against the heading's "X – ... with the 10-in-1"), when
    it shares at least 70%."""
    best, best_share = None, 0.7
    for heading, h in headings:
        words = set(h.split())
        if len(words) < 3:
            continue
        for t in titles:
            share = len(words & set(t.split())) / len(words)
            if share >= best_share:
                best, best_share = heading, share
    return best


def _is_branding(s: PageScan, i: int, text: str, site: str | list[str] | None) -> bool:
    """Site logos and blog names set as headings (``site``: the site's names)."""
    names = [site] if isinstance(site, str) else site or []
    if any(loose(text) == loose(n) for n in names):
        return True
    if _links_home(s.nodes[i], text):
        return True
    own = s.attr(i)
    if s.tags[i] in _HEADLINE_SCOPES or _HEADLINE_MARK.search(own):
        return False  # (an entry's title or headline is the article's)
    return bool(own and _BRANDING.search(own)) or s.inside(i, _BRANDING, stop=_HEADLINE_SCOPES)


_ARTICLE_SCOPES = frozenset(["article", "main"])
_HEADLINE_MARK = re.compile(r"entry-title|headline")


def _the_article_s(s: PageScan, i: int) -> bool:
    """The heading is marked as the article's (``entry-title``, ``itemprop=
    "headline"``), or stands in its ``<article>`` or ``<main>``."""
    if _HEADLINE_MARK.search(s.attr(i)):
        return True
    p = s.parent[i]
    while p >= 0 and s.tags[p] not in _ARTICLE_SCOPES:
        p = s.parent[p]
    return p >= 0


def _links_home(heading: etree._Element, text: str) -> bool:
    """A heading that is a link to the site's home page is the site's name."""
    for a in heading.iter("a"):
        href = (a.get("href") or "").strip()
        if href and inline_text(a) == text:
            try:
                parts = urlsplit(href)
                if m := _WAYBACK.match(parts.path):  # an archived copy's link to the archived home
                    parts = urlsplit(m.group(1) + ("?" + parts.query if parts.query else ""))
            except ValueError:
                return False
            return parts.path in ("", "/") and not parts.query and not parts.fragment
    return False


# The Wayback Machine's links: /web/TIMESTAMP[flags]/ORIGINAL-URL.
_WAYBACK = re.compile(r"/web/\d{4,14}(?:[a-z]{2}_)?/(.*)")


def extract_title(
    doc: etree._Element,
    md: Metadata,
    *,
    selector: str | None = None,
    site_name: str | None = None,
    scan: PageScan | None = None,
    url: str | None = None,
) -> str | None:
    """The bare headline; None when the page states none."""
    if selector and (el := select_first(doc, selector)) is not None and inline_text(el):
        return inline_text(el)
    title = _choose(scan or scan_page(doc), md, site_name, url)
    return _DATED_TAIL.sub("", title) or title if title else title


# A date set off at the end of a headline ("... budget - 12.03.2021", "... (2021-03-12)"):
# the day of the story, not its words.
_DATED_TAIL = re.compile(
    r"(?:\s+[-–—|·•/]\s*|\s*\(\s*)(?:\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)"
    r"\s*\)?$"
)


def _choose(s: PageScan, md: Metadata, site_name: str | None, url: str | None) -> str | None:
    tag_title = inline_text(s.first("title"))
    titles = meta_titles(md, tag_title)
    normed = [loose(t) for t in titles]
    headings, sites = [], [site_name] if site_name else []
    for i in s.headings[:30]:
        text = s.heading(i)
        if _is_branding(s, i, text, site_name):
            sites += [text] if text else []  # (the logo's text names the site too)
        elif 3 <= len(text) <= 400:
            headings.append((text, i))
    keyed = [(t, loose(t)) for t, _ in headings]
    if agreed := _agreed(s, keyed, headings, titles, normed, sites, url):
        return agreed
    stated = _with_bare(titles, normed, sites, url)
    first = {normed[0], stated[1][1]} if titles else set()
    if ending := _ending_heading(keyed, stated, first):
        return ending
    if sub := _agreeing_subheading(s, stated):
        return sub
    h1s = [t for t, i in headings if s.tags[i] == "h1"]
    ld = ld_text(md.ld("headline"))
    if ld:
        ld = decoded(ld)
        own = [t for t, i in headings if s.tags[i] == "h1" and _the_article_s(s, i)]
        return own[0] if len(h1s) == 1 and own else strip_site_name(ld, sites, url)
    return _unagreed(s, titles, normed, h1s, tag_title, sites, url)


def _agreed(
    s: PageScan,
    keyed: list[tuple[str, str]],
    headings: list[tuple[str, int]],
    titles: list[str],
    normed: list[str],
    sites: list[str],
    url: str | None,
) -> str | None:
    """The heading that agrees with a metadata title: one a title states
    exactly, else the fullest (not a copy cut short); but an ``<h1>`` that
    extends the most specific title beats a lower heading that agrees (a
    teaser's copy of the title)."""
    agreeing = [
        (t, h, i) for (t, h), (_, i) in zip(keyed, headings, strict=True) if _agrees(h, normed)
    ]
    if not agreeing:
        return None
    best = max(agreeing, key=lambda a: (a[1] in normed, not a[0].endswith(("..", "…")), len(a[1])))
    if s.tags[best[2]] != "h1":
        first = {normed[0], loose(strip_site_name(titles[0], sites, url))}
        if fuller := _fuller_h1(s, keyed, headings, first, best[2]):
            return fuller
    return best[0]


def _with_bare(
    titles: list[str], normed: list[str], sites: list[str], url: str | None
) -> list[tuple[str, str]]:
    """Each stated title and its :func:`loose` form, followed by the same
    without the site's name."""
    out = []
    for title, t in zip(titles, normed, strict=True):
        out.append((title, t))
        bare = strip_site_name(title, sites, url)
        out.append((bare, loose(bare)))
    return out


def _unagreed(
    s: PageScan,
    titles: list[str],
    normed: list[str],
    h1s: list[str],
    tag_title: str,
    sites: list[str],
    url: str | None,
) -> str | None:
    """The headline when no heading agrees with a metadata title: an ``<h1>``
    that shares most words with one, the part of the title the page prints,
    the only ``<h1>``, a bare stated title, an element named the headline, the
    first subheading, the title without the site's name, in that order."""
    if h1s and (near := _closest([(t, loose(t)) for t in h1s], normed)):
        return near
    bare = bool(titles and tag_title and extends(tag_title, titles[0]))
    if not bare and (part := printed_part(s, titles, sites)):
        return part
    if len(h1s) == 1:
        return h1s[0]
    if bare:
        return titles[0]  # <title> is this title + " | Site": this one is bare already
    if not h1s and titles in ([], [tag_title]):
        if named := _named_headline(s):
            return named
        if sub := _first_subheading(s, sites):
            return sub
    if titles:
        return strip_site_name(titles[0], sites, url)
    return h1s[0] if h1s else None


# Class words that name an element the article's headline: "headline" (not a
# sub- or section headline), or a title or heading of the article, story, news
# item or post ("articleTitle", "news_title", "headingstory", "post-title").
_NAMED_HEADLINE = re.compile(
    r"(?<!sub)(?<!sub-)(?<!sub_)headline"
    r"|(?:article|story|news|post)[_-]?(?:title|heading)|heading[_-]?story|(?:title|heading)[_-]?(?:article|story|news|post)\b"
)
_NOT_NAMED = re.compile(
    r"site|widget|section|teaser|related|more|promo|nav|menu|footer|sidebar|list|byline|author|date"
)


def _named_headline(s: PageScan) -> str | None:
    """The first element whose class names it the headline, of three to thirty
    words and not a link: old layouts set the headline in a ``<div
    class="articleTitle">`` or a ``<span class="headline">``, with a
    ``<title>`` that names only the site.  Not in navigation, widgets or
    teaser lists."""
    for i in s.titled[:60]:
        attr = s.attr(i)
        if not _NAMED_HEADLINE.search(attr) or _NOT_NAMED.search(attr) or s.links[i] >= s.size[i]:
            continue
        text = inline_text(s.nodes[i])
        if 3 <= len(text.split()) <= 30 and not _in_chrome(s, i):
            return text
    return None


_SUBHEADINGS = ("h2", "h3")
_RANKS = (_SUBHEADINGS, ("h4", "h5", "h6"))
_ASIDE = frozenset(["nav", "aside", "footer"])
# Classes of headings that are not the page's own headline: navigation,
# teasers of other pages, and headings hidden for screen readers.
_NOT_HEADLINE = re.compile(
    r"nav|menu|sidebar|footer|widget|teaser|related|sr-only|text-hide|visually-hidden|"
    r"screen-reader|hidden"
)


def _subheadings(s: PageScan, tags_wanted: tuple[str, ...] = _SUBHEADINGS):
    """Visible headings (``<h2>``/``<h3>``) outside navigation and teasers, in page order."""
    for j in s.of_tags(tags_wanted):
        if not _chrome(s.attr(j)) and not _in_chrome(s, j):
            yield j


def _in_chrome(s: PageScan, j: int) -> bool:
    """Element ``j`` stands in navigation, an aside, a footer, a form, a
    widget or a teaser list.  A "sidebar" or a ``<form>`` holding half the
    page's text is its layout (ASP.NET wraps the whole page in one form)."""
    tags, size = s.tags, s.size
    page = size[s.body] // 2
    p = s.parent[j]
    while (
        p >= 0
        and tags[p] not in _ASIDE
        and (size[p] > page or (tags[p] != "form" and not _chrome(s.attr(p))))
    ):
        p = s.parent[p]
    return p >= 0


# Layout modifiers say what a container holds, not what it is ("has-sidebar");
# responsive ones hide a copy on some screens only ("hidden-xs", "l-hidden-md").
_MODIFIER = re.compile(
    r"(?<![\w-])(?:has|with|no|without)-[\w-]*|[\w-]*hidden-(?:xs|s|sm|m|md|l|lg|xl)(?![\w-])"
)


def _chrome(attr: str) -> bool:
    return (
        bool(attr)
        and _NOT_HEADLINE.search(attr) is not None
        and (_NOT_HEADLINE.search(_MODIFIER.sub("", attr)) is not None)
    )


def _agreeing_subheading(s: PageScan, stated: list[tuple[str, str]]) -> str | None:
    """A subheading that states most of a metadata title (themes that set the
    headline as ``<h2>``, with the metadata title carrying more: a suffix,
    hashtags, a kicker or the site's and section's names before it).
    ``stated``: (title, :func:`loose` title) pairs."""
    if not stated:
        return None
    for count, j in enumerate(_subheadings(s)):
        if count >= 20:
            break
        text = s.heading(j)
        h = loose(text)
        if len(h.split()) >= 2 and any(
            2 * len(h) >= len(t) and (t.startswith(h) or _kicker_before(title, text))
            for title, t in stated
        ):
            return text
    return None


def _first_subheading(s: PageScan, sites: list[str]) -> str | None:
    """The first subheading of more than one word: the headline of pages that
    have no ``<h1>`` and state no title but ``<title>`` (which then names the
    site or section as often as the article)."""
    for rank in _RANKS:  # the highest rank of heading the content has
        for j in _subheadings(s, rank):
            text = s.heading(j)
            words = len(text.split())
            if words >= 2 and len(text) <= 300 and not _is_branding(s, j, text, sites):
                return text
    return None
