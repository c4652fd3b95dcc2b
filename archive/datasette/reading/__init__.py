"""The reading room: an archive read as pages, not tables.

An article with its byline, text, media captions, nested discussion (removals
and edits marked), versions and the WARC captures behind it; an author's
articles; a site's articles and comments per day.  The Datasette plugin
``plugins/newsarchive_reading.py`` serves them; the modules here are what it
uses, each a pure function or close to one:

- ``queries``: what a page shows, read from a ``sqlite3.Connection``;
- ``thread``: a flat thread as a tree of replies;
- ``timeline`` and ``charts``: counts in time bins, drawn as SVG;
- ``figures``: which charts a page gets;
- ``sanitize``: stored HTML through an allowlist;
- ``pages``: loaded data as template variables (links, dates, safe bodies).
"""
