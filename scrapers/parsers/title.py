"""The bare headline of an article page.

The visible ``<h1>`` is the headline as the reader sees it, but pages often
have several (site logo, widgets); the metadata titles (JSON-LD headline,
og:title, ``<title>``) name the article but usually carry a " | Site" suffix.
So a heading wins when the metadata agrees with it, and metadata titles are
used, with the site name cut off, when no heading does.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from scrapers.parsers.metadata import Metadata, ld_text
from scrapers.parsers.publication import host_label, squash
from scrapers.parsers.scan import PageScan, headline_index, scan_page
from scrapers.parsers.select import select_first
from scrapers.parsers.text import heading_text, inline_text

# A dash between numbers is a range ("14. - 20. Januar 2022"), not a separator.
_SEP = re.compile(
    r"(?<![\d.\s])\s+[|\-–—·•»«/:~]+\s+"  # after a word: any separator
    r"|(?<=[\d.])\s+[|»«/:~]+\s+"  # after a number: not a dash ...
    r"|(?<=[\d.])\s+[\-–—·•]+\s+(?!\d)"  # ... unless no number follows it
    r"|\s*[|»«]\s*|\s+::\s+"
)


_NOT_WORD = re.compile(r"[\W_]+")


def loose(text: str) -> str:
    """Words only, casefolded: a title compared across punctuation, dashes and case."""
    return _NOT_WORD.sub(" ", text).strip().casefold()


def strip_site_name(title: str, site_name: str | None = None, url: str | None = None) -> str:
    """Cut " | Site Name" (or "Site Name - ") off a metadata title.

    ``url`` (the page's, or its host name) names the site too: a short last part that
    holds its name ("sheego ♥ Magazin" on sheego.de) is the site's, even when
    it is longer than the headline.

    >>> strip_site_name("Putin backs Maduro | Havana Times", "Havana Times")
    'Putin backs Maduro'
    >>> strip_site_name("Putin backs Maduro - Havana Times")
    'Putin backs Maduro'
    """
    title = re.sub(r"\s+", " ", title).strip()
    parts = [p for p in _SEP.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    site = loose(site_name) if site_name else None
    if site:
        kept = [p for p in parts if loose(p) != site and not (site and loose(p) in site)]
        if kept and len(kept) < len(parts):
            return _rejoin(title, kept)
    label = _site_label(url)
    last = parts[-1]
    if label and len(last.split()) <= 4 and label in squash(last) and label not in squash(parts[0]):
        parts.pop()  # the host's name: the site's part, even when longer than the headline
    # No known site name: drop short trailing parts (the usual "| Site" suffix).
    first = parts[0]
    while len(parts) > 1 and len(parts[-1].split()) <= 4 and len(parts[-1]) < len(first):
        parts.pop()
    return _rejoin(title, parts)


def _site_label(url: str | None) -> str | None:
    """The name part of the page's host ("www.sheego.de" -> "sheego"), when
    long enough to mean something."""
    label = host_label(url) if url else ""
    return label if len(label) >= 4 else None


def _rejoin(title: str, parts: list[str]) -> str:
    """The span of the original title covering ``parts`` (keeps inner separators)."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)


def meta_titles(md: Metadata, tag_title: str) -> list[str]:
    """Article titles stated by the metadata (and ``<title>``), most specific first."""
    out = []
    stated = [v for name in _STATED for v in md.meta.get(name, ())]  # (all of them: pages
    for value in (ld_text(md.ld("headline")), *stated, tag_title):  # repeat tags)
        value = value.strip() if value else value
        if value and value not in out:
            out.append(value)
    return out


_STATED = ("og:title", "twitter:title", "dc.title", "title", "sailthru.title")


_BRANDING = re.compile(r"logo|brand|site-title|site-name|sitename|blog-title|masthead")
_HEADLINE_SCOPES = frozenset(["body", "article", "main"])


def _agrees(h: str, titles: list[str]) -> bool:
    """Heading and titles already normalised with :func:`loose`."""
    return bool(h) and any(h == t or t.startswith(h) or h in t for t in titles)


def _ending_heading(
    headings: list[tuple[str, str]], titles: list[str], normed: list[str]
) -> str | None:
    """A stated title that a heading ends with: the heading prints a kicker
    before it ("Press release of the Health Office: Vaccination ..."), or
    extends it ("... capacity in Tennessee" beside "... capacity").
    ``headings`` are (text, :func:`loose` text) pairs."""
    for heading, h in headings:
        for k, (title, t) in enumerate(zip(titles, normed, strict=True)):
            if t.count(" ") < 2:  # (three words at least)
                continue
            if h.endswith(" " + t):
                return title
            if k == 0 and h.startswith(t + " "):
                return heading  # (the fuller headline: what the page shows)
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


def _is_branding(s: PageScan, i: int, text: str, site_name: str | None) -> bool:
    """Site logos and blog names set as headings."""
    if site_name and loose(text) == loose(site_name):
        return True
    if _links_home(s.nodes[i], text):
        return True
    if s.tags[i] in _HEADLINE_SCOPES:
        return False
    own = s.attr(i)
    return bool(own and _BRANDING.search(own)) or s.inside(i, _BRANDING, stop=_HEADLINE_SCOPES)


def _links_home(heading: etree._Element, text: str) -> bool:
    """A heading that is a link to the site's home page is the site's name."""
    for a in heading.iter("a"):
        href = (a.get("href") or "").strip()
        if href and inline_text(a) == text:
            try:
                parts = urlsplit(href)
            except ValueError:
                return False
            return parts.path in ("", "/") and not parts.query and not parts.fragment
    return False


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
    s = scan or scan_page(doc)
    tag_title = inline_text(s.first("title"))
    titles = meta_titles(md, tag_title)
    headings = [(heading_text(s.nodes[i]), i) for i in s.headings[:30]]
    headings = [
        (t, i) for t, i in headings if 3 <= len(t) <= 400 and not _is_branding(s, i, t, site_name)
    ]
    keyed = [(t, loose(t)) for t, _ in headings]
    normed = [loose(t) for t in titles]
    agreeing = [(t, h) for t, h in keyed if _agrees(h, normed)]
    if agreeing:  # one a title states exactly, else the fullest (not a copy cut short)
        return max(
            agreeing, key=lambda th: (th[1] in normed, not th[0].endswith(("..", "…")), len(th[1]))
        )[0]
    if stated := _ending_heading(keyed, titles, normed):
        return stated
    if sub := _agreeing_subheading(s, normed):
        return sub
    ld = ld_text(md.ld("headline"))
    if ld:
        return strip_site_name(ld, site_name, url)
    h1s = [t for t, i in headings if s.tags[i] == "h1"]
    if len(h1s) == 1 and len(h1s[0].split()) > 1:
        return h1s[0]
    if len(h1s) > 1 and (near := _closest([(t, loose(t)) for t in h1s], normed)):
        return near
    if titles and tag_title and _extends(tag_title, titles[0]):
        return titles[0]  # <title> is this title + " | Site": this one is bare already
    if not h1s and titles in ([], [tag_title]) and (sub := _first_subheading(s, site_name)):
        return sub
    if titles:
        return strip_site_name(titles[0], site_name, url)
    return h1s[0] if h1s else None


def _extends(longer: str, prefix: str) -> bool:
    """``longer`` is ``prefix`` followed by a separator and more."""
    longer, prefix = " ".join(longer.split()), " ".join(prefix.split())
    if len(longer) <= len(prefix) or not longer.startswith(prefix):
        return False
    return _SEP.match(longer, len(prefix)) is not None


_SUBHEADINGS = ("h2", "h3")
_RANKS = (_SUBHEADINGS, ("h4", "h5", "h6"))
_LOWER_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_OUTSIDE_ARTICLE = frozenset(["nav", "aside", "footer", "form"])
# Classes of headings that are not the page's own headline: navigation,
# teasers of other pages, and headings hidden for screen readers.
_NOT_HEADLINE = re.compile(
    r"nav|menu|sidebar|footer|widget|teaser|related|sr-only|text-hide|visually-hidden|"
    r"screen-reader|hidden"
)


def _subheadings(s: PageScan, tags_wanted: tuple[str, ...] = _SUBHEADINGS):
    """Visible headings (``<h2>``/``<h3>``) outside navigation and teasers, in page order."""
    tags = s.tags
    for j in s.of_tags(tags_wanted):
        if _chrome(s.attr(j)):
            continue
        p = s.parent[j]
        while p >= 0 and tags[p] not in _OUTSIDE_ARTICLE and not _chrome(s.attr(p)):
            p = s.parent[p]
        if p < 0:
            yield j


# Layout modifiers say what a container holds, not what it is ("has-sidebar").
_MODIFIER = re.compile(r"(?<![\w-])(?:has|with|no|without)-[\w-]*")


def _chrome(attr: str) -> bool:
    return (
        bool(attr)
        and _NOT_HEADLINE.search(attr) is not None
        and (_NOT_HEADLINE.search(_MODIFIER.sub("", attr)) is not None)
    )


def _agreeing_subheading(s: PageScan, normed: list[str]) -> str | None:
    """A subheading that states most of a metadata title (themes that set the
    headline as ``<h2>``, with the metadata title carrying more: a suffix,
    hashtags)."""
    if not normed:
        return None
    for count, j in enumerate(_subheadings(s)):
        if count >= 20:
            break
        text = heading_text(s.nodes[j])
        h = loose(text)
        if len(h.split()) >= 2 and any(t.startswith(h) and 2 * len(h) >= len(t) for t in normed):
            return text
    return None


def _first_subheading(s: PageScan, site_name: str | None) -> str | None:
    """The first subheading of more than one word: the headline of pages that
    have no ``<h1>`` and state no title but ``<title>`` (which then names the
    site or section as often as the article)."""
    for rank in _RANKS:  # the highest rank of heading the content has
        for j in _subheadings(s, rank):
            text = heading_text(s.nodes[j])
            words = len(text.split())
            if words >= 2 and len(text) <= 300 and not _is_branding(s, j, text, site_name):
                return text
    return None


def headline_at(s: PageScan, title: str | None) -> int:
    """Index of the headline: as :func:`headline_index`, else a lower heading
    that reads as ``title`` (themes that set the post title as a subheading
    under the blog's name), else a heading that reads as it with dashes and
    case aside (metadata titles set an en dash where the heading has a hyphen).
    """
    key = f"{title}\x00h2"  # (the scan's headline cache, under a key of its own)
    found = s.headline.get(key)
    if found is not None:
        return found
    found = i = headline_index(s, title)
    if title and heading_text(s.nodes[i]) != title:
        found = next(
            (j for j in s.of_tags(_LOWER_HEADINGS) if inline_text(s.nodes[j]) == title), -1
        )
        if found < 0:
            found = _loosely_read(s, title, i)
    s.headline[key] = found
    return found


def _loosely_read(s: PageScan, title: str, default: int) -> int:
    want = loose(title)
    n = len(want) - want.count(" ")  # about the heading's non-space characters
    size = s.size
    return next(
        (
            j
            for j in s.of_tags(_LOOSE_HEADINGS)
            if n <= size[j] <= n + 12 and loose(inline_text(s.nodes[j])) == want
        ),
        default,
    )


_LOOSE_HEADINGS = ("h1", "h2", "h3")
