"""Authors from bylines: find the byline, then split it into people.

The finders here only decide which string to trust (JSON-LD persons, meta
author, the visible byline nearest to the headline); :mod:`.names` turns the
chosen string into names plus an optional source.  :mod:`.meta` reads the
authors the metadata states, :mod:`.links` reads a byline's links (profiles,
topics), :mod:`scrapers.parsers.document.publication` tells the
publication's names from people's, and :mod:`.fallbacks` holds the last
resorts of a page whose bylines name nobody.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain, islice

from lxml import etree

from scrapers.items import Author
from scrapers.parsers.authors.box import box_byline, in_box
from scrapers.parsers.authors.fallbacks import copyright_holder, is_person, site_owner
from scrapers.parsers.authors.links import AUTHOR_PATH, is_taxonomy, text_without
from scrapers.parsers.authors.meta import full_name, meta_byline
from scrapers.parsers.authors.names import authors_from, is_organisation
from scrapers.parsers.document.headline import headline_at
from scrapers.parsers.document.metadata import Metadata
from scrapers.parsers.document.publication import (
    WEB_NAME,
    host_label,
    is_brand,
    named_in,
    publications,
    squash,
)
from scrapers.parsers.document.scan import PageScan, scan_page
from scrapers.parsers.document.select import select_first
from scrapers.parsers.document.text import inline_text

__all__ = ["dom_bylines", "extract_authors"]

_BY_TEXT = re.compile(
    r"^[\s\-–—|·•]*(?:(?:(?:blog\s+)?(?:text|texto|written|posted|beitrag)\s+)?(?:by|von|vom|por|par|door)\s+\S"
    r"|(?:text|texto|autor|autorin|autoren|author|authors|auteur|auteure|autore|autrice|redaktion|redacción)\s*:\s*\S"
    r"|autoren\s+\S)",
    re.I,
)
# A label standing alone in its element, the name following it ("<b>Von:</b> Name").
_BY_LABEL = re.compile(
    r"^[\s|]*(?:by|von|por|par|door|written\s+by|autor|autorin|author|auteur|autore|text|texto|redaktion)\s*:?\s*$",
    re.I,
)


_COMMENT = re.compile("comment")


def _text_bylines(s: PageScan, ref: int) -> list[int]:
    """Short elements starting "By ..." / "Von ..." / "Por ..." around the headline."""
    return list(_by_texts(s, range(max(s.body, ref - 40), min(s.end[s.body], ref + 150))))


# First letters of the labels above: most texts fail this before any regex runs.
_BY_FIRST = frozenset("bvpdtarwBVPDTARW-–—|·•")


def _starts_label(text: str | None) -> bool:
    t = text.lstrip() if text else ""
    return bool(t) and t[0] in _BY_FIRST


def _by_texts(s: PageScan, span: range) -> Iterator[int]:
    """Elements of ``span`` that state a byline by its label, in page order."""
    tags, size = s.tags, s.size
    for i in span:
        if tags[i] not in _BY_TAGS or not 2 <= size[i] <= 400:
            continue  # (a byline, or the element holding its label, is short)
        el = s.nodes[i]
        text = el.text
        first = text.lstrip()[:1] if text else ""  # (_starts_label, inlined: a call per element)
        if first and first in _BY_FIRST:
            if not len(el) and _BY_LABEL.match(text):
                if el.tail and not el.tail.isspace():
                    yield i  # "<b>Text:</b> Name" (see _byline_text)
                elif (up := _label_holder(s, i)) is not None:
                    yield up  # "<span>By</span> <span>Name</span>"
            elif _BY_TEXT.match(text) or (
                len(el) and el[0].tag == "a" and _BY_TEXT.match(text + " x")
            ):
                yield i  # "By <a>Name</a>": the name is in the child
        elif (
            (not text or text.isspace())
            and len(el)
            and _starts_label(el[0].text)
            and _BY_TEXT.match(f"{el[0].text} {el[0].tail or ''}")
        ):
            yield i  # "<p><strong>Text:</strong> Name</p>"


def _label_holder(s: PageScan, i: int) -> int | None:
    """The nearest ancestor of a bare label that also holds the name after it.

    Templates wrap label and name in separate fields ("<p><b>By</b></p>"
    then "<p>Name</p>" in a sibling block), so the label's own parent may
    hold nothing but the label; a holder of more than a short line is not
    a byline any more.
    """
    label = s.size[i]
    for _ in range(3):
        i = s.parent[i]
        if i <= s.body or s.size[i] > label + 60:
            return None
        if s.size[i] > label:
            return i
    return None


def _byline_text(el: etree._Element) -> str:
    """The byline an element states: a bare label takes the name that follows it."""
    text = el.text
    if not len(el) and text and el.tail and _BY_LABEL.match(text):
        return " ".join(f"{text} {el.tail}".split())
    return inline_text(el)


def dom_bylines(s: PageScan, title: str | None = None) -> Iterator[tuple[str, dict[str, str]]]:
    """Visible byline candidates, nearest to the headline first: (text, profile urls).

    Teaser lists and author boxes repeat the markup of bylines, so the one
    beside the headline is the article's own (on a tie, the one after it).
    """
    ref = headline_at(s, title)
    candidates = {*s.bylines[:60], *_text_bylines(s, ref)}
    for i in sorted(candidates, key=lambda i: (s.distance(i, ref), i < ref, i)):
        el = s.nodes[i]
        text = box_byline(el) if in_box(s, i) else _byline_text(el)
        if (
            text is None
            or not 2 <= len(text) <= 200
            or s.inside(i, _COMMENT)
            or _holds_heading(s, i)
        ):
            continue
        if text == title:
            continue  # the headline itself, in an element with an author class
        name_el = el.find(".//*[@itemprop='name']") if s.end[i] - i > 1 else None
        if name_el is not None and inline_text(name_el):
            text = inline_text(name_el)
        links, topics = {}, []
        for a in el.iter("a"):
            if href := a.get("href"):
                if is_taxonomy(a, href):
                    topics.append(a)
                else:
                    links[inline_text(a)] = href
        if topics and name_el is None:
            text = text_without(el, topics)
        yield text, links


_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])


def _holds_heading(s: PageScan, i: int) -> bool:
    """A teaser (a linked headline with its byline), not a byline: themes mark whole
    teasers with the author's taxonomy class ("autor-jane-doe").  Author cards
    head the name linked to the profile, or with more links ("Name Follow")."""
    tags = s.tags
    for j in range(i + 1, min(s.end[i], i + 200)):  # (a byline is a few elements)
        if tags[j] in _HEADINGS and s.links[j] and s.links[j] == s.size[j]:
            links = s.nodes[j].findall(".//a[@href]")
            if len(links) == 1 and not AUTHOR_PATH.search(links[0].get("href")):
                return True
    return False


def _visible(s: PageScan, authors: list[Author]) -> bool:
    """True when the page text shows the first author's name."""
    name, text = authors[0].name, s.body_text()
    # (casefolding is per character, so a verbatim match is a match; folding
    # the whole page text is the costly part, done only when there is none)
    return name in text or name.casefold() in text.casefold()


