"""A small archive with a living discussion, for the reading room's tests.

One article captured twice through ``ArchiveStore`` (the real write path, so
history is derived as a crawl derives it): between the captures its body got
a correction, a moderator removed a comment, a reader edited one.  A comment
carries a script and an ``onerror`` attribute in its text, its author name
and its stored HTML.  A second site's article shares nothing with the first.
The article has two pictures with captions (one a script); an archive made
before the ``media`` table (migration m006) is one with that table dropped.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from archive.store.rows import stable_id
from archive.store.writer import ArchiveStore
from scrapers.items import Article, Author, Comment, Media

URL = "https://news.example/2024/03/putin/"
ARTICLE_ID = stable_id(URL)
OTHER_URL = "https://other.example/story/"
XSS_TEXT = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
XSS_HTML = (
    '<p>Look <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2" alt="cat">'
    '<a href="javascript:window.__pwned=3">here</a> <a href="https://ok.example/">ok</a></p>'
)
FIRST, SECOND = "2024-03-02T00:00:00Z", "2024-03-05T00:00:00Z"
REMOVED, EDITED = "c5", "c7"
MEDIA = [
    Media(
        url="https://news.example/img/putin.jpg",
        caption="Presidents Maduro and Putin.",
        credit="Sputnik",
        position=0,
    ),
    Media(
        url="https://news.example/img/x.jpg",
        caption="<script>window.__pwned=4</script> caption",
        alt="<b>alt</b>",
        position=1,
    ),
    Media(url="javascript:window.__pwned=7", alt="A map", position=2),
]


def _comment(cid: str, parent: str | None, depth: int, pos: int, when: str, text: str) -> Comment:
    return Comment(
        id=cid,
        parent_id=parent,
        author=f"Reader {cid}",
        published=when,
        text=text,
        html=f"<p>{text}</p>",
        position=pos,
        depth=depth,
    )


def _thread(edited: bool, removed: bool) -> list[Comment]:
    """c1 > c2 > c3, c4, c5 > c6, the script comment, c7 (in page order)."""
    specs = [
        ("c1", None, 0, "2024-03-01T10:05:00-05:00", "First!"),
        ("c2", "c1", 1, "2024-03-01T11:00:00-05:00", "A reply to c1."),
        ("c3", "c2", 2, "2024-03-01T11:30:00-05:00", "A reply to c2."),
        ("c4", None, 0, "2024-03-01T14:00:00-05:00", "Second thread."),
        ("c5", None, 0, "2024-03-01T15:00:00-05:00", "Offensive words."),
        ("c6", "c5", 1, "2024-03-01T16:00:00-05:00", "Answer to the offensive one."),
        ("c7", None, 0, "2024-03-02T09:00:00-05:00", "Original text of c7."),
    ]
    comments = [_comment(*spec[:3], i, *spec[3:]) for i, spec in enumerate(specs)]
    comments.insert(
        6,
        Comment(
            id="x1",
            author='<img src=x onerror="window.__pwned=5">',
            author_url="javascript:window.__pwned=6",
            published="2024-03-01T18:00:00-05:00",
            text=XSS_TEXT,
            html=XSS_HTML,
            position=6,
        ),
    )
    comments[-1].position = 7
    if edited:
        comments[-1].text = comments[-1].html = "Edited text of c7."
    if removed:
        comments = [c for c in comments if c.id != REMOVED]
    return comments


def _article(second: bool) -> Article:
    body = "Putin restated his support.\n\nMaduro thanked him."
    return Article(
        url=URL,
        canonical_url=URL,
        title="Putin Restates Support",
        body=body + ("\n\nCorrection: the meeting was on Wednesday." if second else ""),
        authors=[Author(name="Peter Spinella", url="https://news.example/author/peter/")],
        source="dpa",
        published="2024-03-01T09:00:00-05:00",
        published_raw="March 1, 2024 9:00 am",
        modified="2024-03-04T12:00:00-05:00" if second else None,
        language="en",
        section="World",
        tags=["Russia", "Venezuela"],
        site_name="News Example",
        comments=_thread(edited=second, removed=second),
        media=list(MEDIA),
        comments_declared=8,
        comments_open=True,
    )


def _capture(store: ArchiveStore, n: int, url: str, when: str, crawl: int) -> str:
    record = f"<urn:uuid:0000000{n}-aaaa-bbbb-cccc-000000000000>"
    store.add_capture(
        {
            "id": record,
            "url": url,
            "method": "GET",
            "status": 200,
            "fetched_at": when,
            "content_type": "text/html",
            "warc_file": f"newsarchive-2024030{n}-00000-host.warc.gz",
            "warc_offset": 1000 * n,
            "warc_length": 900,
            "crawl_id": crawl,
        }
    )
    return record


def build_reading_archive(path: Path, media: bool = True) -> Path:
    """The archive described above, at ``path``."""
    store = ArchiveStore.open(path)
    for n, (when, second) in enumerate(((FIRST, False), (SECOND, True)), start=1):
        crawl = store.start_crawl("wordpress", {"url": "https://news.example/"})
        record = _capture(store, n, URL, when, crawl)
        store.add_article(
            _article(second), fetched_at=when, capture_id=record, crawl_id=crawl, complete=True
        )
        store.finish_crawl(crawl, {}, "finished")
    crawl = store.start_crawl("wordpress", {"url": "https://other.example/"})
    record = _capture(store, 3, OTHER_URL, FIRST, crawl)
    other = Article(url=OTHER_URL, title="Other story", body="+Plus body", published="2023-12-31")
    store.add_article(other, fetched_at=FIRST, capture_id=record, crawl_id=crawl)
    store.finish_crawl(crawl, {}, "finished")
    store.close()
    if not media:  # an archive made before migration m006
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("drop table media")
            conn.execute("drop table media_fts")
        conn.close()
    return path
