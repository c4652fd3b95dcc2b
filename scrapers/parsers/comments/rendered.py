"""The thread of a page a browser rendered: from its JSON answers or its DOM (pure).

The browser stage (``archive/browser``) hands over what it saw: each frame's
DOM serialized with its open shadow roots, and the JSON answers the page's
scripts received.  Two readings of the same thread:

- **JSON** (:mod:`.jsonthread`): where a widget reads its thread from an API,
  the answers hold every comment with the provider's own id and parent and an
  exact time; the pages of one endpoint are joined.
- **DOM**: the ordinary extractor (:func:`extract_thread`) runs on each
  frame's rendered document; the frame with the most comments wins.

The JSON wins when it holds at least as many comments as the DOM shows (the
DOM may print "3 years ago" where the JSON has the time).  ``comments_system``
is the provider the page embeds (:mod:`.thirdparty`), else the one its holder
element names (:mod:`.holders`), else what the DOM extractor says.  Re-parsing
from WARC runs this same function on the archived snapshots and answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapers.items import Article
from scrapers.parsers.comments import Thread, extract_thread
from scrapers.parsers.comments.holders import find_holder
from scrapers.parsers.comments.jsonthread import JsonThread, json_threads
from scrapers.parsers.comments.scan import scan
from scrapers.parsers.comments.thirdparty import find_embed
from scrapers.parsers.document import load_html


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One frame's rendered document."""

    url: str
    html: str
    main: bool = False  # the page itself (else a frame in it)


def _dom(snapshots: Iterable[Snapshot], fetched_at: str | None, selectors) -> tuple:
    """(main page's thread and document, the frame thread with most comments,
    whether any frame shows a comment form (True) or a closed notice (False))."""
    main_thread = main_doc = best = None
    opens: list[bool] = []
    for snap in snapshots:
        doc = load_html(snap.html.encode("utf-8"), content_type="text/html; charset=utf-8",
                        url=snap.url)  # fmt: skip
        if doc is None:
            continue
        thread = extract_thread(
            doc, snap.url, fetched_at=fetched_at, selectors=selectors if snap.main else None
        )
        if snap.main and main_thread is None:
            main_thread, main_doc = thread, doc
        if best is None or len(thread.comments) > len(best.comments):
            best = thread
        if thread.open is not None:
            opens.append(thread.open)
    opened = True if True in opens else (False if opens else None)
    return main_thread, main_doc, best, opened


def _name(main_doc, dom: Thread | None, json: JsonThread | None) -> tuple[str | None, str | None]:
    """(comments_system, thread id)."""
    if main_doc is not None:
        embed = find_embed(main_doc, scan(main_doc))
        if embed is not None:
            return embed.system, embed.thread_id
        holder = find_holder(main_doc)
        if holder is not None:
            return holder.name, holder.thread_id
    if json is not None:
        host = urlsplit(json.source).hostname or ""
        labels = [x for x in host.split(".") if not x.isdigit()]
        return (labels[-2] if len(labels) >= 2 else "generic"), None
    return (dom.system if dom is not None else None), None


def thread_from_render(
    page_url: str,
    snapshots: list[Snapshot],
    answers: Iterable[tuple[str, bytes]] = (),
    *,
    fetched_at: str | None = None,
    selectors: Mapping[str, str] | None = None,
) -> Thread:
    """The rendered page's thread: comments, declared count, system, thread id.

    ``answers`` are the JSON (or any) response bodies the page received, as
    ``(url, body)`` in the order they came.
    """
    main, main_doc, dom, opened = _dom(snapshots, fetched_at, selectors)
    found = json_threads(answers)
    json = found[0] if found else None
    use_json = json is not None and (dom is None or len(json.comments) >= len(dom.comments))
    if use_json:
        comments = json.comments
        declared = json.declared
        if declared is None and dom is not None and dom.comments:
            declared = dom.declared
    else:
        comments = dom.comments if dom is not None else []
        declared = dom.declared if dom is not None else None
    if declared is None and main is not None:
        declared = main.declared
    system, thread_id = (None, None)
    if comments:
        system, thread_id = _name(main_doc, dom, json if use_json else None)
        if not use_json and dom is not None and dom is main and main.system != "generic":
            system = main.system  # the site's own markup (WordPress) names itself
    elif main is not None:
        system, thread_id = main.system, main.thread_id
    return Thread(
        comments=comments,
        declared=declared,
        open=opened,
        system=system,
        thread_id=thread_id,
        pages=[],
        nodes=[],
    )


def take_rendered(article: Article, thread: Thread) -> None:
    """The rendered thread replaces the page's own when it holds at least as
    many comments (a widget that failed to load leaves the HTML's thread)."""
    if not thread.comments or len(thread.comments) < len(article.comments):
        return
    article.comments = thread.comments
    article.comments_system = thread.system or article.comments_system
    article.comments_thread_id = thread.thread_id or article.comments_thread_id
    if thread.declared is not None:
        article.comments_declared = thread.declared
    if thread.open is not None:
        article.comments_open = thread.open


def thread_complete(article: Article, *, fetched: bool, render: str | None) -> bool:
    """Whether the archived thread is the whole thread.

    ``fetched``: every HTML comment page (or the REST API's whole total) came.
    ``render``: None (not rendered), ``"exhausted"`` (the browser showed all:
    nothing left to click, no budget hit) or ``"stopped"`` (a budget or an
    error ended it).  A thread that a script loads is complete only when a
    browser showed all of it, and an empty widget only when it declares zero
    (an empty one may be one that failed to load).
    """
    if render == "stopped" or (article.comments_scripted and render != "exhausted"):
        return False
    declared = article.comments_declared
    if article.comments_scripted and not article.comments and not declared:
        return declared == 0
    return fetched and (declared is None or declared == len(article.comments))
