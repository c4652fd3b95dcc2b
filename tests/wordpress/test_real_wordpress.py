"""A real WordPress crawled with the real command line, checked exactly
against what WordPress itself says it holds (issue #15).

Each test runs once per crawl: the classic theme (twentytwentyone) and a
block theme (twentytwentythree), each with the newest and the oldest comment
page shown first.  The archive is read back with sqlite3 and warcio only.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.wordpress.crawl import PROJECT_ROOT
from tests.wordpress.truth import TruthPost, name_key

# Listings, sitemaps, feeds, robots.txt and API requests a crawl may make beside
# the posts and their comment pages: the home page and its 3 further pages, 6
# category, 14 tag and 5 author archives, 9 monthly archives, the 2 static
# pages, the core sitemaps (6), the guessed sitemap and feed paths, robots.txt,
# one REST API request for the 36 posts, and each thread's default page again
# under its comment-page URL: ~65-75 measured (115-127 requests in all).  Reply
# links (?replytocom=), one per comment, would add ~440 (the crawl before #15
# made 644 requests, 530 of them reply links).
LISTING_ALLOWANCE = 120


def _when(value: str | None) -> datetime | str | None:
    """An archived ISO time as an aware UTC instant; a time without offset
    states no instant and stays a string, so it never equals the truth."""
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        return f"{value} (no offset)"
    return parsed.astimezone(UTC)


def _articles(crawl) -> dict[str, dict]:
    with crawl.connect() as conn:
        rows = {r["url"]: dict(r) for r in conn.execute("select * from articles")}
        for row in rows.values():
            row["authors"] = [
                r[0]
                for r in conn.execute(
                    "select au.name from article_authors aa join authors au on au.id = aa.author_id"
                    " where aa.article_id = ? order by aa.position",
                    (row["id"],),
                )
            ]
            row["comments"] = [
                dict(c)
                for c in conn.execute(
                    "select * from comments where article_id = ? order by position", (row["id"],)
                )
            ]
    return rows


@pytest.fixture(scope="module")
def archived(wp_crawl):
    return _articles(wp_crawl)


def _pairs(real_wordpress, archived) -> list[tuple[TruthPost, dict]]:
    return [(p, archived[p.url]) for p in real_wordpress.truth.posts if p.url in archived]


def _check(wrong: list, total: int) -> None:
    assert not wrong, f"{len(wrong)} of {total} wrong, e.g. {wrong[:3]}"


def test_crawl_finishes_without_errors(wp_crawl):
    assert wp_crawl.returncode == 0, wp_crawl.stderr[-3000:]
    errors = [line for line in wp_crawl.log.read_text().splitlines() if "] ERROR:" in line]
    assert not errors, errors[:5]
    [crawl] = wp_crawl.rows("select finish_reason from crawls")
    assert crawl["finish_reason"] == "finished"


def test_every_post_is_archived_once_and_nothing_else(real_wordpress, archived):
    want = {p.url for p in real_wordpress.truth.posts}
    missing = sorted(want - set(archived))
    extra = sorted(set(archived) - want)
    assert not missing, f"{len(missing)} of {len(want)} posts not archived: {missing[:5]}"
    assert not extra, f"archived as articles, not posts: {extra[:5]}"


def test_titles(real_wordpress, archived):
    pairs = _pairs(real_wordpress, archived)
    wrong = [(p.url, p.title, a["title"]) for p, a in pairs if a["title"] != p.title]
    _check(wrong, len(pairs))


def test_authors_are_the_byline_and_never_the_bio(real_wordpress, archived):
    """One author per post, WordPress's display name (apostrophes as printed:
    compared by the key that groups one person's names)."""
    pairs = _pairs(real_wordpress, archived)
    wrong = [
        (p.url, p.author, a["authors"])
        for p, a in pairs
        if [name_key(n) for n in a["authors"]] != [name_key(p.author)]
    ]
    _check(wrong, len(pairs))