_BY_TAGS = frozenset(["p", "span", "div", "em", "strong", "small", "address", "li", "i", "b"])


def extract_authors(
    doc: etree._Element,
    md: Metadata,
    *,
    selector: str | None = None,
    site_name: str | None = None,
    title: str | None = None,
    scan: PageScan | None = None,
    url: str | None = None,
) -> tuple[list[Author], str | None]:
    """Authors in byline order and the credited source (agency or organisation).

    ``title`` (the extracted headline) locates the article's own byline;
    ``url`` (the page's) tells the publication's own name from a person's.
    """
    if selector and (el := select_first(doc, selector)) is not None:
        authors, source = authors_from([(inline_text(el), {})], site_name, trusted=True)
        if authors:
            return authors, source
    s = scan or scan_page(doc)
    persons, orgs = meta_byline(md)
    pubs = publications(site_name, url, orgs)
    dom_authors, dom_source = _dom_authors(s, site_name, title, pubs)
    dom_authors = [full_name(md, a) for a in dom_authors]
    meta_authors, meta_source = authors_from(persons, site_name, publications=pubs, declared=True)
    meta_authors = [_printed_name(s, full_name(md, a)) for a in meta_authors]
    legal = [o for o in (dom_source, meta_source) if o and is_organisation(o)]
    if meta_authors and named_in(meta_authors, legal):
        # "Deutsches Rotes Kreuz" in metadata, "Deutsches Rotes Kreuz e.V." on the page
        meta_authors, orgs = [], [legal[0], *orgs]
    if dom_authors and named_in(dom_authors, legal):
        dom_authors, orgs = [], [legal[0], *orgs]
    if meta_authors and WEB_NAME.match(meta_source or ""):
        # "Deutsche Welle (www.dw.com)": the publication, credited as the source
        orgs = [meta_authors[0].name, *orgs]
        meta_authors, meta_source = [], None
    if meta_authors and (not dom_authors or _meta_wins(s, meta_authors, dom_authors, url)):
        return meta_authors, meta_source or dom_source or (orgs[0] if orgs else None)
    if dom_authors:
        return dom_authors, dom_source or (orgs[0] if orgs else None)
    late, late_source = _late_byline(s, site_name, title, pubs)
    if late:
        return late, late_source or (orgs[0] if orgs else None)
    return _last_resort(s, site_name, url, orgs)


