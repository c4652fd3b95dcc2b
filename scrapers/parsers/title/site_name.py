"""A metadata title without the site's name: " | Site" cut off.

Metadata titles (og:title, ``<title>``) usually carry the site's name after a
separator; the site's stated name, its host's name and the shortness of the
last part tell which part is the site's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scrapers.parsers.document.headline import loose
from scrapers.parsers.document.publication import host_label, squash

# A dash between numbers is a range ("14. - 20. Januar 2022"), not a separator.
_SEP = re.compile(
    r"(?<![\d.\s])\s+[|\-–—·•»«/:~]+\s+"  # after a word: any separator
    r"|(?<=[\d.])\s+[|»«/:~]+\s+"  # after a number: not a dash ...
    r"|(?<=[\d.])\s+[\-–—·•]+\s+(?!\d)"  # ... unless no number follows it
    r"|\s*[|»«]\s*|\s+::\s+"
)


# A date or a source credit in parentheses closing a title: "... Trojan (14/01/2008)",
# "... Sportscotland (from The Herald )".
_TRAILER = re.compile(
    r"\s*\(\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
    r"|(?:from|via)\s[^()]{2,60})\s*\)$",
    re.I,
)


def title_parts(title: str) -> list[str]:
    """A title's parts between separators ("Headline | Section | Site")."""
    return [p.strip() for p in _SEP.split(" ".join(title.split())) if p.strip()]


def strip_site_name(
    title: str, site_name: str | Sequence[str] | None = None, url: str | None = None
) -> str:
    """Cut " | Site Name" (or "Site Name - ") off a metadata title.

    ``site_name`` is the site's stated name, or several (the logo's text
    beside ``og:site_name``).  ``url`` (the page's, or its host name) names
    the site too: a short last part that holds its name ("sheego ♥ Magazin"
    on sheego.de) is the site's, even when it is longer than the headline;
    so is a short first part ("EFC Bayrische Bembel Regensburg - Headline"
    on bayrische-bembel.de).  When the site's name comes first, the short
    parts after it are its sections ("Site » Blog Archive » Headline").

    >>> strip_site_name("Putin backs Maduro | Havana Times", "Havana Times")
    'Putin backs Maduro'
    >>> strip_site_name("Putin backs Maduro - Havana Times")
    'Putin backs Maduro'
    >>> strip_site_name("Havana Times » World » Putin backs Maduro", "Havana Times")
    'Putin backs Maduro'
    """
    title = re.sub(r"\s+", " ", title).strip()
    title = _TRAILER.sub("", title) or title
    parts = [p for p in _SEP.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    names = [site_name] if isinstance(site_name, str) else list(site_name or ())
    sites = [loose(n) for n in names if n and loose(n)]
    if sites:
        kept = [p for p in parts if not any(loose(p) in site for site in sites)]
        if kept and len(kept) < len(parts):
            return _rejoin(title, _sections_cut(kept) if kept[0] != parts[0] else kept)
    label = _site_label(url)
    first, last = parts[0], parts[-1]
    if label and len(last.split()) <= 4 and label in squash(last) and label not in squash(first):
        parts.pop()  # the host's name: the site's part, even when longer than the headline
    elif label and len(first.split()) <= 4 and label in squash(first) and label not in squash(last):
        parts = _sections_cut(parts[1:])
    # No known site name: drop short trailing parts (the usual "| Site" suffix).
    first = parts[0]
    while len(parts) > 1 and len(parts[-1].split()) <= 4 and len(parts[-1]) < len(first):
        parts.pop()
    return _rejoin(title, parts)


def _sections_cut(parts: list[str]) -> list[str]:
    """The parts after a site's name that comes first, without the short ones
    before the headline (sections: "Blog Archive", "Sports")."""
    while len(parts) > 1 and len(parts[0].split()) <= 4 and len(parts[0]) < len(parts[-1]):
        parts = parts[1:]
    return parts


def _site_label(url: str | None) -> str | None:
    """The name part of the page's host ("www.sheego.de" -> "sheego"), when
    long enough to mean something."""
    label = host_label(url) if url else ""
    return label if len(label) >= 4 else None


def _rejoin(title: str, parts: list[str]) -> str:
    """The span of the original title covering ``parts`` (keeps inner separators)."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)


def extends(longer: str, prefix: str) -> bool:
    """``longer`` is ``prefix`` followed by a separator and more."""
    longer, prefix = " ".join(longer.split()), " ".join(prefix.split())
    if len(longer) <= len(prefix) or not longer.startswith(prefix):
        return False
    return _SEP.match(longer, len(prefix)) is not None
