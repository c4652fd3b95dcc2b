"""Pictures and videos of the article, with their captions and credits, out of its text.

A caption is not the article's text (every extraction benchmark leaves it
out), but researchers want it: each figure becomes a :class:`Found` (image
URL, caption, credit, alt text) and leaves the body, text and HTML alike.
Figures are recognised by their markup, in one pass over the candidates
(read from the page scan's element list, class words remembered per class
value), in page order:

- a figure: ``<figure>``, WordPress ``wp-caption`` and ``wp-block-image``,
  Blogger's ``tr-caption-container``, galleries and slideshows (one entry
  per picture, the controls dropped);
- a caption element outside one (``figcaption``, ``*caption*``) with the
  picture just before it, or in the same small block;
- a credit line ("Photo: X", "©") right after a picture, or around it;
- any picture left in the text after pruning (no caption: URL and alt).

A figure inside a block that pruning removes anyway (related posts, share
bars), a "figure" that holds most of the text, and one without a picture
that holds a table, quote or list, stay where they are.
"""

from __future__ import annotations

import re

from lxml import etree

from scrapers.parsers.body.credits import CREDIT, caption_and_credit
from scrapers.parsers.body.markup import is_boilerplate
from scrapers.parsers.body.pictures import CHROME_URL, MEDIA, VIDEO, Found, attrs, picture
from scrapers.parsers.document.scan import PageScan

__all__ = ["VIDEO", "Found", "take_figures", "take_pictures"]

# Class words of the candidates (figures, captions, credits, galleries, pictures):
# the cheap test that spares most elements the rest, remembered per class value.
_CANDIDATE_CLASS = re.compile(
    r"aption|allery|lideshow|redit|wp-block-|bildunterschrift|hoto|mage|icture"
)
_CLASS_SEEN: dict[str, bool] = {}


def _candidate_class(cls: str) -> bool:
    found = _CLASS_SEEN.get(cls)
    if found is None:
        if len(_CLASS_SEEN) >= 20000:  # (bounded: a crawl meets many sites)
            _CLASS_SEEN.clear()
        found = _CLASS_SEEN[cls] = _CANDIDATE_CLASS.search(cls) is not None
    return found


# Wrappers of one picture (or a gallery of them) and its caption, by class.
_ROOT = re.compile(
    r"(?<![\w-])(?:wp-caption|wp-block-image|wp-block-gallery|wp-block-video|wp-block-embed|"
    r"blocks-gallery-item|gallery|tiled-gallery|slideshow|tr-caption-container|image-caption|"
    r"photo-caption|img-caption|caption-wrap|figure|picture|photo|image|inline-image|"
    r"article-image|story-image|post-image|image-box|imagebox|photo-box|photobox|image-wrapper|"
    r"img-wrapper|image-container|media-image|bildbox|fotobox)(?![\w-])"
)
_CAPTION = re.compile(r"caption|bildunterschrift|bildtext|legende|(?<![\w-])(?:bu|legend)(?![\w-])")
_CREDIT_LINE = re.compile(
    r"^\(?\s*(?:photos?|fotos?|bild(?:er)?|images?|pictures?|photographs?|credits?|crédito|"
    r"quelle|fuente|фото)\s*:|^(?:photos?|pictures?|images?|fotos?|bild|photographs?) "
    r"(?:by|von|de|par) |^(?:©|\(c\)\s)",
    re.I,
)
_TEXT_TAGS = frozenset(["table", "blockquote", "pre", "ul", "ol"])
MAX_CAPTION = 400  # characters: a longer "caption" is the article's prose
ESSAY_SHARE = 0.5  # of the container's text: captions holding more are the article (a photo essay)


