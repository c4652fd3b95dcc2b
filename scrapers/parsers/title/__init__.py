"""The article's headline: the visible heading the metadata agrees with, or a
metadata title without the site's name.

- ``choose``: which heading or stated title is the headline;
- ``site_name``: " | Site" cut off a metadata title.

May import: :mod:`scrapers.parsers.document`.
"""

from scrapers.parsers.title.choose import extract_title
from scrapers.parsers.title.site_name import strip_site_name

__all__ = ["extract_title", "strip_site_name"]
