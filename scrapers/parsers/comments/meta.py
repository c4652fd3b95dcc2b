"""What a page says about its thread besides the comments themselves.

The declared count ("8 thoughts on ..."), whether the thread is open (a form)
or closed ("Comments are closed."), and the other comment pages of a
paginated WordPress thread.  These tell the crawler whether the archived
thread is complete and where its missing pages are.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urldefrag, urlsplit

from lxml import etree

from scrapers.parsers.comments._dom import absolute, is_inside
from scrapers.parsers.comments.blocks import in_bad_zone
from scrapers.parsers.comments.locate import TEXT_LEN
from scrapers.parsers.document.text import inline_text

_NUMBER_WORDS = {
    "no": 0,
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "keine": 0,
    "ein": 1,
    "eine": 1,
    "einen": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "un": 1,
    "una": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "один": 1,
    "два": 2,
    "три": 3,
}
THREAD_NOUNS = (
    r"thoughts?|comments?|responses?|repl(?:y|ies)|kommentare?n?|antworten|gedanken|reaktionen"
    r"|comentarios?|respuestas?|commentaires?|réponses?|réactions?|commenti|коммент\w*|отзыв\w*"
)
# "8 thoughts on", "{ 3 comments… add one }", "all 3 comments"
_COUNT = re.compile(
    r"^\W{0,3}(?:(?:all|alle|todos los|tous les|tutti i)\s+)?(\d{1,6}|[^\W\d]{2,7})\s+(?:"
    + THREAD_NOUNS
    + r")\b",
    re.I,
)
# "Kommentare (2)", "Комментарии (6) к записи «...»", "Comments: 3", "Reader comments (3)"
_COUNT_AFTER = re.compile(
    r"^(?:[^\W\d]{2,12}\s+)?(?:"
    + THREAD_NOUNS
    + r")\s*(?:[(\[]\s*(\d{1,6})\s*[)\]]|:\s*(\d{1,6})\s*$)",
    re.I,
)
_COUNT_CLASSES = ("comments-title", "comment-count", "comments-count")
# (one regex search per element instead of a generator of substring tests)
_COUNT_CLASS = re.compile("|".join(_COUNT_CLASSES))
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
_FORM_IDS = ("respond", "commentform")
_FORM_CLASSES = ("comment-respond", "comment-form")
_FORM_CLASS = re.compile("|".join(_FORM_CLASSES))
_CLOSED_CLASSES = ("nocomments", "no-comments", "comments-closed", "comments-are-closed")
_CLOSED_CLASS = re.compile(r"(?<!\S)(?:" + "|".join(_CLOSED_CLASSES) + r")(?!\S)")  # whole tokens
_CLOSED_TEXT = re.compile(
    r"comments are closed|commenting is closed|comments closed|kommentare sind geschlossen"
    r"|kommentarfunktion (?:ist )?(?:geschlossen|deaktiviert)|comentarios (?:están )?cerrados"
    r"|commentaires sont fermés|commenti sono chiusi|комментарии закрыты",
    re.I,
)
_CLOSED_TAGS = ("p", "div", "span", "h3", "h4", "li")
_CLOSED_WORDS = ("losed", "eschlossen", "errados", "fermés", "chiusi", "закрыты", "eaktiviert")
_NAV_CLASSES = ("comment-navigation", "comments-pagination", "comment-nav")
_NAV_CLASS = re.compile("|".join(_NAV_CLASSES))


# A substring every match of a class pattern above holds spares the regex for
# the other marked elements (many per comment of a long thread).
def _count_class(cls: str | None) -> bool:
    return (
        bool(cls) and ("-count" in cls or "s-title" in cls) and _COUNT_CLASS.search(cls) is not None
    )


def _closed_class(cls: str | None) -> bool:
    return bool(cls) and ("no" in cls or "closed" in cls) and _CLOSED_CLASS.search(cls) is not None


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word.lower())


def _count_of(el: etree._Element) -> int | None:
    text = inline_text(el)
    if not text or len(text) > 200:
        return None
    m = _COUNT.match(text)
    n = _number(m.group(1)) if m else None
    if n is None:
        m = _COUNT_AFTER.match(text)
        n = int(m.group(1) or m.group(2)) if m else None
    return n


def _headings(marked: list, regions: list) -> list[etree._Element]:
    """Count-bearing candidates: elements named as comment counts, headings
    inside a thread region, and the heading just before a region.  Headings
    elsewhere ("3 comments" in a teaser list) say nothing about this thread."""
    memo: dict = {}
    out = [el for el in marked if _count_class(el.get("class")) and not in_bad_zone(el, memo)]
    titles = [el for el in marked if el.get("id") == "comments-title"]
    out += titles
    for region in regions:
        out.extend(region.iter(*_HEADING_TAGS))
        prev = region.getprevious()
        if prev is not None and prev.tag in _HEADING_TAGS:
            out.append(prev)
    return out


def declared_count(marked: list, regions: list, first: etree._Element | None = None) -> int | None:
    """The count the page states for this thread ("8 thoughts on", "12 Kommentare").

    ``first`` is the thread's first comment block: the lines of the region
    before it are its header ("{ 3 comments… add one }", "all 3 comments").
    """
    for el in _headings(marked, regions):
        n = _count_of(el)
        if n is not None:
            return n
    # else a counter in the thread's own header ("<span class=discussion-count>3
    # comments"); looked for only on pages whose headings state no count
    for region in regions:
        for el in region.iter("span"):
            if "count" in (el.get("class") or "") and (n := _count_of(el)) is not None:
                return n
    if first is not None:
        return _header_count(regions, first)
    return None


_HEADER_TAGS = frozenset(["p", "div", "span", "strong", "b", "em"])


def _header_count(regions: list, first: etree._Element) -> int | None:
    """A count in a short line of the region before its first comment."""
    for region in regions:
        if not is_inside(first, region):
            continue
        for el in region.iter(etree.Element):
            if el is first:
                return None
            if el.tag in _HEADER_TAGS and 0 < TEXT_LEN(el) <= 60:
                n = _count_of(el)
                if n is not None:
                    return n
    return None


def _is_form(el: etree._Element) -> bool:
    cls = el.get("class") or ""
    if el.get("id") in _FORM_IDS or (
        ("-respond" in cls or "-form" in cls) and _FORM_CLASS.search(cls)
    ):
        return True
    return el.tag == "form" and "wp-comments-post" in (el.get("action") or "")


def _near(regions: list):
    """Each region and the element right after it (where themes print the notice)."""
    for region in regions:
        yield region
        nxt = region.getnext()
        if nxt is not None and isinstance(nxt.tag, str):
            yield nxt


def _says_closed(regions: list) -> bool:
    for scope in _near(regions):
        for el in scope.iter(*_CLOSED_TAGS):
            text = el.text
            if (
                text
                and any(w in text for w in _CLOSED_WORDS)
                and _CLOSED_TEXT.search(inline_text(el)[:200])
            ):
                return True
    return False


def is_open(marked: list, regions: list) -> bool | None:
    """True when a comment form is present, False when the page says it is closed.
    The closed notice is looked for inside the thread region only."""
    # Whole class tokens: "no-comments" is a closed notice, "no-comments-yet" is not.
    if any(_closed_class(el.get("class")) for el in marked):
        return False
    # (forms come after the thread: looking from the end finds them sooner)
    if any(_is_form(el) for el in reversed(marked)):
        return True  # a form outranks a notice text: the region's text is then not read
    if _says_closed(regions):
        return False
    return None


def _links(marked: list, regions: list):
    for el in marked:
        cls = el.get("class") or ""
        if ("-nav" in cls or "-pagination" in cls) and _NAV_CLASS.search(cls):
            yield from el.iter("a")
    for region in regions:
        for a in region.iter("a"):
            href = a.get("href") or ""
            if "/comment-page-" in href or "cpage=" in href:
                yield a


# Query parameters of links that act on a comment (reply to it, share, moderate)
# rather than show a page of the thread: ``?replytocom=54`` serves the same page.
_ACTION_PARAMS = frozenset(
    ["replytocom", "unapproved", "moderation-hash", "share", "like_comment", "print", "action"]
)


def _acts(href: str) -> bool:
    query = urlsplit(href).query
    return bool(query) and any(k in _ACTION_PARAMS for k, _ in parse_qsl(query, True))


def comment_pages(marked: list, regions: list, url: str) -> list[str]:
    """Absolute URLs of the thread's other comment pages, in page order found.

    The thread's own navigation counts (the links of its pagination), and
    elsewhere in the thread the links to a comment page (a comment's own
    permalink names the page it is on).  A link that acts on a comment (a
    reply link, ``/comment-page-3/?replytocom=54``, serves a copy of the page
    it is on) is never a page.
    """
    own = urldefrag(url)[0] if url else ""
    out: list[str] = []
    for a in _links(marked, regions):
        href = absolute(url, a.get("href"))
        if not href:
            continue
        href = urldefrag(href)[0]
        if href == own or href in out or _acts(href):
            continue
        if _looks_like_page(href, a):
            out.append(href)
    return out


def _looks_like_page(href: str, a: etree._Element) -> bool:
    if "/comment-page-" in href or "cpage=" in href:
        return True
    text = inline_text(a).lower()
    return "comment" in text or "kommentar" in text or "comentario" in text
