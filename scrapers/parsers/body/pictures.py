"""One picture or video of the text as a media entry: its URL, alt text and kind.

What is a picture and what is page chrome is read from the element alone
(declared size, class, file name); which caption belongs to it is decided
by ``media.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

VIDEO = "na-video"  # a <video> or player <iframe>, kept by strip_junk as a placeholder
MEDIA = frozenset(["img", VIDEO])


_SKIP_IMG = re.compile(r"emoji|smiley|avatar|icon|logo|gravatar|spinner|loader|pixel|badge")
# The file names of a page's chrome, for pictures that no caption vouches for.
CHROME_URL = re.compile(
    r"(?<![a-z])(?:ads|adview|adserver|banners?|icons?|buttons?|spacer|pixel|badges?|avatars?|"
    r"emoji|logos?)(?![a-z])|\.svg(?:$|\?)"
)
_PLACEHOLDER = re.compile(r"^data:|blank\.gif|spacer\.gif|placeholder|lazy[-_]?load|1x1", re.I)
SMALL = 50  # pixels: a declared width or height below this is an icon or a tracking pixel


@dataclass(slots=True)
class Found:
    """A picture or video found in the text (its URL as written in the page)."""

    url: str | None
    kind: str = "image"
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None
    order: int = 0  # the element's place in the page (scan index), for sorting


def attrs(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def _src(el: etree._Element) -> str | None:
    """The picture's URL: a lazy loader's real source before its placeholder."""
    src = (el.get("src") or "").strip()
    if not src or _PLACEHOLDER.search(src):
        for name in ("data-src", "data-lazy-src", "data-original", "data-orig-file", "srcset"):
            value = (el.get(name) or "").strip()
            if value:
                return value.split()[0] if name == "srcset" else value
        return None
    return src


def _small(el: etree._Element) -> bool:
    for name in ("width", "height"):
        value = (el.get(name) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < SMALL:
            return True
    return bool(_SKIP_IMG.search(attrs(el)))


def picture(el: etree._Element, order: int) -> Found | None:
    """A picture or video element as a media entry (None for icons, pixels, no URL)."""
    if el.tag == VIDEO:
        return Found(el.get("src"), "video", order=order) if el.get("src") else None
    if _small(el):
        return None
    url = _src(el)
    if not url:
        return None
    alt = " ".join((el.get("alt") or "").split()) or None
    return Found(url, alt=alt, order=order)
