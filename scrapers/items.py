"""Typed records produced by the parsers and stored by the pipelines.

Every record is a keyword-only dataclass.  Optional fields default to ``None``
(or an empty list), and each field's docstring-comment states its format.
Where normalisation can be wrong, the raw value is kept beside the normalised
one (``published_raw`` next to ``published``).
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


def utcnow() -> str:
    """Now, as every timestamp of the records is written: ISO 8601, UTC, seconds, "Z"."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


_QUOTES = str.maketrans({c: "'" for c in "\u2018\u2019\u201b\u2032\u00b4`"})
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})


def name_key(name: str) -> str:
    """The key one person's printed names share: Unicode form (NFKC),
    apostrophes and dashes, case and spacing folded.  Themes print one name
    differently (``Tom O'Neill``, ``Tom O’Neill``); the archive keeps the name
    as printed and groups the rows by this key.

    >>> name_key("Tom O’Neill") == name_key("tom  O'Neill")
    True
    >>> name_key("Zoë Kowalczyk–Brandt")
    'zoë kowalczyk-brandt'
    """
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).translate(_DASHES)
    return " ".join(text.casefold().split())


@dataclass(kw_only=True, slots=True)
class Author:
    """A person who wrote an article."""

    name: str  # display name as printed in the byline, cleaned ("Peter Spinella")
    url: str | None = None  # absolute URL of the author's profile page, if linked

    @property
    def key(self) -> str:
        """The person's key (:func:`name_key`): one for all printings of the name."""
        return name_key(self.name)


@dataclass(kw_only=True, slots=True)
class Comment:
    """One reader comment (or pingback/trackback) under an article."""

    id: str  # the site's own id ("comment-123" -> "123"), else a stable hash
    parent_id: str | None = None  # id of the comment this replies to; None at top level
    author: str | None = None  # commenter's display name
    author_url: str | None = None  # commenter's website / profile URL
    published: str | None = None  # ISO 8601 date or date-time, timezone as stated
    published_raw: str | None = None  # the date exactly as found in the page
    published_approx: bool = False  # True when resolved from "3 days ago" and the like
    text: str = ""  # plain text, paragraphs separated by blank lines
    html: str = ""  # clean, safe HTML of the comment body
    position: int = 0  # 0-based index in thread (document) order
    depth: int = 0  # 0 for top-level comments, 1 for replies to them, ...
    kind: str = "comment"  # "comment", "pingback" or "trackback"


@dataclass(kw_only=True, slots=True)
class Media:
    """A picture or video of the article's text, with its caption and credit.

    Captions and credits are kept here, not in the body: researchers keep
    them, and the body stays what text-extraction benchmarks call the article.
    """

    url: str | None  # absolute URL of the image (or video player); None: a caption whose
    # picture the page loads by script
    kind: str = "image"  # "image" or "video"
    caption: str | None = None  # the caption as shown, without the credit
    credit: str | None = None  # photographer / agency, without its label ("EFE", not "Photo: EFE")
    alt: str | None = None  # the image's alt text, when it says something
    position: int = 0  # 0-based index among the article's media, in page order


@dataclass(kw_only=True, slots=True)
class Article:
    """A parsed article page: the article itself and its comment thread."""

    url: str  # URL the page was fetched from (after redirects)
    canonical_url: str | None = None  # <link rel=canonical> / og:url, absolute
    title: str | None = None  # bare headline, without " | Site Name"
    authors: list[Author] = field(default_factory=list)  # people, in byline order
    source: str | None = None  # agency or publisher credited in the byline ("dpa")
    published: str | None = None  # ISO 8601; a bare date stays a date
    published_raw: str | None = None  # the publication date as found
    modified: str | None = None  # ISO 8601 date of the last update
    modified_raw: str | None = None  # the update date as found
    body: str = ""  # article text, paragraphs separated by blank lines
    body_html: str = ""  # the same content as clean, safe HTML
    description: str | None = None  # summary / standfirst from the page metadata
    language: str | None = None  # ISO 639-1 code ("en", "es")
    section: str | None = None  # section or main category ("Opinion")
    tags: list[str] = field(default_factory=list)  # tags / keywords
    image: str | None = None  # lead image URL, absolute (from the page metadata)
    media: list[Media] = field(default_factory=list)  # pictures and videos of the text, in order
    site_name: str | None = None  # name of the publication ("Havana Times")
    comments: list[Comment] = field(default_factory=list)  # thread, document order
    comments_declared: int | None = None  # the page's own count ("8 thoughts on")
    comments_open: bool | None = None  # form present: True; "Comments are closed": False
    comments_system: str | None = None  # "wordpress", "disqus", "facebook", ...
    comments_thread_id: str | None = None  # third-party thread identifier, if any
    # why a script loads (more of) the thread ("embed:disqus", "control", ...;
    # scrapers/parsers/comments/signs.py); empty when the HTML holds it all
    comments_scripted: list[str] = field(default_factory=list)
    comment_pages: list[str] = field(default_factory=list)  # URLs of other comment pages
    post_id: str | None = None  # the CMS's own id of the article (WordPress post ID)
    is_article: bool = True  # False for listings, error and consent pages
    links: list[str] = field(
        default_factory=list
    )  # non-articles only: absolute links, for discovery
    parser_version: str = ""  # version of the parser that made this record

    @property
    def author_names(self) -> list[str]:
        return [a.name for a in self.authors]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; ``authors`` become plain names for the manifest
        contract, with the profile links kept in ``author_profiles``."""
        data = dataclasses.asdict(self)
        data["author_profiles"] = data.pop("authors")
        data["authors"] = self.author_names
        return data


@dataclass(kw_only=True, slots=True)
class ArchivedPage:
    """What a spider yields: a parsed article plus where and when it was fetched."""

    article: Article
    fetched_at: str  # ISO 8601 UTC time of the (first page's) fetch
    capture_id: str | None = None  # WARC-Record-ID of the response the article came from
    comment_captures: list[str] = field(default_factory=list)  # records of comment pages
    comments_complete: bool | None = None  # every comment page fetched, count as declared
