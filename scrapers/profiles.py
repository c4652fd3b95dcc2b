"""Site profiles: what a built-in spider needs to know about one site, as data.

Keys: ``start_urls``, ``allow`` (regex that article URLs match), ``deny``
(extra regexes never to fetch), ``selectors`` (CSS selectors that override the
generic parser: ``title``, ``body``, ``byline``, ``published``, ``comments``),
``recrawl`` (overrides of ``archive.recrawl.policy.DEFAULT_POLICY`` for this site;
``ARCHIVE_RECRAWL_POLICY`` overrides it in turn).
"""

from __future__ import annotations

from typing import Any

PROFILES: dict[str, dict[str, Any]] = {
    "havanatimes": {
        "start_urls": ["https://havanatimes.org/"],
        # Posts live at /features/slug/, /news/slug/, /opinion/slug/ ...; the
        # generic WordPress discovery finds them, the profile keeps the crawl
        # away from the Spanish mirror's search and print views.  The site runs
        # WordPress: the generic path serves it whole (discovery, comment pages,
        # REST API witness, parser), so the profile sets no selectors, which
        # would override the generic parser (a byline selector loses the
        # author's profile link, for one).
        "deny": [r"/\?s=", r"/print/"],
    },
}
