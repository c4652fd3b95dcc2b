"""The page language as an ISO 639-1 code, from what the page declares."""

from __future__ import annotations

import re

from lxml import etree

from scrapers.parsers.document.metadata import Metadata, ld_text

_CODE = re.compile(r"^\s*([a-zA-Z]{2})(?:[-_][a-zA-Z0-9]+)*\s*$")


def normalize_language(value: str | None) -> str | None:
    """ "en-US" / "pt_BR" / "de" to the two-letter code; None if not one.

    >>> normalize_language("pt_BR")
    'pt'
    """
    m = _CODE.match(value or "")
    return m.group(1).lower() if m else None


def extract_language(doc: etree._Element, md: Metadata) -> str | None:
    """``<html lang>``, then content-language meta, og:locale, JSON-LD inLanguage."""
    for value in (
        doc.get("lang"),
        doc.get("{http://www.w3.org/XML/1998/namespace}lang"),
        md.first("content-language", "language", "dc.language", "og:locale"),
        ld_text(md.ld("inLanguage")),
    ):
        if code := normalize_language(value):
            return code
    return None
