"""Stored HTML, made safe again before the reading room shows it.

The parsers store comments' HTML already cleaned, but the viewer does not
trust the archive: an archive written by an older version, or by another
tool, may hold anything.  So stored HTML is re-serialised here through a
short allowlist: text formatting, quotes, lists and links (absolute http(s)
or mailto only, opened without a referrer).  Every other element is dropped
(its text kept), except the ones whose content is never text to read
(scripts, styles, embedded objects), which go whole.  No attribute but
``href`` survives, and all text is escaped, so the output cannot run script
or load anything by itself (images are shown as their alt text, not fetched:
the archive is read offline).
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from markupsafe import Markup, escape

# fmt: off
ALLOWED = frozenset(
    ["a", "abbr", "b", "blockquote", "br", "cite", "code", "del", "em", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "strong", "sub", "sup", "u", "ul"]
)
DROPPED = frozenset(
    ["script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "textarea", "select", "option", "button", "input", "form", "head", "title", "xmp", "plaintext", "noembed", "noframes", "audio", "video", "canvas", "map", "meta", "link", "base"]
)
# fmt: on
VOID = frozenset({"br"})
SAFE_HREF = re.compile(r"^(?:https?://|mailto:)[^\s\x00-\x1f]*$", re.I)
MAX_NESTING = 64  # deeper markup is flattened to its text


def safe_html(fragment: str | None) -> Markup:
    """``fragment`` through the allowlist, as markup safe to insert in a page.

    >>> safe_html('<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:x">y</a></p>')
    Markup('<p>Hi y</p>')
    >>> safe_html('<img src=x onerror=alert(1) alt="a cat"> <b>&lt;ok&gt;</b>')
    Markup('[image: a cat] <b>&lt;ok&gt;</b>')
    """
    if not fragment or not fragment.strip():
        return Markup("")
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return Markup(escape(fragment))
    out: list[str] = []
    _text(root.text, out)
    for child in root:
        _element(child, out, 0)
        _text(child.tail, out)
    return Markup("".join(out).strip())


def _text(text: str | None, out: list[str]) -> None:
    if text:
        out.append(str(escape(text)))


def _element(el: lxml.html.HtmlElement, out: list[str], nesting: int) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else None
    if tag is None or tag in DROPPED:
        return  # comments, processing instructions, scripts and the like
    if nesting > MAX_NESTING:
        _text(el.text_content(), out)
        return
    if tag == "img":
        alt = (el.get("alt") or "").strip()
        _text(f"[image: {alt}]" if alt else "", out)
        return
    start, end = _tags(el, tag)
    out.append(start)
    _text(el.text, out)
    for child in el:
        _element(child, out, nesting + 1)
        _text(child.tail, out)
    out.append(end)


def _tags(el: lxml.html.HtmlElement, tag: str) -> tuple[str, str]:
    """The start and end tag to write for an element ('' for one not allowed)."""
    if tag not in ALLOWED:
        return "", ""
    if tag in VOID:
        return f"<{tag}>", ""
    if tag == "a":
        href = (el.get("href") or "").strip()
        if not SAFE_HREF.match(href):
            return "", ""
        return f'<a href="{escape(href)}" rel="nofollow noopener noreferrer ugc">', "</a>"
    return f"<{tag}>", f"</{tag}>"