def test_published_is_the_same_instant(real_wordpress, archived):
    pairs = _pairs(real_wordpress, archived)
    wrong = [
        (p.url, p.published.isoformat(), a["published"])
        for p, a in pairs
        if _when(a["published"]) != p.published
    ]
    _check(wrong, len(pairs))


def test_modified_only_on_evidence(real_wordpress, archived):
    """The last edit's time where the site states it (WordPress's REST API
    does, exactly); never the publication time of a post edited later."""
    pairs = _pairs(real_wordpress, archived)
    wrong = [
        (p.url, p.modified.isoformat(), a["modified"])
        for p, a in pairs
        if _when(a["modified"]) != p.modified
    ]
    _check(wrong, len(pairs))


def test_section_and_tags(real_wordpress, archived):
    pairs = _pairs(real_wordpress, archived)
    wrong = [
        (p.url, (p.section, sorted(p.tags)), (a["section"], sorted(json.loads(a["tags"]))))
        for p, a in pairs
        if (a["section"], sorted(json.loads(a["tags"] or "[]"))) != (p.section, sorted(p.tags))
    ]
    _check(wrong, len(pairs))


def test_body(real_wordpress, archived):
    pairs = _pairs(real_wordpress, archived)
    wrong = [(p.url, p.body[:80], a["body"][:80]) for p, a in pairs if a["body"] != p.body]
    _check(wrong, len(pairs))


def test_media_captions_and_credits(real_wordpress, wp_crawl):
    """Captioned pictures (block and classic editor) are the article's media,
    their captions and credits kept apart from the body."""
    got: dict[str, list] = {}
    for row in wp_crawl.rows(
        "select a.url, m.url as src, m.caption, m.credit from media m"
        " join articles a on a.id = m.article_id order by a.url, m.position"
    ):
        got.setdefault(row["url"], []).append((row["src"], row["caption"], row["credit"]))
    posts = real_wordpress.truth.posts
    assert sum(1 for p in posts if p.media) >= 5  # the site has some
    wrong = [(p.url, p.media, got.get(p.url, [])) for p in posts if got.get(p.url, []) != p.media]
    _check(wrong, len(posts))


def test_comments_open_as_the_site_says(real_wordpress, archived):
    pairs = _pairs(real_wordpress, archived)
    wrong = [
        (p.url, p.comment_status, a["comments_open"])
        for p, a in pairs
        if a["comments_open"] != (p.comment_status == "open")
    ]
    _check(wrong, len(pairs))


def test_every_approved_comment_with_author_date_text_and_parent(real_wordpress, archived):
    wrong, total = [], 0
    for post in real_wordpress.truth.posts:
        row = archived.get(post.url)
        got = {c["comment_id"]: c for c in (row["comments"] if row else [])}
        prefix = f"{row['id']}:" if row else ""
        for want in post.comments:
            total += 1
            have = got.get(want.id)
            if have is None:
                wrong.append((post.url, want.id, "missing"))
                continue
            checks = {
                "author": (name_key(want.author), name_key(have["author"] or "")),
                "parent": (prefix + want.parent if want.parent else None, have["parent_id"]),
                "kind": (want.kind, have["kind"]),
            }
            if want.kind == "comment":  # themes print a pingback as a name and a link only
                checks["published"] = (want.published, _when(have["published"]))
                checks["text"] = (want.text, have["text"])
            wrong += [(post.url, want.id, k, w, h) for k, (w, h) in checks.items() if w != h]
        extra = set(got) - {c.id for c in post.comments}
        wrong += [(post.url, cid, "not an approved comment") for cid in sorted(extra)]
    assert total == real_wordpress.truth.comments
    _check(wrong, total)


def test_threads_are_complete(real_wordpress, archived):
    pairs = _pairs(real_wordpress, archived)
    wrong = [(p.url, a["comments_complete"]) for p, a in pairs if a["comments_complete"] != 1]
    _check(wrong, len(pairs))