class _Pass:
    """One container's figures: what is claimed, what is found, what goes."""

    def __init__(self, container: etree._Element, scan: PageScan | None) -> None:
        self.container = container
        self.scan = scan
        self.claimed: set[etree._Element] = set()  # media elements already placed
        self.entries: dict[etree._Element, Found] = {}  # ... and what they became
        self.found: list[Found] = []
        self.gone: list[etree._Element] = []
        self.limit = max(0.5 * self._size(container), 300)
        self.roots: set[etree._Element] = set()  # figures taken whole
        self._boilerplate: dict[etree._Element, bool] = {}

    def _size(self, el: etree._Element) -> int:
        i = self.scan.index.get(el) if self.scan is not None else None
        if i is not None:
            return self.scan.size[i]
        return sum(len(word) for word in "".join(el.itertext()).split())

    def _order(self, el: etree._Element) -> int:
        i = self.scan.index.get(el) if self.scan is not None else None
        return i if i is not None else 1 << 30

    def _in_boilerplate(self, el: etree._Element) -> bool:
        """True when ``el`` or an ancestor below the container is named as
        boilerplate (remembered per element: pictures share their ancestors)."""
        path = []
        p = el
        verdict = False
        while p is not None and p is not self.container:
            known = self._boilerplate.get(p)
            if known is not None:
                verdict = known
                break
            path.append(p)
            p = p.getparent()
        for q in reversed(path):
            verdict = verdict or is_boilerplate(q)
            self._boilerplate[q] = verdict
        return verdict

    def inside_root(self, el: etree._Element) -> bool:
        p = el
        while p is not None and p is not self.container:
            if p in self.roots:
                return True
            p = p.getparent()
        return False

    # -- figures and galleries -------------------------------------------------
    def figure(self, root: etree._Element) -> bool:
        """Take ``root`` as a figure (or a gallery); False when it is not one."""
        if self._size(root) > self.limit:
            return False
        media = [m for m in root.iter(*MEDIA) if m not in self.claimed]
        if not media and root.tag != "figure":
            return False
        if self._in_boilerplate(root) or _teaser(root):
            return False
        if not media:
            if root.tag != "figure" or any(True for _ in root.iter(*_TEXT_TAGS)):
                return False
            if root.find(".//figcaption") is None:
                return False
        slides = _slides(root, media) if len(media) > 1 else [(root, media[:1])]
        said = [caption_and_credit(slide) for slide, _ in slides]
        if any(len(caption or "") > MAX_CAPTION for caption, _ in said):
            return False  # (prose beside a picture: the article's text)
        for (_, ms), (caption, credit) in zip(slides, said, strict=True):
            self._add(ms[0] if ms else None, root, caption, credit)
        self.claimed.update(media)
        self.gone.append(root)
        self.roots.add(root)
        return True

    def _add(
        self,
        media: etree._Element | None,
        anchor: etree._Element,
        caption: str | None,
        credit: str | None,
    ) -> None:
        entry = picture(media, self._order(media)) if media is not None else None
        if entry is None:
            if not caption and not credit:
                return
            entry = Found(None, order=self._order(anchor))
        entry.caption, entry.credit = caption, credit
        self.found.append(entry)
        if media is not None:
            self.entries[media] = entry

    # -- captions and credit lines beside a picture ---------------------------
    def caption_beside(self, caption: etree._Element) -> bool:
        """A caption element outside a figure: with the picture before it or around it."""
        if self._size(caption) > MAX_CAPTION or self._in_boilerplate(caption) or _teaser(caption):
            return False
        parent = caption.getparent()
        if parent is not None and parent is not self.container:
            media = list(parent.iter(*MEDIA))
            if len(media) == 1 and self._size(parent) - self._size(caption) <= 20:
                if media[0] not in self.claimed:
                    return self.figure(parent)
                return self._caption_for(media[0], caption)
        before = _previous_element(caption)
        if before is not None and self._size(before) <= 20:
            media = list(before.iter(*MEDIA))
            if len(media) == 1:
                if media[0] not in self.claimed:
                    self._pair(media[0], before, caption)
                    return True
                return self._caption_for(media[0], caption)
        if caption.tag == "figcaption" or "caption" in attrs(caption):
            self._pair(None, None, caption)  # (its picture is loaded by a script)
            return True
        return False

    def _caption_for(self, media: etree._Element, caption: etree._Element) -> bool:
        """A caption beside a picture taken without one (MediaWiki's ``thumbcaption``)."""
        entry = self.entries.get(media)
        if entry is None or entry.caption or entry.credit:
            return False
        entry.caption, entry.credit = caption_and_credit(caption)
        self.gone.append(caption)
        return True

    def credit_beside(self, media: etree._Element) -> None:
        """A bare picture with a credit line after it, or around it, in a small block
        (outside blocks named as boilerplate, which pruning drops whole)."""
        block = media
        while (
            (parent := block.getparent()) is not None
            and parent is not self.container
            and self._size(parent) == 0
        ):
            block = parent
        after = _next_element(block)
        if after is not None and self._size(after) <= 200 and _credit_like(after):
            if not self._in_boilerplate(block):
                self._pair(media, block, after)
            return
        if (
            parent is not None
            and parent is not self.container
            and self._size(parent) <= 150
            and _CREDIT_LINE.match(" ".join(parent.text_content().split()))
            and sum(1 for _ in parent.iter(*MEDIA)) == 1
        ):
            self.figure(parent)

    def _pair(
        self,
        media: etree._Element | None,
        block: etree._Element | None,
        caption: etree._Element,
    ) -> None:
        entry = picture(media, self._order(media)) if media is not None else None
        text, credit = caption_and_credit(caption)
        if entry is None:
            if not text and not credit:
                return
            entry = Found(None, order=self._order(caption))
        entry.caption, entry.credit = text, credit
        self.found.append(entry)
        if media is not None:
            self.claimed.add(media)
            self.entries[media] = entry
        self.gone += [el for el in (block, caption) if el is not None]

    def detach(self) -> None:
        """Take the figures out of the text, unless their words are most of it:
        in a photo essay or a gallery post the captions are the article."""
        taken = sum(self._size(el) for el in self.gone)
        if taken > 200 and taken > ESSAY_SHARE * self._size(self.container):
            return
        for el in self.gone:
            if el.getparent() is not None:
                el.drop_tree()


