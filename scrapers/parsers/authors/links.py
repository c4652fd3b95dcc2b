"""What the links of a byline say: a profile names a person, a topic names none.

Bylines link their names to the authors' pages (``/author/``, ``/profile/``)
and, on the same line, the article's topics to the site's taxonomy
(``rel="tag"``, ``/category/``, ``/thema/``).
"""

from __future__ import annotations

import re

from lxml import etree

AUTHOR_PATH = re.compile(r"/(?:author|autor|authors|autoren)/")


# Links to a person's page (a permalink or a share link beside a name is none).
PROFILE = re.compile(
    r"auth?or|profil|user|member|people|person|staff|team|journalist|redakt|contributor|writer"
    r"|mitarbeiter|/u/|/@",
    re.I,
)


# A person's page, by a whole path segment ("/author/x", "/profile/x", "?author=3");
# PROFILE finds these words anywhere, which is right for a byline's own
# links but not for a teaser's ("/karriere/...-bei-teams-slack").
PROFILE_PATH = re.compile(
    r"/(?:author|authors|autor|autoren|auteur|autore|profile|profil|users?|members?|people"
    r"|staff|team|journalist|journalisten|contributors?|writers?|mitarbeiter|redaktion)(?:[/.?#]|$)"
    r"|[?&](?:author|user|u)=",
    re.I,
)


# Links to the site's taxonomy (rel="tag", /tag/, /category/, /thema/ ...):
# a byline line lists the article's topics beside its author, and a topic is
# no person.
TAXONOMY_PATH = re.compile(
    r"/(?:tags?|category|categories|kategorie|kategorien|thema|themen|topics?|schlagworte?"
    r"|stichworte?|rubrik|rubriken|etiqueta|etiquetas|categoria|categorias|tema|temas)/"
    r"|[?&](?:tag|cat|category)=",
    re.I,
)


def is_taxonomy(a: etree._Element, href: str) -> bool:
    rel = a.get("rel")
    if rel and ("tag" in rel.split() or "category" in rel.split()):
        return True
    return TAXONOMY_PATH.search(href) is not None and not AUTHOR_PATH.search(href)


_BY_END = re.compile(r"(?:^|\s)(?:by|von|vom|por|par|door|di|da|av|af)\s*(?::\s*)?$", re.I)


def text_without(el: etree._Element, skip: list[etree._Element]) -> str:
    """The element's text on one line, without the subtrees in ``skip``."""
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text and isinstance(node.tag, str):
            out.append(node.text)
        for child in node:
            if child not in skip or _BY_END.search("".join(out[-2:])[-40:]):
                walk(child)  # (a topic link right after "By" is the author's, on some sites)
            if child.tail:
                out.append(child.tail)

    walk(el)
    return _SPACES.sub(" ", " ".join(out)).strip()  # (line breaks separate byline parts)


_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
