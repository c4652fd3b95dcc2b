"""Reader comment threads (STUB: to be replaced by the comments parser work)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from scrapers.items import Comment


@dataclass(kw_only=True)
class Thread:
    """What one page says about its comment thread."""

    comments: list[Comment] = field(default_factory=list)  # this page's comments, in order
    declared: int | None = None  # the page's own count ("8 thoughts on ...")
    open: bool | None = None  # True: form present; False: "Comments are closed"
    system: str | None = None  # "wordpress", "disqus", ... ; None if no thread found
    thread_id: str | None = None  # third-party thread identifier (Disqus identifier, ...)
    pages: list[str] = field(default_factory=list)  # absolute URLs of all comment pages
    nodes: list = field(default_factory=list)  # DOM elements of the thread region(s)


def extract_thread(doc, url: str, *, fetched_at: str | None = None,
                   selectors: Mapping[str, str] | None = None) -> Thread:
    return Thread()


def merge_threads(threads: list[Thread]) -> list[Comment]:
    """Merge the comments of several pages of one thread into one ordered list."""
    seen: dict[str, Comment] = {}
    for thread in threads:
        for c in thread.comments:
            seen.setdefault(c.id, c)
    merged = list(seen.values())
    for i, c in enumerate(merged):
        c.position = i
    return merged
