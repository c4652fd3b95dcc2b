"""One pass over the page tree that every article field extractor shares.

Walking an lxml tree from Python costs mostly the element proxies and the
attribute reads, and a libxml2 XPath with a dozen ``contains(@class, ...)``
tests costs more than a whole Python pass.  So the tree is walked once: every
element gets a document-order index, its parent's index, its text length
(computed bottom-up, so no ``text_content()`` of big subtrees), its link-text
length, and the candidates for headline, byline and dates are collected on
the way.  Extractors then work on small lists of integers.

A subtree is the contiguous index range ``range(i, end[i])``, which makes
"does this region hold the h1?" a bisection instead of a tree search.  The
facts describe the tree as scanned: the body extractor prunes it afterwards
and accounts for what it removes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from lxml import etree

from scrapers.parsers.document.text import heading_text

# Class substrings (case-sensitive, as the XPath ``contains()`` they replace).
_BYLINE_CLASS = re.compile(r"byline|author|autor|posted-by|writer")
_AUTHOR_HREF = re.compile(r"/(?:author|autor|authors|autoren|newsteam)/")
_PUBLISHED_CLASS = re.compile(
    r"(?<!up)date|published|posted-on|byline|entry-meta"
)  # (not "updated")
_DATEISH_CLASS = re.compile(r"date|Date|time|datum|fecha|meta")
_STRING = etree.XPath("string()")
# Any of the class words below: the cheap test that spares most elements the rest.
_ANY_CLASS = re.compile(
    r"date|Date|time|datum|fecha|meta|published|posted-on|byline|autho|autor|writer|itle"
    r"|eadline|eading"
)
# Class words of an element that may hold a headline ("articleTitle", "storyheadline").
_TITLED_CLASS = re.compile(r"itle|eadline|eading")
_CONTAINERS = frozenset(["body", "html", "article"])
# _ANY_CLASS's verdict per class value, 1 or -1 (a site repeats the same class
# values on every element and every page): a dict lookup instead of a regex.
_ANY_SEEN: dict[str, int] = {}


def _any_class(cls: str) -> int:
    if len(_ANY_SEEN) >= 20000:  # (bounded: a crawl meets many sites)
        _ANY_SEEN.clear()
    hit = _ANY_SEEN[cls] = 1 if _ANY_CLASS.search(cls) else -1
    return hit


def text_len(s: str | None) -> int:
    """Length without whitespace, so indentation does not count as text."""
    if not s or s.isspace():
        return 0
    return len(s) - s.count(" ") - s.count("\n") - s.count("\t") - s.count("\r")


@dataclass(slots=True, eq=False)
class PageScan:
    """Per-element facts in document order, and candidate lists per field."""

    nodes: list[etree._Element] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)  # -1 for the root
    end: list[int] = field(default_factory=list)  # subtree of i = range(i, end[i])
    size: list[int] = field(default_factory=list)  # non-space chars of text_content()
    own: list[int] = field(default_factory=list)  # of text and children's tails only
    links: list[int] = field(default_factory=list)  # non-space chars inside <a>
    hrefs: list[str] = field(default_factory=list)  # every <a href>, in document order
    attrs: dict[int, str] = field(default_factory=dict)  # cache of attr()
    index: dict[etree._Element, int] = field(default_factory=dict)
    body: int = 0  # index of <body> (of the root when there is none)
    headings: list[int] = field(default_factory=list)  # h1, headline, entry-title
    titled: list[int] = field(default_factory=list)  # other elements of a title-like class
    bylines: list[int] = field(default_factory=list)
    published: list[int] = field(default_factory=list)
    dateish: list[int] = field(default_factory=list)
    modified: list[int] = field(default_factory=list)
    rel_links: list[int] = field(default_factory=list)  # <a rel=...>
    p_parents: set[int] = field(default_factory=set)  # elements with a <p> child
    by_tag: dict[str, list[int]] = field(default_factory=dict)  # h1-h6, article, title, ...
    headline: dict[str | None, int] = field(default_factory=dict)  # cache of headline_index()
    heading_texts: dict[int, str] = field(default_factory=dict)  # cache of heading()
    para_prefix: list[int] = field(default_factory=list)  # running sum of paragraph text
    _body_text: str | None = None

    def body_text(self) -> str:
        """The text of <body> (computed once, on first use)."""
        if self._body_text is None:
            self._body_text = str(_STRING(self.nodes[self.body])) if self.nodes else ""
        return self._body_text

    def heading(self, i: int) -> str:
        """``heading_text()`` of element ``i``, remembered: the title, the headline's
        place and the bylines read the same few headings (clear the cache when
        pruning changes the tree)."""
        text = self.heading_texts.get(i)
        if text is None:
            text = self.heading_texts[i] = heading_text(self.nodes[i])
        return text

    def contains(self, i: int, tag: str) -> bool:
        """True when a descendant of ``i`` is an element ``tag``."""
        found = self.by_tag.get(tag, ())
        k = bisect_left(found, i + 1)
        return k < len(found) and found[k] < self.end[i]

    def inside(
        self, i: int, pattern: re.Pattern[str], *, stop: frozenset[str] = frozenset()
    ) -> bool:
        """True when an ancestor's lowercased class/id matches ``pattern``."""
        p = self.parent[i]
        while p >= 0 and self.tags[p] not in stop:
            a = self.attr(p)
            if a and pattern.search(a):
                return True
            p = self.parent[p]
        return False

    def attr(self, i: int) -> str:
        """Lowercased "class id itemprop" of element ``i`` ("" when it has none)."""
        a = self.attrs.get(i)
        if a is None:
            el = self.nodes[i]
            cls, ident, prop = el.get("class"), el.get("id"), el.get("itemprop")
            a = f"{cls or ''} {ident or ''} {prop or ''}".lower() if cls or ident or prop else ""
            self.attrs[i] = a
        return a

    def distance(self, i: int, ref: int) -> int:
        """Elements between ``i`` and ``ref`` in reading order (0 when one holds the other)."""
        if i >= ref:
            return i - ref
        return max(0, ref - self.end[i])

    def paragraphs(self, i: int) -> int | None:
        """Paragraph text in the subtree of ``i`` (None before the body is scored)."""
        if not self.para_prefix:
            return None
        return self.para_prefix[self.end[i]] - self.para_prefix[i]

    def of_tags(self, tags: tuple[str, ...]) -> list[int]:
        """Indices of the elements of ``tags`` (indexed ones only), in page order."""
        if len(tags) == 1:
            return self.by_tag.get(tags[0], [])
        return sorted(i for tag in tags for i in self.by_tag.get(tag, ()))

    def first(self, tag: str) -> etree._Element | None:
        found = self.by_tag.get(tag)
        return self.nodes[found[0]] if found else None


