"""Comment sections in the two markups WordPress themes actually produce.

classic: twentyten/twentytwelve (``ol.commentlist``, ``li#li-comment-N``,
``cite.fn``, date as words only).  modern: the core HTML5 walker used by
twentynineteen and later (``ol.comment-list``, ``article.comment-body``,
``b.fn``, ``<time datetime>``).
"""

from __future__ import annotations

import hashlib

from demosite.content import Content, Reply
from demosite.fmt import attr, autop, comment_date_text, esc, iso
from demosite.model import Post

L10N = {
    "en": {"says": "says:", "reply": "Reply", "leave": "Leave a Reply", "closed": "Comments are closed.",
           "older": "Older Comments", "newer": "Newer Comments", "by": "By", "and": "and",
           "posted_in": "Posted in", "tagged": "Tagged", "submit": "Post Comment", "name": "Name",
           "comment": "Comment"},
    "es": {"says": "dice:", "reply": "Responder", "leave": "Deja una respuesta",
           "closed": "Los comentarios están cerrados.", "older": "Comentarios anteriores",
           "newer": "Comentarios siguientes", "by": "Por", "and": "y", "posted_in": "Publicado en",
           "tagged": "Etiquetado", "submit": "Publicar el comentario", "name": "Nombre",
           "comment": "Comentario"},
    "ru": {"says": "говорит:", "reply": "Ответить", "leave": "Добавить комментарий",
           "closed": "Комментарии закрыты.", "older": "Предыдущие комментарии",
           "newer": "Следующие комментарии", "by": "Автор:", "and": "и", "posted_in": "Рубрика:",
           "tagged": "Метки:", "submit": "Отправить комментарий", "name": "Имя",
           "comment": "Комментарий"},
}  # fmt: skip


def comments_title(post: Post, n: int) -> str:
    """The heading with the declared count, per theme and language."""
    t = esc(post.title)
    if post.lang == "es":
        return f"Un comentario en «{t}»" if n == 1 else f"{n} comentarios en «{t}»"
    if post.lang == "ru":
        return f"Комментарии ({n}) к записи «{t}»"
    if post.theme == "classic":
        return (
            f"One thought on &ldquo;<span>{t}</span>&rdquo;"
            if n == 1
            else f"{n} thoughts on &ldquo;<span>{t}</span>&rdquo;"
        )
    return "1 comment" if n == 1 else f"{n} comments"


def _avatar(name: str, size: int) -> str:
    h = hashlib.md5(name.encode("utf-8")).hexdigest()
    src = f"https://secure.gravatar.com/avatar/{h}?s={size}&#038;d=mm&#038;r=g"
    return (
        f"<img alt='' src='{src}' srcset='https://secure.gravatar.com/avatar/{h}?s={size * 2}&#038;d=mm&#038;r=g 2x' "
        f"class='avatar avatar-{size} photo' height='{size}' width='{size}' loading='lazy' decoding='async'/>"
    )


