"""Text and link-text sizes of blocks, for the pruning's "how much may go" limits.

Measuring a block's text means walking all of it; the page scan
(``scan.PageScan``) has measured every element once already, so pruning asks
it first and measures only elements the scan does not know.
"""

from __future__ import annotations

from lxml import etree

from scrapers.parsers.document.scan import PageScan


def measure(el: etree._Element) -> int:
    """Characters of the element's text, not counting whitespace."""
    s = el.text_content()
    return len(s) - s.count(" ") - s.count("\n") - s.count("\t")


class Sizes:
    """Text and link-text sizes, read from the page scan when there is one.

    The scan's sizes predate pruning; what prune removes is subtracted from
    the container, and the blocks inside it are at most slightly overestimated.
    """

    def __init__(self, scan: PageScan | None) -> None:
        self.scan = scan

    def text(self, el: etree._Element) -> int:
        i = self.scan.index.get(el) if self.scan is not None else None
        return self.scan.size[i] if i is not None else measure(el)

    def paragraphs(self, el: etree._Element) -> int | None:
        """Paragraph text as scored by the container search; None when unknown."""
        i = self.scan.index.get(el) if self.scan is not None else None
        return self.scan.paragraphs(i) if i is not None else None

    def links(self, el: etree._Element) -> int:
        i = self.scan.index.get(el) if self.scan is not None else None
        if i is not None:
            return self.scan.links[i]
        return sum(len(a.text_content().strip()) for a in el.iter("a"))
