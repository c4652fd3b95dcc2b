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

from lxml import etree

from scrapers.items import Author
from scrapers.parsers.authors.box import box_byline, in_box
from scrapers.parsers.authors.context import holds_heading, in_navigation, in_prose, in_teaser
from scrapers.parsers.authors.credits import late_byline
from scrapers.parsers.authors.fallbacks import (
    copyright_holder,
    is_person,
    marked_person,
    publication_words,
    site_owner,
)
from scrapers.parsers.authors.labels import dated_name
from scrapers.parsers.authors.lines import COMMENT, byline_text, text_bylines
from scrapers.parsers.authors.links import PROFILE, is_taxonomy, text_without
from scrapers.parsers.authors.meta import from_tags, full_name, meta_byline
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


def dom_bylines(s: PageScan, title: str | None = None) -> Iterator[tuple[str, dict[str, str]]]:
    """Visible byline candidates, nearest to the headline first: (text, profile urls).

    Teaser lists and author boxes repeat the markup of bylines, so the one
    beside the headline is the article's own (on a tie, the one after it).
    """
    ref = headline_at(s, title)
    candidates = {*s.bylines[:60], *text_bylines(s, ref)}
    for i in sorted(candidates, key=lambda i: (s.distance(i, ref), i < ref, i)):
        el = s.nodes[i]
        text = box_byline(el) if in_box(s, i) else byline_text(el)
        if (
            text is None
            or not 2 <= len(text) <= 200
            or s.inside(i, COMMENT)
            or in_navigation(s, i)
            or in_prose(s, i)
            or holds_heading(s, i)
            or in_teaser(s, i, ref, title)
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


def _visible(s: PageScan, authors: list[Author]) -> bool:
    """True when the page text shows the first author's name."""
    name, text = authors[0].name, s.body_text()
    # (casefolding is per character, so a verbatim match is a match; folding
    # the whole page text is the costly part, done only when there is none)
    return name in text or name.casefold() in text.casefold()


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
    dom_authors, dom_source = _dom_authors(s, site_name, title, pubs, url)
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
    if (
        meta_authors
        and not dom_authors
        and all(_publication(a.name, pubs, url) for a in meta_authors)
    ):
        # the metadata names the publication ("EFC Bayrische Bembel"); the page, a person
        late, late_source = late_byline(s, site_name, title, pubs)
        if late:
            return late, late_source or meta_authors[0].name
    if meta_authors and (not dom_authors or _meta_wins(s, meta_authors, dom_authors, url, md)):
        return meta_authors, meta_source or dom_source or (orgs[0] if orgs else None)
    if dom_authors:
        return dom_authors, dom_source or (orgs[0] if orgs else None)
    late, late_source = late_byline(s, site_name, title, pubs)
    if late:
        return late, late_source or (orgs[0] if orgs else None)
    return _last_resort(s, md, site_name, url, orgs)


def _last_resort(
    s: PageScan, md: Metadata, site_name: str | None, url: str | None, orgs: list[str]
) -> tuple[list[Author], str | None]:
    """A page whose bylines name nobody: a personal site's owner (a person's name,
    or a handle the markup declares a person's), else the person its closing
    copyright notice names; an organisation's name goes to ``source``."""
    owner = site_owner(inline_text(s.first("title")), site_name, url)
    if owner and not is_brand(owner, url):
        if is_person(owner):
            return [Author(name=owner)], None
        if not publication_words(owner) and (handle := marked_person(s, md, owner)):
            return [Author(name=handle)], None  # (not "Presse Augsburg": a publication's name)
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


def _own_page(dom: list[Author], meta: list[Author]) -> bool:
    """Every byline name links to an author page (``/author/fabian/``), and none
    is a metadata author."""
    names = {squash(a.name) for a in meta}
    return all(a.url and _AUTHOR_PAGE.search(a.url) and squash(a.name) not in names for a in dom)


_AUTHOR_PAGE = re.compile(
    r"/(?:author|autor|authors|autoren)/[^/?#]"
)  # (a writer's, not the index)


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


def _meta_wins(
    s: PageScan, meta: list[Author], dom: list[Author], url: str | None, md: Metadata
) -> bool:
    """Metadata authors beat the visible byline when the page shows them, unless
    the byline names them and more (metadata often lists only the first), or
    the metadata "author" is the publication itself (its name is the host's), or
    a site-wide meta tag meets a byline linked to the writer's author page."""
    if not _visible(s, meta):
        return False
    if _adds_people(meta, dom) or _completes(meta, dom):
        return False
    if _own_page(dom, meta) and from_tags(md):
        return False  # <meta name="author" content="Site Owners"> / "von <a href=/author/fabian/>"
    label = host_label(url)
    return not (len(label) > 2 and all(label in squash(a.name) for a in meta))


def _dom_authors(
    s: PageScan,
    site_name: str | None,
    title: str | None,
    pubs: tuple[str, ...] = (),
    url: str | None = None,
) -> tuple[list[Author], str | None]:
    """Authors of the nearest visible byline that names anyone (else its source).

    A meta line that names the publication beside the date ("Handball Schweiz •
    02.02.2022" on handball.ch) credits it as the source; a byline that gives only an account's
    handle, not linked to a profile ("Gespeichert von human"), gives way to a full name in one of the
    next bylines ("Blog Beitrag von Margarita Koreneva").
    """
    source = None
    handle: tuple[list[Author], str | None] | None = None
    after = 0
    for candidate in dom_bylines(s, title):
        authors, found = authors_from([candidate], site_name, publications=pubs)
        source = found or source
        if authors and dated_name(candidate[0]) and _publication(authors[0].name, pubs, url):
            source, authors = source or authors[0].name, []  # a meta line's publisher
        if handle is not None:
            after += 1
            if after > 3:
                break
        if not authors:
            continue
        if not all(_handle(a.name) and not PROFILE.search(a.url or "") for a in authors):
            return authors, source  # (a login linked to its profile is the byline's own)
        handle = handle or (authors, source)
    return handle or ([], source)


def _handle(name: str) -> bool:
    """An account's login rather than a name: one lowercase word ("human", "rasos")."""
    return name.islower() and " " not in name


def _publication(name: str, pubs: tuple[str, ...], url: str | None) -> bool:
    """The publication's own name, or its brand with more words ("Handball Schweiz")."""
    key = squash(name)
    return (len(key) > 3 and key in pubs) or is_brand(name, url)
