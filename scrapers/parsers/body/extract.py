"""The article text: find the main-content container, then prune it.

Two kinds of evidence, cheapest first: CMS conventions that name the content
container (``itemprop=articleBody``, ``entry-content`` ...) and, for every
other page, paragraph density — the container that holds the most paragraph
text for the least other text (links, menus, teasers) is the article.
Inside the container, boilerplate blocks (share bars, related posts,
newsletter boxes, ads) are dropped by their markup and link density.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

from lxml import etree

from scrapers.parsers.body import boilerplate
from scrapers.parsers.body.lead import lead_blocks
from scrapers.parsers.body.markup import EXCLUDED_REGION, LISTING, hidden_attrs
from scrapers.parsers.body.media import VIDEO, Found, take_figures, take_pictures
from scrapers.parsers.body.post import POST_MARKUP, is_post_markup, post_around, post_block
from scrapers.parsers.body.trim import trim_text
from scrapers.parsers.document.headline import headline_at
from scrapers.parsers.document.scan import PageScan, scan_page, text_len
from scrapers.parsers.document.select import select_all
from scrapers.parsers.document.text import clean_html, element_text, fragment_html

_JUNK_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "button",
    "select",
    "textarea",
    "input",
    "link",
    "meta",
    "canvas",
    "video",
    "audio",
)
_PARA_TAGS = frozenset(["p", "pre", "li", "blockquote"])
# Readability's "unlikely candidates": regions whose paragraphs never count.
_UNLIKELY = re.compile(
    r"(?<![a-z])(?:-ad-|banner|breadcrumb|combx|comment|community|disqus|extra|footer|gdpr|legends|menu|"
    r"related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|"
    r"ad-break|agegate|pagination|pager|popup|newsletter|share|sharing|widget-area|cookie|"
    r"consent|respond|reply|trackback)"
)
_MAYBE = re.compile(r"and|article|body|column|content|main|shadow|post|entry|story|text")
# ... except where the likely word only names a list of other posts ("related-posts"):
# such a list is a region whatever its other words.
_LISTING = LISTING
# (patterns are matched against lowercased attributes: re.I alternations are 5x slower)
# Inline elements whose text is their block's: emphasis and links (a link's
# text counts against the block).  <span> and <font> are blocks of their own,
# as old pages wrap whole articles in them.
_INLINE_TAGS = (
    "a abbr acronym b big br cite code del dfn em i img ins kbd mark q s samp strike strong "
    "sub sup tt u var wbr"
)
_INLINE = frozenset(_INLINE_TAGS.split())
# Blocks whose own and inline text counts as prose (not headings, list terms, cells of forms).
_TEXT_BLOCKS = frozenset(["div", "td", "section", "article", "main", "font", "span", "center"])
TEXT_BLOCK_MIN = 80  # characters of its own and inline text for a block to count as prose
_NESTING_PARAS = frozenset(["li", "blockquote"])  # counted through their own <p> when they have one
_REGION_TAGS = ("nav", "aside", "footer", "form")
_UNLIKELY_ROLES = frozenset(["navigation", "complementary", "contentinfo", "banner"])
_EXCLUDED_REGION = EXCLUDED_REGION
_PAGE_TAGS = frozenset(["body", "html"])
_CONTENT = re.compile(
    r"articlebody|entry-content|post-content|article-body|article-content|article__body|"
    r"article-text|story-body|story-content|post-body|entry-body|post-entry|single-content|"
    r"content-body|article__content|td-post-content|post_content|articletext|article_body|"
    r"rich-text|storybody|storycontent|storytext|story_body|entrytext|entry_content|entry-text|"
    r"postcontent|postbody|post-text|articlecontent|article_content"
)
_STRING = etree.XPath("string()")
NOISE_WEIGHT = 0.25  # how much one character of non-paragraph text costs a candidate


@dataclass(slots=True)
class Body:
    """The extracted body: plain text, safe HTML, the container element, and
    the pictures and videos taken out of it with their captions."""

    text: str = ""
    html: str = ""
    node: etree._Element | None = None
    media: list[Found] = field(default_factory=list)
    post: bool = False  # the headline stands in a post's block (a post without text is one)


def _regions_known_posts(s: PageScan, raw: list[int]) -> tuple[list[int], list[int], list[int]]:
    """Unlikely regions (menus, sidebars, footers), CMS-named content containers
    and post-marked blocks.

    Only elements holding paragraph text (``raw`` > 0) are examined: an
    unlikely region without any cannot change a score.
    """
    regions: list[int] = []
    known: list[int] = []
    posts: list[int] = []
    tags, nodes = s.tags, s.nodes
    seen = _NAMED.get
    for i in range(s.body + 1, s.end[s.body]):
        if not raw[i]:
            continue
        tag = tags[i]
        attrs = s.attr(i)
        content, post, region = (seen(attrs) or _named(attrs)) if attrs else _UNNAMED
        if content and len(known) < 10:
            known.append(i)
        if tag in ("article", "main"):
            if tag == "article":
                posts.append(i)
            continue
        if post:
            posts.append(i)
        if region or tag in _REGION_TAGS:
            regions.append(i)
            continue
        items = nodes[i].items()  # (one call for role and hiding: most elements have neither)
        if items:
            a = dict(items)
            if (a.get("role") or "") in _UNLIKELY_ROLES or hidden_attrs(a):
                regions.append(i)
    return regions, known, posts


# What a class/id/itemprop value names, per value (a site repeats its values on every
# element and every page): content container, post markup, unlikely region.
_NAMED: dict[str, tuple[bool, bool, bool]] = {}
_UNNAMED = (False, False, False)


def _named(attrs: str) -> tuple[bool, bool, bool]:
    if len(_NAMED) >= 20000:  # (bounded: a crawl meets many sites)
        _NAMED.clear()
    found = _NAMED[attrs] = (
        _CONTENT.search(attrs) is not None,
        POST_MARKUP.search(attrs) is not None,
        bool(
            (_UNLIKELY.search(attrs) and not _MAYBE.search(attrs))
            or _LISTING.search(attrs)
            or "lightbox" in attrs.split()
        ),
    )
    return found


def _listing(s: PageScan, i: int, headline: int) -> bool:
    """A list of other posts by its name ("recent_posts"), without the headline."""
    return not i <= headline < s.end[i] and _LISTING.search(s.attr(i)) is not None


def _page_form(s: PageScan, i: int, known: list[int]) -> bool:
    """A ``<form>`` around a CMS-named content container: the page's wrapper
    (ASP.NET pages set the whole page in ``form#aspnetForm``), not a form."""
    return s.tags[i] == "form" and any(i < k < s.end[i] for k in known)


def _minor(s: PageScan, i: int, limit: float, raw: list[int], values: list[int]) -> bool:
    """Not a wrapper of the page's main parts (broken markup nests pages in menus).

    A region is minor when it holds neither the page's ``<h1>`` nor an
    ``<article>`` nor most of its paragraph text, and, on pages without an
    ``<h1>``, when it is small.
    """
    if s.contains(i, "h1") or s.contains(i, "article"):
        return False
    if raw[i] >= 0.8 * raw[s.body]:
        return _headline_block_elsewhere(s, i, values)
    return "h1" in s.by_tag or s.size[i] < limit


def _headline_block_elsewhere(s: PageScan, i: int, values: list[int]) -> bool:
    """True when the headline's own block holds prose after it, outside region ``i``.

    A region holding most of the page's paragraphs is the article wrapped in
    broken markup, unless the block around the ``<h1>`` has an article of its
    own (then the region is a long sidebar beside a short article).
    """
    h1s = s.by_tag.get("h1")
    if not h1s:
        return False
    h = h1s[0]
    block = s.parent[h]
    while block > s.body and _prose_after(s, h, s.end[block], values) < 150:
        block = s.parent[block]
    return block > s.body and not block <= i < s.end[block]


def _prose_after(s: PageScan, start: int, stop: int, values: list[int]) -> int:
    """Paragraph text in ``range(start, stop)`` outside asides, menus, footers and forms."""
    total = sum(values[start:stop])
    for tag in _REGION_TAGS:
        for r in s.by_tag.get(tag, ()):
            if start <= r < stop:
                total -= sum(values[r : s.end[r]])
    return total


def _paragraph_values(s: PageScan) -> list[int]:
    """Paragraph text (non-link characters) of each paragraph or text block.

    A block's text is its own and that of its inline children (``<i>``,
    ``<b>``, ``<span>`` ...): posts written as one ``<div>`` with ``<br>``
    line breaks and emphasis (Blogger, Slashdot) hold their text there, not
    in ``<p>`` elements.  One pass from the last element to the first, so a
    block's inline children are summed before the block is reached.
    """
    tags, size, links, own, parent = s.tags, s.size, s.links, s.own, s.parent
    n = len(tags)
    values = [0] * n
    inline = [0] * n  # text of inline children (no block inside), per parent
    inline_links = [0] * n
    has_block = [False] * n
    nesting = s.p_parents
    for i in range(s.end[s.body] - 1, s.body, -1):
        tag = tags[i]
        p = parent[i]
        if tag in _INLINE and not has_block[i]:
            inline[p] += size[i]
            inline_links[p] += links[i]
            continue
        has_block[p] = True
        if tag in _PARA_TAGS:
            total = size[i]
            value = total - links[i] if total >= 20 else 0
            if value >= 0.5 * total and not (tag in _NESTING_PARAS and i in nesting):
                values[i] = value
        elif tag in _TEXT_BLOCKS:
            text = own[i] + inline[i]
            value = text - inline_links[i]
            if value >= TEXT_BLOCK_MIN and value >= 0.5 * text:
                values[i] = value
    return values


def _credit(s: PageScan, values: list[int]) -> list[int]:
    """Each element's paragraph text: its own value plus its descendants'."""
    scores = values[:]
    parent, lo = s.parent, s.body
    for i in range(s.end[lo] - 1, lo, -1):
        if scores[i]:
            scores[parent[i]] += scores[i]
    return scores


def best_container(s: PageScan, headline: int = -1) -> tuple[int | None, int]:
    """The element with most paragraph text for least other text.

    A CMS-named container (``entry-content``, ``itemprop=articleBody``) wins
    when it holds at least half of the best candidate's paragraph text.
    Where the page marks its post's block (:mod:`.post`, around the
    ``headline``), a container found around that block, or apart from it in
    a block no post markup names (a profile box, a text widget, a quote in
    the header), gives way to the best one inside it: on a short post,
    length alone picks the longer prose beside it.
    """
    values = _paragraph_values(s)
    scores = _credit(s, values)
    regions, known, posts = _regions_known_posts(s, scores)
    known = [i for i in known if not s.inside(i, _EXCLUDED_REGION, stop=_PAGE_TAGS)]
    limit = 0.4 * s.size[s.body]
    unlikely = [
        u
        for u in regions
        if (_minor(s, u, limit, scores, values) or _listing(s, u, headline))
        and not _page_form(s, u, known)
    ]
    if unlikely:
        for u in unlikely:
            values[u : s.end[u]] = [0] * (s.end[u] - u)
        scores = _credit(s, values)
    s.para_prefix = list(accumulate(values, initial=0))
    best, best_p = _densest(s, scores, s.body, s.end[s.body])
    post = post_block(s, headline, scores, posts, regions, known)
    if post is not None and (best is None or _beside_post(s, best, post, known, posts)):
        best, best_p = _densest(s, scores, post, s.end[post])
        known = [i for i in known if post <= i < s.end[post]]
        if best is None:  # (a post too short to hold a paragraph: its content block, or itself)
            best = next((i for i in range(post, s.end[post]) if _CONTENT.search(s.attr(i))), post)
    elif best is not None and not known:
        best, best_p = _headline_block(s, headline, best, best_p, scores, values)
    if known:
        para, i = max(((scores[i], i) for i in known), key=lambda x: x[0])
        if para > 0 and para >= 0.5 * best_p:
            return i, para
    if best is not None:
        best, best_p = _headline_column(s, best, best_p, scores)
    return best, best_p


def _densest(s: PageScan, scores: list[int], lo: int, hi: int) -> tuple[int | None, int]:
    """The element of ``range(lo, hi)`` with most paragraph text for least other text."""
    best, best_score, best_p = None, 0.0, 0
    tags, size = s.tags, s.size
    for i in range(hi - 1, lo - 1, -1):
        para = scores[i]
        if not para or tags[i] in _PARA_TAGS:
            continue
        score = para - NOISE_WEIGHT * max(size[i] - para, 0)
        # Ties go to the descendant, else to the element earlier in the page.
        if score > best_score or (score == best_score and best is not None and s.end[i] <= best):
            best, best_score, best_p = i, score, para
    return best, best_p


def _beside_post(s: PageScan, best: int, post: int, known: list[int], posts: list[int]) -> bool:
    """True when ``best`` wraps the post's block, or stands apart from it in a
    block that no post markup or content name claims.

    A wrapper that also holds a bigger content block (``known``) or strongly
    marked post (``posts``) apart from the post's block is not confined to
    it: that block is a teaser of the post (a "hero" above the full text).
    """
    if post <= best < s.end[post]:
        return False
    scores = s.para_prefix
    if best < post < s.end[best]:
        own = scores[s.end[post]] - scores[post]
        return not any(
            best < k < s.end[best]
            and not (k <= post < s.end[k] or post <= k < s.end[post])
            and scores[s.end[k]] - scores[k] > own
            for k in known + [i for i in posts if is_post_markup(s, i, strong=True)]
        )
    if any(k <= best < s.end[k] or best <= k < s.end[best] for k in known):
        return False
    i = best
    while i > s.body:
        if is_post_markup(s, i):
            return False
        i = s.parent[i]
    return True


HEADLINE_BLOCK_SHARE = 0.5  # of the best's prose, for the headline's own block to win


def _headline_block(
    s: PageScan, headline: int, best: int, para: int, scores: list[int], values: list[int]
) -> tuple[int, int]:
    """The headline's own block, when the densest block stands in another column.

    The article's text follows its headline; a list of other posts or a
    sidebar in a column of its own can hold more prose than a short article.
    """
    if not s.body < headline < s.end[s.body] or best <= headline < s.end[best]:
        return best, para
    block = s.parent[headline]
    while block > s.body and _prose_after(s, headline, s.end[block], values) < 150:
        block = s.parent[block]
    if block <= s.body or block <= best < s.end[block]:
        return best, para
    top = s.parent[block]  # (not beside it in the same wrapper: a lead's header beside the text)
    if top <= best < s.end[top] or s.parent[top] <= best < s.end[s.parent[top]]:
        return best, para
    inner, inner_p = _densest(s, scores, block, s.end[block])
    if inner is not None and inner_p >= HEADLINE_BLOCK_SHARE * para:
        return inner, inner_p
    return best, para


HEADLINE_COLUMN_SHARE = 0.85  # of the row's prose, for the headline's column to win


def _headline_column(s: PageScan, best: int, para: int, scores: list[int]) -> tuple[int, int]:
    """The child of ``best`` that holds the headline and most of its prose.

    A container found by density can be a row of columns: the article's
    column (headline and text) beside a narrower one with contacts, teasers
    or an issue's contents, whose paragraphs tip the balance to the row.
    """
    h1s = s.by_tag.get("h1")
    if not h1s or not best < h1s[0] < s.end[best]:
        return best, para
    child = h1s[0]
    while s.parent[child] != best:
        child = s.parent[child]
    if child != h1s[0] and scores[child] >= HEADLINE_COLUMN_SHARE * para:
        return _headline_column(s, child, scores[child], scores)
    return best, para


_PLAYER = re.compile(r"youtube|youtu\.be|vimeo|dailymotion|/embed/|player|video", re.I)


def _textless_post(s: PageScan, headline: int) -> Body:
    """A post of pictures alone (or nothing found at all): its pictures, no text.

    A post's block around the headline says the page is an article even so.
    """
    post = post_around(s, headline)
    if post is None:
        return Body()
    node = s.nodes[post]
    return Body(node=node, media=take_pictures(take_figures(node, s)), post=True)


def strip_junk(root: etree._Element) -> None:
    """Remove elements that never hold article text (scripts, widgets' markup).

    A ``<noscript>`` that holds a lot of text is a fallback left unclosed (the
    parser then nests the rest of the page in it): it is unwrapped instead.
    A ``<video>`` or a video player's ``<iframe>`` stays as an empty
    placeholder with its source, for the article's media.
    """
    big, players = [], []
    for el in root.iter("noscript", "video", "iframe"):  # (one walk for both)
        if el.tag != "noscript":
            players.append(el)
        elif len(el) and text_len(_STRING(el)) > 500:
            big.append(el)
    for el in big:
        el.tag = "div"
    for el in players:
        _video_placeholder(el)
    etree.strip_elements(root, *_JUNK_TAGS, with_tail=False)
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)