class _Walker:
    """Renders one comment page: classes alternate like Walker_Comment's."""

    def __init__(self, base: str, post: Post, c: Content, page: int) -> None:
        self.base, self.post, self.c, self.page = base, post, c, page
        self.url = base + post.path
        self.alt = 0
        self.thread = 0
        self.open = post.comment_status == "open"
        self.children: dict[int, list[Reply]] = {}
        for r in c.comments:
            if r.parent is not None:
                self.children.setdefault(r.parent, []).append(r)
        self.t = L10N[post.lang]

    def page_url(self, page: int) -> str:
        return self.base + self.post.comment_page_path(page, self.c.comment_pages)

    def permalink(self, r: Reply) -> str:
        return f"{self.page_url(r.page)}#comment-{r.id}"

    def classes(self, r: Reply) -> str:
        cls = ["comment", "odd alt" if self.alt % 2 else "even"]
        self.alt += 1
        if r.depth == 0:
            cls.append("thread-odd thread-alt" if self.thread % 2 else "thread-even")
            self.thread += 1
        if r.by_post_author:
            cls[0:1] = [
                "comment",
                "byuser",
                f"comment-author-{self.post.authors[0].slug}",
                "bypostauthor",
            ]
        cls.append(f"depth-{r.depth + 1}")
        if r.id in self.children:
            cls.append("parent")
        return " ".join(cls)

    def reply_link(self, r: Reply, below: str) -> str:
        if not self.open or r.depth >= 4:
            return ""
        return (
            f"<div class=\"reply\"><a rel='nofollow' class='comment-reply-link' href='{self.url}?replytocom={r.id}#respond' "
            f'data-commentid="{r.id}" data-postid="{self.post.post_id}" data-belowelement="{below}" '
            f'data-respondelement="respond" data-replyto="Reply to {attr(r.author)}" '
            f"aria-label='Reply to {attr(r.author)}'>{self.t['reply']}</a></div>"
        )

    def who(self, r: Reply, tag: str) -> str:
        name = esc(r.author)
        if r.author_url:
            name = (
                f"<a href='{attr(r.author_url)}' class='url' rel='ugc external nofollow'>{name}</a>"
            )
        return f'<{tag} class="fn">{name}</{tag}>'

    def ping(self, r: Reply) -> str:
        self.alt += 1
        return (
            f'<li class="pingback" id="comment-{r.id}"><div class="comment-body">Pingback: '
            f"<a href='{attr(r.author_url or '')}' class='url' rel='ugc external nofollow'>{esc(r.author)}</a>"
            "</div></li>\n"
        )

    def classic(self, r: Reply) -> str:
        if r.kind == "pingback":
            return self.ping(r)
        cls = self.classes(r)
        out = [
            f'<li class="{cls}" id="li-comment-{r.id}">\n<div id="comment-{r.id}">\n'
            f'<div class="comment-author vcard">{_avatar(r.author, 40)}{self.who(r, "cite")} '
            f'<span class="says">{self.t["says"]}</span></div><!-- .comment-author .vcard -->\n'
            f'<div class="comment-meta commentmetadata"><a href="{self.permalink(r)}">'
            f"{comment_date_text(r.published, self.post.lang)}</a></div><!-- .comment-meta .commentmetadata -->\n"
            f"{autop(r.text)}\n{self.reply_link(r, f'comment-{r.id}')}\n</div><!-- #comment-## -->\n"
        ]
        kids = self.children.get(r.id)
        if kids:
            out.append(
                '<ul class="children">\n' + "".join(self.classic(k) for k in kids) + "</ul>\n"
            )
        out.append("</li><!-- #comment-## -->\n")
        return "".join(out)

    def modern(self, r: Reply) -> str:
        if r.kind == "pingback":
            return self.ping(r)
        cls = self.classes(r)
        out = [
            f'<li id="comment-{r.id}" class="{cls}">\n<article id="div-comment-{r.id}" class="comment-body">\n'
            f'<footer class="comment-meta">\n<div class="comment-author vcard">{_avatar(r.author, 60)}'
            f'{self.who(r, "b")} <span class="says">{self.t["says"]}</span></div><!-- .comment-author -->\n'
            f'<div class="comment-metadata"><a href="{self.permalink(r)}"><time datetime="{iso(r.published)}">'
            f"{comment_date_text(r.published, self.post.lang)}</time></a></div><!-- .comment-metadata -->\n"
            f'</footer><!-- .comment-meta -->\n<div class="comment-content">\n{autop(r.text)}\n</div><!-- .comment-content -->\n'
            f"{self.reply_link(r, f'div-comment-{r.id}')}\n</article><!-- .comment-body -->\n"
        ]
        kids = self.children.get(r.id)
        if kids:
            out.append(
                '<ol class="children">\n' + "".join(self.modern(k) for k in kids) + "</ol>\n"
            )
        out.append("</li><!-- #comment-## -->\n")
        return "".join(out)

    def nav(self, modern: bool) -> str:
        pages = self.c.comment_pages
        if pages < 2:
            return ""
        parts = []
        if self.page > 1:
            prev = self.page_url(self.page - 1)
            parts.append(
                f'<div class="nav-previous"><a href="{prev}#comments">&larr; {self.t["older"]}</a></div>'
            )
        if self.page < pages:
            nxt = f"{self.page_url(self.page + 1)}#comments"
            parts.append(
                f'<div class="nav-next"><a href="{nxt}">{self.t["newer"]} &rarr;</a></div>'
            )
        links = f'<div class="nav-links">{"".join(parts)}</div>'
        if modern:
            return (
                '<nav class="navigation comment-navigation" aria-label="Comments">'
                f'<h2 class="screen-reader-text">Comments navigation</h2>{links}</nav>\n'
            )
        return f'<div class="navigation comment-navigation">{links}</div>\n'


