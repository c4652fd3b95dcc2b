"""The ground truth as WordPress states it (``php/truth.php``), in the
archive's terms: plain text with paragraphs separated by blank lines,
instants in UTC, names as WordPress prints them.

The HTML-to-text conversion here is the tests' own (lxml, a few lines), not
the project's parser: the truth must not share the code it judges.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import lxml.html

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote"}
_CREDIT = " Photo: "  # how tests/wordpress/content.py credits a picture in its caption
_WS = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def html_text(fragment: str) -> str:
    """Paragraphs (``p``, headings, list items) separated by a blank line,
    ``<br>`` as a line break, other whitespace collapsed.  Captions are not
    text of the article (they are its media: :func:`html_media`)."""
    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for br in root.iter("br"):
        br.tail = "\ue000" + (br.tail or "")
    for figure in list(root.iter("figure")):
        figure.drop_tree()
    loose = (root.text or "").strip() + "".join((c.tail or "").strip() for c in root)
    if loose.replace("\ue000", ""):
        raise ValueError(f"text outside any paragraph: {loose[:80]!r}")  # a fault of the fill
    blocks = []
    for el in root.iter():
        if el.tag not in _BLOCKS or any(a.tag in _BLOCKS for a in el.iterancestors()):
            continue
        lines = [_WS.sub(" ", part).strip() for part in el.text_content().split("\ue000")]
        text = "\n".join(line for line in lines if line)
        if text:
            blocks.append(text)
    return "\n\n".join(blocks)


def html_media(fragment: str) -> list[tuple[str, str, str | None]]:
    """(image URL, caption, credit) of each captioned figure, in page order."""
    if not fragment.strip():
        return []
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    out = []
    for figure in root.iter("figure"):
        img, caption = figure.find(".//img"), figure.find(".//figcaption")
        text = _WS.sub(" ", caption.text_content()).strip() if caption is not None else ""
        words, _, credit = text.partition(_CREDIT.strip() + " ")
        out.append((img.get("src") if img is not None else "", words.strip(), credit or None))
    return out


def utc(wp_gmt: str) -> datetime:
    """WordPress's ``*_gmt`` column ("2022-09-07 19:20:00") as an aware UTC time."""
    return datetime.strptime(wp_gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)


def name_key(name: str) -> str:
    """One person's names compared: Unicode form, quotes, dashes and case folded."""
    text = unicodedata.normalize("NFKC", html.unescape(name))
    text = re.sub(r"[\u2018\u2019\u201b\u2032`´]", "'", text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.casefold().split())


@dataclass
class TruthComment:
    id: str
    parent: str | None
    kind: str  # "comment" or "pingback"
    author: str
    author_url: str | None
    published: datetime
    local: str  # the site's local time, as WordPress stores it
    text: str


@dataclass
class TruthPost:
    id: str
    type: str  # "post" or "page"
    url: str
    title: str
    published: datetime
    modified: datetime
    body: str
    media: list[tuple[str, str, str | None]]  # (image URL, caption, credit)
    section: str | None
    tags: list[str]
    author: str
    author_bio: str
    comment_status: str
    comment_pages: int  # pages the theme's comment navigation shows
    comments: list[TruthComment]
    hidden_comments: list[str]

    @property
    def updated(self) -> bool:
        return self.modified != self.published


@dataclass
class Truth:
    site: dict[str, Any]
    posts: list[TruthPost]  # posts only: what must be archived as articles
    pages: list[TruthPost]  # static pages: must not be archived as articles

    @classmethod
    def from_wordpress(cls, dump: dict[str, Any]) -> Truth:
        made = [_post(p) for p in dump["posts"]]
        return cls(
            site=dump["site"],
            posts=[p for p in made if p.type == "post"],
            pages=[p for p in made if p.type == "page"],
        )

    @property
    def comments(self) -> int:
        return sum(len(p.comments) for p in self.posts)


def _comment(c: dict[str, Any]) -> TruthComment:
    return TruthComment(
        id=c["id"],
        parent=c["parent"],
        kind="comment" if c["type"] in ("comment", "") else c["type"],
        author=html.unescape(c["author"]),
        author_url=c["author_url"] or None,
        published=utc(c["date_gmt"]),
        local=c["date"],
        text=html_text(c["html"]),
    )


def _post(p: dict[str, Any]) -> TruthPost:
    return TruthPost(
        id=str(p["id"]),
        type=p["type"],
        url=p["url"],
        title=html.unescape(p["title"]),
        published=utc(p["date_gmt"]),
        modified=utc(p["modified_gmt"]),
        body=html_text(p["html"]),
        media=html_media(p["html"]),
        section=p["categories"][0] if p["categories"] else None,
        tags=p["tags"],
        author=p["author"],
        author_bio=p["author_bio"],
        comment_status=p["comment_status"],
        comment_pages=p["comment_pages"],
        comments=[_comment(c) for c in p["comments"]],
        hidden_comments=p["hidden_comments"],
    )
