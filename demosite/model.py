"""The demo site's content model: posts, people and terms, built deterministically.

Only metadata is made up front (cheap: 10,000 posts in well under a second);
bodies and comment threads are generated on demand by ``demosite.content``
from per-post seeds, so any page renders the same whatever was rendered first.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from importlib import resources
from typing import Any

from demosite import textgen, words

START = datetime(2019, 1, 1, 6, 0)
END = datetime(2024, 12, 20, 22, 0)
REFERENCE_DATE = datetime(2019, 7, 24, 10, 15)
PER_PAGE = 10
COMMENTS_PER_PAGE = 50  # top-level threads per comment page, as WordPress counts
MAX_DEPTH = 5  # WordPress "depth-5" = ground-truth depth 4


def ny_tz(naive: datetime) -> timezone:
    """America/New_York offset by the US DST rule (no tzdata needed)."""
    y = naive.year
    march1 = datetime(y, 3, 1)
    start = march1 + timedelta(days=(6 - march1.weekday()) % 7 + 7, hours=2)
    nov1 = datetime(y, 11, 1)
    end = nov1 + timedelta(days=(6 - nov1.weekday()) % 7, hours=2)
    return timezone(timedelta(hours=-4 if start <= naive < end else -5))


def aware(naive: datetime) -> datetime:
    return naive.replace(tzinfo=ny_tz(naive))


@dataclass(slots=True, eq=False)
class Term:
    """A category, tag or author archive, with the posts it lists (oldest first)."""

    kind: str  # "category", "tag", "author"
    name: str
    slug: str
    lang: str = "en"
    charset: str = "utf-8"
    posts: list[int] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/{self.kind}/{self.slug}/"


@dataclass(slots=True)
class Changes:
    """What happened to a post after publication (the demo site's time control):
    applied on top of the generated content by ``demosite.content``."""

    paragraphs: list[str] = field(default_factory=list)  # appended to the body
    added: list[tuple[int, int | None, str, str, datetime]] = field(default_factory=list)
    # (comment id, parent id, author, text, published) of comments posted since
    removed: set[int] = field(default_factory=set)  # comments trashed by a moderator
    texts: dict[int, str] = field(default_factory=dict)  # comments whose text was edited
    touched: datetime | None = None  # time of the latest change (Last-Modified)


@dataclass(slots=True, eq=False)
class Post:
    """One article's metadata; its text lives in ``demosite.content``."""

    idx: int
    post_id: int
    slug: str
    title: str
    lang: str
    published: datetime  # aware
    modified: datetime
    authors: list[Term]
    source: str | None
    category: Term
    tags: list[Term]
    theme: str  # "classic" or "modern"
    comment_status: str  # "open", "closed", "off"
    n_comments: int  # entries incl. pingbacks
    n_pings: int
    comment_id_base: int
    date_style: str  # "time" or "text" (classic only)
    special: str | None = None
    comment_order: str = "oldest"  # WordPress default_comments_page: "oldest" or "newest"
    page_links: str = "path"  # comment page URLs: "path" (/comment-page-N/) or "query" (?cpage=N)
    embed: str | None = None  # "disqus" or a demosite.scripted kind: no WordPress thread
    changes: Changes | None = None  # edits, new and removed comments since publication

    @property
    def rest_api(self) -> bool:
        """Whether /wp-json/wp/v2/comments serves this post's comments.  A demo
        convention standing in for REST-restricting plugins: modern theme only."""
        return self.theme == "modern" and self.embed is None

    def default_page(self, pages: int) -> int:
        """The comment page the article URL shows: the last one when newest first."""
        return pages if self.comment_order == "newest" else 1

    def comment_page_path(self, page: int, pages: int) -> str:
        """Path of comment page ``page`` of ``pages``, as WordPress links it:
        the default page is the bare article path."""
        if page == self.default_page(pages):
            return self.path
        if self.page_links == "query":
            return f"{self.path}?cpage={page}"
        return f"{self.path}comment-page-{page}/"

    @property
    def path(self) -> str:
        return f"/{self.published:%Y/%m/%d}/{self.slug}/"

    @property
    def charset(self) -> str:
        return self.category.charset


def load_reference() -> dict[str, Any]:
    """The verbatim reference article (Havana Times, dpa) shipped as package data."""
    text = resources.files("demosite").joinpath("data/reference.json").read_text("utf-8")
    return json.loads(text)


class Site:
    """All posts and archives of one demo site; see ``build_site``."""

    name = "The Daily Meridian"
    tagline = "News and comment from the Americas and beyond"

    def __init__(self, articles: int, seed: int, scripted: bool = False) -> None:
        self.articles = articles
        self.seed = seed
        self.scripted = scripted  # threads that scripts load (demosite.scripted)
        self.provider: str | None = None  # the provider origin's URL, once it is served
        self.posts: list[Post] = []
        self.categories: dict[str, Term] = {}
        self.tags: dict[str, Term] = {}
        self.authors: dict[str, Term] = {}
        self.by_path: dict[str, Post] = {}
        self.by_id: dict[int, Post] = {}
        self.months: dict[str, list[int]] = {}
        self.specials: dict[str, Post] = {}
        self.reference = load_reference()
        self._build()
        # The site's clock (naive, site time zone): just after the last change
        # the generated content shows; ``advance`` moves it, edits happen "now".
        latest = max((p.modified for p in self.posts), default=aware(END))
        self.clock = latest.replace(tzinfo=None, second=0, microsecond=0) + timedelta(hours=1)
        self.version = 0  # bumped by every change, so caches know to drop renderings
        self._next_comment_id = 50_000_000

    # -- construction -------------------------------------------------------
    def _term(self, table: dict, key: Any, kind: str, name: str, lang: str) -> Term:
        term = table.get(key)
        if term is None:
            slug = textgen.slugify(name, lang)
            term = table[key] = Term(kind, name, slug, lang)
        return term

    def _build(self) -> None:
        rng = random.Random(f"demosite:{self.seed}:meta")
        for name, slug, lang, charset in words.SECTIONS:
            self.categories[name] = Term("category", name, slug, lang, charset)
        span = int((END - START).total_seconds() // 60)
        minutes = sorted(rng.randrange(span) for _ in range(max(0, self.articles - 1)))
        times = [START + timedelta(minutes=m) for m in minutes]
        ref_at = sum(1 for t in times if t < REFERENCE_DATE)
        times.insert(ref_at, REFERENCE_DATE)
        times = times[: max(1, self.articles)]
        if ref_at >= len(times):  # tiny sites: the reference is always present
            times[-1], ref_at = REFERENCE_DATE, len(times) - 1
        sections = [s[0] for s in words.SECTIONS]
        # Every site, however small, has a windows-1252, a Spanish and a Russian post.
        others = [i for i in range(len(times)) if i != ref_at]
        forced = dict(
            zip(
                rng.sample(others, min(3, len(others))),
                ["Archivo", "En Español", "Русский"],
                strict=False,
            )
        )
        post_id, comment_id, used = 1000, 100, set()
        for idx, when in enumerate(times):
            prng = random.Random(f"demosite:{self.seed}:post:{idx}")
            post_id += prng.randint(2, 9)
            if idx == ref_at:
                post = self._reference_post(idx, post_id, comment_id)
            else:
                section = prng.choices(sections, words.SECTION_WEIGHTS)[0]
                section = forced.get(idx, section)
                post = self._random_post(prng, idx, post_id, comment_id, when, section)
            base, n = post.slug, 2
            while (post.published.date(), post.slug) in used:
                post.slug, n = f"{base}-{n}", n + 1
            used.add((post.published.date(), post.slug))
            comment_id += post.n_comments + prng.randint(0, 6)
            self._add(post)
        self._assign_specials(rng)

    def _reference_post(self, idx: int, post_id: int, comment_id: int) -> Post:
        ref = self.reference
        when = aware(REFERENCE_DATE)
        post = Post(
            idx,
            post_id,
            textgen.slugify(ref["title"]),
            ref["title"],
            "en",
            when,
            when,
            [self._term(self.authors, a, "author", a, "en") for a in ref["authors"]],
            ref["source"],
            self.categories[ref["section"]],
            [self._term(self.tags, t, "tag", t, "en") for t in ref["tags"]],
            "classic",
            "closed",
            len(ref["comments"]),
            0,
            comment_id,
            "time",
            "reference",
        )
        self.specials["reference"] = post
        return post

    def _random_post(
        self, rng: random.Random, idx: int, post_id: int, cid: int, when: datetime, section: str
    ) -> Post:
        cat = self.categories[section]
        lang = cat.lang
        title = textgen.make_title(rng, lang)
        staff = words.STAFF[lang]
        k = rng.choices((1, 2, 3), (80, 15, 5))[0] if lang == "en" else 1
        names = rng.sample(staff, k)
        source = rng.choice(words.AGENCIES) if k == 1 and rng.random() < 0.12 else None
        tags = sorted(set(rng.sample(words.TAGS[lang], rng.randint(1, 4))))
        theme = "classic" if cat.charset != "utf-8" or rng.random() < 0.5 else "modern"
        status = rng.choices(("open", "closed", "off"), (70, 20, 10))[0]
        n = 0
        if status != "off":
            n = rng.choices(
                (0, rng.randint(1, 8), rng.randint(9, 20), rng.randint(21, 40)), (25, 50, 20, 5)
            )[0]
        published = aware(when)
        modified = published
        if rng.random() < 0.4:
            later = when + timedelta(minutes=rng.randint(20, 60 * 24 * 20))
            modified = aware(later)
        return Post(
            idx,
            post_id,
            textgen.slugify(title, lang),
            title,
            lang,
            published,
            modified,
            [self._term(self.authors, a, "author", a, lang) for a in names],
            source,
            cat,
            [self._term(self.tags, t, "tag", t, lang) for t in tags],
            theme,
            status,
            n,
            0,
            cid,
            rng.choice(("time", "time", "text")),
        )

    def _add(self, post: Post) -> None:
        self.posts.append(post)
        self.by_path[post.path] = post
        self.by_id[post.post_id] = post
        post.category.posts.append(post.idx)
        for t in post.tags:
            t.posts.append(post.idx)
        for a in post.authors:
            a.posts.append(post.idx)
        self.months.setdefault(f"{post.published:%Y/%m}", []).append(post.idx)

    def _assign_specials(self, rng: random.Random) -> None:
        from demosite.specials import assign_specials

        assign_specials(self, rng)

    # -- time control (see docs/living.md) -----------------------------------------
    def now(self) -> datetime:
        """The site's current time, aware."""
        return aware(self.clock)

    def advance(self, *, days: float = 0, hours: float = 0, minutes: float = 0) -> datetime:
        """Move the clock forward; returns the new time."""
        self.clock += timedelta(days=days, hours=hours, minutes=minutes)
        self.version += 1
        return self.now()

    def _changed(self, path: str) -> Post:
        post = self.by_path[path]
        if post.changes is None:
            post.changes = Changes()
        post.changes.touched = self.now()
        self.version += 1
        return post

    def edit_article(
        self, path: str, *, title: str | None = None, append: str | None = None
    ) -> None:
        """Edit a post now: a new headline and/or a paragraph appended to the
        body (a correction); its modified date (and sitemap lastmod) follow."""
        post = self._changed(path)
        if title is not None:
            post.title = title
        if append is not None:
            post.changes.paragraphs.append(append)
        post.modified = self.now()

    def add_comment(
        self, path: str, text: str, *, author: str = "A. Reader", parent: int | None = None
    ) -> int:
        """Post a comment now (a reply when ``parent`` is given); returns its id."""
        post = self._changed(path)
        self._next_comment_id += 1
        cid = self._next_comment_id
        post.changes.added.append((cid, parent, author, text, self.now()))
        return cid

    def remove_comment(self, path: str, comment_id: int) -> None:
        """Trash a comment; WordPress then hides its replies too."""
        self._changed(path).changes.removed.add(comment_id)

    def restore_comment(self, path: str, comment_id: int) -> None:
        """Undo ``remove_comment`` (a moderator restores it)."""
        self._changed(path).changes.removed.discard(comment_id)

    def edit_comment(self, path: str, comment_id: int, text: str) -> None:
        """Change a comment's text (its author or a moderator edited it)."""
        self._changed(path).changes.texts[comment_id] = text

    def last_modified(self, post: Post) -> datetime:
        """When the post's page last changed (HTTP ``Last-Modified``)."""
        touched = post.changes.touched if post.changes else None
        return max(t for t in (post.published, post.modified, touched) if t is not None)

    # -- lookups --------------------------------------------------------------
    def latest(self, n: int) -> list[Post]:
        return self.posts[::-1][:n]

    def redirect_path(self) -> str:
        """The old-style permalink (``/?p=ID``) that some page links to."""
        post = self.specials.get("redirect", self.posts[-1])
        return f"/?p={post.post_id}"

    def ground_truth(self) -> dict[str, Any]:
        """What a perfect archiver extracts from the site; see ``demosite.truth``."""
        from demosite.truth import ground_truth

        return ground_truth(self)


def build_site(articles: int = 60, seed: int = 1, *, scripted: bool = False) -> Site:
    """Build the deterministic content model for ``articles`` posts; with
    ``scripted``, some threads are loaded by scripts (``demosite.scripted``)."""
    return Site(articles, seed, scripted)
