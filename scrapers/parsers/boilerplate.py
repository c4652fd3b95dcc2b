"""Recognising boilerplate blocks inside (or around) the article content.

Share bars, related posts, newsletter boxes, ads and the like are named in
their ``class``/``id`` by nearly every CMS and theme, and link lists betray
themselves by their link density.  Pruning never removes a block that holds
most of the container's text, so a misleading class name on a wrapper cannot
empty the body.
"""

from __future__ import annotations

import re

from lxml import etree

from scrapers.parsers.dates import parse_date
from scrapers.parsers.scan import PageScan

_BAD_WORDS = re.compile(
    r"share|sharing|sharedaddy|social|related|newsletter|promo|sidebar|widget-area|comment|"
    r"breadcrumb|subscri|advert|banner|cookie|popup|modal|footer|navigation|navbar|menu|"
    r"recommend|readmore|read-more|more-stories|signup|sign-up|disqus|outbrain|taboola|"
    r"sponsor|pagination|nav-links|post-nav|toolbar|skip-link|screen-reader|tagcloud|"
    r"post-tags|entry-tags|tag-links|cat-links|entry-meta|post-meta|article-meta|byline|"
    r"author-bio|author[-_]?box|autor(?:en)?[-_]?box|about-(?:the-)?author|saboxplugin|"
    r"donat|login|jp-relatedposts|addtoany|news-letter|"
    # the post's filing line under the text ("This entry was posted in ...")
    r"postmetadata|entry-utility|sociable|disclaimer|factbox|infobox|appstore|app-download|flyout|"
    r"most-popular|trending|dropdown|overlay|visually-hidden|sr-only|"
    r"inline-ad|adsense|ad-container|ad-slot|adslot|dfp|googlead|nocontent|"
    r"wp-block-buttons|wp-block-latest-posts|yarpp|crp_related|also-read|read-also|"
    # calls to action: subscribe, donate, rate the article, pop-ups
    r"(?<![a-z])cta(?![a-z])|pop-up|(?<!non-)paywall|post-ratings|star-rating|spenden|"
    # picture credits
    r"credit|copyright|listposts|articlelist|article-list"
)  # matched against lowercased attributes (re.I alternations are several times slower)
_BAD_TOKENS = frozenset(
    ["ad", "ads", "adv", "nav", "tags", "tag", "meta", "aside", "follow", "print", "rss", "hidden"]
)
_TOKEN_SPLIT = re.compile(r"\s+")
# "ad" as a part of a hyphenated name ("it-ad", "ad-wrapper"): other words are
# too often parts of harmless names ("hidden-xs", "no-print").
_AD_PART = re.compile(r"(?<![a-z0-9])ads?(?:-|_)|(?:-|_)ads?(?![a-z0-9])")
_DROP_TAGS = frozenset(["nav", "aside", "footer", "form", "header", "h1"])
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
EXCLUDED_REGION = re.compile(r"(?<![a-z])(?:comment|sidebar|related|footer|respond)")


# Headings that open the "more stories" part after an article, in several languages.
_END_MARKER = re.compile(
    r"^\W*(?:related|read more|more from|more on this|more stories|you may also like|"
    r"you might also like|recommended|see also|also read|mehr zum thema|mehr zu|lesen sie auch|"
    r"auch interessant|das könnten? (?:sie|dich|euch) auch interessieren|weitere artikel|"
    r"weitere (?:aktuelle )?\w*(?:tipps|themen|news|nachrichten|meldungen)|"
    r"(?:das thema|dies(?:er|e|es)? \w+) könnten? (?:sie|dich|euch) auch interessieren|"
    r"weitere beiträge|verwandte beiträge|verwandte themen|schlagworte|schlagwörter|"
    r"temas relacionados|noch mehr|aktuelle news|jetzt teilen|über den autor|über die autorin|"
    r"(?:autor|autorin|author)$|"
    r"about the author|mehr beiträge von|mehr kolumnen|share on|tags:|"
    r"ähnliche artikel|verwandte artikel|te puede interesar|le puede interesar|"
    r"noticias relacionadas|lee también|leer más|relacionad[oa]s|à lire aussi|lire aussi|"
    r"sur le même sujet|articles similaires|leggi anche|articoli correlati|zobacz też|"
    r"czytaj także|share this|teilen|compartir|"
    # feedback and sharing prompts under the article
    r"was this (?:article|page|post) (?:helpful|useful)|"
    r"war (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)|"
    r"möchten sie (?:den|diesen) (?:artikel|beitrag) teilen|(?:diesen )?artikel teilen)\b",
    re.I,
)
_RIGHTS = re.compile(
    r"^[|/(\s-]*(?:©|\(c\)\s)|all rights reserved|alle rechte vorbehalten|"
    r"todos los derechos reservados|tous droits réservés|tutti i diritti riservati",
    re.I,
)
_CREDIT = re.compile(
    r"^\(?(?:foto|fotos|photo|photos|bild|bilder|image|credit|crédito|quelle|source|fuente|©|"
    r"beitragsbild|titelbild|symbolbild|aufmacherbild)\s*:|"
    r"^(?:photograph|photo|picture|image|foto|bild)s? (?:by|von) ",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]{2,}")


