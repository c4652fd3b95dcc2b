"""Reader comment threads: one page's comments and what it says about its thread.

``extract_thread`` reads the parsed page (never changing it) and returns a
:class:`Thread`; ``merge_threads`` joins the pages of a paginated thread.
Evidence is tried from the most to the least specific: comment blocks in the
markup (WordPress, microdata/RDFa, custom lists found by their class and id
words), then JSON-LD, then third-party embeds that hold no comments at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urldefrag

from lxml import etree

from scrapers.items import Article, Comment
from scrapers.parsers.comments._dom import absolute, hash_id, is_inside, numeric_key
from scrapers.parsers.comments.blocks import Block, find_blocks, forum_posts, link_parents
from scrapers.parsers.comments.fields import Fields, complete, finish, probe
from scrapers.parsers.comments.jsonld import jsonld_comments, jsonld_count, load_jsonld
from scrapers.parsers.comments.merge import merge_comments
from scrapers.parsers.comments.meta import comment_pages, declared_count, is_open
from scrapers.parsers.comments.opening import continues_thread, is_opening_post, without_post
from scrapers.parsers.comments.pingback import reblog_of
from scrapers.parsers.comments.regions import regions_of, system_of
from scrapers.parsers.comments.scan import Scan, scan
from scrapers.parsers.comments.siblings import (
    anchor_id,
    depth_parents,
    indented_parent,
    reply_targets,
)
from scrapers.parsers.comments.signs import script_signs
from scrapers.parsers.comments.thirdparty import find_embed
from scrapers.parsers.document.text import inline_text

__all__ = ["Thread", "extract_thread", "merge_threads"]


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
    post: Comment | None = None  # a forum thread's opening post (:mod:`.opening`)
    scripted: list[str] = field(default_factory=list)  # why a script loads it (:mod:`.signs`)


def _within(found: Scan, doc: etree._Element, selectors: Mapping[str, str] | None) -> list:
    """The marked elements to search: inside a site profile's ``comments``
    selector when it matches, else all of them."""
    css = (selectors or {}).get("comments")
    if not css:
        return found.marked
    try:
        roots = doc.cssselect(css)
    except Exception:  # a bad selector in a profile must not break the parse
        roots = []
    if not roots:
        return found.marked
    return [el for el in found.marked if any(is_inside(el, r) for r in roots)]


# A forum post quotes others in a box ("glyn_farmer wrote:", "Originally Posted
# by"): the quoted post is a record of its own, its words are not this one's.
_QUOTES = etree.XPath(".//*[contains(@class,'quote')] | .//blockquote[.//cite]")


def _kind(b: Block) -> str:
    cls = b.el.get("class") or ""
    return next((k for k in ("pingback", "trackback") if k in cls), "comment")


def _read(blocks: list[Block], url: str, fetched_at: str | None) -> list[tuple[Block, Fields]]:
    """Fields of every comment block.  Blocks with neither author nor date are
    parts of their enclosing block (a ``div.comment_box`` inside
    ``li#comment-12``): they are folded back into it, only the blocks that held
    them are probed again, and text is read for the survivors only.  Blocks
    holding text fields are reply forms and are dropped."""
    stop = {b.el for b in blocks}
    stop.update(dd for b in blocks for dd in b.extra)
    stop.update(q for b in blocks if b.post for q in _QUOTES(b.el))
    memo: dict = {}
    probes = {b.el: probe(b.el, stop, fetched_at, memo, b.extra, bylines=False) for b in blocks}
    # A block without author and date may still state them in words (a block
    # with one of them is completed only if it survives)
    for b in blocks:
        p = probes[b.el]
        if not p.found:
            complete(p, stop, fetched_at, memo)
    # Reply forms stay fenced off (never folded into a comment around them).
    parts = {
        b.el
        for b in blocks
        if _kind(b) == "comment" and not probes[b.el].found and not probes[b.el].form
    }
    if parts:
        stop -= parts
        extra = {b.el: b.extra for b in blocks}
        hosts, holders = _holders(parts, stop)
        for host in hosts:
            probes[host] = probe(host, stop, fetched_at, memo, extra.get(host, ()))
        for holder in holders:
            # a part holding one other part and no host: the pair is one
            # comment whose fields were split between them (li.comment around
            # div.comment-body, the byline in the li after the body)
            p = probe(holder, stop, fetched_at, memo, extra.get(holder, ()))
            if p.found:
                probes[holder] = p
                stop.add(holder)
    out = []
    for b in blocks:
        kind, p = _kind(b), probes[b.el]
        if b.el in stop or kind != "comment":
            if kind == "comment" and not p.found:
                continue
            complete(p, stop, fetched_at, memo)
            out.append((b, finish(p, stop, url, kind)))
    if parts:
        _hoist(out, parts, stop)
    return out


def _holders(parts: set, stop: set) -> tuple[set, list]:
    """The remaining blocks around parts (to probe again), and the parts with
    no block around them that hold exactly one other part."""
    hosts: set = set()
    held: dict = {}
    for part in parts:
        for anc in part.iterancestors():
            if anc in stop:
                hosts.add(anc)
                break
            if anc in parts:
                held[anc] = held.get(anc, 0) + 1
                break
    holders = [h for h, n in held.items() if n == 1 and _host(h, stop) is None]
    return hosts, holders


def _hoist(out: list[tuple[Block, Fields]], parts: set, stop: set) -> None:
    """A wrapper left without fields because its comment's fields sit in an
    inner block beside its replies is that comment: the first inner block
    takes its place (and its id, when it has none of its own), so the replies
    nest under it.  Blogger: ``li#c123`` holding ``div.comment-block`` and
    ``div.comment-replies``; WordPress themes: an ``li.comment`` without id
    holding ``article#comment-N`` and, after it, ``ul.children``."""
    taken: set = set()
    for b, _ in out:
        numbered = any(numeric_key(i) for i in b.ids)
        for anc in b.el.iterancestors():
            if anc in stop:
                break
            if anc in parts:
                if anc in taken:
                    break
                if not numbered and numeric_key(anc.get("id")):
                    b.ids.append(anc.get("id"))
                elif numbered and numeric_key(anc.get("id")) or not _heads(anc, b.el, stop):
                    break
                taken.add(anc)
                b.el = anc
                break


def _heads(wrapper: etree._Element, el: etree._Element, stop: set) -> bool:
    """``el`` is the one comment of ``wrapper``: a child of it, and no other
    block is (other blocks sit in a list of replies); the wrapper is not named
    for a whole thread ("comments-wrap")."""
    if el.getparent() is not wrapper or "comments" in (wrapper.get("class") or "").lower():
        return False
    for child in wrapper.iterchildren(etree.Element):
        if child in stop and not is_inside(el, child):
            return False
    return True


def _host(el: etree._Element, stop: set) -> etree._Element | None:
    """The nearest remaining block around a dropped part."""
    for anc in el.iterancestors():
        if anc in stop:
            return anc
    return None


def _dom_comments(
    marked: list, url: str, fetched_at: str | None, forum: list | tuple = ()
) -> tuple[list[Block], list[Comment]]:
    blocks = find_blocks(marked, forum)
    kept: list[tuple[Block, Comment]] = []
    for b, f in _read(blocks, url, fetched_at):
        kind = _kind(b)
        if kind == "comment" and (not f.text or not (f.author or f.published)):
            continue
        if kind == "comment" and (blog := reblog_of(f.text)) is not None:
            kind, f = "pingback", _as_reblog(b, f, blog, url)
        if kind != "comment" and not (f.author or f.author_url):
            continue
        comment = Comment(
            id=_block_id(b) or hash_id(f.author, f.published_raw, f.text),
            author=f.author,
            author_url=f.author_url,
            published=f.published,
            published_raw=f.published_raw,
            published_approx=f.approx,
            text=f.text,
            html=f.html,
            kind=kind,
        )
        kept.append((b, comment))
    blocks = [b for b, _ in kept]
    link_parents(blocks)
    _link_indented(blocks)
    _link_replies(blocks)
    _unique_ids([c for _, c in kept])
    ids = {b.el: c.id for b, c in kept}
    for i, (b, c) in enumerate(kept):
        c.position, c.depth = i, b.depth
        c.parent_id = ids[b.parent.el] if b.parent is not None else None
    return blocks, [c for _, c in kept]


def _as_reblog(b: Block, f: Fields, blog: str, url: str) -> Fields:
    """A reblog as a pingback: the blog is the author, its link the author's
    URL; the text is kept (it is printed, and may hold the reblogger's words)."""
    link = next((a for a in b.el.iter("a") if inline_text(a) == blog), None)
    href = absolute(url, link.get("href")) if link is not None else None
    return Fields(blog, href, f.published, f.published_raw, f.approx, f.text, f.html)


def _unique_ids(comments: list[Comment]) -> None:
    """Give comments that share an id one of their own.

    An id is the key a comment is stored under, so two comments with one id
    would be one row: one of them lost.  Page-wide element ids can share their
    first number ("Holder1_Comment_0", "Holder1_Comment_1" both give "1"), and
    then the site's numbering says nothing; the content hash does.
    """
    counts = Counter(c.id for c in comments)
    if len(counts) == len(comments):
        return
    taken = {i for i, n in counts.items() if n == 1}
    for c in comments:
        if counts[c.id] > 1:
            new = base = hash_id(c.author, c.published_raw, c.text)
            k = 1
            while new in taken:  # (the same text by the same author at the same time)
                k += 1
                new = f"{base}-{k}"
            c.id = new
            taken.add(new)


def _block_id(b: Block) -> str | None:
    for raw in b.ids:
        key = numeric_key(raw)
        if key:
            return key
    data_id = b.el.get("data-comment-id") or b.el.get("data-id") or ""
    return data_id if data_id.isdigit() else anchor_id(b.el)


def _link_replies(blocks: list[Block]) -> None:
    """Flat threads whose bylines link the comment they answer
    (:func:`reply_targets`) or whose classes state the depth (:func:`depth_parents`)."""
    targets = reply_targets(blocks)
    targets.update(depth_parents(blocks))
    if not targets:
        return
    for b, target in targets.items():
        b.parent = target
    for b in blocks:  # document order: a parent's depth is final before its replies'
        b.depth = b.parent.depth + 1 if b.parent is not None else 0


def _link_indented(blocks: list[Block]) -> None:
    """Replies that follow their parent in a ``div.indented`` (Drupal)."""
    by_el = None
    for b in blocks:
        if b.parent is None and b.depth == 0:
            if by_el is None:
                by_el = {x.el: x for x in blocks}
            b.parent = indented_parent(b.el, by_el)
        b.depth = b.parent.depth + 1 if b.parent is not None else 0


def extract_thread(
    doc: etree._Element,
    url: str,
    *,
    fetched_at: str | None = None,
    selectors: Mapping[str, str] | None = None,
) -> Thread:
    """The comment thread of one parsed page (pure: the tree is not modified).

    ``fetched_at`` (ISO 8601) anchors relative dates ("3 days ago");
    ``selectors["comments"]`` (CSS) narrows the search to a site's thread region.
    """
    found = scan(doc)
    forum = forum_posts(found.posts) if len(found.posts) > 1 else []
    # A later page of a forum thread has no post of its own: its numbered
    # posts are the page's text, not replies to an article on it.  (Asked
    # only where there are forum posts: the search walks the whole page.)
    if forum and continues_thread(doc):
        forum = []
    blocks, comments = _dom_comments(_within(found, doc, selectors), url, fetched_at, forum)
    post = None
    if comments and is_opening_post(doc, blocks[0].el, comments[0], blocks[0].post):
        post, comments = comments[0], without_post(comments)
    payloads = load_jsonld(found.scripts)
    system = system_of(found.marked, blocks) if comments else None
    if not comments:
        comments = jsonld_comments(payloads, fetched_at)
        system = "schema.org" if comments else None
    embed = find_embed(doc, found)
    nodes = regions_of(found.marked, blocks)
    if embed is not None:
        system = embed.system if _rendered_by(embed.nodes, blocks) else system or embed.system
        nodes += [n for n in embed.nodes if n not in nodes]
    declared = declared_count(found.marked, nodes, blocks[0].el if blocks else None)
    if declared is None:
        declared = jsonld_count(payloads)
    signs = script_signs(doc, found, has_comments=bool(comments), embed=embed, regions=nodes)
    return Thread(
        comments=comments,
        declared=declared,
        open=is_open(found.marked, nodes),
        system=system,
        thread_id=embed.thread_id if embed is not None else None,
        pages=comment_pages(found.marked, nodes, url),
        nodes=nodes,
        post=post,
        scripted=signs,
    )


def _rendered_by(holders: list, blocks: list[Block]) -> bool:
    """Comments printed inside a third-party embed's holder (the Disqus
    plugin's server-rendered copy in ``div#disqus_thread``) are that system's."""
    return bool(blocks and holders) and all(
        any(is_inside(b.el, h) for h in holders) for b in blocks if b.parent is None
    )


def merge_threads(threads: list[Thread]) -> list[Comment]:
    """Merge the comments of several pages of one thread into one ordered list."""
    return merge_comments([t.comments for t in threads])


def thread_of(article: Article) -> Thread:
    """The thread part of a parsed page, for :func:`merge_threads`."""
    return Thread(
        comments=article.comments,
        declared=article.comments_declared,
        open=article.comments_open,
        pages=article.comment_pages,
    )


def other_pages(article: Article, url: str) -> list[str]:
    """The thread's comment pages other than ``url``, without fragments, in order."""
    here = urldefrag(url)[0]
    out: list[str] = []
    for page in article.comment_pages:
        page = urldefrag(page)[0]
        if page != here and page not in out:
            out.append(page)
    return out


def _wants_api(article: Article) -> bool:
    """Only WordPress threads (or pages that show one is possible) with a post id."""
    has_thread = bool(article.comments) or article.comments_open is not None
    return bool(article.post_id) and article.comments_system in (None, "wordpress") and has_thread
