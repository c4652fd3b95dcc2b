"""Authors the page's metadata states: JSON-LD persons and organisations,
labelled card data and the author meta tags.

Metadata names people in full more often than bylines do, so a first name
the byline prints alone is completed here from the author's own JSON-LD.
"""

from __future__ import annotations

import re

from scrapers.items import Author
from scrapers.parsers.document.metadata import Metadata, ld_persons, ld_types


def meta_byline(md: Metadata) -> tuple[list[tuple[str, dict[str, str]]], list[str]]:
    """Authors from JSON-LD (persons, organisations), else from meta tags."""
    persons, orgs = _ld_authors(md)
    if not persons:
        value = _labelled_author(md) or md.first(
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


def _ld_authors(md: Metadata) -> tuple[list[tuple[str, str | None]], list[str]]:
    return ld_persons(md.ld_ref(md.ld("author")))


def from_tags(md: Metadata) -> bool:
    """The metadata's author comes from a meta tag, not from the article's JSON-LD.

    ``<meta name="author">`` is often set once for the whole site (its owners,
    its agency), where JSON-LD describes the article.
    """
    return not _ld_authors(md)[0]


_AUTHOR_LABEL = re.compile(
    r"^(?:written|posted|published)\s+by$|^(?:verfasst|geschrieben|erstellt)\s+von$|"
    r"^escrito\s+por$|^écrit\s+par$|^scritto\s+da$|^autor(?:in)?$|^author$",
    re.I,
)


def _labelled_author(md: Metadata) -> str | None:
    """The author in labelled card data (``twitter:label1`` "Written by", ``twitter:data1``)."""
    for n in range(1, 5):
        label = md.first(f"twitter:label{n}")
        if label is None:
            break
        if _AUTHOR_LABEL.match(label.strip()):
            return md.first(f"twitter:data{n}")
    return None


# A bio that opens with the full name and goes on after a dash, comma or "is":
# "Stefanus Stahl - Maschinenbauer, Abenteurer ...".
_BIO_NAME = re.compile(
    r"((?:\s+(?:[^\W\d_a-z][^\W\d_A-Z]+|[^\W\d_a-z]\.)){1,2})"
    r"(?=\s*[-–—,(|:]|\s+(?:is|ist|est|es|è)\s)"
)


def full_name(md: Metadata, author: Author) -> Author:
    """The full name of an author the byline gives by first name only ("Stefanus").

    The author's own structured data spells it out: a JSON-LD Person of that
    name with a ``familyName``, or whose ``description`` (the profile bio)
    opens with the name and a surname.  A first name alone is kept otherwise.
    """
    name = author.name
    if " " in name or len(name) < 2 or not name[0].isupper():
        return author
    for obj in md.ld_objects:
        if obj.get("name") != name or "Person" not in ld_types(obj):
            continue
        family = obj.get("familyName")
        if isinstance(family, str) and family.strip() and family.strip() != name:
            return Author(name=f"{name} {family.strip()}", url=author.url)
        bio = obj.get("description")
        if isinstance(bio, str) and bio.startswith(name) and (m := _BIO_NAME.match(bio, len(name))):
            return Author(name=name + m.group(1), url=author.url)
    return author
