"""The words of a figure: caption and credit apart, the gallery's chrome and repeats dropped.

A caption often ends with who took the picture ("... Photo: EFE", "(AP
Photo/Evan Vucci)", "© Reuters"); the credit is a field of its own, kept
without its label.  Slideshows print their controls beside the caption
("1 of 8", "Next"), and lightboxes print the caption a second time.
"""

from __future__ import annotations

import re

from lxml import etree

from scrapers.parsers.body.markup import is_hidden
from scrapers.parsers.document.text import BLOCK_TAGS, SKIP_TAGS, element_text, normalize_text

# A credit's label ("Photo:", "Foto:", "Bild:", "Credit:", "©", "Photo by").
_LABEL = (
    r"(?:photos?|fotos?|bild(?:er)?|images?|pictures?|photographs?|credits?|crédito|crédit|"
    r"quelle|fuente|source|фото|beitragsbild|titelbild|symbolbild|aufmacherbild)"
)
_LABELLED = re.compile(
    rf"^\(?\s*{_LABEL}\s*:\s*|^{_LABEL} (?:by|von|de|par)\s+|^(?:©|\(c\))\s*", re.I
)
# A credit that ends a caption: after a sentence, a bar or a dash, or in brackets.
_TRAILING = re.compile(
    rf"(?:^|(?<=[.!?…\"”»)\]])\s*|\s*[|/–—-]\s*|\s+)\(?\s*"
    rf"(?:{_LABEL}\s*:|{_LABEL} (?:by|von|de|par)\s|©|\(c\)\s)\s*([^()]{{2,80}}?)\s*\)?\s*\.?$",
    re.I,
)
# AP style: "(AP Photo/Evan Vucci)", "(Reuters Photo/...)".
_AGENCY_PHOTO = re.compile(r"\s*\(((?:[A-Z][\w.&-]*\s+)?Photos?\s*/\s*[^()]{2,80})\)\s*\.?$")
# A slideshow's controls and counters, a lightbox's buttons.
CHROME = re.compile(
    r"^(?:\d+\s*(?:of|/|von|de|sur|di|из)\s*\d+|"
    r"(?:previous|prev|next|back|zurück|weiter|vor|vorherige[sr]?|nächste[sr]?|anterior|siguiente|"
    r"précédente?|suivante?)(?:\s+(?:image|photo|picture|slide|bild|foto|imagen))?|"
    r"(?:click to |zum )?(?:enlarge|vergrößern|zoom|expand|fullscreen|full screen|vollbild)|"
    r"(?:view|open|show|see) (?:the )?(?:gallery|slideshow|all \d* ?(?:photos|images|pictures))|"
    r"(?:bilder)?galerie(?: öffnen| ansehen)?|alle bilder(?: anzeigen)?|"
    r"[‹›«»<>←→]+|\d+\s*(?:photos|images|bilder|fotos)|close|schließen|cerrar|fermer)$",
    re.I,
)


def credit_text(text: str) -> str | None:
    """A credit element's text without its label ("Foto: dpa" -> "dpa")."""
    text = " ".join(text.split())
    text = _LABELLED.sub("", text, count=1).strip(" ()|/-–—.")
    return text or None


def split_credit(caption: str) -> tuple[str, str | None]:
    """A caption and the credit that ends it, labelled as one.

    >>> split_credit("Presidents Maduro and Putin. Photo: sputnik")
    ('Presidents Maduro and Putin.', 'sputnik')
    >>> split_credit("Supporters cheer. (AP Photo/Evan Vucci)")
    ('Supporters cheer.', 'AP Photo/Evan Vucci')
    >>> split_credit("Foto: dpa")
    ('', 'dpa')
    >>> split_credit("A photo session in the park")
    ('A photo session in the park', None)
    """
    found = _AGENCY_PHOTO.search(caption)
    if found:
        return caption[: found.start()].rstrip(), found.group(1).strip()
    found = _TRAILING.search(caption)
    if not found:
        return caption, None
    credit = found.group(1).strip(" .")
    return caption[: found.start()].rstrip(" |/-–—("), credit or None


def caption_lines(raw: list[str]) -> list[str]:
    """The caption's lines without the gallery's chrome and without repeats."""
    out: list[str] = []
    for line in raw:
        line = " ".join(line.split())
        if not line or line in out or (len(line) < 40 and CHROME.match(line)):
            continue
        out.append(line)
    return out


def once(text: str) -> str:
    """A caption printed twice in a row (visible, then for a lightbox) kept once.

    >>> once("A street. A street.")
    'A street.'
    """
    half = len(text) // 2
    if len(text) > 10 and text[:half].strip() == text[half:].strip():
        return text[:half].strip()
    return text


CREDIT = re.compile(  # class names of a credit element
    r"credit|copyright|photographer|fotograf|quelle|urheber|(?<![\w-])(?:source|author|rights)"
)
_NOT_CAPTION = re.compile(r"screen-reader|sr-only|visually-hidden")


def _attrs(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def caption_and_credit(block: etree._Element) -> tuple[str | None, str | None]:
    """The caption and the credit a figure prints (labels, chrome and repeats dropped)."""
    credits: list[str] = []
    skip: set[etree._Element] = set()
    for el in block.iter(etree.Element):
        if el is block or not isinstance(el.tag, str):
            continue
        attrs = _attrs(el)
        if is_hidden(el) or (attrs.strip() and _NOT_CAPTION.search(attrs)):
            skip.add(el)
        elif el.tag == "cite" or (attrs.strip() and CREDIT.search(attrs)):
            text = element_text(el)
            if text:
                credits.append(text)
            skip.add(el)
    lines = caption_lines(_text_without(block, skip).split("\n"))
    caption = once(" ".join(lines))
    credit = credit_text(credits[0]) if credits else None
    caption, said = split_credit(caption)
    credit = credit or said
    return (caption or None), credit


def _text_without(block: etree._Element, skip: set[etree._Element]) -> str:
    """The block's text, lines as the page breaks them, without the ``skip`` elements."""
    if not skip:
        return element_text(block)
    out: list[str] = []
    _walk(block, skip, out)
    return normalize_text("".join(out))


def _walk(el: etree._Element, skip: set[etree._Element], out: list[str]) -> None:
    if el in skip or el.tag in SKIP_TAGS:
        return
    block = el.tag in BLOCK_TAGS or el.tag == "br"
    if block:
        out.append("\n")
    if el.text:
        out.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            _walk(child, skip, out)
        if child.tail:
            out.append(child.tail)
    if block:
        out.append("\n")
