"""Elements whose own markup names them as something other than article text.

Share bars, related posts, newsletter boxes, ads and the like are named in
their ``class``/``id`` (or ``role``) by nearly every CMS and theme, and a
page hides what it does not show.  These are tests of one element's
attributes; what to remove, and how much of the text may go, is decided by
the pruning in ``boilerplate.py``.  They run on nearly every element of a
page, so they read the attributes once and try cheap checks first.
"""

from __future__ import annotations

import re

from lxml import etree

_BAD_WORDS = re.compile(
    r"share|sharing|sharedaddy|social|related|newsletter|promo|sidebar|widget-area|comment|"
    r"breadcrumb|subscri|advert|banner|cookie|popup|modal|footer|navigation|navbar|menu|"
    r"recommend|readmore|read-more|more-stories|signup|sign-up|disqus|outbrain|taboola|"
    r"sponsor|pagination|nav-links|post-nav|toolbar|skip-link|screen-reader|tagcloud|"
    r"post-tags|entry-tags|tag-links|cat-links|entry-meta|post-?meta|article-meta|byline|"
    r"post[-_]?info|post[-_]?details|entry[-_]?info|"
    r"author[-_]?(?:bio|box|info|profile|description|details)|autor(?:en)?[-_]?box|"
    r"about[-_](?:the[-_])?author|saboxplugin|"
    r"donat|login|jp-relatedposts|addtoany|news-letter|"
    # the post's filing line under the text ("This entry was posted in ...")
    r"postmetadata|entry-utility|sociable|disclaim|(?<![a-z])powered|factbox|infobox|appstore|app-download|flyout|"
    r"most-popular|trending|dropdown|overlay|visually-hidden|sr-only|"
    r"inline-ad|adsense|ad-container|ad-slot|adslot|dfp|googlead|nocontent|"
    r"wp-block-buttons|wp-block-latest-posts|yarpp|crp_related|also-read|read-also|"
    # calls to action: subscribe, donate, rate the article, pop-ups
    r"(?<![a-z])cta(?![a-z])|pop-up|(?<!non-)paywall|post-ratings|star-rating|spenden|"
    # picture credits
    r"credit|copyright|listposts|articlelist|article-list"
)  # matched against lowercased attributes (re.I alternations are several times slower)
_BAD_TOKEN_WORDS = "ad ads adv nav tags tag meta aside follow print rss hidden posted"
_BAD_TOKENS = frozenset(_BAD_TOKEN_WORDS.split())
_TOKEN_SPLIT = re.compile(r"\s+")
# "ad" as a part of a hyphenated name ("it-ad", "ad-wrapper"): other words are
# too often parts of harmless names ("hidden-xs", "no-print").
_AD_PART = re.compile(r"(?<![a-z0-9])ads?(?:-|_)|(?:-|_)ads?(?![a-z0-9])")
# Class tokens that hide an element in the common CSS frameworks (Bootstrap's "hide").
_HIDDEN_CLASSES = frozenset(["hidden", "hide"])
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
EXCLUDED_REGION = re.compile(r"(?<![a-z])(?:comment|sidebar|related|footer|respond)")

# Tags of the blocks that pruning weighs by their link text.
BLOCKS = frozenset(["div", "ul", "ol", "section", "table", "p", "dl"])


def class_and_id(el: etree._Element) -> str:
    """The element's class and id, lowercased, as the patterns here expect them."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def is_hidden(el: etree._Element) -> bool:
    """True for elements the page does not show (``hidden``, display:none)."""
    items = el.items()  # (one call for all attributes: most elements have none)
    return bool(items) and hidden_attrs(dict(items))


def hidden_attrs(a: dict[str, str]) -> bool:
    """:func:`is_hidden` on attributes already read (``dict(el.items())``)."""
    if "hidden" in a:
        return True
    style = a.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    cls = a.get("class")  # ("hid": the cheap test before the split, for "hidden" and "hide")
    return bool(cls) and "hid" in cls and not _HIDDEN_CLASSES.isdisjoint(cls.split())


# A teaser of another article is named so and headed by a link to it (a lead
# that a CMS names "teaser" carries no linked heading).
_LINKED_HEADING = etree.XPath("boolean(.//*[self::h2 or self::h3 or self::h4]//a[@href])")
_BAD_ROLES = frozenset(["navigation", "complementary", "banner", "contentinfo", "search", "dialog"])


# Names of lists of other posts ("related-posts", "recent_posts", "more-stories"):
# never the article, whatever their share of the text.
LISTING = re.compile(
    r"(?:related|more|other|popular|recent|latest)[-_]?(?:posts?|articles?|stor(?:y|ies)|entries)"
)


def names_listing(el: etree._Element) -> bool:
    """True when the element's class or id names a list of other posts."""
    return LISTING.search(class_and_id(el)) is not None


BYLINE_MAX = 150  # characters: an inline "byline" that holds more is the post itself


_INLINE_TAGS = frozenset(["span", "font", "b", "strong", "em", "i", "small"])


def text_named_byline(el: etree._Element, size: int) -> bool:
    """True for a long inline element that only its "byline" name marks as boilerplate.

    A byline is one line; Blogger's "Google blog" template leaves its
    ``span.byline-author`` open, so the post's text ends up inside it (a
    byline block, an author's card, is a ``div`` and goes).
    """
    if size <= BYLINE_MAX or el.tag not in _INLINE_TAGS:
        return False
    attrs = class_and_id(el)
    if "byline" not in attrs:
        return False
    rest = attrs.replace("byline", " ")
    return not (_BAD_WORDS.search(rest) or any(t in _BAD_TOKENS for t in rest.split()))


def is_boilerplate(el: etree._Element) -> bool:
    """True when the element's markup names it as non-article content."""
    items = el.items()
    if not items:
        return False
    a = dict(items)
    if hidden_attrs(a) or (a.get("role") or "").lower() in _BAD_ROLES:
        return True
    attrs = f"{a.get('class') or ''} {a.get('id') or ''}".lower()
    if not attrs.strip() or el.tag in ("article", "main", "body"):
        return False
    bad = _BAD_SEEN.get(attrs)
    if bad is None:
        bad = _bad_name(attrs)
    return bad or ("teaser" in attrs and bool(_LINKED_HEADING(el)))


# _bad_name's verdict per class/id value (a site repeats its values on every
# element and every page): a dict lookup instead of the regexes.
_BAD_SEEN: dict[str, bool] = {}


def _bad_name(attrs: str) -> bool:
    """The class/id value names boilerplate by a word, a token or an "ad" part."""
    if len(_BAD_SEEN) >= 20000:  # (bounded: a crawl meets many sites)
        _BAD_SEEN.clear()
    bad = _BAD_SEEN[attrs] = bool(
        _BAD_WORDS.search(attrs)
        or any(t in _BAD_TOKENS for t in _TOKEN_SPLIT.split(attrs))
        or _AD_PART.search(attrs)
    )
    return bad
