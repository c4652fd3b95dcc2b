"""Where the headline stands in the page: the index in the scan that titles,
bylines, leads and printed dates all read from.

The title is chosen first (:mod:`scrapers.parsers.title`); this finds its
heading again, also where the page sets it as a subheading or the metadata
spells it with other dashes or case.
"""

from __future__ import annotations

import re

from scrapers.parsers.document.scan import PageScan, headline_index
from scrapers.parsers.document.text import inline_text

_NOT_WORD = re.compile(r"[\W_]+")


def loose(text: str) -> str:
    """Words only, casefolded: a title compared across punctuation, dashes and case."""
    if len(text) > 400:  # (a long text is rarely met twice; keys stay small)
        return _NOT_WORD.sub(" ", text).strip().casefold()
    found = _LOOSE.get(text)
    if found is None:
        if len(_LOOSE) >= 20000:  # (bounded: a crawl meets many sites)
            _LOOSE.clear()
        found = _LOOSE[text] = _NOT_WORD.sub(" ", text).strip().casefold()
    return found


# loose() per text: the title rules compare the same few titles, headings and
# site names again and again.
_LOOSE: dict[str, str] = {}


_LOWER_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def headline_at(s: PageScan, title: str | None) -> int:
    """Index of the headline: as :func:`headline_index`, else a lower heading
    that reads as ``title`` (themes that set the post title as a subheading
    under the blog's name), else a heading that reads as it with dashes and
    case aside (metadata titles set an en dash where the heading has a hyphen).
    """
    key = f"{title}\x00h2"  # (the scan's headline cache, under a key of its own)
    found = s.headline.get(key)
    if found is not None:
        return found
    found = i = headline_index(s, title)
    if title and s.heading(i) != title:
        found = next(
            (j for j in s.of_tags(_LOWER_HEADINGS) if inline_text(s.nodes[j]) == title), -1
        )
        if found < 0:
            found = _loosely_read(s, title, i)
    s.headline[key] = found
    return found


def _loosely_read(s: PageScan, title: str, default: int) -> int:
    want = loose(title)
    n = len(want) - want.count(" ")  # about the heading's non-space characters
    size = s.size
    return next(
        (
            j
            for j in s.of_tags(_LOOSE_HEADINGS)
            if n <= size[j] <= n + 12 and loose(inline_text(s.nodes[j])) == want
        ),
        default,
    )


_LOOSE_HEADINGS = ("h1", "h2", "h3")
