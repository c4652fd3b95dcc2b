"""The publication's own names, told apart from the people who write for it.

A byline or a metadata author field often names the publication (its site
name, its host, its publisher organisation) instead of, or beside, a person:
"BBC News, New York", "hessenschau.de", "Urania Berlin" on urania.de,
"Deutsches Rotes Kreuz" when the page prints "Deutsches Rotes Kreuz e.V.".
"""

from __future__ import annotations

import functools
import re

from scrapers.items import Author


def squash(text: str) -> str:
    """Letters and digits only, casefolded: names compared across spellings
    ("Kirche und Leben" / kirche-und-leben.de)."""
    return _NOT_ALNUM.sub("", text.casefold())


_NOT_ALNUM = re.compile(r"[\W_]+")


_LIST = re.compile(r"\s*[,;]\s*")
# A host name, perhaps with a path ("kath.net", "facebook.com/site"): a publication's address.
WEB_NAME = re.compile(
    r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*"
    r"\.(?:[a-z]{2}|[A-Z]{2}|com|net|org|info|online|news|COM|NET|ORG)(?:/\S*)?$"
)


def cut_publication(segment: str, publications: tuple[str, ...]) -> tuple[str, str | None]:
    """The names before the publication in a list, and the publication.

    A publication named in a list of names is followed by its place, not by
    more people ("By Nada Tawfik, BBC News, New York"; "hessenschau.de,
    Frankfurt, Germany" as the metadata author): the list ends there.
    """
    parts = _LIST.split(segment)
    for k, part in enumerate(parts[:-1]):  # (a publication closing a list cuts nothing)
        if WEB_NAME.match(part) or (len(key := squash(part)) > 3 and key in publications):
            return ", ".join(parts[:k]), part
    return segment, None


def publications(site_name: str | None, url: str | None, orgs: list[str]) -> tuple[str, ...]:
    """The names the publication goes by, squashed: site name, host, JSON-LD organisations."""
    names = (squash(site_name or ""), host_label(url), *(squash(o) for o in orgs))
    return tuple(dict.fromkeys(n for n in names if n))


@functools.lru_cache(maxsize=64)  # (asked twice per page)
def host_label(url: str | None) -> str:
    """The registered name of the host ("l-mag" of https://www.l-mag.de/x), squashed."""
    host = _HOST.match(url or "")
    labels = [x for x in host.group(1).lower().split(".") if x not in ("www", "m", "amp")]
    return squash(labels[-2] if len(labels) >= 2 else "".join(labels))


# The host of an absolute URL (urlsplit's hostname, without its cost): after
# the scheme and any user info, up to the port, path, query or fragment.
_HOST = re.compile(r"(?:[a-zA-Z][\w+.-]*:)?(?://(?:[^/?#@]*@)?)?([^/?#:@]*)")


def is_brand(name: str, url: str | None) -> bool:
    """The host spells some whole words of the name but not all: an organisation
    named after its brand ("Urania Berlin" on urania.de, "GALORE Interviews" on
    galore.de), where a person's site spells the whole name or abbreviates it."""
    label, words = host_label(url), [squash(w) for w in name.split()]
    n = len(words)
    return any(
        "".join(words[i:j]) == label for i in range(n) for j in range(i + 1, n + 1) if j - i < n
    )


def named_in(authors: list[Author], organisations: list[str]) -> bool:
    """Every author is (part of) the name of an organisation that the page or its
    metadata states with a legal form: the organisation, named without it."""
    names = [f" {' '.join(squash(w) for w in o.split())} " for o in organisations]
    return bool(names) and all(
        any(f" {' '.join(squash(w) for w in a.name.split())} " in n for n in names) for a in authors
    )
