"""The exported files' columns: one definition drives every writer, the
Parquet schema, ``datapackage.json`` and the data card, so they cannot drift.

Types are Table Schema types (``string``, ``integer``, ``boolean``,
``datetime``, ``array``); ``array`` fields are lists of strings (JSON arrays
in CSV cells).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Field:
    """One column of an exported file."""

    name: str
    type: str  # Table Schema type
    description: str


_ISO_NOTE = "as the page states it (ISO 8601; a bare date stays a date, a stated offset is kept)"
_UTC_NOTE = (
    "in UTC (offsets converted; a bare date is midnight, a time without offset is taken as UTC)"
)

ARTICLE_FIELDS: tuple[Field, ...] = (
    Field("id", "string", "Stable article id: 16 hex chars of the SHA-1 of the canonical URL."),
    Field("url", "string", "URL the article page was fetched from."),
    Field("canonical_url", "string", "The page's canonical URL (rel=canonical / og:url)."),
    Field("site", "string", "Host name of the site."),
    Field("site_name", "string", "Name of the publication as the page gives it."),
    Field("title", "string", "Headline, without the site name."),
    Field("authors", "array", "Author names in byline order."),
    Field("author_ids", "array", "Ids of the authors (authors.id), in byline order."),
    Field("source", "string", "Agency or publisher credited in the byline (e.g. dpa)."),
    Field("published", "datetime", f"Publication time {_UTC_NOTE}."),
    Field("published_iso", "string", f"Publication date {_ISO_NOTE}."),
    Field("published_raw", "string", "Publication date exactly as found in the page."),
    Field("modified", "datetime", f"Last update time {_UTC_NOTE}."),
    Field("language", "string", "ISO 639-1 language code."),
    Field("section", "string", "Section or main category."),
    Field("tags", "array", "Tags / keywords."),
    Field("description", "string", "Summary from the page metadata."),
    Field("body", "string", "Article text; paragraphs separated by a blank line."),
    Field("image", "string", "Lead image URL."),
    Field("post_id", "string", "The CMS's own id of the article (WordPress post ID)."),
    Field("comments_declared", "integer", "Comment count the page itself states."),
    Field("comments_count", "integer", "Comments archived (rows in comments for this article)."),
    Field("comments_open", "boolean", "Comment form present (true) or comments closed (false)."),
    Field("comments_complete", "boolean", "Every comment page fetched and count as declared."),
    Field("comments_system", "string", "Comment system: wordpress, disqus, facebook, ..."),
    Field("first_seen", "datetime", "When the archive first fetched the article (UTC)."),
    Field("last_fetched", "datetime", "When the archive last fetched the article (UTC)."),
    Field("capture_id", "string", "WARC-Record-ID of the response the article was parsed from."),
    Field("crawl_id", "integer", "The crawl (crawls.id in the archive) that last fetched it."),
)

COMMENT_FIELDS: tuple[Field, ...] = (
    Field("id", "string", "Stable comment id: ARTICLE_ID:COMMENT_ID."),
    Field("article_id", "string", "The article commented on (articles.id)."),
    Field("comment_id", "string", "The site's own comment id, or a stable hash."),
    Field("parent_id", "string", "The comment replied to (comments.id); empty at top level."),
    Field("position", "integer", "0-based position in thread (page) order."),
    Field("depth", "integer", "Reply depth: 0 for top-level comments, 1 for replies, ..."),
    Field("kind", "string", "comment, pingback or trackback."),
    Field("author", "string", "Commenter's display name."),
    Field("author_url", "string", "Commenter's website or profile URL."),
    Field("published", "datetime", f"Comment time {_UTC_NOTE}."),
    Field("published_iso", "string", f"Comment date {_ISO_NOTE}."),
    Field("published_raw", "string", "Comment date exactly as found in the page."),
    Field("published_approx", "boolean", "True when resolved from a relative date (3 days ago)."),
    Field("text", "string", "Comment text; paragraphs separated by a blank line."),
    Field("first_seen", "datetime", "When the archive first saw the comment (UTC)."),
    Field("last_seen", "datetime", "When the archive last saw the comment (UTC)."),
    Field(
        "removed_at",
        "datetime",
        "When a completely fetched thread no longer had the comment (UTC); empty while it stands.",
    ),
    Field("capture_id", "string", "WARC-Record-ID of the page the comment was parsed from."),
)

AUTHOR_FIELDS: tuple[Field, ...] = (
    Field("id", "string", "Stable author id: hash of site and name (one per person and site)."),
    Field("name", "string", "Name as printed in bylines."),
    Field("url", "string", "Author profile page URL."),
    Field("site", "string", "Host name of the site the author writes for."),
    Field("articles", "integer", "Articles by this author in this export."),
)

MEDIA_FIELDS: tuple[Field, ...] = (
    Field("id", "string", "Stable id: ARTICLE_ID:POSITION."),
    Field("article_id", "string", "The article the picture or video belongs to (articles.id)."),
    Field("position", "integer", "0-based place among the article's media, in page order."),
    Field("kind", "string", "image or video."),
    Field(
        "url",
        "string",
        "Absolute URL of the image or video player; empty when the page "
        "loads the picture by script and only the caption is known.",
    ),
    Field("caption", "string", "The caption as printed, without the credit (not in the body)."),
    Field("credit", "string", "Photographer or agency credited, without its label (Photo:, ©)."),
    Field("alt", "string", "The image's alternative text."),
)

RESOURCES: dict[str, tuple[Field, ...]] = {
    "articles": ARTICLE_FIELDS,
    "comments": COMMENT_FIELDS,
    "authors": AUTHOR_FIELDS,
    "media": MEDIA_FIELDS,
}
"""The exported files, in the order they are written."""

PRIMARY_KEYS = {"articles": "id", "comments": "id", "authors": "id", "media": "id"}
FOREIGN_KEYS = {
    "media": [{"fields": "article_id", "reference": {"resource": "articles", "fields": "id"}}],
    "comments": [
        {"fields": "article_id", "reference": {"resource": "articles", "fields": "id"}},
        {"fields": "parent_id", "reference": {"resource": "comments", "fields": "id"}},
    ],
}