def test_no_moderated_spam_or_trashed_comment_anywhere(real_wordpress, wp_crawl):
    hidden = [t for p in real_wordpress.truth.posts for t in p.hidden_comments]
    assert hidden  # the site has some
    texts = [r["text"] for r in wp_crawl.rows("select text from comments")]
    texts += [r["body"] for r in wp_crawl.rows("select body from articles")]
    leaked = [h for h in hidden if any(h in t for t in texts)]
    assert not leaked, leaked[:3]


def test_reply_links_are_never_fetched(wp_crawl):
    captured = [r["url"] for r in wp_crawl.rows("select url from captures")]
    assert captured
    assert not [u for u in captured if "replytocom" in u]
    served = [line for line in wp_crawl.server_requests if "replytocom" in line]
    assert not served, f"{len(served)} reply-link requests, e.g. {served[:2]}"
    for path in sorted(wp_crawl.warc_dir.glob("*.warc.gz")):
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                target = record.rec_headers.get_header("WARC-Target-URI") or ""
                assert "replytocom" not in target, target


def test_requests_within_budget(real_wordpress, wp_crawl):
    posts = real_wordpress.truth.posts
    needed = len(posts) + sum(max(p.comment_pages - 1, 0) for p in posts)
    budget = needed + LISTING_ALLOWANCE
    made = len(wp_crawl.server_requests)
    assert made <= budget, f"{made} requests for {needed} post and comment pages"


def test_loss_accounting_is_zero(real_wordpress, wp_crawl):
    """Every article the crawl started ends stored or failed, and here none fails."""
    [crawl] = wp_crawl.rows("select * from crawls")
    started = crawl.get("articles_started")
    stored = crawl.get("articles_stored")
    failed = crawl.get("articles_failed")
    assert started is not None, "the crawls row does not count articles started"
    assert started == stored + failed
    assert (stored, failed) == (len(real_wordpress.truth.posts), 0)
    assert wp_crawl.rows("select url, stage, error from failures") == []


def test_one_person_one_key_across_themes(real_wordpress, all_wp_crawls):
    """Themes print one name differently (Tom O'Neill, Tom O’Neill): the
    archive stores the name as printed, and one row per person, under the key
    that groups the printings; each crawl names each post author once."""
    want = {name_key(p.author) for p in real_wordpress.truth.posts}
    printed = set()
    for key, crawl in all_wp_crawls.items():
        rows = crawl.rows("select name, key from authors")
        assert sorted(r["key"] for r in rows) == sorted(want), (key, rows)
        assert all(name_key(r["name"]) == r["key"] for r in rows)
        printed |= {r["name"] for r in rows}
    assert {"Tom O'Neill", "Tom O’Neill"} <= printed  # both printings, one key


_REPARSED = (
    "url, title, published, modified, section, tags, body, comments_open, comments_count,"
    " comments_complete"
)


@pytest.mark.parametrize("theme", ["twentytwentyone", "twentytwentythree"])
def test_reparse_from_warc_gives_the_crawl_s_rows(all_wp_crawls, tmp_path, theme):
    """``newsarchive reparse`` rebuilds the same articles from the WARC files
    alone: comment pages, the REST API witness and all."""
    crawl = all_wp_crawls[(theme, "newest")]
    db = tmp_path / "reparsed.db"
    shutil.copy(crawl.db, db)
    with sqlite3.connect(db) as conn:  # start from nothing but the captures
        for table in ("comment_versions", "article_versions", "comments", "article_authors"):
            conn.execute(f"delete from {table}")
        conn.execute("delete from articles")
    cli = Path(sys.executable).parent / "newsarchive"
    run = subprocess.run(
        [str(cli), "reparse", "--db", str(db), "--warc-dir", str(crawl.warc_dir), "-j", "1"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    sql = f"select {_REPARSED} from articles order by url"
    with sqlite3.connect(db) as conn:
        again = conn.execute(sql).fetchall()
        comments = conn.execute("select count(*) from comments").fetchone()[0]
    assert again == [tuple(r.values()) for r in crawl.rows(sql)]
    assert comments == crawl.rows("select count(*) as n from comments")[0]["n"]
