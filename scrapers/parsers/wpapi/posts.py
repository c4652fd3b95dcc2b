"""WordPress's REST API as a second witness for article metadata.

A WordPress page prints its metadata for readers: a date without a time or
offset, a category list the theme may style as tags, a closed thread with no
notice, no last-edit date at all.  The site's REST API states the same post
from its database: exact ``date_gmt`` and ``modified_gmt``, ``comment_status``,
the categories and tags by name, and the account that posted.  One request
answers for up to 100 posts (``/wp/v2/posts?include=...``).

What wins when the two disagree (``witness``):

- ``published``: the page's value where it states the same instant (it keeps
  the offset the page printed); else the API's, with the site's offset.
- ``modified``: the API's, always: the page's markup cannot say whether a
  post was edited (themes mark one ``<time>`` as both ``published updated``).
- ``comments_open``: the API's ``comment_status`` (the setting, where a page
  may show neither a form nor a notice).
- ``section``: the page's when it is one of the API's categories, else the
  API's first category; ``tags``: the API's tags (a block theme prints
  categories and tags alike).
- ``authors``: the printed byline, always, where there is one: it names the
  writer, while the API names the account that posted, which differs for
  guest and agency copy.  The account fills only a page that names nobody.

A post whose API ``link`` is not the page's URL is not witnessed: the post id
read from the page would then belong to another post.  Pure functions.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote, urlencode, urlsplit

from scrapers.items import Article, Author
from scrapers.parsers.comments.rest import api_date

BATCH = 100  # the API's largest page
_FIELDS = (
    "id,link,date,date_gmt,modified,modified_gmt,comment_status,author,categories,tags,"
    "_links.author,_links.wp:term,_embedded"
)


@dataclass(frozen=True, slots=True)
class PostMeta:
    """One post as the API states it."""

    post_id: str
    link: str | None
    published: str | None  # ISO 8601 with the site's offset ("2022-09-07T15:20:00-04:00")
    modified: str | None  # the same, of the last edit
    comments_open: bool | None  # comment_status "open" / "closed"
    categories: list[str] = field(default_factory=list)  # names, the API's order
    tags: list[str] = field(default_factory=list)
    author: str | None = None  # the posting account's display name
    author_url: str | None = None  # its author archive


def posts_url(root: str, post_ids: Iterable[str]) -> str:
    """One request for up to 100 posts, with their authors and terms embedded.

    >>> posts_url("https://a.example/wp-json/", ["7", "5"])  # doctest: +ELLIPSIS
    'https://a.example/wp-json/wp/v2/posts?include=7%2C5&per_page=100&orderby=include&_fields=id%2C...&_embed=author%2Cwp%3Aterm'
    """
    ids = list(post_ids)
    if not ids or len(ids) > BATCH:
        raise ValueError(f"1 to {BATCH} post ids, not {len(ids)}")
    query = urlencode(
        {
            "include": ",".join(ids),
            "per_page": BATCH,
            "orderby": "include",
            "_fields": _FIELDS,
            "_embed": "author,wp:term",
        }
    )
    return f"{root.rstrip('/')}/wp/v2/posts?{query}"


def _terms(item: Mapping, taxonomy: str) -> list[str]:
    groups = (item.get("_embedded") or {}).get("wp:term") or []
    return [
        html.unescape(t["name"]).strip()  # term names come escaped ("Arts &amp; Culture")
        for group in groups
        if isinstance(group, list)
        for t in group
        if isinstance(t, Mapping) and t.get("taxonomy") == taxonomy and t.get("name")
    ]


def _author(item: Mapping) -> tuple[str | None, str | None]:
    for person in (item.get("_embedded") or {}).get("author") or []:
        if isinstance(person, Mapping) and (person.get("name") or "").strip():
            return person["name"].strip(), person.get("link") or None
    return None, None


def _post(item: Mapping) -> PostMeta | None:
    if not isinstance(item, Mapping) or item.get("id") in (None, ""):
        return None
    status = item.get("comment_status")
    author, author_url = _author(item)
    return PostMeta(
        post_id=str(item["id"]),
        link=item.get("link") or None,
        published=api_date(item.get("date"), item.get("date_gmt")),
        modified=api_date(item.get("modified"), item.get("modified_gmt")),
        comments_open={"open": True, "closed": False}.get(status) if status else None,
        categories=_terms(item, "category"),
        tags=_terms(item, "post_tag"),
        author=author,
        author_url=author_url,
    )


def parse_posts(body: bytes) -> dict[str, PostMeta]:
    """The posts of one API answer by id; anything not a list of posts is none."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return {}
    if not isinstance(data, list):
        return {}
    posts = (_post(item) for item in data)
    return {p.post_id: p for p in posts if p is not None}


def _same_page(link: str | None, article: Article) -> bool:
    def key(url: str) -> tuple[str, str]:
        parts = urlsplit(url)
        return (parts.netloc.lower(), unquote(parts.path).rstrip("/").lower())

    if not link:
        return False
    return any(u and key(u) == key(link) for u in (article.url, article.canonical_url))


def _instant(value: str | None) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
    return parsed if parsed is not None and parsed.tzinfo is not None else None


def witness(article: Article, meta: PostMeta) -> list[str]:
    """Apply the API's statement to ``article`` (rules in the module doc);
    return the fields the API changed.  Nothing changes when ``meta`` is not
    this page's post."""
    if not _same_page(meta.link, article):
        return []
    changed: list[str] = []

    def put(name: str, value: object) -> None:
        if getattr(article, name) != value:
            setattr(article, name, value)
            changed.append(name)

    api_published = _instant(meta.published)
    if api_published is not None and _instant(article.published) != api_published:
        put("published", meta.published)
    if meta.modified:
        same = _instant(meta.modified) == _instant(article.published)
        put("modified", article.published if same else meta.modified)
    if meta.comments_open is not None:
        put("comments_open", meta.comments_open)
    if meta.categories:
        keep = article.section in meta.categories
        put("section", article.section if keep else meta.categories[0])
    if meta.categories or meta.tags:
        put("tags", list(meta.tags))
    if not article.authors and meta.author:
        put("authors", [Author(name=meta.author, url=meta.author_url)])
    return changed
