"""What the test WordPress holds: users, categories, posts, comments, from one seed.

The plan is data (a dict that ``php/fill.php`` writes through WordPress's own
functions); what the site then *shows* is read back from WordPress itself
(``php/truth.php``), so the tests' ground truth is WordPress's, not ours.

The content is built to reach the corners a real news site reaches:
a timezone with daylight saving time (America/Havana: posts on both sides of
its changes), authors with bios and with non-ASCII and apostrophe names,
posts in Spanish and Russian, images with captions (block and classic
editor), posts edited after publication, closed threads that keep their
comments, threads from none to 80 comments with replies four deep, comment
pagination, pingbacks, and comments held for moderation, marked spam or
trashed, which no visitor sees.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from html import escape
from typing import Any

from demosite import textgen

SEED = 15
TIMEZONE = "America/Havana"  # DST ended 2022-11-06 and began 2023-03-12
COMMENTS_PER_PAGE = 10
THREAD_DEPTH = 5  # WordPress's default: replies to depth 4 (0-based)

AUTHORS = [
    {
        "login": "aisha",
        "display_name": "Aisha Bello",
        "first_name": "Aisha",
        "last_name": "Bello",
        "description": "Science and environment reporter.",
    },
    {
        "login": "tom",
        "display_name": "Tom O'Neill",
        "first_name": "Tom",
        "last_name": "O'Neill",
        "description": "Covers politics and the courts.",
    },
    {
        "login": "jose",
        "display_name": "José Ramírez Núñez",
        "first_name": "José",
        "last_name": "Ramírez Núñez",
        "description": "Corresponsal en La Habana.",
    },
    {
        "login": "zoe",
        "display_name": "Zoë Kowalczyk-Brandt",
        "first_name": "Zoë",
        "last_name": "Kowalczyk-Brandt",
        "description": "",
    },
    {
        "login": "dmitri",
        "display_name": "Дмитрий Соколов",
        "first_name": "Дмитрий",
        "last_name": "Соколов",
        "description": "",
    },
]
CATEGORIES = ["World", "Science", "Politics", "Business", "Culture", "Cuba"]
TAGS = [
    "climate",
    "elections",
    "energy",
    "health",
    "courts",
    "migration",
    "tourism",
    "agriculture",
    "sea level",
    "music",
    "baseball",
    "inflation",
    "Havana",
    "ocean",
]
COMMENTERS = [
    "Dan",
    "Mike Nichols",
    "Grace Kim",
    "Seán O'Brien",
    "Ana María Pérez",
    "Jürgen Weiß",
    "Olu Adeyemi",
    "d'Artagnan",
    "Åsa Lindqvist",
    "Liam Murphy",
    "Yusuf Demir",
    "Carlyle MacDuff",
]
# approved comments per post; the first posts are the big threads
THREAD_SIZES = [80, 62, 47, 35, 28, 24, 21, 18, 15, 13, 12, 11, 10, 9, 8, 7, 6, 5, 5, 4]
THREAD_SIZES += [4, 3, 3, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
PAGES = [
    ("About us", "Who we are: a small newsroom that reports from the Caribbean since 2008."),
    ("Contact", "Write to the newsroom at desk@example.org; we read every message."),
]


def site_options() -> dict[str, Any]:
    """Options set once, after the install (themes and comment order vary per crawl)."""
    return {
        "blogname": "Caribbean Ledger",
        "blogdescription": "News and comment from the islands",
        "timezone_string": TIMEZONE,
        "date_format": "F j, Y",
        "time_format": "g:i a",
        "permalink_structure": "/%year%/%monthnum%/%day%/%postname%/",
        "posts_per_page": 10,
        "page_comments": 1,
        "comments_per_page": COMMENTS_PER_PAGE,
        "thread_comments": 1,
        "thread_comments_depth": THREAD_DEPTH,
        "comment_order": "asc",
        "default_comments_page": "newest",
        "comment_moderation": 0,
        "comment_registration": 0,
        "close_comments_for_old_posts": 0,
        "show_avatars": 1,
        "default_pingback_flag": 0,
        "default_ping_status": "closed",
    }


def _when(rng: random.Random, day: datetime) -> datetime:
    return day + timedelta(hours=rng.randint(11, 23), minutes=rng.randint(0, 59))


def _block_image(url: str, caption: str, alt: str) -> str:
    return (
        '<!-- wp:image {"sizeSlug":"large"} -->\n'
        f'<figure class="wp-block-image size-large"><img src="{url}" alt="{escape(alt)}"/>'
        f'<figcaption class="wp-element-caption">{escape(caption, quote=False)}</figcaption>'
        "</figure>\n<!-- /wp:image -->"
    )


def _block(tag: str, text: str) -> str:
    name = {"p": "paragraph", "h2": "heading"}[tag]
    return f"<!-- wp:{name} -->\n<{tag}>{escape(text, quote=False)}</{tag}>\n<!-- /wp:{name} -->"


def _content(rng: random.Random, lang: str, image: str | None, classic: bool) -> str:
    """The post's stored content, in the block editor's markup or the classic
    editor's (plain paragraphs that ``wpautop`` wraps, a ``[caption]`` shortcode)."""
    paras = textgen.make_paragraphs(rng, lang, rng.randint(3, 9))
    caption = None
    if image:
        caption = f"{textgen.make_title(rng, lang)}. Photo: Reuters"
    if classic:
        parts = []
        if image:
            parts.append(
                f'[caption id="" align="alignnone" width="640"]<img src="{image}" alt="" '
                f'width="640" height="360" /> {escape(caption, quote=False)}[/caption]'
            )
        parts += [escape(p, quote=False) for p in paras]
        return "\n\n".join(parts)
    blocks = []
    if image:
        blocks.append(_block_image(image, caption, "photo"))
    for i, text in enumerate(paras):
        if i == 3 and len(paras) > 5:
            blocks.append(_block("h2", textgen.make_title(rng, lang)))
        blocks.append(_block("p", text))
    return "\n\n".join(blocks)


