"""Byline strings to people: the cleaning shared by every byline finder.

Bylines mix names with everything else a newsroom prints there ("By Peter
Spinella (dpa)", "Jane Doe, Staff Writer | 3 May 2021", "@handle"), so one
function turns any byline string into names plus an optional source, and the
finders in :mod:`byline` only decide which string to trust.
"""

from __future__ import annotations

import functools
import html
import re

from scrapers.items import Author
from scrapers.parsers.authors.labels import strip_labels
from scrapers.parsers.authors.links import PROFILE
from scrapers.parsers.authors.trims import (
    cut_date_tail,
    cut_filed_in,
    drop_date_label,
    drop_titles,
    join_broken_name,
    plain_link,
    publication_named,
    thread_link,
    titled,
)
from scrapers.parsers.authors.words import (
    CALENDAR,
    LABEL_WORDS,
    NOT_NAMES,
    ORGANISATION,
    PARTICLES,
    ROLE_WORDS,
)
from scrapers.parsers.dates.parse import parse_date
from scrapers.parsers.document.publication import WEB_NAME, cut_publication

_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_PAREN = re.compile(r"\s*[(\[]([^()\[\]]{1,40})[)\]]\s*")
_SEGMENTS = re.compile(r"\s*(?:\||•|·|●|»|›|—|–|\s-\s|\n|\t|/\s)\s*")
_SPLIT = re.compile(
    r"\s*(?:,|;|&|\band\b|\by\b(?!\.)|\bund\b|\bet\b|\be\b(?!\.)|\bwith\b|\bamp\b)\s*", re.I
)


def _is_role(part: str) -> bool:
    words = re.findall(r"\w+", part.casefold())
    return bool(words) and all(w in ROLE_WORDS for w in words)


def _cut_labels(part: str) -> str:
    """Keep the words before the first label word ("Name Alle Artikel" -> "Name")."""
    words = part.split()
    for i, word in enumerate(words):
        if word.casefold().strip(".,:") in LABEL_WORDS:
            return " ".join(words[:i])
    return part


# Legal forms printed with spaces ("Deutscher Caritasverband e. V."), which the
# word test above cannot see (and the "e" would split as Italian "and").
_SPACED_FORM = re.compile(r"(?<!\w)(?:e\.\s?V\.?|S\.\s?[AL]\.|Co\.\s?KG)(?!\w)")


def is_organisation(text: str) -> bool:
    """True when a legal form or an association word names a company, not a person."""
    return any(w.casefold().strip(",;") in ORGANISATION for w in text.split()) or bool(
        "." in text and _SPACED_FORM.search(text)
    )


def _phrase(part: str) -> bool:
    """Words joined by a lowercase word that no name holds: "Expertin für Neue
    Arbeit", "the numbers", "Zuletzt geändert am" are a description or a
    sentence, not a name (particles such as "von", "de la" are part of names)."""
    words = part.split()
    return len(words) > 1 and any(_lower_word(w) for w in words)


def _lower_word(word: str) -> bool:
    """A lowercase word that no name holds: not a particle, and no particle glued to
    a capitalised name ("al-Assad", "d'Estaing")."""
    return word[0].islower() and word not in PARTICLES and word.islower()


def _prose(segment: str) -> bool:
    """Running text rather than a byline: three or more lowercase words that are
    neither name particles nor byline labels or roles ("Von den umliegenden
    Höfen kaufte der Burgherr ...", an author's bio); the words of a list item
    holding digits are a date's or a time's ("le 3 mai 2021 à 10h00")."""
    count = 0
    for part in _LIST.split(segment):
        if any(c.isdigit() for c in part):
            continue  # (a date's words: "publié le 3 mai 2021 à 10h00")
        for word in part.split():
            w = word.strip(".,:;!?()\"'")
            if w and _lower_word(w) and not any(w in words for words in _NAME_OR_LABEL):
                count += 1
                if count >= 3:
                    return True
    return False


def _linked_name(text: str) -> bool:
    return not _phrase(text) and _looks_like_name(text, None, True)


_NAME_OR_LABEL = (PARTICLES, LABEL_WORDS, ROLE_WORDS, NOT_NAMES)