def _video_placeholder(el: etree._Element) -> None:
    src = el.get("src") or el.get("data-src") or ""
    if el.tag == "video" and not src:
        source = el.find(".//source")
        src = (source.get("src") or "") if source is not None else ""
    if not src.strip() or (el.tag == "iframe" and not _PLAYER.search(src)):
        return
    tail = el.tail
    el.clear()  # (attributes, children and tail)
    el.tag, el.tail = VIDEO, tail
    el.set("src", src.strip())


def extract_body(
    doc: etree._Element,
    *,
    selector: str | None = None,
    title: str | None = None,
    scan: PageScan | None = None,
) -> Body:
    """Body text and HTML of the article; empty when the page has none.

    ``scan`` is the shared page scan, taken after :func:`strip_junk` (one is
    made here when not given); the tree is pruned in place.
    """
    if scan is None:
        strip_junk(doc)
        scan = scan_page(doc)
    if selector:
        nodes = select_all(doc, selector)
        if nodes:
            media = []
            for node in nodes:
                figures = take_figures(node, scan)
                boilerplate.prune(node, title=title, scan=scan)
                media += take_pictures(figures)
            scan.heading_texts.clear()  # (pruned: the headings are read again)
            text = "\n\n".join(t for t in (element_text(n) for n in nodes) if t)
            if text:
                return Body(text=text, html=fragment_html(nodes), node=nodes[0], media=media)
    headline = headline_at(scan, title)
    best, _ = best_container(scan, headline)
    if best is None:
        return _textless_post(scan, headline)
    node = scan.nodes[best]
    leads = [scan.nodes[i] for i in lead_blocks(scan, best, headline)]
    figures = take_figures(node, scan)
    boilerplate.prune(node, title=title, scan=scan)
    media = take_pictures(figures)
    text = trim_text(element_text(node))
    # (a lead the container repeats is a copy: for screen readers, or a teaser)
    leads = [el for el in leads if (t := element_text(el)) and t[:80] not in text]
    if leads:
        lead_text = "\n\n".join(element_text(el) for el in leads)
        text = f"{lead_text}\n\n{text}" if text else text
        html = fragment_html(leads) + clean_html(node)
        return Body(text=text, html=html, node=node, media=media)
    return Body(text=text, html=clean_html(node), node=node, media=media)
