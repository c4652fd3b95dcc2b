"""Authors from bylines: find the byline, then split it into people.

Bylines mix names with everything else a newsroom prints there ("By Peter
Spinella (dpa)", "Jane Doe, Staff Writer | 3 May 2021", "@handle"), so one
cleaning function turns any byline string into names plus an optional source;
the finders only decide which string to trust (JSON-LD persons, meta author,
the visible byline).
"""

from __future__ import annotations

import re

from lxml import etree

from scrapers.items import Author
from scrapers.parsers.dates import parse_date
from scrapers.parsers.metadata import Metadata, ld_persons
from scrapers.parsers.select import select_first
from scrapers.parsers.text import inline_text

_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|published|reported|text|texto|photos?|story|eingestellt|"
    r"erstellt|geschrieben|verfasst|veröffentlicht|artikel|beitrag|ein\s+beitrag|rezept|"
    r"zum\s+profil|view\s+all\s+posts|all\s+posts|escrito|publicado|publié|écrit)\s+)?"
    r"(?:by|from|von|por|par|door|(?-i:di|da)|av|af|від|от|autor(?:a|in)?|author|text|texto|"
    r"redacción:|redaktion:|written\s+by)\s*[:.]?\s+",
    re.I,
)
_LABEL_WORDS = frozenset(
    ["published", "publiziert", "veröffentlicht", "posted", "eingestellt", "alle", "all", "posts", "view", "more", "mehr", "profil", "profile", "über", "about", "auteurs", "autoren", "shares", "share", "follow", "twitter", "email", "read", "bio", "schließen", "close", "updated", "aktualisiert", "artikel", "articles", "stories", "see", "erstellt", "publicado", "actualizado", "rezept", "recipe", "edited", "edition", "revised", "gespeichert", "unter", "filed", "under", "authors", "author", "autor", "autorin", "autoren"]
)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_PAREN = re.compile(r"\s*[(\[]([^()\[\]]{1,40})[)\]]\s*")
_SEGMENTS = re.compile(r"\s*(?:\||•|·|—|–|\s-\s|\n|\t|/\s)\s*")
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\by\b|\bund\b|\bet\b|\be\b|\bwith\b|\bamp\b)\s*", re.I)
_ROLE_WORDS = frozenset(
    ["staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "contributor", "contributing", "columnist", "photographer", "senior", "chief", "managing", "associate", "editorial", "news", "desk", "freelance", "journalist", "author", "special", "guest", "political", "business", "sports", "updated", "chefredakteur", "chefredakteurin", "published", "posted", "on", "at", "in", "the", "for", "of", "phd", "md", "redakteur", "redakteurin", "autor", "autora", "periodista", "redactor", "redactora", "corresponsal", "international", "national", "bureau"]
)
_NOT_NAMES = frozenset(
    ["admin", "administrator", "administrador", "user", "guest", "anonymous", "unknown", "staff"]
)
# One traversal (a union of several "//" paths walks the tree once per path).
_BYLINE_XPATH = etree.XPath(
    "//*[@itemprop='author' or (@class and not(self::body or self::html or self::article) and ("
    "contains(@class, 'byline') or contains(@class, 'author') or contains(@class, 'autor') or "
    "contains(@class, 'posted-by') or contains(@class, 'writer'))) or (self::a and (@rel='author'"
    " or contains(@href, '/author/') or contains(@href, '/autor/') or "
    "contains(@href, '/authors/') or contains(@href, '/autoren/') or contains(@href, '/newsteam/')))]"
)
_BY_TEXT = re.compile(r"^\s*(?:by|von|por|par|door|written by|posted by)\s+\S", re.I)


def _is_role(part: str) -> bool:
    words = re.findall(r"\w+", part.casefold())
    return bool(words) and all(w in _ROLE_WORDS for w in words)


def _cut_labels(part: str) -> str:
    """Keep the words before the first label word ("Name Alle Artikel" -> "Name")."""
    words = part.split()
    for i, word in enumerate(words):
        if word.casefold().strip(".,:") in _LABEL_WORDS:
            return " ".join(words[:i])
    return part


def _looks_like_name(part: str, site: str | None) -> bool:
    if not 2 <= len(part) <= 60 or any(c.isdigit() for c in part):
        return False
    words = part.split()
    if len(words) > 6 or part.casefold() in _NOT_NAMES or _is_role(part):
        return False
    if site and part.casefold() == site.casefold():
        return False
    return not part.startswith(("http", "www.")) and not re.search(r"[<>{}=:?!]", part)


def split_byline(text: str, site_name: str | None = None) -> tuple[list[str], str | None]:
    """Names and credited source (agency) from a byline string.

    >>> split_byline("By Peter Spinella (dpa)")
    (['Peter Spinella'], 'dpa')
    >>> split_byline("Jane Doe, Staff Writer | May 3, 2021")
    (['Jane Doe'], None)
    """
    text = _EMAIL.sub(" ", text.replace("\xa0", " "))
    text = _HANDLE.sub(" ", text)
    source = None
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        if inner and not parse_date(inner)[0] and not _is_role(inner):
            source = source or inner
    text = _PAREN.sub(" ", text)
    names: list[str] = []
    for segment in _SEGMENTS.split(text):
        segment = _strip_prefixes(segment.strip()).strip(" .,:;-")
        if not segment or parse_date(segment)[0]:
            continue
        for part in _SPLIT.split(segment):
            part = _cut_labels(_strip_prefixes(part.strip())).strip(" .,:;-'\"~")
            if _looks_like_name(part, site_name) and part not in names:
                names.append(part)
    return names[:10], source


def _strip_prefixes(text: str) -> str:
    """Remove stacked prefixes ("Posted by By ...")."""
    for _ in range(3):
        stripped = _PREFIX.sub("", text)
        if stripped == text:
            break
        text = stripped
    return text


def _authors(
    pairs: list[tuple[str, dict[str, str]]], site: str | None
) -> tuple[list[Author], str | None]:
    """Authors from byline strings; ``links`` maps link text to profile URL."""
    out: list[Author] = []
    source = None
    for raw, links in pairs:
        names, src = split_byline(raw, site)
        source = source or src
        for name in names:
            url = links.get(name) or (
                next(iter(links.values())) if len(links) == 1 == len(names) else None
            )
            if all(a.name != name for a in out):
                out.append(Author(name=name, url=url))
    return out, source


def _in_comment(el: etree._Element) -> bool:
    for anc in el.iterancestors():
        if "comment" in (anc.get("class") or "") or "comment" in (anc.get("id") or ""):
            return True
    return False


def dom_bylines(doc: etree._Element) -> list[tuple[str, dict[str, str]]]:
    """Visible byline candidates in document order: (text, profile url)."""
    found = []
    for el in _BYLINE_XPATH(doc)[:40]:
        text = inline_text(el)
        if not 2 <= len(text) <= 200 or _in_comment(el):
            continue
        name_el = el.find(".//*[@itemprop='name']")
        if name_el is not None and inline_text(name_el):
            text = inline_text(name_el)
        links = {inline_text(a): a.get("href") for a in el.iter("a") if a.get("href")}
        found.append((text, links))
    return found


def _visible(doc: etree._Element, authors: list[Author]) -> bool:
    """True when the page text shows the first author's name."""
    body = doc.find("body")
    text = body.text_content() if body is not None else ""
    return authors[0].name.casefold() in text.casefold()


def text_byline(doc: etree._Element) -> list[tuple[str, dict[str, str]]]:
    """A short line starting "By ..." / "Von ..." / "Por ..." near the headline."""
    for el in doc.iter("p", "span", "div", "em", "strong", "small", "address", "li", "i", "b"):
        text = el.text or ""
        if _BY_TEXT.match(text) or (len(el) and _BY_TEXT.match(text + " x") and el[0].tag == "a"):
            full = inline_text(el)
            if len(full) <= 120 and not _in_comment(el):
                return [(full, {})]
    return []


def meta_byline(md: Metadata) -> tuple[list[tuple[str, dict[str, str]]], list[str]]:
    """Authors from JSON-LD (persons, organisations), else from meta tags."""
    persons, orgs = ld_persons(md.ld("author"))
    if not persons:
        value = md.first(
            "author",
            "article:author",
            "dc.creator",
            "parsely-author",
            "sailthru.author",
            "byl",
            "dcterms.creator",
        )
        if value and not value.startswith("http"):
            return [(value, {})], orgs
    return [(name, {name: url} if url else {}) for name, url in persons], orgs


def extract_authors(
    doc: etree._Element, md: Metadata, *, selector: str | None = None, site_name: str | None = None
) -> tuple[list[Author], str | None]:
    """Authors in byline order and the credited source (agency or organisation)."""
    if selector and (el := select_first(doc, selector)) is not None:
        authors, source = _authors([(inline_text(el), {})], site_name)
        if authors:
            return authors, source
    persons, orgs = meta_byline(md)
    dom_authors, dom_source = [], None
    for candidate in [*dom_bylines(doc), *text_byline(doc)]:
        dom_authors, dom_source = _authors([candidate], site_name)
        if dom_authors:
            break
    meta_authors, meta_source = _authors(persons, site_name)
    if meta_authors and (not dom_authors or _visible(doc, meta_authors)):
        return meta_authors, meta_source or dom_source or (orgs[0] if orgs else None)
    if dom_authors:
        return dom_authors, dom_source or (orgs[0] if orgs else None)
    return [], orgs[0] if orgs else None
