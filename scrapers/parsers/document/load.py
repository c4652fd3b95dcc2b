"""Bytes to DOM: charset detection and one lxml parse.

Pages arrive as raw bytes and their declared charset is often missing or
wrong, so the declaration (BOM, HTTP header, ``<meta>``) is checked against
the bytes before it is trusted; charset-normalizer is the last resort.  Every
step looks at a bounded prefix only, so a 20 MB page costs one decode and one
parse, and no regex can backtrack over the whole document.
"""

from __future__ import annotations

import codecs
import logging
import re

import lxml.html
from charset_normalizer import from_bytes
from lxml import etree

log = logging.getLogger(__name__)

_SNIFF_BYTES = 4096  # how far we look for a <meta charset> (browsers: 1024)
_DETECT_BYTES = 65536  # sample handed to charset-normalizer
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.I
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.I)
# lxml.html's own parser picks every element's class in a Python callback
# (form elements get subclasses we never use), which costs a call per element
# touched from Python; a C-level default lookup gives the same HtmlElement API.
# The decoded text is handed to libxml2 as UTF-8 bytes with the encoding
# stated: parsing a Python ``str`` costs libxml2 a conversion of every
# character (about an eighth of the parse), and the stated encoding keeps a
# ``<meta charset>`` in the page from overruling our decision.
_PARSER = lxml.html.HTMLParser(encoding="utf-8")
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"RIFF")
# What browsers actually use for a few labels (WHATWG encoding standard).
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-sjis": "shift_jis",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "utf8": "utf-8",
    "unicode": "utf-16-le",
}


def _codec(label: str | None) -> str | None:
    """The Python codec for a charset label, or None if we do not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


# Every byte but the C0 controls that never occur in HTML text (all but \t\n\v\f\r).
_NOT_CONTROLS = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


def _looks_binary(head: bytes) -> bool:
    if head.startswith(_BINARY_MAGIC):
        return True
    # NUL and other C0 controls never occur in HTML text (UTF-16 is caught
    # earlier by its BOM).
    controls = len(head.translate(None, _NOT_CONTROLS))  # (counted in C)
    return b"\x00" in head or controls > len(head) // 20


def _declared(body: bytes, content_type: str | None) -> list[str]:
    """Charset candidates in order of authority: HTTP header, then <meta>."""
    found: list[str] = []
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m and (enc := _codec(m.group(1))):
            found.append(enc)
    m = _META_CHARSET.search(body[:_SNIFF_BYTES])
    if m and (enc := _codec(m.group(1).decode("ascii", "ignore"))):
        found.append(enc)
    return found


def _try(body: bytes, enc: str) -> str | None:
    try:
        return body.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(body: bytes, content_type: str | None = None) -> str | None:
    """Decode page bytes the way a careful browser would.

    A declared single-byte charset is overruled when the bytes are valid
    UTF-8 with non-ASCII content (the most common lie); a declared UTF-8 that
    does not decode is kept when nearly all of it is valid (:func:`_mostly_utf8`)
    and otherwise falls through to detection.
    """
    return _decode(body, content_type)[0]


def _decode(body: bytes, content_type: str | None) -> tuple[str | None, bool]:
    """:func:`decode_html`, and whether the text is exactly ``body`` read as
    UTF-8 (then ``body`` itself can go to libxml2, no encoding back)."""
    for bom, enc in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(enc, "replace"), False
    if _looks_binary(body[:1024]):
        return None, False
    utf8 = _try(body, "utf-8")
    exact = utf8 is not None
    if exact and not body.isascii():
        return utf8, True  # what every declaration below comes to (no need to look)
    for enc in _declared(body, content_type):
        if enc == "utf-8":
            if utf8 is None:
                utf8 = _mostly_utf8(body)
            if utf8 is not None:
                return utf8, exact
            continue
        if enc.startswith("utf-16") or enc.startswith("utf-32"):
            continue  # an ASCII-readable declaration cannot be true
        if utf8 is not None and not body.isascii():
            return utf8, exact  # declared legacy charset, but the bytes are UTF-8
        text = _try(body, enc)
        if text is not None:
            return text, exact and text == utf8
    if utf8 is not None:
        return utf8, exact
    return _mostly_utf8(body) or _detect(body), False


def _mostly_utf8(body: bytes) -> str | None:
    r"""UTF-8 with a few stray bytes (a truncated paste, a bad include), decoded
    with U+FFFD for them: text in a legacy charset has almost no valid UTF-8
    multibyte sequences, so two good ones per run of bad bytes is UTF-8.  Statistical
    detection would pick some codepage and garble every accented letter.

    >>> _mostly_utf8("año ".encode() * 2 + b"\xff\xfe")
    'año año ��'
    >>> _mostly_utf8("Inválido: año según la niña".encode("cp1252")) is None
    True
    """
    text = body.decode("utf-8", "replace")
    # U+FFFD the server sent as such is text, not damage: count without it
    sent = b"\xef\xbf\xbd"
    damaged = body.replace(sent, b"").decode("utf-8", "replace") if sent in body else text
    replaced = damaged.count("\ufffd")
    bad = len(_BAD_RUNS.findall(damaged))
    good = len(damaged) - len(damaged.encode("ascii", "ignore")) - replaced
    return text if bad > 0 and good >= 2 * bad else None


_BAD_RUNS = re.compile("\ufffd+")


_DOS_CODEPAGES = re.compile(r"^(?:cp[4-9]\d\d|mac.*|iso8859-1|iso8859-15|latin.*)$")


def _detect(body: bytes) -> str:
    """Guess the charset; old DOS/Mac codepages lose to windows-1252 as in browsers."""
    best = from_bytes(body[:_DETECT_BYTES]).best()
    enc = _codec(best.encoding) if best is not None else None
    if enc is None or _DOS_CODEPAGES.match(enc):
        text = _try(body, "cp1252")
        if text is not None:
            return text
    return body.decode(enc or "cp1252", "replace")


def load_html(
    body: bytes, *, content_type: str | None = None, url: str | None = None
) -> lxml.html.HtmlElement | None:
    """Decode and parse a page once; None for empty, binary or non-HTML input.

    ``url`` becomes the document's base URL so relative links can be resolved.
    """
    if not body or body.isspace():  # (the same test as ``not body.strip()``, without a copy)
        return None
    text, exact = _decode(body, content_type)
    if text is None or text.find("<", 0, 65536) < 0:
        return None
    if exact and "\x00" not in text and not _XML_DECL.match(text[:512]):
        data = body  # the text is body read as UTF-8, and nothing is to be taken out
    else:
        text = _XML_DECL.sub("", text[:512]) + text[512:]
        data = text.replace("\x00", "").encode("utf-8", "replace")
    try:
        doc = etree.fromstring(data, _PARSER, base_url=url or None)
    except (etree.ParserError, ValueError) as exc:
        log.debug("unparseable page %s: %s", url, exc)
        return None
    return doc if doc is not None and len(doc) else None
