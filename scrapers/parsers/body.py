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
from dataclasses import dataclass

from lxml import etree

from scrapers.parsers import boilerplate
from scrapers.parsers.select import select_all
from scrapers.parsers.text import clean_html, element_text, fragment_html

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
_PARA_TAGS = ("p", "pre", "li", "blockquote")
# Readability's "unlikely candidates": regions whose paragraphs never count.
_UNLIKELY = re.compile(
    r"(?<![a-z])(?:-ad-|banner|breadcrumb|combx|comment|community|disqus|extra|footer|gdpr|legends|menu|"
    r"related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|"
    r"ad-break|agegate|pagination|pager|popup|newsletter|share|sharing|widget-area|cookie|"
    r"consent|respond|reply)"
)
_MAYBE = re.compile(r"and|article|body|column|content|main|shadow|post|entry|story|text")
# (patterns are matched against lowercased attributes: re.I alternations are 5x slower)
_ATTR_NODES = etree.XPath("//*[@class or @id or @role or @itemprop]")
_TEXT_BLOCKS = ("div", "td", "section", "article", "main", "font", "span")
_CONTENT = re.compile(
    r"articlebody|entry-content|post-content|article-body|article-content|article__body|"
    r"article-text|story-body|story-content|post-body|entry-body|post-entry|single-content|"
    r"content-body|article__content|td-post-content|post_content|articletext|article_body|"
    r"rich-text"
)
NOISE_WEIGHT = 0.25  # how much one character of non-paragraph text costs a candidate


@dataclass(slots=True)
class Body:
    """The extracted body: plain text, safe HTML and the container element."""

    text: str = ""
    html: str = ""
    node: etree._Element | None = None


def text_len(s: str) -> int:
    """Length without whitespace, so indentation does not count as text."""
    return len(s) - s.count(" ") - s.count("\n") - s.count("\t") - s.count("\r")


def _link_len(el: etree._Element) -> int:
    return sum(text_len(a.text_content()) for a in el.iter("a"))


def _own_text(el: etree._Element) -> int:
    return text_len((el.text or "") + "".join(c.tail or "" for c in el))


def _scan(root: etree._Element) -> tuple[set[etree._Element], list[etree._Element]]:
    """One pass over marked-up elements: unlikely regions and CMS content containers."""
    unlikely: set[etree._Element] = set()
    known: list[etree._Element] = []
    limit = 0.4 * text_len(root.text_content())
    for el in [*_ATTR_NODES(root), *root.iter("nav", "aside", "footer", "form")]:
        if el.tag in ("body", "html") or el in unlikely:
            continue
        attrs = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}".lower()
        if _CONTENT.search(attrs) and len(known) < 10:
            known.append(el)
        if el.tag in ("article", "main"):
            continue
        role = el.get("role") or ""
        bad = (
            boilerplate.is_hidden(el)
            or el.tag in ("nav", "aside", "footer", "form")
            or role in ("navigation", "complementary", "contentinfo", "banner")
            or (_UNLIKELY.search(attrs) and not _MAYBE.search(attrs))
        )
        if bad and _minor(el, limit):
            unlikely.add(el)
    return unlikely, known


def _minor(el: etree._Element, limit: float) -> bool:
    """Not a wrapper of the page's main parts (broken markup nests pages in menus)."""
    return (
        el.find(".//h1") is None
        and el.find(".//article") is None
        and text_len(el.text_content()) < limit
    )


def _paragraph_scores(
    root: etree._Element, unlikely: set[etree._Element] | None = None
) -> dict[etree._Element, int]:
    """Paragraph text (non-link characters) credited to every ancestor."""
    scores: dict[etree._Element, int] = {}
    unlikely = unlikely or set()
    for el in root.iter(*_PARA_TAGS, *_TEXT_BLOCKS):
        if el.tag in _PARA_TAGS:
            if el.tag in ("li", "blockquote") and el.find("p") is not None:
                continue
            total = text_len(el.text_content())
            value = total - _link_len(el) if total >= 20 else 0
            if value < 0.5 * total:
                continue
        else:
            value = _own_text(el)
            if value < 80:
                continue
        chain = [el, *el.iterancestors()]
        if unlikely and any(n in unlikely for n in chain):
            continue
        for node in chain:
            scores[node] = scores.get(node, 0) + value
            if node is root:
                break
    return scores


def best_container(root: etree._Element) -> tuple[etree._Element | None, int]:
    """The element with most paragraph text for least other text.

    A CMS-named container (``entry-content``, ``itemprop=articleBody``) wins
    when it holds at least half of the best candidate's paragraph text.
    """
    unlikely, known = _scan(root)
    scores = _paragraph_scores(root, unlikely)
    best, best_score, best_p = None, 0.0, 0
    for el, para in scores.items():
        if el.tag in _PARA_TAGS:
            continue
        noise = text_len(el.text_content()) - para
        score = para - NOISE_WEIGHT * max(noise, 0)
        if score > best_score:
            best, best_score, best_p = el, score, para
    known = [el for el in known if not boilerplate.in_excluded_region(el)]
    if known:
        para, el = max(((scores.get(el, 0), el) for el in known), key=lambda x: x[0])
        if para > 0 and para >= 0.5 * best_p:
            return el, para
    return best, best_p


def strip_junk(root: etree._Element) -> None:
    """Remove elements that never hold article text (scripts, widgets' markup)."""
    etree.strip_elements(root, *_JUNK_TAGS, with_tail=False)
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)


def extract_body(
    doc: etree._Element, *, selector: str | None = None, title: str | None = None
) -> Body:
    """Body text and HTML of the article; empty when the page has none."""
    root = doc.find("body")
    if root is None:
        root = doc
    strip_junk(root)
    if selector:
        nodes = select_all(doc, selector)
        if nodes:
            for node in nodes:
                boilerplate.prune(node, title=title)
            text = "\n\n".join(t for t in (element_text(n) for n in nodes) if t)
            if text:
                return Body(text=text, html=fragment_html(nodes), node=nodes[0])
    node, _ = best_container(root)
    if node is None:
        return Body()
    boilerplate.prune(node, title=title)
    text = element_text(node)
    return Body(text=_trim(text), html=clean_html(node), node=node)


_READ_MORE = re.compile(r"^(?:read more|related|see also|more:|also read|lee también)\b", re.I)


_SENTENCE_END = re.compile(r"[.!?…:\"”“»«)\]]$")


def _trim(text: str) -> str:
    """Drop trailing labels left after pruning ("Read more", "Schlagworte", "Share")."""
    paras = text.split("\n\n")
    for _ in range(3):
        if len(paras) < 2:
            break
        last = paras[-1]
        if (_READ_MORE.match(last) and len(last) < 200) or (
            len(last) < 40 and not _SENTENCE_END.search(last)
        ):
            paras.pop()
    return "\n\n".join(paras)