def _looks_like_name(part: str, site: str | None, lenient: bool = False) -> bool:
    if not 2 <= len(part) <= 60 or any(c.isdigit() for c in part):
        return False
    if len(part.replace(".", "").strip()) < 2:
        return False  # a lone initial ("S.")
    words = part.split()
    if len(words) > 6 or part.casefold() in NOT_NAMES or _is_role(part):
        return False
    if len(words) == 1 and part.casefold().strip(".") in CALENDAR:
        return False  # a month or a weekday left from a date ("Nov•06•12")
    if len(words) == 1 and "admin" in part.casefold():
        return False  # an administrator's account ("wordpressadmin", "wpadmin2")
    if site and part.casefold() == site.casefold():
        return False
    if not lenient and part.islower():  # a user name beside the name ("Matthias | herrpfleger")
        return False
    return not part.startswith(("http", "www.")) and not re.search(r"[<>{}=:?!]", part)


def split_byline(
    text: str,
    site_name: str | None = None,
    *,
    trusted: bool = False,
    publications: tuple[str, ...] = (),
    linked: tuple[str, ...] = (),
) -> tuple[list[str], str | None]:
    """Names and credited source (agency) from a byline string.

    Parts after the first name that read like descriptions ("Expertin für Neue
    Arbeit") are dropped, unless ``trusted`` (a site profile's byline).
    ``publications`` are the publication's names (site name, host, publisher)
    as :func:`squash` gives them: see :func:`publication.cut_publication`.  ``linked`` are
    the texts of the byline's links to profiles: a linked name is a name
    whatever its spelling ("Mobasir hassan").

    >>> split_byline("By Peter Spinella (dpa)")
    (['Peter Spinella'], 'dpa')
    >>> split_byline("Jane Doe, Staff Writer | May 3, 2021")
    (['Jane Doe'], None)
    """
    names, source = _split(text, site_name, trusted, publications, linked)
    return list(names), source


_LIST = re.compile(r"\s*[,;]\s*")
# A name, then the publication it wrote for ("Glen Owen For The Mail On Sunday").
_FOR = re.compile(
    r"^(?!(?i:the|die|der|das|el|la|le|les|los|las)\s)"  # ("Das Magazin für Lesben": a title)
    r"([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3})\s+(?i:for|für|para|pour)\s+"
    r"((?:(?i:the|die|der|el|la|le)\s+)?[^\W\d_a-z].*)$"
)


@functools.lru_cache(maxsize=512)
def _split(
    text: str,
    site_name: str | None,
    trusted: bool,
    publications: tuple[str, ...] = (),
    linked: tuple[str, ...] = (),
) -> tuple[tuple[str, ...], str | None]:
    """:func:`split_byline`, cached: a page repeats its byline in several elements."""
    if len(text) > 500:  # no byline, and the e-mail pattern would take quadratic time
        return (), None
    # (metadata is sometimes escaped twice: "Redacci&oacute;n")
    text = _EMAIL.sub(" ", html.unescape(text).replace("\xa0", " "))
    text = _HANDLE.sub(" ", text)
    source = None
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        if inner and not inner.isdigit() and not parse_date(inner)[0] and not _is_role(inner):
            source = source or inner
    text = join_broken_name(_PAREN.sub(" ", text))
    names: list[str] = []
    for segment in _SEGMENTS.split(text):
        found = _segment(segment, names, site_name, trusted, publications, linked)
        source = source or found
    return tuple(names[:10]), source


_FIELD = re.compile(r"\s*[^\W\d_]+\s*:\s")


