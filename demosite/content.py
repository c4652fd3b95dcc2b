"""Article bodies and comment threads, generated on demand from per-post seeds.

Kept out of the model so that building a 10,000-post site stays cheap; an LRU
keeps the recently rendered posts' text around for listing excerpts and the
"recent comments" widget.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache

from demosite import textgen, words
from demosite.model import COMMENTS_PER_PAGE, MAX_DEPTH, Post, Site, aware


@dataclass(slots=True)
class Block:
    """One block of entry-content: ``kind`` is "p", "h2" or "quote" (text), or a
    picture: "caption" (with a caption and a credit), "image" (alt text only,
    a credit line under it where ``credit`` is set) or "gallery" (``items``:
    captioned pictures); ``link_words`` > 0 wraps that many leading words in a
    link."""

    kind: str
    text: str
    link_words: int = 0
    src: str = ""  # a picture's file name (under the post's uploads folder)
    credit: str = ""  # photographer or agency, printed after a label ("Photo: EFE")
    alt: str = ""
    items: tuple[Block, ...] = ()  # a gallery's pictures


TEXT_KINDS = frozenset(["p", "h2", "quote"])
PICTURE_KINDS = frozenset(["caption", "image", "gallery"])


@dataclass(slots=True)
class Reply:
    """One comment or pingback as stored by WordPress."""

    id: int
    parent: int | None
    author: str
    author_url: str | None
    published: datetime  # aware, site time zone
    text: str
    kind: str  # "comment" or "pingback"
    depth: int = 0  # 0 = top level
    page: int = 1  # comment page it is shown on
    by_post_author: bool = False


@dataclass(slots=True)
class Content:
    blocks: list[Block]
    comments: list[Reply]  # document (thread) order across all comment pages
    image: str | None

    @property
    def body(self) -> str:
        """The article's text: captions and credits are media, not body."""
        return "\n\n".join(b.text for b in self.blocks if b.kind in TEXT_KINDS)

    def pictures(self) -> list[Block]:
        """Every picture in page order (a gallery's one by one)."""
        out: list[Block] = []
        for b in self.blocks:
            out += list(b.items) if b.kind == "gallery" else [b] if b.kind in PICTURE_KINDS else []
        return out

    @property
    def comment_pages(self) -> int:
        return max((c.page for c in self.comments), default=1)

    def excerpt(self, words_: int = 55) -> str:
        text = next((b.text for b in self.blocks if b.kind == "p"), "")
        parts = text.split()
        return " ".join(parts[:words_]) + (" […]" if len(parts) > words_ else "")


_CAPTIONS = {
    "en": "A street scene in {place}.",
    "es": "Una calle de {place}.",
    "ru": "Улица в {place}.",
}
CREDIT_LABELS = {"en": "Photo:", "es": "Foto:", "ru": "Фото:"}
_ALTS = {"en": "View of {place}", "es": "Vista de {place}", "ru": "Вид: {place}"}
_GALLERY = {
    "en": [
        "The market in {place} at dawn.",
        "Queues outside a shop.",
        "Evening on the waterfront.",
    ],
    "es": [
        "El mercado de {place} al amanecer.",
        "Colas ante una tienda.",
        "La tarde en el puerto.",
    ],
    "ru": ["Рынок в {place} на рассвете.", "Очередь у магазина.", "Вечер на набережной."],
}
_PLACES = {"en": words.EN["place"], "es": words.ES["place"], "ru": words.RU["place"]}


def content(site: Site, post: Post) -> Content:
    """The post's body and comment thread (cached), with its changes applied."""
    if post.changes is None:
        return _content(site, post.idx)
    return _changed(site, post.idx, site.version)


@lru_cache(maxsize=256)
def _changed(site: Site, idx: int, version: int) -> Content:
    """Generated content plus edits, new comments, removals (``Site.edit_*``)."""
    post = site.posts[idx]
    base, ch = _content(site, idx), post.changes
    blocks = base.blocks + [Block("p", text) for text in ch.paragraphs]
    replies = [replace(r) for r in base.comments]
    for cid, parent, author, text, when in ch.added:
        replies.append(Reply(cid, parent, author, None, when, text, "comment"))
    by_id = {r.id: r for r in replies}
    kept: list[Reply] = []
    for r in replies:  # parents come before their replies
        parent = by_id.get(r.parent) if r.parent is not None else None
        if r.id in ch.removed or (r.parent is not None and (parent is None or parent.page < 0)):
            r.page = -1  # hidden, and so are its replies
            continue
        r.depth = parent.depth + 1 if parent else 0
        r.text = ch.texts.get(r.id, r.text)
        kept.append(r)
    return Content(blocks, _thread_order(kept), base.image)


