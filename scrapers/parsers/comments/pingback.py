"""Pingbacks and trackbacks: another site's post that links here.

WordPress lists them as "Pingback: <a href=post>Site » Post title</a>" and
stores them the same way: the link's title is the comment author, the link
the author URL, and the excerpt (which themes do not show) the content.  We
keep that model, so that records agree with WordPress's own data (its REST
API) and the text of a pingback stays empty rather than invented.
"""

from __future__ import annotations

import re

from lxml import etree

from scrapers.parsers.comments._dom import absolute
from scrapers.parsers.document.text import inline_text


def pingback_fields(
    author: etree._Element | None, infos: list, url: str
) -> tuple[str | None, str | None, str, str]:
    """``(author, author_url, text, html)`` of a pingback/trackback."""
    a = author if author is not None and author.tag == "a" else None
    a = a if a is not None else next((i.el for i in infos if i.tag == "a"), None)
    title = inline_text(a) if a is not None else ""
    link = absolute(url, a.get("href")) if a is not None else None
    return title or None, link, "", ""


# WordPress.com prints a reblog as a comment of the reblogger: "Reblogged this
# on BLOG and commented: ...".  Like a pingback it is another site's post that
# links here, so it is stored as one (the blog is the author).
_REBLOG = re.compile(
    r"^(?:reblogged this on|rebloggé sur|rebloggt auf|reblogueó esto en|ha reblogueado esto en"
    r"|reblogged dit op|ha ripubblicato questo su|reblogou isso em)\s+(.{1,120}?)"
    r"(?:\s+(?:and commented|et a commenté|und kommentierte|y comentó|en reageerde|e ha commentato"
    r"|e comentou)\s*:.*|\.?\s*)$",
    re.I | re.S,
)


def reblog_of(text: str) -> str | None:
    """The blog a "Reblogged this on BLOG" comment names, else None."""
    if not text or text[:1] not in "RrH":
        return None
    m = _REBLOG.match(text)
    return m.group(1).strip() if m else None