def headline_index(s: PageScan, title: str | None) -> int:
    """Where the headline is: the heading that reads as the title, else the first <h1>."""
    found = s.headline.get(title)
    if found is None:
        h1s = s.by_tag.get("h1")
        found = h1s[0] if h1s else s.body
        if title:
            found = next((i for i in s.headings[:30] if s.heading(i) == title), found)
        s.headline[title] = found
    return found


_INDEXED_TAGS = frozenset(
    [
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "article",
        "title",
        "main",
        "nav",
        "aside",
        "footer",
        "form",
    ]
)
_CANDIDATE_TAGS = frozenset(["h1", "time"])  # candidates even without class/id


_WORDS_SEEN: dict[str, tuple[bool, bool, bool]] = {}
_NO_WORDS = (False, False, False)


def _class_words(cls: str) -> tuple[bool, bool, bool]:
    """Byline, published and date-ish class words of a class value (remembered:
    a site repeats its few candidate classes on every page)."""
    found = _WORDS_SEEN.get(cls)
    if found is None:
        if len(_WORDS_SEEN) >= 20000:
            _WORDS_SEEN.clear()
        found = _WORDS_SEEN[cls] = (
            _BYLINE_CLASS.search(cls) is not None,
            _PUBLISHED_CLASS.search(cls) is not None,
            _DATEISH_CLASS.search(cls) is not None,
        )
    return found


