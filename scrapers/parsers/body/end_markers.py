"""The heading that ends an article ("Related posts", "Mehr zum Thema").

Everything after it at its level is the site's, not the article's: the cut
removes the heading and its following siblings, unless what follows holds
much of the text (then the heading is a share bar above the article).  A
share label ends only its buttons: prose after it stays.
"""

from __future__ import annotations

import re

from lxml import etree

from scrapers.parsers.body.markup import is_boilerplate, names_listing
from scrapers.parsers.body.sizes import Sizes

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
    r"czytaj także|share this|teilen|compartir|also on [\w.-]*\w(?=:?$)|"
    # feedback and sharing prompts under the article
    r"was this (?:article|page|post) (?:helpful|useful)|"
    r"war (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)|"
    r"möchten sie (?:den|diesen) (?:artikel|beitrag) teilen|(?:diesen )?artikel teilen)\b",
    re.I,
)
_HEADLINE = etree.XPath("boolean(.//h1)")
# The end markers that only label a share bar: inside an article, prose can follow it.
_SHARE = re.compile(
    r"^\W*(?:share (?:this|on)|(?:jetzt |diesen )?(?:artikel )?teilen|compartir)\b", re.I
)
SHARE_PROSE = 40  # characters of paragraph text: a block after a share bar that is the article's


def is_end_marker(el: etree._Element, text: str) -> bool:
    """A short heading such as "Related posts" / "Mehr zum Thema"."""
    return len(text) <= 60 and bool(_END_MARKER.match(text))


def _holds_article(
    container: etree._Element, following: list[etree._Element], sizes: Sizes
) -> bool:
    """True when a quarter of the container's paragraph text comes after the marker
    (so it is a share or "related" heading above the article, not its end)."""
    total = sizes.paragraphs(container)
    if not total:
        return False
    return sum(sizes.paragraphs(f) or 0 for f in following) > 0.25 * total


def _named_boilerplate(following: list[etree._Element], cut: int, sizes: Sizes) -> bool:
    """True when what follows the marker is named as a promo or a list of other
    posts (HuffPost's "Also on HuffPost:" over a slideshow of other stories),
    whatever its length."""
    named = sum(sizes.text(f) for f in following if is_boilerplate(f) or names_listing(f))
    return cut > 0 and named >= 0.8 * cut


def _buttons(following: list[etree._Element], sizes: Sizes) -> list[etree._Element]:
    """The blocks after a share label up to the first that holds article prose
    (the closing paragraphs after a share bar in the middle of the text)."""
    out: list[etree._Element] = []
    for f in following:
        prose = sizes.paragraphs(f) or 0
        if prose >= SHARE_PROSE and not (is_boilerplate(f) or names_listing(f)):
            break
        out.append(f)
    return out


def cut_after_end_markers(container: etree._Element, sizes: Sizes) -> int:
    """Drop an end-of-article heading and what follows it at its level; the size cut."""
    for el in list(container.iter("h2", "h3", "h4", "h5", "h6", "p", "div", "strong", "span")):
        if el.getparent() is None or len(el) > 3 or not 0 < sizes.text(el) <= 60:
            continue  # (an end marker is at most 60 characters long; an empty one is none)
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
        if _SHARE.match(text):  # (a share bar: what follows its buttons may be the article's)
            following = _buttons(following, sizes)
        cut = sum(sizes.text(f) for f in following)
        if any(f.tag == "h1" or _HEADLINE(f) for f in following):  # a share bar above it
            continue
        if (
            cut > 0.5 * sizes.text(container) or _holds_article(container, following, sizes)
        ) and not _named_boilerplate(following, cut, sizes):
            continue
        cut += sizes.text(node)
        for sib in following:
            sib.drop_tree()
        node.drop_tree()
        return cut
    return 0