def _comments(rng: random.Random, n: int, post_at: datetime, author: str, lang: str) -> list[dict]:
    """``n`` approved comments (replies up to depth 4), plus the odd comment held
    for moderation, spam or trash, which never show."""
    out: list[dict] = []
    depth: dict[str, int] = {}
    at = post_at
    for k in range(n):
        at += timedelta(minutes=rng.randint(3, 900))
        key = f"c{k}"
        parents = [c["key"] for c in out if depth[c["key"]] < THREAD_DEPTH - 1]
        parent = rng.choice(parents[-8:]) if parents and rng.random() < 0.4 else None
        depth[key] = depth[parent] + 1 if parent else 0
        comment = {
            "key": key,
            "parent": parent,
            "date_gmt": at.strftime("%Y-%m-%d %H:%M:%S"),
            "content": textgen.make_comment_text(rng, lang),
            "status": "1",
        }
        if parent and rng.random() < 0.15:
            comment["user"] = author  # the post's author answers
        else:
            name = rng.choice(COMMENTERS)
            comment["author"] = name
            comment["email"] = f"reader{rng.randint(1, 999)}@example.net"
            if rng.random() < 0.25:
                comment["url"] = f"https://{textgen.slugify(name) or 'blog'}.example.net/"
        out.append(comment)
    for k, status in enumerate(("0", "spam", "trash")):
        if n and rng.random() < 0.5:
            at += timedelta(minutes=rng.randint(3, 900))
            out.append(
                {
                    "key": f"hidden{k}",
                    "parent": None,
                    "date_gmt": at.strftime("%Y-%m-%d %H:%M:%S"),
                    "content": f"Hidden comment {status} {rng.randint(10**8, 10**9)}: cheap pills",
                    "status": status,
                    "author": "Spammy McSpamface",
                    "email": "spam@example.com",
                    "url": "https://spam.example.com/",
                }
            )
    return out


def plan(site_url: str, seed: int = SEED) -> dict[str, Any]:
    """The whole site as data: deterministic for a seed (only the site URL,
    in image addresses, differs between sessions)."""
    rng = random.Random(f"newsarchive-wp:{seed}")
    start = datetime(2022, 9, 5, tzinfo=UTC)
    posts = []
    for i, size in enumerate(THREAD_SIZES):
        author = AUTHORS[i % 4] if i % 9 != 8 else AUTHORS[4]
        lang = "ru" if author["login"] == "dmitri" else ("es" if i % 7 == 3 else "en")
        at = _when(rng, start + timedelta(days=7 * i + rng.randint(0, 3)))
        classic = i % 5 == 4
        image = None
        if rng.random() < 0.35:
            image = f"{site_url}wp-content/uploads/{at:%Y/%m}/photo-{i}.png"
        post = {
            "key": f"p{i}",
            "type": "post",
            "title": textgen.make_title(rng, lang),
            "content": _content(rng, lang, image, classic),
            "author": author["login"],
            "date_gmt": at.strftime("%Y-%m-%d %H:%M:%S"),
            "category": CATEGORIES[rng.randrange(len(CATEGORIES))],
            "tags": rng.sample(TAGS, rng.randint(0, 3)),
            "comment_status": "closed" if i % 6 == 5 else "open",
            "comments": _comments(rng, size, at, author["login"], lang),
            "image_file": f"{at:%Y/%m}/photo-{i}.png" if image else None,
        }
        if i % 4 == 1:
            later = at + timedelta(days=rng.randint(1, 40), hours=rng.randint(0, 12))
            post["update"] = {
                "modified_gmt": later.strftime("%Y-%m-%d %H:%M:%S"),
                "paragraph": "Update: " + textgen.make_paragraph(rng, lang),
            }
        posts.append(post)
    posts[2]["title"] = "Farmers’ “quiet” revolution — what O'Neill's report found"
    posts[5]["title"] = "The \"cheap\" fuel that wasn't: Havana's long queues"
    for k, (title, text) in enumerate(PAGES):
        posts.append(
            {
                "key": f"page{k}",
                "type": "page",
                "title": title,
                "content": _block("p", text),
                "author": "admin",
                "date_gmt": "2022-08-01 12:00:00",
                "comment_status": "closed",
                "comments": [],
            }
        )
    return {
        "options": site_options(),
        "users": AUTHORS,
        "categories": CATEGORIES,
        "posts": posts,
        "pingbacks": [
            {"post": "p1", "source": "https://other-blog.example.com/2022/10/reply/"},
            {"post": "p3", "source": "https://elsewhere.example.org/notes/"},
        ],
    }


def install_and_fill(site: Any) -> Any:
    """Install WordPress on a started ``WordPressSite``, fill it with the plan,
    and return what WordPress says it holds (``php/truth.php``): the one setup
    the tests, ``python -m tests.wordpress`` and ``bench/wordpress.py`` share."""
    site.php("install.php", {"title": "Caribbean Ledger", "user": "admin",
                             "email": "admin@example.org", "password": "admin-pw"})  # fmt: skip
    site.php("fill.php", plan(site.url))
    return site.php("truth.php")


def configure(site: Any, theme: str, order: str) -> dict:
    """Switch the theme and which comment page comes first; WordPress's answer."""
    return site.php("options.php", {"theme": theme, "options": {"default_comments_page": order}})
