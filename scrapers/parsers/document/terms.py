"""Which of a page's taxonomy links (``rel="tag"``) name its categories.

WordPress marks a post's terms with ``rel`` tokens: classic themes print
categories as ``rel="category tag"`` and tags as ``rel="tag"``, but the block
editor's post-terms block prints both as ``rel="tag"`` and says the taxonomy
on its container (``<div class="taxonomy-category wp-block-post-terms">``,
``taxonomy-post_tag``).  Themes' own category lists say it by class
(``cat-links``, ``post-categories``), and WordPress's category archives live
under ``/category/`` unless a site renames the base.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

_CATEGORY_BOX = re.compile(
    r"(?<![\w-])(?:taxonomy-category|cat-links|categories-links|post-categories|entry-categories)(?![\w-])"
)
_OTHER_TAXONOMY = re.compile(r"(?<![\w-])(?:taxonomy-(?!category\b)[\w-]+|tags?-links)(?![\w-])")
_CATEGORY_PATH = re.compile(r"(?:^|/)category/[^/]+/?$")


def is_category(a: etree._Element) -> bool:
    """A taxonomy link that names one of the post's categories.

    >>> from lxml import html
    >>> box = html.fromstring('<div class="taxonomy-category wp-block-post-terms">'
    ...                       '<a href="/politics/" rel="tag">Politics</a></div>')
    >>> is_category(box[0])
    True
    >>> is_category(html.fromstring('<a href="/tag/health/" rel="tag">health</a>'))
    False
    >>> is_category(html.fromstring('<a href="/news/" rel="category tag">News</a>'))
    True
    """
    if "category" in (a.get("rel") or "").split():
        return True
    for depth, box in enumerate(a.iterancestors()):
        if depth >= 3:
            break
        cls = box.get("class") or ""
        if _CATEGORY_BOX.search(cls):
            return True
        if _OTHER_TAXONOMY.search(cls):
            return False  # the tags' (or another taxonomy's) own list
    try:
        path = urlsplit(a.get("href") or "").path
    except ValueError:
        return False
    return bool(_CATEGORY_PATH.search(path))
