"""The page, read once, and what it states about itself: the ground every
other parser room stands on.

- ``load``: bytes to one lxml tree (charset from the header, the page or a guess);
- ``scan``: one walk over the elements (tags, text sizes, classes, headings);
- ``text``: element text and cleaned HTML; ``select``: CSS selectors, cached;
- ``metadata``: meta tags, JSON-LD, microdata; ``language``; ``kind`` (article or not);
- ``headline``: where the chosen title stands in the scan;
- ``publication``: the site's own names, told apart from people's;
- ``terms``: which taxonomy links name the post's categories, which its tags.

May import: :mod:`scrapers.items` only.  Every parser room may import any
module here; this room imports no other.
"""

from scrapers.parsers.document.load import load_html
from scrapers.parsers.document.metadata import Metadata, collect_metadata
from scrapers.parsers.document.scan import PageScan, scan_page

__all__ = ["Metadata", "PageScan", "collect_metadata", "load_html", "scan_page"]
