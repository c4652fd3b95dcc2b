"""Publication and update dates of an article page.

Machine-readable statements (JSON-LD, ``article:published_time``,
``<time datetime>``) come first because they carry the time zone; the visible
date next to the headline and a date in the URL path are the fallbacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from lxml import etree

from scrapers.parsers.dates.fallbacks import copyright_date, labelled_in_text
from scrapers.parsers.dates.parse import parse_date, parse_stated
from scrapers.parsers.dates.printed import (
    Around,
    Printed,
    dates_something_else,
)
from scrapers.parsers.document.metadata import Metadata, ld_text, script_published
from scrapers.parsers.document.scan import PageScan, scan_page
from scrapers.parsers.document.select import select_first
from scrapers.parsers.document.text import inline_text

_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "published_time",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "citation_publication_date",
    "original-publish-date",
)
# Generic "date of this document" names, often the last change or the day the
# page was generated: weaker evidence than the date printed by the headline.
_DOCUMENT_DATE_META = (
    "date",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "creation_date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "modified_time",
    "article.updated",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-|\.)")
# A path segment that is a day-first date ("/meldungen/29-10-2021").
_URL_DMY = re.compile(r"/(\d{1,2})[-_.](\d{1,2})[-_.]((?:19|20)\d{2})(?:/|$|[-_.?#])")


def _from_element(el: etree._Element) -> tuple[str | None, str | None]:
    time_el = el.find(".//time[@datetime]")
    if time_el is not None and time_el is not el:
        iso, _ = parse_date(time_el.get("datetime"))
        if iso:
            return iso, time_el.get("datetime")
    text = inline_text(el)
    for raw in (
        el.get("datetime"),
        el.get("content"),
        el.get("title"),
        text if len(text) < 200 else None,
    ):
        iso, _ = parse_date(raw)
        if iso:
            return iso, raw
    return None, None


_COMMENT = re.compile("comment")


def _dom_date(s: PageScan, nodes: list[int], ref: int | None = None) -> Printed | None:
    """The first date among ``nodes``, nearest to the headline index ``ref`` first.

    Teaser lists and the "today" line of a site's navigation repeat the
    markup of an article's date; the one beside the headline is its own.
    """
    if ref is not None:
        nodes = sorted(nodes, key=lambda i: (s.distance(i, ref), i < ref, i))
    for i in nodes[:30]:
        if s.inside(i, _COMMENT):
            continue
        iso, raw = _from_element(s.nodes[i])
        if iso and raw and not dates_something_else(raw):
            return Printed(i, iso, raw)
    return None


def _first_dom_date(
    s: PageScan, nodes: list[int], ref: int | None = None
) -> tuple[str | None, str | None]:
    found = _dom_date(s, nodes, ref)
    return (found.iso, found.raw) if found else (None, None)


def _meta_date(
    md: Metadata, ld_key: str | None, names: tuple[str, ...]
) -> tuple[str | None, str | None]:
    for raw in (ld_text(md.ld(ld_key)) if ld_key else None, *(md.first(n) for n in names)):
        if iso := parse_stated(raw):
            return iso, raw
    return None, None


Shown = Callable[[], "Printed | None"]  # the date printed by the headline, computed on demand


def _marked_up(s: PageScan, printed: Printed | None, ref: int) -> tuple[str, str] | None:
    """The printed date as the page marks it up for machines, when it does.

    ``<time datetime>`` or ``itemprop="datePublished"`` right under the
    headline ``ref`` (the subline, not an embed or a teaser further down): a
    statement like the metadata's, which the reader sees too.
    """
    if printed is None or not 0 < printed.i - ref <= 20:
        return None
    if sum(s.own[ref + 1 : printed.i]) > 400:
        return None
    el = s.nodes[printed.i]
    if printed.raw not in (el.text or ""):
        return None
    if el.tag == "time" or "datepublished" in s.attr(printed.i):
        raw = el.get("datetime") or el.get("content")
        iso = parse_date(raw)[0] if raw else None
        if raw and iso and iso[:10] == printed.iso[:10]:
            return iso, raw
    return None


def _agreeing_meta_date(
    md: Metadata, s: PageScan, ref: int, shown: Shown
) -> tuple[str | None, str | None]:
    """The published date the metadata states, settled by the page when statements differ.

    JSON-LD and ``article:published_time`` sometimes disagree (one is the
    draft's creation, the other the release; a migration stamps all pages with
    its own day): the one whose day the page prints by the headline is the
    publication date, unless it is the stated last change (the page then
    prints its update); without a printed date, or when none agrees, the
    first statement stands.  A ``<time datetime>`` printed by the headline
    counts as one more statement.
    """
    stated: list[tuple[str, str]] = []
    for raw in (ld_text(md.ld("datePublished")), *(md.first(n) for n in _PUBLISHED_META)):
        iso = parse_stated(raw)
        if iso and raw and all(iso[:10] != d[:10] for d, _ in stated):
            stated.append((iso, raw))
    if not stated:
        return None, None
    if len(stated) < 2 and not any(0 < i - ref <= 20 for i in s.dateish):
        return stated[0]  # (one statement and no date markup under the headline)
    printed = shown()
    own = _marked_up(s, printed, ref)
    if own and all(own[0][:10] != d[:10] for d, _ in stated):
        stated.append(own)
    if len(stated) < 2 or printed is None:
        return stated[0]
    changed = _meta_date(md, "dateModified", _MODIFIED_META)[0] or ""
    agreeing = [
        d for d in stated if d[0][:10] == printed.iso[:10] and d[0] not in (changed, changed[:10])
    ]
    return agreeing[0] if agreeing else stated[0]


def url_date(url: str) -> str | None:
    """A date in the URL path ("/2019/04/24/slug", "/meldungen/29-10-2021"), as ISO date.

    >>> url_date("https://x.example/2019/04/24/slug/")
    '2019-04-24'
    >>> url_date("https://x.example/meldungen/29-10-2021")
    '2021-10-29'
    >>> url_date("https://x.example/2019/04/slug/") is None
    True
    """
    if m := _URL_DATE.search(url or ""):
        return parse_date("-".join(m.groups()))[0]
    if m := _URL_DMY.search(url or ""):
        d, mo, y = m.groups()
        return parse_date(f"{y}-{mo}-{d}")[0]
    return None


def _own_url(md: Metadata) -> str | None:
    """The URL the page states for itself (canonical link, og:url)."""
    return (md.links.get("canonical") or [None])[0] or md.first("og:url")


def _local_day(
    stated: tuple[str | None, str | None], printed: Printed | None
) -> tuple[str | None, str | None]:
    """The page's own local date when a timestamp falls on the day before or after.

    Metadata times are often converted to UTC (local midnight in Berlin is
    23:00Z the day before, 22:08 in St Lucia is 02:08Z the day after) or set
    when an article is scheduled the evening before (18:19+01:00, printed
    "07:30" the next morning); the date printed by the headline is the one
    the publication states, so it wins when the two are one day apart in the
    direction the stated time allows: a day after a time in the afternoon or
    evening, a day before a time in the morning.  A stated midnight (a date
    stored as a time) is the day it names: a printed date a day after it
    dates something else (the next issue in a list of issues).
    """
    if not stated[0] or not printed:
        return stated
    try:
        a = date.fromisoformat(stated[0][:10])
        b = date.fromisoformat(printed.iso[:10])
        hour = int(stated[0][11:13])
    except ValueError:
        return stated
    days = (b - a).days
    if (days == 1 and hour >= 12) or (days == -1 and hour < 12 and stated[0][11:19] != "00:00:00"):
        return printed.iso, printed.raw
    return stated


def _document_date(md: Metadata, shown: Shown) -> tuple[str | None, str | None]:
    """A generic document date, unless the page prints another date by the headline."""
    stated = _meta_date(md, None, _DOCUMENT_DATE_META)
    if not stated[0]:
        return stated
    printed = shown()
    if printed and printed.iso[:10] != stated[0][:10]:
        return printed.iso, printed.raw
    return stated


def _dom_or_printed(s: PageScan, nodes: list[int], ref: int, shown: Shown) -> Printed | None:
    """A date-marked element's date, unless a date printed nearer the headline.

    Date classes and ``<time>`` also mark the site's "today" line and the
    teasers of other articles; a plain line of text right under the
    headline ("Stand - 12.11.2021") is then the article's date.
    """
    found = _dom_date(s, nodes, ref)
    if found is None:
        return None
    printed = shown()
    if (
        printed
        and printed.iso[:10] != found.iso[:10]
        and s.distance(printed.i, ref) < s.distance(found.i, ref)
    ):
        return printed
    return found


def _changed_only(s: PageScan) -> list[int]:
    """Elements marked as the date of the last change and not of the publication."""
    return [i for i in s.modified if i not in s.published]


def _dateish(s: PageScan) -> list[int]:
    """Date-like elements (``<time>``, date classes) of a few children at most,
    not marked as the last change only: a ``<time class="updated">`` beside
    the publication's date is the edit's (the publication's may be printed
    plainly)."""
    changed = set(_changed_only(s))
    return [i for i in s.dateish if len(s.nodes[i]) < 8 and i not in changed]


def _published(
    doc: etree._Element,
    md: Metadata,
    s: PageScan,
    url: str,
    selector: str | None,
    around: Around,
) -> tuple[str | None, str | None]:
    """The publication date from the strongest source that states one."""
    ref = around.start
    el = select_first(doc, selector) if selector else None
    shown = around.near

    def pair(found: Printed | None) -> tuple[str | None, str | None]:
        return (found.iso, found.raw) if found else (None, None)

    sources: tuple[Callable[[], tuple[str | None, str | None]], ...] = (
        lambda: _from_element(el) if el is not None else (None, None),
        lambda: _agreeing_meta_date(md, s, ref, shown),
        lambda: _document_date(md, shown),
        lambda: pair(_dom_or_printed(s, s.published, ref, shown)),
        lambda: pair(_dom_or_printed(s, _dateish(s), ref, shown)),
        lambda: pair(shown()),
        lambda: (iso, url) if (iso := url_date(url)) else (None, None),
        lambda: (iso, own) if (own := _own_url(md)) and (iso := url_date(own)) else (None, None),
        lambda: pair(_dom_date(s, _changed_only(s), ref)),  # (hAtom themes mark the date so)
        lambda: labelled_in_text(s.body_text()),
        lambda: (
            (iso, raw)
            if (raw := script_published(md)) and (iso := parse_date(raw)[0])
            else (None, None)
        ),
        lambda: copyright_date(s.body_text()),
    )
    for source in sources:
        found = source()
        if found[0]:
            if "T" in found[0]:  # a timestamp: its calendar day may not be the page's
                return _local_day(found, shown())
            return found
    return None, None


def _marks_publication(el: etree._Element) -> bool:
    """The element says it is the publication date (as well)."""
    return (
        "published" in (el.get("class") or "")
        or el.get("itemprop") == "datePublished"
        or el.get("pubdate") is not None
    )


def extract_dates(
    doc: etree._Element,
    md: Metadata,
    url: str,
    *,
    selector: str | None = None,
    title: str | None = None,
    scan: PageScan | None = None,
) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]]:
    """((published, raw), (modified, raw)); each ISO 8601 or None.

    ``title`` (the extracted headline) locates the date printed beside it.
    """
    s = scan or scan_page(doc)
    around = Around(s, title)
    published = _published(doc, md, s, url, selector, around)
    modified = _meta_date(md, "dateModified", _MODIFIED_META)
    if not modified[0]:
        # one <time class="entry-date published updated"> states the publication
        # only (some themes print it so whether or not the post was edited)
        edits = [i for i in s.modified if not _marks_publication(s.nodes[i])]
        modified = _first_dom_date(s, edits)
    if not modified[0] and (update := around.update()):
        modified = update.iso, update.raw
    return published, modified
