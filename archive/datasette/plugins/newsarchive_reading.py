"""Datasette plugin: the reading room, pages to read the archive as evidence.

- ``/DB/articles/ID``: the article page (it takes the place of Datasette's
  row page; the row as data stays at ``/DB/articles/ID.json`` and in the
  table): text, byline, dates, media captions, the nested thread with
  removals and edits, versions and what changed, every capture with its
  WARC record (and replay, where configured), comments over time.
- ``/DB/authors/ID``: an author's articles by date, with comment counts.
- ``/DB/sites`` and ``/DB/sites/HOST``: articles and comments per day.

Loaded by ``newsarchive serve`` with ``--plugins-dir``; its templates come
with ``--template-dir`` (both in ``archive.datasette.datasette_command``).
Replay links: plugin setting ``newsarchive.replay_url`` in the metadata
(``newsarchive serve --replay URL`` sets it through NEWSARCHIVE_REPLAY_URL).
Each page reads the database in one ``execute_fn`` call.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Response

from archive.datasette.reading.pages import Links, article_context, author_context, site_context
from archive.datasette.reading.queries import has_table, load_article, load_author, load_site

PLUGIN = "newsarchive"
DB = r"/(?P<database>[^/.]+)"
View = Callable[[Any, Any], Awaitable[Response]]


class Missing(Exception):
    """What a URL names is not in the archive: a 404 page."""


def page(view: View) -> View:
    """A view whose ``Missing`` becomes Datasette's 404 page (raised as
    Datasette's own ``NotFound``, it would also print a traceback per request)."""

    @functools.wraps(view)
    async def wrapped(datasette: Any, request: Any) -> Response:
        try:
            return await view(datasette, request)
        except Missing as exc:
            context = {"ok": False, "error": str(exc), "status": 404, "title": "Not found"}
            html = await datasette.render_template("error.html", context, request=request)
            return Response.html(html, status=404)

    return wrapped


async def _database(datasette: Any, request: Any, tables: list[str]) -> Any:
    """The database named in the URL, after Datasette's permission checks."""
    route = request.url_vars["database"]
    try:
        db = datasette.get_database(route=route)
    except KeyError:
        raise Missing(f"Database not found: {route}") from None
    checks: list[Any] = [("view-table", (db.name, t)) for t in tables]
    await datasette.ensure_permissions(
        request.actor, [*checks, ("view-database", db.name), "view-instance"]
    )
    if not await db.execute_fn(lambda conn: all(has_table(conn, t) for t in tables)):
        raise Missing(f"{db.name} is not a newsarchive archive (no {', '.join(tables)})")
    return db


def _links(datasette: Any, db: Any) -> Links:
    config = datasette.plugin_config(PLUGIN) or {}
    return Links(datasette.urls, db.name, config.get("replay_url") or None)


async def _render(datasette: Any, request: Any, template: str, db: Any, context: dict) -> Response:
    html = await datasette.render_template(
        [f"newsarchive/{template}"],
        {**context, "database": db.name},
        request=request,
        view_name=f"newsarchive-{template.removesuffix('.html')}",
    )
    return Response.html(html)


@page
async def article_page(datasette: Any, request: Any) -> Response:
    db = await _database(datasette, request, ["articles", "comments", "article_versions"])
    diff = await datasette.get_canned_query(db.name, "article_diff", request.actor)
    diff_sql = diff["sql"] if diff else None
    article_id = request.url_vars["pk"]
    data = await db.execute_fn(lambda conn: load_article(conn, article_id, diff_sql))
    if data is None:
        raise Missing(f"No article {article_id}")
    context = article_context(data, _links(datasette, db))
    return await _render(datasette, request, "article.html", db, context)


@page
async def author_page(datasette: Any, request: Any) -> Response:
    db = await _database(datasette, request, ["authors", "articles", "article_authors"])
    author_id = request.url_vars["pk"]
    data = await db.execute_fn(lambda conn: load_author(conn, author_id))
    if data is None:
        raise Missing(f"No author {author_id}")
    context = author_context(data, _links(datasette, db))
    return await _render(datasette, request, "author.html", db, context)


@page
async def site_page(datasette: Any, request: Any) -> Response:
    db = await _database(datasette, request, ["articles", "comments"])
    site = request.url_vars.get("site")
    data = await db.execute_fn(lambda conn: load_site(conn, site))
    if site and not data["sites"]:
        raise Missing(f"No articles from {site}")
    context = site_context(data, _links(datasette, db))
    return await _render(datasette, request, "site.html", db, context)


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    # HTML only: a path with a format extension (.json, .csv) is Datasette's row.
    return [
        (DB + r"/articles/(?P<pk>[^/.]+)$", article_page),
        (DB + r"/authors/(?P<pk>[^/.]+)$", author_page),
        (DB + r"/sites$", site_page),
        (DB + r"/sites/(?P<site>[^/]+)$", site_page),
    ]