def _previous_element(el: etree._Element) -> etree._Element | None:
    p = el.getprevious()
    while p is not None and not isinstance(p.tag, str):
        p = p.getprevious()
    if p is not None and (el.getparent() is not None) and (p.tail or "").strip():
        return None  # (text stands between them)
    return p


def _next_element(el: etree._Element) -> etree._Element | None:
    if (el.tail or "").strip():
        return None
    n = el.getnext()
    while n is not None and not isinstance(n.tag, str):
        n = n.getnext()
    return n


def _credit_like(el: etree._Element) -> bool:
    names = attrs(el)
    if names.strip() and (_CAPTION.search(names) or CREDIT.search(names)):
        return True
    return bool(_CREDIT_LINE.match(" ".join(el.text_content().split())))


def _teaser(el: etree._Element) -> bool:
    """A "figure" whose words are a link to another page: a teaser, not a caption."""
    text = " ".join(el.text_content().split())
    if len(text) < 15:
        return False
    linked = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return linked > 0.8 * len(text)


def _slides(root: etree._Element, media: list[etree._Element]) -> list:
    """A gallery's pictures, each with the block that holds it and its caption alone."""
    out = []
    for m in media:
        slide = m
        while (parent := slide.getparent()) is not None and parent is not root:
            if sum(1 for x in parent.iter(*MEDIA) if x in media) > 1:
                break
            slide = parent
        out.append((slide, [m]))
    return out


def _candidates(container: etree._Element, scan: PageScan | None) -> list[etree._Element]:
    """Figures, pictures and elements whose class names a caption, credit,
    gallery or picture, in page order (read from the page scan's lists)."""
    i = scan.index.get(container) if scan is not None else None
    out = []
    if i is not None:  # (the scan's tags: no tag read per element)
        nodes, tags, seen = scan.nodes, scan.tags, _CLASS_SEEN.get
        for k in range(i + 1, scan.end[i]):
            tag = tags[k]
            if tag in MEDIA or tag == "figure":
                out.append(nodes[k])
                continue
            cls = nodes[k].get("class")
            if cls and ((found := seen(cls)) or (found is None and _candidate_class(cls))):
                out.append(nodes[k])
        return out
    elements = container.iter(etree.Element)
    next(elements, None)  # (the container itself)
    for el in elements:
        tag = el.tag
        if tag in MEDIA or tag == "figure":
            out.append(el)
            continue
        cls = el.get("class")
        if cls and _candidate_class(cls):
            out.append(el)
    return out


def take_figures(container: etree._Element, scan: PageScan | None) -> _Pass:
    """Find the figures, captions and credit lines of ``container`` and detach them.

    Runs before pruning (which drops credit lines and elements named
    "credit"); the pictures left without a caption are taken after it, by
    :func:`take_pictures`, so those in pruned blocks are not media.
    """
    run = _Pass(container, scan)
    captions: list[etree._Element] = []
    bare: list[etree._Element] = []
    for el in _candidates(container, scan):
        if run.roots and run.inside_root(el):
            continue
        tag = el.tag
        if tag in MEDIA:
            bare.append(el)
            continue
        names = attrs(el)
        if (tag == "figure" or _ROOT.search(names)) and run.figure(el):
            continue
        if tag == "figcaption" or _CAPTION.search(names):
            captions.append(el)
    for el in captions:
        if not run.inside_root(el) and run.caption_beside(el):
            run.roots.add(el)
    for el in bare:
        if el not in run.claimed and not run.inside_root(el):
            run.credit_beside(el)
    run.detach()
    return run


def take_pictures(run: _Pass) -> list[Found]:
    """The pictures still in the container after pruning, detached; every figure
    found, in page order, one entry per URL."""
    for el in list(run.container.iter(*MEDIA)):
        if el in run.claimed:
            continue
        entry = picture(el, run._order(el))
        if entry is not None and not (
            entry.kind == "image" and CHROME_URL.search(entry.url.lower())
        ):
            run.found.append(entry)
        _drop_with_empty_link(el)
    run.found.sort(key=lambda f: f.order)
    out: list[Found] = []
    seen: dict[str, Found] = {}
    for f in run.found:
        first = seen.get(f.url) if f.url else None
        if first is None:
            if f.url:
                seen[f.url] = f
            out.append(f)
            continue
        first.caption = first.caption or f.caption
        first.credit = first.credit or f.credit
        first.alt = first.alt or f.alt
    return out


def _drop_with_empty_link(el: etree._Element) -> None:
    parent = el.getparent()
    el.drop_tree()
    if (
        parent is not None
        and parent.tag == "a"
        and parent.getparent() is not None
        and not len(parent)
        and not (parent.text or "").strip()
    ):
        parent.drop_tree()