def is_end_marker(el: etree._Element, text: str) -> bool:
    """A short heading such as "Related posts" / "Mehr zum Thema"."""
    return len(text) <= 60 and bool(_END_MARKER.match(text))


def is_meta_line(text: str) -> bool:
    """A short line that is only a date or a rights notice ("Aktualisiert: 11.04.2020")."""
    if len(text) > 120:
        return False
    if _RIGHTS.search(text) or (len(text) < 80 and _CREDIT.match(text)):
        return True
    if len(text) > 50:
        return False
    iso, _ = parse_date(text)
    if not iso:
        return False
    rest = re.sub(r"\d+", " ", text)
    return len(_WORD.findall(rest)) <= 2 and not re.search(r"\b(?:uhr|h)\b", text, re.I)


def _attrs(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def is_hidden(el: etree._Element) -> bool:
    """True for elements the page does not show (``hidden``, display:none)."""
    items = el.items()  # (one call for all attributes: most elements have none)
    return bool(items) and _hidden(dict(items))


def _hidden(a: dict[str, str]) -> bool:
    if "hidden" in a or _HIDDEN_STYLE.search(a.get("style") or ""):
        return True
    return "hidden" in (a.get("class") or "").split()


# A teaser of another article is named so and headed by a link to it (a lead
# that a CMS names "teaser" carries no linked heading).
_LINKED_HEADING = etree.XPath("boolean(.//*[self::h2 or self::h3 or self::h4]//a[@href])")
_BAD_ROLES = frozenset(["navigation", "complementary", "banner", "contentinfo", "search", "dialog"])


def is_boilerplate(el: etree._Element) -> bool:
    """True when the element's markup names it as non-article content."""
    items = el.items()
    if not items:
        return False
    a = dict(items)
    if _hidden(a) or (a.get("role") or "").lower() in _BAD_ROLES:
        return True
    attrs = f"{a.get('class') or ''} {a.get('id') or ''}".lower()
    if not attrs.strip() or el.tag in ("article", "main", "body"):
        return False
    if _BAD_WORDS.search(attrs) or ("teaser" in attrs and _LINKED_HEADING(el)):
        return True
    return any(t in _BAD_TOKENS for t in _TOKEN_SPLIT.split(attrs)) or bool(_AD_PART.search(attrs))


def in_excluded_region(el: etree._Element) -> bool:
    """True inside a comment thread, sidebar or widget area."""
    return any(
        EXCLUDED_REGION.search(_attrs(a))
        for a in el.iterancestors()
        if a.tag not in ("body", "html")
    )


def _measure(el: etree._Element) -> int:
    s = el.text_content()
    return len(s) - s.count(" ") - s.count("\n") - s.count("\t")


class _Sizes:
    """Text and link-text sizes, read from the page scan when there is one.

    The scan's sizes predate pruning; what prune removes is subtracted from
    the container, and the blocks inside it are at most slightly overestimated.
    """

    def __init__(self, scan: PageScan | None) -> None:
        self.scan = scan

    def text(self, el: etree._Element) -> int:
        i = self.scan.index.get(el) if self.scan is not None else None
        return self.scan.size[i] if i is not None else _measure(el)

    def paragraphs(self, el: etree._Element) -> int | None:
        """Paragraph text as scored by the container search; None when unknown."""
        i = self.scan.index.get(el) if self.scan is not None else None
        return self.scan.paragraphs(i) if i is not None else None

    def links(self, el: etree._Element) -> int:
        i = self.scan.index.get(el) if self.scan is not None else None
        if i is not None:
            return self.scan.links[i]
        return sum(len(a.text_content().strip()) for a in el.iter("a"))


_BLOCKS = frozenset(["div", "ul", "ol", "section", "table", "p", "dl"])


def _link_dense(el: etree._Element, total: int, sizes: _Sizes) -> bool:
    if el.tag not in _BLOCKS or total == 0:
        return False
    links = sizes.links(el)
    if el.tag == "p":
        return total < 200 and links > 0.6 * total
    return links > 0.5 * total and total < 1500


def _doomed(el: etree._Element, limit: float, sizes: _Sizes) -> bool:
    size = None
    if el.tag in _DROP_TAGS or is_boilerplate(el):
        size = sizes.text(el)
        if size <= limit:
            return True
    if el.tag in _BLOCKS:
        size = sizes.text(el) if size is None else size
        return size <= limit and _link_dense(el, size, sizes)
    return False


def _holds_article(
    container: etree._Element, following: list[etree._Element], sizes: _Sizes
) -> bool:
    """True when a quarter of the container's paragraph text comes after the marker
    (so it is a share or "related" heading above the article, not its end)."""
    total = sizes.paragraphs(container)
    if not total:
        return False
    return sum(sizes.paragraphs(f) or 0 for f in following) > 0.25 * total


_HEADLINE = etree.XPath("boolean(.//h1)")


def _cut_after_end_markers(container: etree._Element, sizes: _Sizes) -> int:
    """Drop an end-of-article heading and what follows it at its level; the size cut."""
    for el in list(container.iter("h2", "h3", "h4", "h5", "h6", "p", "div", "strong", "span")):
        if el.getparent() is None or len(el) > 3 or sizes.text(el) > 60:
            continue  # (an end marker is at most 60 characters long)
        text = " ".join(el.text_content().split())
        if not is_end_marker(el, text):
            continue
        node = el
        while (
            node.getparent() is not None
            and node.getparent() is not container
            and (len(node.getparent()) == 1)
        ):
            node = node.getparent()
        following = list(node.itersiblings())
        cut = sum(sizes.text(f) for f in following)
        if (
            cut > 0.5 * sizes.text(container)
            or _holds_article(container, following, sizes)
            or any(f.tag == "h1" or _HEADLINE(f) for f in following)  # a share bar above it
        ):
            continue
        cut += sizes.text(node)
        for sib in following:
            sib.drop_tree()
        node.drop_tree()
        return cut
    return 0


def _drop_meta_lines(container: etree._Element, sizes: _Sizes) -> int:
    """Drop date-only and rights lines; the size dropped."""
    dropped = 0
    for el in list(container.iter("p", "div", "span", "time", "small", "li")):
        if el.getparent() is None or len(el) > 4 or (size := sizes.text(el)) > 120:
            continue  # (a meta line is at most 120 characters long)
        text = " ".join(el.text_content().split())
        if text and is_meta_line(text):
            el.drop_tree()
            dropped += size
    return dropped


# Headings that are links to other pages (an article's own subheadings are not;
# a link to an anchor of the page is a table of contents).
_HEADINGS = ("h2", "h3", "h4", "h5")


def _links_elsewhere(h: etree._Element) -> bool:
    text = _measure(h)
    linked = sum(_measure(a) for a in h.iter("a") if not (a.get("href") or "#").startswith("#"))
    return text > 0 and linked >= 0.8 * text


def teaser_lists(container: etree._Element) -> set[etree._Element]:
    """Blocks listing other articles: two or more headings that link elsewhere.

    The block is the lowest one holding two such headings whose text is
    mostly the link's; a heading that merely contains a link is prose.
    """
    counts: dict[etree._Element, int] = {}
    for h in container.iter(_HEADINGS):
        if not _links_elsewhere(h):
            continue
        for a in h.iterancestors():
            if a is container:
                break
            counts[a] = counts.get(a, 0) + 1
    lists = {el for el, n in counts.items() if n >= 2 and el.tag in _BLOCKS}
    return {el for el in lists if not any(a in lists for a in el.iterancestors())}


def _closing(container: etree._Element, el: etree._Element, sizes: _Sizes) -> bool:
    """True when ``el`` follows most of the container's prose (lists of other
    articles close a page; on a front page the teasers are the content)."""
    s = sizes.scan
    i, c = (s.index.get(el), s.index.get(container)) if s is not None else (None, None)
    if i is None or c is None or not s.para_prefix or s.tags[c] in ("body", "html"):
        return False  # (a whole page as the container: no article to close)
    before = s.para_prefix[i] - s.para_prefix[c]
    return before >= 200 and before > s.para_prefix[s.end[c]] - s.para_prefix[s.end[i]]


# Names of the lead (standfirst) that CMSs print under the headline.
LEAD = re.compile(
    r"teaser|intro|lead|excerpt|standfirst|summary|subtitle|deck|abstract|epigraph|"
    r"(?<![a-z])dek(?![a-z])|bajada|entradilla|chapo|sommario"
)


def _is_header_lead(el: etree._Element, sizes: _Sizes) -> bool:
    size = sizes.text(el)
    named = el.tag != "span" and LEAD.search(_attrs(el))
    if not ((named and size >= 30) or (el.tag in ("p", "h2") and size >= 80)):
        return False
    return not is_boilerplate(el) and 3 * sizes.links(el) < size


_LEAD_CANDIDATES = frozenset(["p", "div", "h2", "span"])


def _header_leads(header: etree._Element, sizes: _Sizes) -> list[etree._Element]:
    """The lead paragraphs in an article's header: named so, or a sentence-long
    paragraph or subheading that is not a link (the outermost such block)."""
    out: list[etree._Element] = []
    stack = list(reversed(header))
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        if el.tag in _LEAD_CANDIDATES and _is_header_lead(el, sizes):
            out.append(el)  # (not looked into)
        else:
            stack.extend(reversed(el))
    return out


def _strip_to_leads(container: etree._Element, sizes: _Sizes) -> set[etree._Element]:
    """Reduce the headers inside the container to their leads; the headers kept.

    A header holds the headline, the byline and the date, which are fields of
    their own, but often the lead too, which is article text.
    """
    kept: set[etree._Element] = set()
    for header in list(container.iter("header")):
        if header.getparent() is None or any(a in kept for a in header.iterancestors()):
            continue
        leads = _header_leads(header, sizes)
        if not leads:
            continue
        lead_set = set(leads)
        keep = set(leads)
        for lead in leads:
            for a in lead.iterancestors():
                if a is header or a in keep:
                    break
                keep.add(a)
        stack = list(header)
        while stack:  # drop what holds no lead; leads are not looked into
            el = stack.pop()
            if el in lead_set:
                continue
            if el in keep:
                stack.extend(el)
            elif el.getparent() is not None:
                el.drop_tree()
        kept.add(header)
    return kept


def prune(
    container: etree._Element, *, title: str | None = None, scan: PageScan | None = None
) -> None:
    """Remove boilerplate descendants of ``container`` in place.

    ``scan`` (of the page before pruning) spares measuring every block's text.
    """
    sizes = _Sizes(scan)
    removed = _cut_after_end_markers(container, sizes)
    removed += _drop_meta_lines(container, sizes)
    limit = max((sizes.text(container) - removed) * 0.5, 200)
    for el in teaser_lists(container):
        if sizes.text(el) <= limit and _closing(container, el, sizes):
            el.drop_tree()
    kept = _strip_to_leads(container, sizes)
    doomed = []
    stack = list(container)
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        if el not in kept and _doomed(el, limit, sizes):
            doomed.append(el)
        else:
            stack.extend(el)
    for el in doomed:
        el.drop_tree()
