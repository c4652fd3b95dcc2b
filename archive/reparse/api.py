"""What a crawl fetched after an article page, read back for a re-parse.

The spider follows an article page with its other comment pages, then (when
the HTML thread leaves something to add, or always, per
``ARCHIVE_COMMENTS_API``) with every page of the WordPress REST API's comments
route, and reconciles the two.  A re-parse must rebuild the same thread, so it
asks the ``captures`` table what that crawl really did right after the
article's capture: which comment pages came back as pages (and which failed),
which API pages were answered, and which batch of the REST API's statements
of post metadata named the article.  The captures, not today's settings, decide:
an API that was never asked, refused, or answered without WordPress's totals
leaves the HTML thread as it is, exactly as in the crawl.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from archive.warc.reader import RecordReader, dechunk, decode_body, is_chunked
from archive.warc.rendered import VIA_BROWSER, VIA_SNAPSHOT, exhausted, is_answer, read_snapshot
from scrapers.items import Comment
from scrapers.parsers.comments.rendered import Snapshot
from scrapers.parsers.comments.rest import api_total, comments_url, parse_api_comments
from scrapers.parsers.wpapi import PostMeta, parse_posts, posts_url

# The spider's cap on API pages (scrapers/spiders/threads.py, _MAX_API_PAGES).
MAX_API_PAGES = 200

_NEXT_CAPTURE = """
SELECT rowid, status, content_type, warc_file, warc_offset, warc_length, revisit_of
FROM captures
WHERE url = ? AND method = 'GET' AND rowid > ? AND crawl_id IS ? AND via IS NULL
ORDER BY rowid LIMIT 1
"""


_POSTS_CAPTURES = """
SELECT rowid, status, content_type, warc_file, warc_offset, warc_length, revisit_of, url
FROM captures
WHERE url LIKE ? AND method = 'GET' AND rowid > ? AND crawl_id IS ? AND status = 200
  AND warc_file IS NOT NULL
ORDER BY rowid
"""

_BROWSER = """
SELECT rowid, status, content_type, warc_file, warc_offset, warc_length, revisit_of, url, via
FROM captures WHERE page_capture = ? AND via IN ('browser', 'snapshot') AND warc_file IS NOT NULL
ORDER BY rowid
"""


@dataclass(frozen=True, slots=True)
class Rendering:
    """What the browser stage archived of one page: as the spider got it."""

    frames: list[Snapshot]
    answers: list[tuple[str, bytes]]
    exhausted: bool


@dataclass(frozen=True, slots=True)
class ApiThread:
    """Every comment the API listed for a post, and the total it declared."""

    comments: list[Comment]
    total: int


class CrawlFollowups:
    """Looks up the captures a crawl made after an article page (parent side)."""

    def __init__(self, db_path: str, warc_dir: str) -> None:
        self.conn = sqlite3.connect(db_path)
        self.warc_dir = warc_dir
        self._reader: RecordReader | None = None
        self._posts: dict[int, dict[str, PostMeta]] = {}  # the batch read last

    def _next(self, url: str, after: int, crawl_id: int | None) -> tuple | None:
        return self.conn.execute(_NEXT_CAPTURE, (url, after, crawl_id)).fetchone()

    def page_arrives(self, url: str, after: int, crawl_id: int | None) -> bool:
        """Whether the crawl captured ``url`` as an HTML page after the article
        (rowid ``after``): else the spider's request failed, and the thread
        goes on without that page, as the spider's errback did."""
        row = self._next(url, after, crawl_id)
        if row is None or row[1] != 200 or row[3] is None:
            return False
        return row[2] is None or "html" in row[2].lower()

    def api_thread(
        self, root: str, post_id: str, after: int, crawl_id: int | None
    ) -> ApiThread | None:
        """The API's comments as the crawl received them, or None when it did
        not ask, was refused, or got no ``X-WP-Total`` headers on some page."""
        comments: list[Comment] = []
        page = 0
        while True:
            row = self._next(comments_url(root, post_id, page + 1), after, crawl_id)
            if row is None or row[1] != 200 or row[3] is None:
                return None
            headers, body = self._read(row)
            total, pages = api_total(headers("X-WP-Total")), api_total(headers("X-WP-TotalPages"))
            if total is None or pages is None:
                return None
            page += 1
            comments += parse_api_comments(body)
            if page >= min(pages, MAX_API_PAGES):
                return ApiThread(comments, total)
            after = row[0]

    def post_statement(
        self, root: str, post_id: str, after: int, crawl_id: int | None
    ) -> PostMeta | None:
        """The REST API's statement of a post's metadata, from the first batch
        the crawl fetched after the article that names the post and was
        answered (the spider's witness: :mod:`scrapers.parsers.wpapi`)."""
        prefix = posts_url(root, [post_id]).split("?", 1)[0] + "?"
        rows = self.conn.execute(_POSTS_CAPTURES, (prefix + "%", after, crawl_id)).fetchall()
        for row in rows:
            query = parse_qs(urlsplit(row[7]).query)
            if post_id not in ",".join(query.get("include", [])).split(","):
                continue
            if row[0] not in self._posts:
                self._posts = {row[0]: parse_posts(self._read(row)[1])}  # (batches come in order)
            return self._posts[row[0]].get(post_id)
        return None

    def rendering(self, capture_id: str) -> Rendering | None:
        """The browser's render of the page captured as ``capture_id``: its
        snapshot's frames and verdict and the data answers, in the order the
        crawl got them (None: the crawl did not render this page)."""
        rows = self.conn.execute(_BROWSER, (capture_id,)).fetchall()
        snaps = [r for r in rows if r[8] == VIA_SNAPSHOT]
        if not snaps:
            return None
        if self._reader is None:
            self._reader = RecordReader(self.warc_dir)
        found = snaps[-1]
        snapshot = read_snapshot(self._reader.read_direct(found[3], found[4], found[5]).payload)
        frames = [Snapshot(f["url"], f["html"], f["main"]) for f in snapshot["frames"]]
        answers = []
        for row in rows:
            if row[8] == VIA_BROWSER and is_answer(row[1] or 0, row[2], b"?"):
                _, body = self._read(row)
                if is_answer(row[1], row[2], body):
                    answers.append((row[7], body))
        return Rendering(frames, answers, exhausted(snapshot))

    def _read(self, row: tuple):
        if self._reader is None:
            self._reader = RecordReader(self.warc_dir)
        record = source = self._reader.read_direct(row[3], row[4], row[5])
        if record.rec_type == "revisit" and row[6]:
            original = self.conn.execute(
                "SELECT warc_file, warc_offset, warc_length FROM captures WHERE id = ?", (row[6],)
            ).fetchone()
            if original is not None:
                source = self._reader.read_direct(*original)
        payload = dechunk(source.payload) if is_chunked(source) else source.payload
        return record.header, decode_body(payload, record.header("Content-Encoding"))

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
        self.conn.close()
