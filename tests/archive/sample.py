"""Small archives built straight through ``ArchiveStore``: fast, and holding
the awkward values researchers' tools trip on (formulas, HTML, scripts,
non-ASCII, replies several levels deep)."""

from __future__ import annotations

from pathlib import Path

from archive.store.writer import ArchiveStore
from scrapers.items import Article, Author, Comment, Media

XSS_TEXT = '<script>document.title="pwned";window.__pwned=1</script><b>bold?</b>'
XSS_HTML = '<p>hi<script>window.__pwned=2</script><img src=x onerror="window.__pwned=3"></p>'
FORMULA_TEXT = '=HYPERLINK("http://evil.example","click")'


def _thread(n: int, tag: str) -> list[Comment]:
    """n comments: a top-level one, then replies nesting up to depth 3."""
    comments = []
    for i in range(n):
        depth = i % 4
        comments.append(
            Comment(
                id=str(i),
                parent_id=str(i - 1) if depth else None,
                author=f"Reader {i % 3}",
                author_url=None,
                published=f"2024-03-0{1 + i % 9}T10:{i % 60:02d}:00+01:00",
                published_raw=f"March {1 + i % 9}, 2024",
                text=f"{tag} comment {i} Ñandú «quoted», line\nbreak",
                position=i,
                depth=depth,
            )
        )
    return comments


def build_archive(path: Path) -> Path:
    """Three articles on two sites; one thread holds a script and a formula, and
    two articles have media (a caption is a formula, a picture has no URL)."""
    store = ArchiveStore.open(path)
    crawl = store.start_crawl("wordpress", {"url": "https://news.example/"})
    first = Article(
        url="https://news.example/2024/03/putin/",
        title="Putin Restates Support",
        body="Body text about Venezuela.",
        authors=[Author(name="Peter Spinella"), Author(name="Ana Ruiz", url="https://x/ana")],
        source="dpa",
        published="2024-03-01T09:00:00-05:00",
        language="en",
        section="World",
        tags=["Russia", "Venezuela"],
        comments=_thread(6, "venezuela"),
        comments_declared=8,
        comments_open=True,
    )
    first.comments += [
        Comment(
            id="x1",
            author="<img src=x onerror=alert(1)>",
            text=XSS_TEXT,
            html=XSS_HTML,
            position=6,
        ),
        Comment(id="x2", author="-Mallory", text=FORMULA_TEXT, position=7),
    ]
    first.media = [
        Media(
            url="https://news.example/img/putin.jpg",
            caption="Presidents Maduro and Putin «Kremlin»",
            credit="Sputnik / Ñandú",
            alt="Two men",
            position=0,
        ),
        Media(url=None, caption=FORMULA_TEXT, position=1),  # (a picture loaded by script)
    ]
    second = Article(
        url="https://news.example/2024/04/cuba/",
        title="Havana queues",
        body="Long queues.",
        authors=[Author(name="Ana Ruiz")],
        published="2024-04-02",
        language="es",
        section="Cuba",
        comments=_thread(3, "havana"),
        media=[Media(url="https://www.youtube.com/embed/q", kind="video", position=0)],
    )
    third = Article(
        url="https://other.example/story/",
        title="Other story",
        body="+Plus body",
        published="2023-12-31T23:30:00Z",
        language="ru",
        comments_open=False,
    )
    for i, article in enumerate((first, second, third)):
        store.add_capture(
            {
                "id": f"<urn:uuid:{i}>",
                "url": article.url,
                "method": "GET",
                "status": 200,
                "fetched_at": f"2024-05-0{i + 1}T00:00:00Z",
                "content_type": "text/html",
                "warc_file": "newsarchive-20240501000000-00000-host.warc.gz",
                "warc_offset": 1000 * i,
                "warc_length": 900,
                "crawl_id": crawl,
            }
        )
        store.add_article(
            article,
            fetched_at=f"2024-05-0{i + 1}T00:00:00Z",
            capture_id=f"<urn:uuid:{i}>",
            crawl_id=crawl,
            complete=i != 0,
        )
    store.finish_crawl(crawl, {"item_scraped_count": 3, "response_received_count": 9}, "finished")
    store.close()
    return path