@lru_cache(maxsize=4096)
def _content(site: Site, idx: int) -> Content:
    post = site.posts[idx]
    if post.special == "reference":
        return _reference(site, post)
    rng = random.Random(f"demosite:{site.seed}:body:{idx}")
    blocks: list[Block] = []
    image = None
    if rng.random() < 0.3:
        image = f"photo-{post.post_id}.jpg"
        place = rng.choice(_PLACES[post.lang])
        cap = _CAPTIONS[post.lang].format(place=place)
        blocks.append(Block("caption", cap, src=image, credit=rng.choice(words.AGENCIES)))
    n = rng.randint(3, 15)
    for i, text in enumerate(textgen.make_paragraphs(rng, post.lang, n)):
        kind = "p"
        if i and n > 6 and rng.random() < 0.08:
            blocks.append(Block("h2", textgen.make_title(rng, post.lang)))
        if i and rng.random() < 0.06:
            kind = "quote"
        link = rng.randint(2, 4) if kind == "p" and rng.random() < 0.2 else 0
        blocks.append(Block(kind, text, link))
    comments = _comments(site, post, rng)
    return Content(_more_pictures(site, post, blocks), comments, image)


def _more_pictures(site: Site, post: Post, blocks: list[Block]) -> list[Block]:
    """Pictures inside the text, from a random stream of their own (the text and
    the thread stay as they were without them): a picture with only alt text
    (some with a credit line under it), and a gallery of captioned pictures."""
    rng = random.Random(f"demosite:{site.seed}:media:{post.idx}")
    place = rng.choice(_PLACES[post.lang])
    out = list(blocks)
    if rng.random() < 0.25 and len(out) > 3:
        credit = rng.choice(words.AGENCIES) if rng.random() < 0.5 else ""
        alt = _ALTS[post.lang].format(place=place)
        out.insert(2, Block("image", "", src=f"inline-{post.post_id}.jpg", credit=credit, alt=alt))
    if rng.random() < 0.12 and len(out) > 2:
        items = tuple(
            Block("caption", text.format(place=place), src=f"gallery-{post.post_id}-{k}.jpg")
            for k, text in enumerate(_GALLERY[post.lang])
        )
        out.insert(len(out) - 1, Block("gallery", "", items=items))
    return out


def _comments(site: Site, post: Post, rng: random.Random) -> list[Reply]:
    total = post.n_comments
    start = post.published.replace(tzinfo=None)
    offsets = sorted(rng.randint(5, 60 * 24 * (3 if total < 30 else 12)) for _ in range(total))
    ping_at = set(rng.sample(range(total), post.n_pings)) if post.n_pings else set()
    names = words.COMMENTERS[post.lang]
    made: list[Reply] = []
    for k, minutes in enumerate(offsets):
        cid = post.comment_id_base + k
        when = aware(start + timedelta(minutes=minutes))
        if k in ping_at:
            name, home = rng.choice(words.PING_SITES)
            slug = textgen.slugify(textgen.make_title(rng, "en"))
            made.append(
                Reply(
                    cid,
                    None,
                    f"{name} » {post.title}",
                    f"{home}/{when:%Y/%m}/{slug}/",
                    when,
                    "",
                    "pingback",
                )
            )
            continue
        top_p = 0.78 if post.special and post.special.startswith("long") else 0.6
        parents = [c for c in made if c.kind == "comment" and c.depth < MAX_DEPTH - 1]
        parent = None
        if parents and rng.random() > top_p:
            parent = rng.choice(parents[-6:])
        by_author = parent is not None and rng.random() < 0.15
        if by_author:
            name, url = post.authors[0].name, None
        else:
            name = rng.choice(names)
            url = None
            if rng.random() < 0.25:
                url = f"https://{textgen.slugify(name) or 'blog'}.example.net/"
        text = textgen.make_comment_text(rng, post.lang)
        depth = parent.depth + 1 if parent else 0
        made.append(
            Reply(
                cid,
                parent.id if parent else None,
                name,
                url,
                when,
                text,
                "comment",
                depth,
                1,
                by_author,
            )
        )
    return _thread_order(made)


def _thread_order(made: list[Reply]) -> list[Reply]:
    """Depth-first, oldest first, with top-level threads paged 50 to a page."""
    children: dict[int | None, list[Reply]] = {}
    for c in made:
        children.setdefault(c.parent, []).append(c)
    out: list[Reply] = []

    def walk(c: Reply, page: int) -> None:
        c.page = page
        out.append(c)
        for ch in children.get(c.id, []):
            walk(ch, page)

    for i, top in enumerate(children.get(None, [])):
        walk(top, i // COMMENTS_PER_PAGE + 1)
    return out


def _reference(site: Site, post: Post) -> Content:
    ref = site.reference
    caption, credit = ref["caption"].rsplit(" Photo: ", 1)
    picture = Block("caption", caption, src=ref["image"], credit=credit)
    blocks = [picture] + [Block("p", t) for t in ref["paragraphs"]]
    comments = []
    for k, c in enumerate(ref["comments"]):
        when = aware(datetime.fromisoformat(c["published"]))
        comments.append(
            Reply(
                post.comment_id_base + k,
                None,
                c["author"],
                c["author_url"],
                when,
                c["text"],
                "comment",
            )
        )
    return Content(blocks, comments, ref["image"])
