"""From loaded data to what the templates show: links, dates, safe bodies.

Everything archived reaches the page either as plain text (escaped by the
templates' autoescaping) or through :func:`sanitize.safe_html`; nothing
here marks archived text as safe any other way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from archive.datasette.reading.figures import comment_timeline, site_activity
from archive.datasette.reading.queries import ArticleData
from archive.datasette.reading.sanitize import safe_html
from archive.datasette.reading.thread import build_thread, walk

SAFE_URL = re.compile(r"^https?://", re.I)


class Links:
    """URLs of the archive's pages in one Datasette database."""

    def __init__(self, urls: Any, database: str, replay: str | None = None) -> None:
        self.urls, self.database = urls, database
        self.replay_base = replay.rstrip("/") + "/" if replay else None

    def row(self, table: str, pk: str) -> str:
        from datasette.utils import tilde_encode

        return self.urls.row(self.database, table, tilde_encode(str(pk)))

    def table(self, table: str, **where: str) -> str:
        query = "&".join(f"{k}={quote(str(v), safe='')}" for k, v in where.items())
        return self.urls.table(self.database, table) + (f"?{query}" if query else "")

    def query(self, name: str, **params: str) -> str:
        query = "&".join(f"{k}={quote(str(v), safe='')}" for k, v in params.items())
        return self.urls.query(self.database, name) + (f"?{query}" if query else "")

    def site(self, site: str | None = None) -> str:
        base = self.urls.database(self.database) + "/sites"
        return base + "/" + quote(site, safe="") if site else base

    def replay(self, capture: Mapping[str, Any]) -> str | None:
        """The capture in pywb (``BASE/YYYYMMDDhhmmss/URL``), where a replay is set."""
        stamp = re.sub(r"\D", "", capture.get("fetched_at") or "")[:14]
        if not self.replay_base or len(stamp) != 14:
            return None
        return f"{self.replay_base}{stamp}/{capture['url']}"


def external(url: str | None) -> str | None:
    """An archived URL fit for a link: absolute http(s) only (never ``javascript:``)."""
    return url if url and SAFE_URL.match(url.strip()) else None


def when(value: str | None) -> str:
    """A stored date for reading: ``2019-07-24 10:15:00-04:00``, ``… UTC``."""
    if not value:
        return ""
    text = value.replace("T", " ", 1)
    return text[:-1] + " UTC" if text.endswith("Z") else text


def paragraphs(text: str | None) -> list[list[str]]:
    """Plain text as paragraphs (blank-line separated) of lines."""
    blocks = re.split(r"\n\s*\n", (text or "").strip())
    return [block.split("\n") for block in blocks if block.strip()]


def text_html(text: str | None) -> Markup:
    """Plain text as escaped paragraphs with line breaks."""
    return Markup("").join(
        Markup("<p>{}</p>").format(Markup("<br>").join(escape(line) for line in lines))
        for lines in paragraphs(text)
    )


def comment_body(comment: Mapping[str, Any]) -> Markup:
    """A comment's stored HTML through the allowlist, or its text when it has none."""
    html = safe_html(comment.get("html"))
    return html if html.striptags().strip() else text_html(comment.get("text"))


def article_context(data: ArticleData, links: Links) -> dict[str, Any]:
    """The article page's template variables."""
    article = data.article
    for comment in data.comments:
        _decorate_comment(comment, article, links)
    thread = build_thread(data.comments)
    for capture in data.captures:
        capture["row_url"] = links.row("captures", capture["id"])
        capture["replay_url"] = links.replay(capture)
    for item in data.media or []:
        item["link"] = external(item.get("url"))
    removed = sum(1 for c in data.comments if c["removed_at"])
    return {
        "article": article,
        "title": article.get("title") or article["url"],
        "authors": [dict(a, page=links.row("authors", a["id"])) for a in data.authors],
        "tags": data.tags,
        "original_url": external(article["url"]),
        "canonical_url": external(article.get("canonical_url")),
        "site_url": links.site(article["site"]) if article.get("site") else None,
        "body": paragraphs(article.get("body")),
        "media": data.media,
        "thread": thread,
        "comment_count": len(data.comments),
        "removed_count": removed,
        "shown_count": sum(1 for _ in walk(thread)),
        "figure": comment_timeline(article, data.comments),
        "versions": data.versions,
        "diffs": data.diffs,
        "captures": data.captures,
        "links": {
            "comments": links.table("comments", article_id=article["id"]),
            "thread": links.query("thread", article=article["id"]),
            "authors": links.table("article_authors", article_id=article["id"]),
            "versions": links.table("article_versions", article_id=article["id"]),
            "diff": links.query("article_diff", article=article["id"]),
            "row": links.table("articles", id=article["id"]),
            "json": links.row("articles", article["id"]) + ".json",
            "capture": links.row("captures", article["capture_id"])
            if article.get("capture_id")
            else None,
        },
        "when": when,
    }


def _decorate_comment(comment: dict[str, Any], article: Mapping[str, Any], links: Links) -> None:
    comment["body"] = comment_body(comment)
    comment["author_link"] = external(comment.get("author_url"))
    comment["anchor"] = "comment-" + re.sub(r"[^\w-]", "_", str(comment.get("comment_id")))
    last_fetched = article.get("last_fetched")
    comment["missing"] = bool(
        not comment["removed_at"] and last_fetched and (comment["last_seen"] or "") < last_fetched
    )
    comment["versions_url"] = (
        links.table("comment_versions", comment_id=comment["id"]) if comment["versions"] else None
    )
    for version in comment["versions"]:
        version["body"] = text_html(version.get("text"))


def site_context(data: dict[str, Any], links: Links) -> dict[str, Any]:
    """The site page's (or all sites') template variables."""
    for row in data["sites"]:
        row["page"] = links.site(row["site"])
    for row in data["latest"] + data["most_commented"]:
        row["page"] = links.row("articles", row["id"])
    return {
        **data,
        "figures": site_activity(data["articles_per_day"], data["comments_per_day"]),
        "articles_url": links.table("articles", site=data["site"])
        if data["site"]
        else links.table("articles"),
        "when": when,
    }


def author_context(data: dict[str, Any], links: Links) -> dict[str, Any]:
    """The author page's template variables."""
    for row in data["articles"]:
        row["page"] = links.row("articles", row["id"])
    author = data["author"]
    return {
        **data,
        "profile_url": external(author.get("url")),
        "site_url": links.site(author["site"]) if author.get("site") else None,
        "comments_total": sum(r["comments_count"] or 0 for r in data["articles"]),
        "rows_url": links.table("article_authors", author_id=author["id"]),
        "when": when,
    }
