"""Authors of last resort, for a page whose bylines name nobody.

A personal site named after its owner ("Wolfgang Michal" on
wolfgangmichal.de, or a handle the markup declares a person's) and the
closing copyright notice of such a site ("(c) Johannes Wolf") name the writer; an organisation's site or notice
does not, so these finders weigh the name's shape against the publication's.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from scrapers.parsers.authors.names import is_organisation
from scrapers.parsers.authors.words import PUBLICATION_WORDS
from scrapers.parsers.document.metadata import Metadata, ld_types
from scrapers.parsers.document.publication import is_brand, squash
from scrapers.parsers.document.scan import PageScan
from scrapers.parsers.document.text import inline_text

_PERSONAL = re.compile(
    r"^(?:(?:[Dd]r|[Pp]rof)\.\s*)?([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2})$"
)
_TITLE_SEP = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")


_INITIAL_NAME = re.compile(r"^[^\W\d_]\.\s?[^\W\d_]{2,}$")  # "C.Habermueller"


def publication_words(name: str) -> bool:
    """The name holds a word publications are named with ("Miami Today", "Presse Augsburg")."""
    return any(w.casefold() in PUBLICATION_WORDS for w in name.split())


def is_person(name: str) -> bool:
    """A person's name rather than a publication's: two or three words, or an initial
    and a surname, none of them a word publications are named with."""
    words = name.split()
    if publication_words(name) or any(c.isdigit() for c in name):
        return False
    return 2 <= len(words) <= 3 or bool(_INITIAL_NAME.match(name))


def site_owner(page_title: str, site_name: str | None, url: str | None) -> str | None:
    """The person a personal site is named after, as its author of last resort.

    A site whose name is a person's name that its host spells
    ("Wolfgang Michal" on wolfgangmichal.de, "C.Habermueller" on
    chabermu.wordpress.com) is that person's own publication.
    """
    host = urlsplit(url or "").hostname or ""
    labels = [squash(x) for x in host.split(".")[:-1] if x not in ("www", "m", "blog")]
    names = [site_name or "", *_TITLE_SEP.split(page_title)[1:][-1:]]
    for name in names:
        m = _PERSONAL.match(name.strip())
        if not m or not all(w[0].isupper() for w in m.group(1).split()) or m.group(1).isupper():
            continue  # (a name in capitals, "EAT SMARTER", is a brand's)
        squashed = squash(m.group(1))
        if any(len(x) > 4 and (x in squashed or squashed in x) for x in labels):
            return m.group(1)
    return None


_NAME_WORD = r"[^\W\d_][\w'’.-]+"
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\b)[ \t]*(?:©[ \t]*)?(?:(?:19|20)\d\d(?:[ \t]*[-–][ \t]*(?:19|20)\d\d)?)?"
    r"|\b(?:19|20)\d\d[ \t]*[-–][ \t]*(?:19|20)\d\d(?=[ \t]+by[ \t])",
    re.I,
)
_HOLDER = re.compile(rf"[ \t]*(?:by[ \t]+)?({_NAME_WORD}(?: {_NAME_WORD}){{1,2}})(?![\w'’.-])")
# First and last name (a middle initial allowed), all capitalised or all in capitals.
_PERSON_NAME = re.compile(
    r"[^\W\d_][^\W\d_A-Z]+(?: [^\W\d_]\.)? [^\W\d_][^\W\d_A-Z]+(?:-[^\W\d_][^\W\d_A-Z]+)?"
    r"|[^\W\d_a-z]{2,} [^\W\d_a-z]{2,}"
)
_CREDIT_BEFORE = re.compile(r"(?:foto|photo|bild|image|picture|grafik)\w*\s*:?\s*$", re.I)


def copyright_holder(s: PageScan, site_name: str | None, url: str | None = None) -> str | None:
    """The person a site's closing copyright notice names ("(c) Johannes Wolf").

    The last resort of a page that names nobody: on a personal site the
    notice at the foot of the page names its writer.  Notices in the upper
    two thirds of the text, and picture credits, name photographers; a
    holder that is the site's name, or has the host's name among its words,
    is the publication.
    """
    text = s.body_text()
    tail = len(text) * 2 // 3
    last = None
    for m in _COPYRIGHT.finditer(text, tail):
        last = m
    if last is None or _CREDIT_BEFORE.search(text, max(0, last.start() - 12), last.start()):
        return None
    holder = _HOLDER.match(text, last.end())
    name = holder.group(1) if holder else ""
    if not _PERSON_NAME.fullmatch(name) or not all(w[0].isupper() for w in name.split()):
        return None
    if is_organisation(name) or not is_person(name):
        return None
    publication = squash(site_name or "")
    if publication and squash(name) in publication:
        return None
    if is_brand(name, url):
        return None  # "© Landeshauptstadt Stuttgart" on stuttgart.de
    return name.title() if name.isupper() else name


def marked_person(s: PageScan, md: Metadata, name: str) -> str | None:
    """``name`` as the page's markup declares a person by it, else None: a
    JSON-LD ``Person``, or an hCard's ``fn`` in a ``vcard author`` element.

    A blog named after its writer's handle ("Zahlenzauberin" on
    zahlenzauberin.wordpress.com, "happyface313") prints the handle as the
    byline and the site's name alike; the markup tells that it is a person's.
    """
    key = squash(name)
    for obj in md.ld_objects:
        found = obj.get("name")
        if isinstance(found, str) and squash(found) == key and "Person" in ld_types(obj):
            return found.strip()
    for i in s.bylines[:60]:
        if "vcard" in s.attr(i) and (fn := s.nodes[i].find(".//*[@class='fn']")) is not None:
            text = inline_text(fn)
            if squash(text) == key:
                return text
    return None