def _segment(
    segment: str,
    names: list[str],
    site_name: str | None,
    trusted: bool,
    publications: tuple[str, ...],
    linked: tuple[str, ...],
) -> str | None:
    """Add the names of one byline segment to ``names``; the source it credits."""
    if (segment.rstrip().endswith(":") or _FIELD.match(segment)) and strip_labels(
        segment
    ) == segment:
        # a label whose value is not a name ("DOTYCZY:" over a list of tags,
        # "Location: VANCOUVER", "Kontakt: Jan Koch", "Foto: ...")
        return None
    stripped = strip_labels(segment.strip())
    if stripped != segment.strip():
        stripped = cut_filed_in(stripped)  # "Posted by Jane Doe in Politics"
    head = cut_date_tail(stripped)
    if head != stripped:
        head = drop_date_label(head)  # "Richard Lam Published: 2008-01-09"
        if names or not head:
            # after the names, what stands before a date is a dateline's place or the
            # date's label ("BS Reporter / New Delhi January 9, 2008", "Started: 29 Dec, 2007")
            return None
    segment = _trim(head)
    source = None
    if "," in segment or ";" in segment:
        segment, source = cut_publication(segment, publications)
    if not segment:
        return source
    if is_organisation(segment):  # "Web Commerce GmbH": credited, not a person
        return source or segment
    if not trusted and segment not in linked and _prose(segment):
        # an author box: the name linked to the profile, then the bio
        names.extend(n for n in linked if n in segment and n not in names and _linked_name(n))
        return source
    # "Jane Doe, 01.12.2021": the date's own pieces hold digits and fail as
    # names; a lone word beside a date is a weekday rather than a name.
    dated = parse_date(segment)[0] is not None
    parts = _SPLIT.split(segment)
    place = len(parts) - 1 if head != stripped else -1  # "Dan Cross, About.com Guide October 30"
    unit = -1
    for k, part in enumerate(parts):
        part = strip_labels(part.strip())
        if k and k == place:
            continue
        if k and titled(part):
            unit = (
                k + 1
            )  # a job after the name, then its unit ("Jane Doe, Product Manager, Google Maps")
            continue
        if k == unit:
            continue
        if thread_link(part):
            continue  # "No Comments"
        if names and publication_named(part):
            source = source or part  # "By Collins Mtika, Nyasa Times"
            continue
        if part not in linked or not plain_link(part):
            part = drop_titles(_cut_labels(part))  # (a linked name as written: "Catch more fish")
        part = _drop_handle(_trim(part))
        if (m := _FOR.match(part)) is not None:  # "Glen Owen for The Mail on Sunday"
            part, source = m.group(1), source or m.group(2)
        if dated and " " not in part:
            continue
        if not trusted and part not in linked and _phrase(part):
            if k == 0:
                break  # (a phrase opening the line: what follows is no list of names)
            continue
        if WEB_NAME.match(part):  # "buchmesse.ARD.de": a publication, no person
            source = source or part
            continue
        if _looks_like_name(part, site_name, trusted or not names) and part not in names:
            names.append(part)
    return source


_INITIAL_END = re.compile(r"(?:^|\s)[^\W\d_]\.$")


def _drop_handle(part: str) -> str:
    """Drop a user name printed after the name ("Edilson La Rosa edilsonlarosa")."""
    words = part.split()
    if len(words) > 2 and words[-1].islower():
        squashed = "".join(c for c in "".join(words[:-1]).casefold() if c.isalnum())
        if words[-1].casefold().strip("._-") == squashed:
            return " ".join(words[:-1])
    return part


def _trim(part: str) -> str:
    """Strip punctuation around a name, but keep the dot of a final initial ("Nicolas C.")."""
    trimmed = part.strip(" .,:;-'\"~→»›")
    return trimmed + "." if _INITIAL_END.search(part.rstrip(" ,:;-'\"~→»›")) else trimmed


def authors_from(
    pairs: list[tuple[str, dict[str, str]]],
    site: str | None,
    *,
    trusted: bool = False,
    publications: tuple[str, ...] = (),
    declared: bool = False,
) -> tuple[list[Author], str | None]:
    """Authors from byline strings; ``links`` maps link text to profile URL.

    ``declared``: the strings are author fields of metadata, so one that is a
    single name is taken as written, like a linked name.
    """
    out: list[Author] = []
    source = None
    for raw, links in pairs:
        linked = tuple(n for n, href in links.items() if n and PROFILE.search(href or ""))
        linked += (raw.strip(),) if declared else ()
        names, src = split_byline(
            raw, site, trusted=trusted, publications=publications, linked=linked
        )
        source = source or src
        for name in names:
            url = links.get(name) or (
                next(iter(links.values())) if len(links) == 1 == len(names) else None
            )
            if all(a.name != name for a in out):
                out.append(Author(name=name, url=url))
    return out, source