def respond_form(base: str, post: Post) -> str:
    """The comment form WordPress prints when comments are open."""
    t = L10N[post.lang]
    return (
        '<div id="respond" class="comment-respond">\n'
        f'<h3 id="reply-title" class="comment-reply-title">{t["leave"]} <small><a rel="nofollow" '
        f'id="cancel-comment-reply-link" href="{base}{post.path}#respond" style="display:none;">Cancel reply</a></small></h3>'
        f'<form action="{base}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>'
        '<p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> '
        '<span class="required-field-message">Required fields are marked <span class="required">*</span></span></p>'
        f'<p class="comment-form-comment"><label for="comment">{t["comment"]} <span class="required">*</span></label> '
        '<textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>'
        f'<p class="comment-form-author"><label for="author">{t["name"]} <span class="required">*</span></label> '
        '<input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required /></p>'
        '<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> '
        '<input id="email" name="email" type="email" value="" size="30" maxlength="100" autocomplete="email" required /></p>'
        '<p class="comment-form-url"><label for="url">Website</label> '
        '<input id="url" name="url" type="url" value="" size="30" maxlength="200" autocomplete="url" /></p>'
        f'<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="{t["submit"]}" /> '
        f"<input type='hidden' name='comment_post_ID' value='{post.post_id}' id='comment_post_ID' />"
        "<input type='hidden' name='comment_parent' id='comment_parent' value='0' /></p></form>\n"
        "</div><!-- #respond -->\n"
    )


def comments_section(base: str, post: Post, c: Content, page: int) -> str:
    """``#comments`` for one comment page; empty when comments are off."""
    if post.embed == "disqus":
        return disqus_section(post)
    if post.comment_status == "off":
        return ""
    modern = post.theme == "modern"
    w = _Walker(base, post, c, page)
    t = L10N[post.lang]
    out = ['<div id="comments" class="comments-area">\n' if modern else '<div id="comments">\n']
    if c.comments:
        out.append(f'<h2 class="comments-title">{comments_title(post, len(c.comments))}</h2>\n')
        out.append(w.nav(modern))
        shown = [r for r in c.comments if r.page == page and r.parent is None]
        if post.comment_order == "newest":  # and comment_order=desc: newest thread on top
            shown.reverse()
        if modern:
            out.append(
                '<ol class="comment-list">\n' + "".join(w.modern(r) for r in shown) + "</ol>\n"
            )
        else:
            out.append(
                '<ol class="commentlist">\n' + "".join(w.classic(r) for r in shown) + "</ol>\n"
            )
        out.append(w.nav(modern))
    elif post.special == "heading-empty":
        out.append(f'<h2 class="comments-title">{t["comment"]}s</h2>\n<p class="no-comments-yet">'
                   "Be the first to comment.</p>\n")  # fmt: skip
    if post.comment_status == "open":
        out.append(respond_form(base, post))
    elif modern:
        out.append(f'<p class="no-comments">{t["closed"]}</p>\n')
    else:
        out.append(f'<p class="nocomments">{t["closed"]}</p>\n')
    out.append("</div><!-- #comments -->\n")
    return "".join(out)


def disqus_thread_id(post: Post) -> str:
    """The identifier the Disqus plugin gives the post's thread."""
    return f"meridian-{post.post_id}"


def disqus_section(post: Post) -> str:
    """What the Disqus plugin prints instead of the WordPress thread: an empty
    holder filled by a script, so the page itself holds no comments."""
    return (
        '<div id="disqus_thread"></div>\n<script>\nvar disqus_config = function () {\n'
        f"  this.page.identifier = '{disqus_thread_id(post)}';\n"
        f"  this.page.title = '{attr(post.title)}';\n}};\n"
        "(function() { var d = document, s = d.createElement('script');\n"
        "  s.src = 'https://meridian-demo.disqus.com/embed.js';\n"
        "  s.setAttribute('data-timestamp', +new Date()); (d.head || d.body).appendChild(s); })();\n"
        "</script>\n<noscript>Please enable JavaScript to view the comments.</noscript>\n"
    )