def _candidates(
    s: PageScan, i: int, el: etree._Element, tag: str, cls: str, ident: str, itemprop: str
) -> None:
    """File element ``i`` under the field candidates it may serve."""
    container = tag in _CONTAINERS
    byline_cls, published_cls, dateish_cls = _class_words(cls) if cls else _NO_WORDS
    if (
        tag == "h1"
        or itemprop == "headline"
        or "entry-title" in cls
        or (tag == "h2" and "title" in cls)
    ):
        s.headings.append(i)
    elif tag != "a" and cls and _TITLED_CLASS.search(cls):
        s.titled.append(i)
    if (
        itemprop == "author"
        or (byline_cls and not container)
        or (
            tag == "a"
            and ("author" in (el.get("rel") or "") or _AUTHOR_HREF.search(el.get("href") or ""))
        )
    ):
        s.bylines.append(i)
    is_time = tag == "time"
    if (
        itemprop == "datePublished"
        or (
            is_time and (el.get("pubdate") is not None or "published" in cls or "entry-date" in cls)
        )
        or (published_cls and not container)
    ):
        s.published.append(i)
    if is_time or "date" in ident or (dateish_cls and not container and tag != "main"):
        s.dateish.append(i)
    if itemprop == "dateModified" or (is_time and "updated" in cls):
        s.modified.append(i)


def scan_page(doc: etree._Element) -> PageScan:
    """Walk ``doc`` once (comments and processing instructions are skipped)."""
    s = PageScan()
    nodes, tags, parent, own, index = s.nodes, s.tags, s.parent, s.own, s.index
    tails: list[int] = []
    # This loop is the hot spot of the parser (a few hundred elements per page,
    # every step a cost): list methods are bound once, text_len() and the link
    # case are inlined.
    add_node, add_tag, add_parent = nodes.append, tags.append, parent.append
    add_own, add_tail, parent_of = own.append, tails.append, index.get
    by_tag, rel_links, hrefs = s.by_tag, s.rel_links, s.hrefs
    seen = _ANY_SEEN.get
    i = -1
    for el in doc.iter(etree.Element):
        i += 1
        tag = el.tag
        index[el] = i
        add_node(el)
        add_tag(tag)
        p = parent_of(el.getparent(), -1)
        add_parent(p)
        t = el.text  # (text_len(), inlined; line breaks, tabs, returns are rare in a text)
        if t and not t.isspace():
            n = len(t) - t.count(" ")
            if "\n" in t:
                n -= t.count("\n")
            if "\t" in t:
                n -= t.count("\t")
            if "\r" in t:
                n -= t.count("\r")
            add_own(n)
        else:
            add_own(0)
        t = el.tail
        if t and not t.isspace():
            n = len(t) - t.count(" ")
            if "\n" in t:
                n -= t.count("\n")
            if "\t" in t:
                n -= t.count("\t")
            if "\r" in t:
                n -= t.count("\r")
            add_tail(n)
        else:
            add_tail(0)
        cls = el.get("class") or ""
        ident = el.get("id") or ""
        itemprop = el.get("itemprop") or ""
        if tag == "a":  # tag and category links, profile links as byline candidates
            rel = el.get("rel")
            if rel:
                rel_links.append(i)
            href = el.get("href") or ""
            if href:
                hrefs.append(href)
            if (
                itemprop
                or (rel and "author" in rel)  # (rel="author", rel="author external")
                or ("/aut" in href or "/newsteam/" in href)
                or (cls and (seen(cls) or _any_class(cls)) > 0)
                or "date" in ident
            ):
                _candidates(s, i, el, "a", cls, ident, itemprop)
            continue
        if tag in _INDEXED_TAGS:
            if tag in by_tag:
                by_tag[tag].append(i)
            else:
                by_tag[tag] = [i]
        elif tag == "body":
            s.body = i
        elif tag == "p":
            s.p_parents.add(p)
        if (
            itemprop
            or tag in _CANDIDATE_TAGS
            or (cls and (seen(cls) or _any_class(cls)) > 0)
            or "date" in ident
        ):
            _candidates(s, i, el, tag, cls, ident, itemprop)
    _sum_up(s, tails)
    return s


def _sum_up(s: PageScan, tails: list[int]) -> None:
    """Text, link-text and subtree extents, children before parents."""
    n = len(s.nodes)
    parent, tags, own = s.parent, s.tags, s.own
    size = own[:]
    links = [0] * n
    end = list(range(1, n + 1))
    for i in range(n - 1, -1, -1):
        if tags[i] == "a":
            links[i] = size[i]
        p = parent[i]
        if p < 0:
            continue
        tail = tails[i]
        own[p] += tail
        size[p] += size[i] + tail
        links[p] += links[i]
        if end[i] > end[p]:
            end[p] = end[i]
    s.size, s.links, s.end = size, links, end
