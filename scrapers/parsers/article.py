"""Article fields of a parsed page, one small extractor per field.

Metadata is read once (:mod:`.document.metadata`), then each field is filled
by its own room (title, authors, dates, body, ...).  The body goes last because
it prunes the tree; the comment thread found by the comments parser is
removed first so that no comment can reach the title, byline or body.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urljoin

from lxml import etree

from scrapers.items import Article, Media
from scrapers.parsers.authors import extract_authors
from scrapers.parsers.body import extract_body, strip_junk
from scrapers.parsers.dates import extract_dates
from scrapers.parsers.document.kind import is_article_page, post_id
from scrapers.parsers.document.language import extract_language
from scrapers.parsers.document.metadata import Metadata, collect_metadata, ld_text
from scrapers.parsers.document.scan import PageScan, scan_page
from scrapers.parsers.document.terms import is_category
from scrapers.parsers.document.text import inline_text
from scrapers.parsers.title import extract_title


def _absolute(url: str, href: str | None) -> str | None:
    if not href or not href.strip():
        return None
    try:
        return urljoin(url, href.strip()) if url else href.strip()
    except ValueError:
        return None


def _remove(nodes: Iterable[etree._Element]) -> None:
    """Detach the excluded regions (keeping the text that follows them)."""
    for node in nodes:
        if isinstance(node, etree._Element) and node.getparent() is not None:
            node.drop_tree()


def site_name(md: Metadata) -> str | None:
    return md.first("og:site_name", "application-name", "publisher") or md.ld_site_name()


def _tags(s: PageScan, md: Metadata) -> list[str]:
    values = list(md.meta.get("article:tag", ()))
    keywords = md.ld("keywords") or md.first("news_keywords", "keywords")
    if isinstance(keywords, str):
        values += keywords.split(",")
    elif isinstance(keywords, list):
        values += [k for k in keywords if isinstance(k, str)]
    values += [
        inline_text(a)
        for a in (s.nodes[i] for i in s.rel_links)
        if "tag" in a.get("rel").split() and not is_category(a)
    ]
    out: list[str] = []
    for value in values:
        value = " ".join(value.split())
        if value and value not in out:
            out.append(value)
    return out[:50]


def _is_term(a: etree._Element) -> bool:
    rel = a.get("rel").split()
    return "tag" in rel or "category" in rel


def _section(s: PageScan, md: Metadata) -> str | None:
    """Declared section, else the first category link (WordPress ``rel="category tag"``,
    or a ``rel="tag"`` link in a category list: :mod:`terms`)."""
    value = ld_text(md.ld("articleSection")) or md.first("article:section", "section")
    if not value:
        terms = (s.nodes[i] for i in s.rel_links)
        link = next((a for a in terms if _is_term(a) and is_category(a)), None)
        value = inline_text(link) if link is not None else None
    return value.strip() if value else None


def _image(md: Metadata, url: str) -> str | None:
    return _absolute(
        url, md.first("og:image", "og:image:url", "twitter:image") or ld_text(md.ld("image"))
    )


def extract_article(
    doc: etree._Element,
    url: str,
    *,
    exclude: Iterable[etree._Element] = (),
    selectors: Mapping[str, str] | None = None,
) -> Article:
    """Fill every article field from the page tree (which is pruned in place)."""
    selectors = selectors or {}
    _remove(exclude)
    md = collect_metadata(doc)
    strip_junk(doc)
    scan = scan_page(doc)
    site = site_name(md)
    page_url = url or _absolute(url, md.links.get("canonical", [None])[0] or md.first("og:url"))
    title = extract_title(
        doc, md, selector=selectors.get("title"), site_name=site, scan=scan, url=page_url
    )
    authors, source = extract_authors(
        doc,
        md,
        selector=selectors.get("byline"),
        site_name=site,
        title=title,
        scan=scan,
        url=page_url,
    )
    (published, published_raw), (modified, modified_raw) = extract_dates(
        doc, md, url, selector=selectors.get("published"), title=title, scan=scan
    )
    canonical = md.links.get("canonical", [None])[0] or md.first("og:url")
    article = Article(
        url=url,
        canonical_url=_absolute(url, canonical),
        title=title,
        authors=authors,
        source=source,
        published=published,
        published_raw=published_raw,
        modified=modified,
        modified_raw=modified_raw,
        description=md.first("og:description", "description", "twitter:description")
        or ld_text(md.ld("description")),
        language=extract_language(doc, md),
        section=_section(scan, md),
        tags=_tags(scan, md),
        image=_image(md, url),
        site_name=site,
        post_id=post_id(scan, md),
        is_article=is_article_page(scan, md),
    )
    body = extract_body(doc, selector=selectors.get("body"), title=title, scan=scan)
    article.body, article.body_html = body.text, body.html
    article.media = _media(url, body.media)
    if not body.text and not body.post:  # (a post of pictures alone is an article)
        article.is_article = False
    if not article.is_article:  # a listing: its links are what a spider follows
        article.links = _links(url, scan.hrefs)
    return article


def _media(url: str, found: Iterable) -> list[Media]:
    """The body's pictures and videos as records, their URLs made absolute."""
    out = []
    for f in found:
        link = _absolute(url, f.url) if f.url else None
        if f.url and not link:
            continue
        out.append(
            Media(
                url=link,
                kind=f.kind,
                caption=f.caption,
                credit=f.credit,
                alt=f.alt,
                position=len(out),
            )
        )
    return out


def _links(url: str, hrefs: list[str]) -> list[str]:
    """Absolute http(s) links without fragments, deduplicated, in page order."""
    out: dict[str, None] = {}
    for href in hrefs:
        link = _absolute(url, href)
        if link and link.startswith(("http://", "https://")):
            out.setdefault(link.split("#", 1)[0], None)
    return list(out)
