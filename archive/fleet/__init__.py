"""Distributed crawling: Scrapy workers share a frontier in Redis (scrapy-redis),
one ``newsarchive ingest`` process writes their records to the one archive.

See docs/fleet.md for the design.  Nothing here runs unless the setting
``ARCHIVE_REDIS_URL`` is given; the add-on (:mod:`archive.fleet.addon`) then
switches the spider to the shared scheduler and the store to a Redis stream.
"""
