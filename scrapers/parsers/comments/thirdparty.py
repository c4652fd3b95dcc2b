"""Threads rendered by third-party scripts (Disqus, Facebook, Commento...).

Their comments are not in the page, but knowing the system and the thread
identifier lets a later step fetch them from the provider, and the embed's
container is still a region the body extractor should skip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from scrapers.parsers.comments.scan import Scan

_DISQUS_INLINE = etree.XPath(
    "//script[not(@src)][contains(.,'disqus_') or contains(.,'disqus.com') or contains(.,'DISQUS')]"
)
_DISQUS_ID = re.compile(
    r"""(?:disqus_identifier|page\.identifier)\s*[=:]\s*(['"])([^'"\n]{1,300})\1"""
)
_DISQUS_SHORTNAME = re.compile(r"""disqus_shortname\s*[=:]\s*(['"])([\w-]{1,100})\1""")
_DISQUS_URL = re.compile(r"""(?:disqus_url|page\.url)\s*[=:]\s*(['"])([^'"\n]{1,500})\1""")
_DISQUS_EMBED = re.compile(r"//([\w-]{1,100})\.disqus\.com/(?:embed|count)\.js")

# (system, marker in an element's class/id or a script's src, attributes holding
# the thread id).  The markers are among the scan's words, so only the few
# marked elements are looked at.
_EMBEDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("facebook", ("fb-comments",), ("data-href",)),
    ("commento", ("commento",), ("data-page-id",)),
    ("hyvor", ("hyvor-talk", "talk.hyvor"), ("page-id", "data-page-id")),
    ("coral", ("coral_thread", "coral-thread", "coral-"), ("data-story-id",)),
    ("vuukle", ("vuukle",), ()),
    ("spotim", ("spot.im", "spotim-", "spot-im-"), ("data-post-id",)),
    ("viafoura", ("viafoura",), ("vf-container-id",)),
    ("livefyre", ("livefyre",), ("data-article-id",)),
    ("intensedebate", ("idc-container", "intensedebate.com"), ()),
    ("utterances", ("utteranc.es",), ("issue-term",)),
    ("giscus", ("giscus",), ("data-term",)),
    ("isso", ("isso-thread",), ("data-isso-id",)),
    ("remark42", ("remark42",), ()),
    ("talkyard", ("talkyard-comments",), ("data-discussion-id",)),
)


_ALL_WORDS = tuple(w for _, words, _ in _EMBEDS for w in words)


@dataclass
class Embed:
    """A third-party thread: the system, its thread id and its container(s)."""

    system: str
    thread_id: str | None
    nodes: list


def _disqus(doc: etree._Element, scan: Scan) -> Embed | None:
    holders = [
        el
        for el in scan.marked
        if el.get("id") == "disqus_thread" or el.get("data-disqus-identifier")
    ]
    srcs = [el for el in scan.scripts if "disqus.com" in (el.get("src") or "")]
    if not holders and not srcs:
        return None
    thread_id = None
    for el in holders:
        thread_id = el.get("data-disqus-identifier") or thread_id
    shortname = page_url = None
    for script in srcs + _DISQUS_INLINE(doc):
        text = (script.text or "")[:20000]
        src = script.get("src") or ""
        m = _DISQUS_ID.search(text)
        thread_id = thread_id or (m.group(2) if m else None)
        m = (
            _DISQUS_SHORTNAME.search(text)
            or _DISQUS_EMBED.search(src)
            or _DISQUS_EMBED.search(text)
        )
        shortname = shortname or (m.group(m.lastindex) if m else None)
        m = _DISQUS_URL.search(text)
        page_url = page_url or (m.group(2) if m else None)
    if thread_id is None and shortname and page_url:
        thread_id = f"{shortname}:{page_url}"
    nodes = [el for el in holders if el.get("id") == "disqus_thread"]
    return Embed("disqus", thread_id, nodes)


def _matches(words: tuple[str, ...], scan: Scan, joined: str) -> list:
    if not any(w in joined for w in words):
        return []
    hits = [el for el in scan.marked if any(w in v for v in scan.values[el] for w in words)]
    hits += [el for el in scan.scripts if any(w in (el.get("src") or "") for w in words)]
    return hits


def find_embed(doc: etree._Element, scan: Scan) -> Embed | None:
    """The first third-party comment system the page embeds, if any.  Inline
    scripts are read only on pages that show a Disqus holder or loader."""
    found = _disqus(doc, scan)
    if found:
        return found
    joined = "\n".join(v for vals in scan.values.values() for v in vals)
    # (the marked values hold the scripts' too; substring tests, not one regex
    # of all the words, which tries each of them at every position)
    if not any(w in joined for w in _ALL_WORDS):
        return None  # most pages: one search instead of one per system
    for name, words, attrs in _EMBEDS:
        hits = _matches(words, scan, joined)
        if not hits:
            continue
        thread_id = next((h.get(a) for h in hits for a in attrs if h.get(a)), None)
        nodes = [h for h in hits if h.tag != "script"]
        return Embed(name, thread_id, nodes)
    return None
