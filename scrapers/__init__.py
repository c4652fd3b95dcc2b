"""What runs per page: discover (``spiders/``) and parse (``parsers/``), and the
records they make (``items.py``).

``contract.py`` is all that the spiders share with the archive's crawl
components; ``profiles.py`` holds site profiles as data.  Nothing here
imports the archive (docs/architecture.md).
"""