def _last_resort(
    s: PageScan, site_name: str | None, url: str | None, orgs: list[str]
) -> tuple[list[Author], str | None]:
    """A page whose bylines name nobody: a personal site's owner, else the person
    its closing copyright notice names; an organisation's name goes to ``source``."""
    owner = site_owner(inline_text(s.first("title")), site_name, url)
    if owner and is_person(owner) and not is_brand(owner, url):
        return [Author(name=owner)], None
    if holder := copyright_holder(s, site_name, url):
        return [Author(name=holder)], orgs[0] if orgs else None
    return [], orgs[0] if orgs else owner


_LOGIN = re.compile(r"^([^\W\d_]{2,})[._-]([^\W\d_]{2,})$")


def _printed_name(s: PageScan, author: Author) -> Author:
    """The name the page prints for a login given as author ("christian.stadtfeld").

    CMS accounts named first.last leak into metadata; the article signs
    with the full name ("Christian P. Stadtfeld"), middle initial included.
    """
    m = _LOGIN.match(author.name)
    if not m or not author.name.islower():
        return author
    first, last = (re.escape(w) for w in m.groups())
    pattern = rf"(?i:\b{first})(?:\s+[^\W\d_]\.)?\s+(?i:{last}\b)"
    printed = re.search(pattern, s.body_text())
    if printed and printed.group()[0].isupper():
        return Author(name=" ".join(printed.group().split()), url=author.url)
    return author


def _adds_people(meta: list[Author], dom: list[Author]) -> bool:
    """The byline names every metadata author and further plain full names."""
    names = {squash(a.name) for a in meta}
    if len(dom) <= len(meta) or not names <= {squash(a.name) for a in dom}:
        return False
    extra = [a.name.split() for a in dom if squash(a.name) not in names]
    return all(2 <= len(w) <= 3 and all(x[0].isupper() for x in w) for w in extra)


def _completes(meta: list[Author], dom: list[Author]) -> bool:
    """The byline spells out in full the names metadata gives short ("Todd" / "Todd Bates")."""
    if len(meta) != len(dom):
        return False
    pairs = zip(meta, dom, strict=True)
    return all(
        d.name.casefold().startswith(m.name.casefold() + " ") and " " not in m.name
        for m, d in pairs
    )


def _meta_wins(s: PageScan, meta: list[Author], dom: list[Author], url: str | None) -> bool:
    """Metadata authors beat the visible byline when the page shows them, unless
    the byline names them and more (metadata often lists only the first), or
    the metadata "author" is the publication itself (its name is the host's)."""
    if not _visible(s, meta):
        return False
    if _adds_people(meta, dom) or _completes(meta, dom):
        return False
    label = host_label(url)
    return not (len(label) > 2 and all(label in squash(a.name) for a in meta))


_EMPHASIS = frozenset(["b", "strong", "i", "em"])


def _signatures(s: PageScan, ref: int) -> Iterator[int]:
    """Paragraphs after the headline that are only an emphasised name and follow prose:
    the signature that ends an article ("<p><b>Stefan Wasmer</b></p>")."""
    tags = s.tags
    for i in range(ref + 1, s.end[s.body]):
        if tags[i] != "p" or not 5 <= s.size[i] <= 40 or s.links[i]:
            continue
        el = s.nodes[i]
        prev = el.getprevious()
        if (
            len(el) == 1
            and el[0].tag in _EMPHASIS
            and not (el.text or "").strip()
            and not (el[0].tail or "").strip()
            and prev is not None
            and prev.tag == "p"
            and s.size[s.index.get(prev, i)] >= 100
            and not _prose(s, el.getnext())
        ):
            yield i


def _prose(s: PageScan, el: etree._Element | None) -> bool:
    """A paragraph of running text (a signature is followed by none)."""
    i = s.index.get(el) if el is not None else None
    return i is not None and s.tags[i] == "p" and s.size[i] >= 100


def _late_byline(
    s: PageScan, site_name: str | None, title: str | None, pubs: tuple[str, ...] = ()
) -> tuple[list[Author], str | None]:
    """A "Text: Name" line or a signature further down the article, where the
    byline is printed at its end rather than by the headline."""
    ref = headline_at(s, title)
    span = range(ref, min(s.end[s.body], ref + 3000))
    for i in islice(chain(_by_texts(s, span), _signatures(s, ref)), 20):
        if s.inside(i, _COMMENT):
            continue
        text = _byline_text(s.nodes[i])
        if len(text) > 120:
            continue
        authors, source = authors_from([(text, {})], site_name, publications=pubs)
        if authors and is_person(authors[0].name):
            return authors, source
    return [], None


def _dom_authors(
    s: PageScan, site_name: str | None, title: str | None, pubs: tuple[str, ...] = ()
) -> tuple[list[Author], str | None]:
    """Authors of the nearest visible byline that names anyone (else its source)."""
    source = None
    for candidate in dom_bylines(s, title):
        authors, source = authors_from([candidate], site_name, publications=pubs)
        if authors:
            return authors, source
    return [], source
