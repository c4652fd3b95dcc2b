"""Structured evidence a page states about itself: meta tags and JSON-LD.

Collected once per page into a :class:`Metadata` value so that every field
extractor (title, byline, dates, ...) can weigh the same evidence against the
visible page without walking the tree again.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

_ARTICLE_TYPES = re.compile(
    r"(?:Article|BlogPosting|Posting|Report|NewsArticle|Story|Review|Column|Opinion)$", re.I
)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


@dataclass(kw_only=True)
class Metadata:
    """Page-level metadata: ``meta`` maps lowercased name/property to values."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=dict)  # rel -> hrefs
    article: dict[str, Any] = field(default_factory=dict)  # the JSON-LD article object
    ld_objects: list[dict[str, Any]] = field(default_factory=list)  # all JSON-LD objects
    scripts: list[etree._Element] = field(default_factory=list)  # other inline scripts, unread

    def ld_ref(self, value: Any) -> Any:
        """Resolve a bare ``{"@id": ...}`` reference to the object with that id.

        Yoast and other generators state the author as a reference into
        ``@graph``; the node it points to holds the name.
        """
        if isinstance(value, list):
            return [self.ld_ref(v) for v in value[:20]]
        if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
            ref = value["@id"]
            return next(
                (o for o in self.ld_objects if o.get("@id") == ref and o is not value), value
            )
        return value

    def first(self, *names: str) -> str | None:
        """The first non-empty value among meta ``names``, in the order given."""
        for name in names:
            for value in self.meta.get(name, ()):
                value = value.strip()
                if value:
                    return value
        return None

    def ld(self, key: str) -> Any:
        """A key of the JSON-LD article object, or None."""
        return self.article.get(key)

    def ld_site_name(self) -> str | None:
        for obj in self.ld_objects:
            if ld_types(obj) & {"WebSite", "Organization", "NewsMediaOrganization"}:
                name = obj.get("name")
                if isinstance(name, str) and name.strip():
                    return name.strip()
        return None


def ld_types(obj: dict[str, Any]) -> set[str]:
    """The ``@type`` names of a JSON-LD object (a string or a list of them)."""
    t = obj.get("@type")
    if isinstance(t, str):
        return {t}
    if isinstance(t, list):
        return {x for x in t if isinstance(x, str)}
    return set()


def is_article_type(obj: dict[str, Any]) -> bool:
    return any(_ARTICLE_TYPES.search(t) for t in ld_types(obj))


def _flatten(data: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    """Collect every object of a JSON-LD tree (``@graph``, arrays, nesting)."""
    if depth > 6 or len(out) > 200:
        return
    if isinstance(data, list):
        for item in data:
            _flatten(item, out, depth + 1)
    elif isinstance(data, dict):
        out.append(data)
        graph = data.get("@graph")
        if graph is not None:
            _flatten(graph, out, depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict | list):
            _flatten(main, out, depth + 1)


def _load_json(raw: str) -> Any:
    raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip()
    raw = raw.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    try:
        return json.loads(raw, strict=False)
    except ValueError:
        pass
    try:
        return json.loads(_TRAILING_COMMA.sub(r"\1", raw), strict=False)
    except ValueError:
        return None


def _pick_article(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """The article object: an Article type, preferring one with a headline."""
    articles = [o for o in objects if is_article_type(o)]
    articles.sort(key=lambda o: (not o.get("headline"), not o.get("author")))
    if articles:
        return articles[0]
    for o in objects:  # a WebPage that carries article fields
        if ld_types(o) & {"WebPage", "ItemPage"} and (o.get("headline") or o.get("datePublished")):
            return o
    return {}


def collect_metadata(doc: etree._Element) -> Metadata:
    """Read meta tags, link rels and JSON-LD of a page."""
    md = Metadata()
    for el in doc.iter("meta", "link", "script"):
        tag = el.tag
        if tag == "meta":
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
            content = el.get("content")
            if key and content is not None:
                md.meta.setdefault(key, []).append(content)
            elif (he := el.get("http-equiv")) and content is not None:
                md.meta.setdefault(he.strip().lower(), []).append(content)
        elif tag == "link":
            href = el.get("href")
            for rel in (el.get("rel") or "").lower().split():
                if href:
                    md.links.setdefault(rel, []).append(href.strip())
        elif "ld+json" in (el.get("type") or "").lower():
            if el.text:
                data = _load_json(el.text[:500_000])
                if data is not None:
                    _flatten(data, md.ld_objects)
        elif el.get("src") is None:
            md.scripts.append(el)
    md.article = _pick_article(md.ld_objects)
    return md


def ld_text(value: Any) -> str | None:
    """A plain string from a JSON-LD value (string, list or ``{name|@value}``)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and value:
        return ld_text(value[0])
    if isinstance(value, dict):
        return ld_text(value.get("name") or value.get("@value") or value.get("url"))
    if isinstance(value, int | float):
        return str(value)
    return None


def ld_persons(value: Any) -> tuple[list[tuple[str, str | None]], list[str]]:
    """Split a JSON-LD ``author`` into (persons as (name, url), organisations)."""
    persons: list[tuple[str, str | None]] = []
    orgs: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:20]:
        if isinstance(item, str) and item.strip():
            persons.append((item.strip(), None))
        elif isinstance(item, dict):
            name = ld_text(item.get("name"))
            if not name:
                continue
            if ld_types(item) & {"Organization", "NewsMediaOrganization", "Corporation"}:
                orgs.append(name)
            else:
                url = item.get("url") if isinstance(item.get("url"), str) else None
                persons.append((name, url))
    return persons, orgs


# An application's state embedded in a script ("published_at" of a shop's
# product, "publishedAt" of a single-page app's article).
_SCRIPT_PUBLISHED = re.compile(
    r'"(?:published_?at|date_?published|publish_?date|first_?published_?(?:at|date)?'
    r'|publication_?date)"\s*:\s*"([^"]{8,40})"',
    re.I,
)


def script_published(md: Metadata) -> str | None:
    """The first publication date a non-JSON-LD inline script states, raw.

    Read only when nothing else dates the page: which object of an app's state
    is the article is unknown, so it is the weakest evidence.
    """
    for el in md.scripts[:60]:
        text = el.text
        if text and (m := _SCRIPT_PUBLISHED.search(text, 0, 2_000_000)):
            return m.group(1)
    return None
