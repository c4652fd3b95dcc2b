"""Text and safe-HTML serialisation of DOM fragments, shared by all parsers.

``element_text`` keeps paragraph structure (blocks separated by a blank line,
``<br>`` as a line break) because the records promise "paragraphs separated by
blank lines".  ``clean_html`` re-serialises through an allowlist, so scripts,
styles, event attributes and ``javascript:`` links can never reach the archive
viewer.
"""

from __future__ import annotations

import re
from copy import deepcopy
from html import escape

import lxml.html

# fmt: off
BLOCK_TAGS = frozenset(
    ["address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul"]
)
SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head", "button", "select", "textarea", "rt", "rp"]
)
SAFE_TAGS = frozenset(
    ["a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul"]
)
# fmt: on
SAFE_ATTRS = {
    "a": ("href", "title"),
    "img": ("src", "alt", "title"),
    "time": ("datetime",),
    "td": ("colspan", "rowspan"),
    "th": ("colspan", "rowspan"),
    "blockquote": ("cite",),
}
_WS = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
# The runs _WS would change: a lone space is left alone (most matches of _WS
# are lone spaces between words, each replaced by itself).
_WS_RUNS = re.compile(r" [ \t\r\f\v\u00a0\u200b]+|[\t\r\f\v\u00a0\u200b][ \t\r\f\v\u00a0\u200b]*")
_INVISIBLE = re.compile("[\u00ad\u200b\ufeff]")  # soft hyphen, zero-width space, BOM
_SAFE_URL = re.compile(r"^(?:https?:|mailto:|/|#|\.|[^:]*$)", re.I)


def _walk_text(el, out: list[str]) -> None:
    tag = el.tag
    if not isinstance(tag, str):
        return
    tag = tag.lower()
    if tag in SKIP_TAGS:
        return
    block = tag in BLOCK_TAGS
    if block:
        out.append("\n\n")
    elif tag == "br":
        out.append("\n")
    text = el.text  # (each read of .text or .tail builds a new string)
    if text:
        out.append(text)
    for child in el:
        _walk_text(child, out)
        tail = child.tail
        if tail:
            out.append(tail)
    if block:
        out.append("\n\n")


def _visible(raw: str) -> str:
    """``raw`` without invisible characters; most texts hold none, and three
    substring tests (memchr, or nothing at all for a Latin-1 text and the
    two characters above U+00FF) are far cheaper than one regex pass."""
    if "\u00ad" in raw or "\u200b" in raw or "\ufeff" in raw:
        return _INVISIBLE.sub("", raw)
    return raw


def normalize_text(raw: str) -> str:
    """Collapse spaces within lines and runs of blank lines between paragraphs.

    >>> normalize_text("  a  b \\n\\n\\n\\n c\\n")
    'a b\\n\\nc'
    """
    paragraphs: list[str] = []
    current: list[str] = []
    # (_WS never spans a line break, so one substitution over the whole text
    # equals one per line)
    for line in _WS_RUNS.sub(" ", _visible(raw)).split("\n"):
        line = line.strip()
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)


def element_text(el) -> str:
    """Plain text of an element, paragraphs separated by a blank line."""
    out: list[str] = []
    _walk_text(el, out)
    return normalize_text("".join(out))


def inline_text(el) -> str:
    """All text of an element on one line (names, dates, headings)."""
    if el is None:
        return ""
    # (a leaf's text is its itertext(), without the iterator)
    raw = _joined(el.itertext()) if len(el) else el.text or ""
    return _WS_RUNS.sub(" ", _visible(raw)).strip()


_GLUED_AFTER = frozenset(",.:;!?)]»”“")  # punctuation that follows a word, no space


def _joined(pieces) -> str:
    """Text pieces of adjacent elements with a space between them, as their
    layout usually shows (``<span>Name</span><span>Date</span>``), except
    before punctuation (``Frauen im <abbr>THW</abbr>: Vergangenheit``)."""
    out = ""
    for piece in pieces:
        out += piece if not out or piece[:1] in _GLUED_AFTER else " " + piece
    return out


def start_tag(el, tag: str) -> str:
    """The safe start tag of an allowed element: allowed attributes, safe URLs."""
    attrs = []
    for name in SAFE_ATTRS.get(tag, ()):
        value = el.get(name)
        if value is None or (
            name in ("href", "src", "cite") and not _SAFE_URL.match(value.strip())
        ):
            continue
        attrs.append(f' {name}="{escape(value, quote=True)}"')
    return f"<{tag}{''.join(attrs)}>"


# Start tags of the allowed elements that keep no attribute, ready made.
PLAIN_START = {tag: f"<{tag}>" for tag in SAFE_TAGS if tag not in SAFE_ATTRS}


def _escape(text: str) -> str:
    """``html.escape(text, quote=False)`` without its call overhead."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clean(el, out: list[str]) -> None:
    tag = el.tag
    if not isinstance(tag, str):
        return
    tag = tag.lower()
    if not tag or tag in SKIP_TAGS:
        return
    keep = tag in SAFE_TAGS
    if keep:
        out.append(PLAIN_START.get(tag) or start_tag(el, tag))
    text = el.text
    if text:
        out.append(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    for child in el:
        _clean(child, out)
        tail = child.tail
        if tail:
            out.append(tail.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    if keep and tag not in ("br", "hr", "img"):
        out.append(f"</{tag}>")


def clean_html(el) -> str:
    """Safe HTML of an element's content (the element's own tag is dropped)."""
    out: list[str] = []
    if el.text:
        out.append(_escape(el.text))
    for child in el:
        _clean(child, out)
        if child.tail:
            out.append(_escape(child.tail))
    return "".join(out).strip()


def fragment_html(elements) -> str:
    """Safe HTML of several sibling elements, in order."""
    out: list[str] = []
    for el in elements:
        _clean(el, out)
    return "".join(out).strip()


# The first element of a heading that names its topic above the headline
# ("Dachzeile", kicker, eyebrow): part of the design, not of the headline.
_KICKER = re.compile(
    r"kicker|topic|label|toptitle|overline|dachzeile|roofline|eyebrow|supertitle|pre-?title|rubric"
    r"|subtitle",
    re.I,
)
_HIDDEN = re.compile(r"visually-hidden|sr-only|screen-reader-text")
_LEADING_SEPARATOR = re.compile(r"^[\s:|\-–—·•/]+")
KICKER_WORDS = 8  # a longer first part is the headline's own text


def _set_off(el: lxml.html.HtmlElement) -> bool:
    """The heading's first part is set off from the rest by a separator that
    only text-only readers get (``aria-hidden`` for the eye, or screen-reader
    text): ``<span>Kicker</span><span aria-hidden="true"> – </span><span>Headline</span>``.
    """
    if len(el) < 3 or (el[0].tail or "").strip():
        return False
    sep = el[1]
    if not isinstance(sep.tag, str) or len(sep) or _LEADING_SEPARATOR.sub("", sep.text or ""):
        return False
    return sep.get("aria-hidden") == "true" or bool(_HIDDEN.search(sep.get("class") or ""))


def _dated(child) -> bool:
    """A ``<time>`` or a date-classed element: a date set in the heading."""
    return isinstance(child.tag, str) and (
        child.tag == "time" or bool(_DATE_CLASS.search(child.get("class") or ""))
    )


_DATE_CLASS = re.compile(r"(?<![a-z])date(?![a-z])")


def _without_date(el: lxml.html.HtmlElement) -> str:
    """The heading's text without the date element closing it (and a separator before it)."""
    rest = deepcopy(el)
    rest[-1].drop_tree()
    text = _TRAILING_SEPARATOR.sub("", heading_text(rest))
    return text or inline_text(el)


_TRAILING_SEPARATOR = re.compile(r"[\s:|\-–—·•/,(]+$")


def heading_text(el: lxml.html.HtmlElement) -> str:
    """A heading's text without a kicker printed in it before the headline.

    >>> heading_text(lxml.html.fragment_fromstring(
    ...     '<h1><span class="kicker">Brexit</span> Vote delayed</h1>'))
    'Vote delayed'
    """
    first = el[0] if len(el) else None
    if first is not None and _dated(el[-1]) and (el[-1].tail or "").strip() == "":
        return _without_date(el)
    if (
        first is None
        or (el.text or "").strip()
        or not isinstance(first.tag, str)
        or not (_KICKER.search(first.get("class") or "") or _set_off(el))
    ):
        return inline_text(el)
    kicker = inline_text(first)
    if not kicker or len(kicker.split()) > KICKER_WORDS:
        return inline_text(el)
    rest = deepcopy(el)  # (the page's tree stays whole for the other extractors)
    for part in [rest[0], *(e for e in rest.iter() if _HIDDEN.search(e.get("class") or ""))]:
        if part.getparent() is not None:
            part.drop_tree()  # (its tail text stays)
    text = _LEADING_SEPARATOR.sub("", inline_text(rest))  # ("Kicker<span>: </span>Headline")
    return text if len(text) >= len(kicker) else inline_text(el)
