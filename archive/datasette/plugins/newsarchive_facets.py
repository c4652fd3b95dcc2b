"""Datasette plugin for the newsarchive archive: month and author facets, and
links from an article to its thread.

Loaded by ``newsarchive serve`` (``--plugins-dir``).  Everything it renders is
built with ``markupsafe.escape``, so archived text stays text.
"""

from __future__ import annotations

import json
from typing import Any

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import (
    escape_sqlite,
    path_with_added_args,
    path_with_removed_args,
    tilde_encode,
)
from markupsafe import Markup, escape

THROUGH_AUTHOR = {"table": "article_authors", "column": "author_id"}


class MonthFacet(Facet):
    """Facet an ISO 8601 date column by month (``?_facet_month=published``).

    Datasette's own date facet counts days, too fine for years of news.
    Selecting a month filters with ``COLUMN__startswith=YYYY-MM``.
    """

    type = "month"

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results, timed_out = [], []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            col = escape_sqlite(column)
            sql = (
                f"select substr({col}, 1, 7) as value, count(*) as count from ({self.sql}) "
                f"where {col} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' "
                f"group by value order by value desc limit {size + 1}"
            )
            try:
                rows = await self.ds.execute(self.database, sql, self.params, truncate=False)
            except QueryInterrupted:
                timed_out.append(column)
                continue
            key = f"{column}__startswith"
            values = []
            for row in rows.rows[:size]:
                selected = args.get(key) == row["value"]
                change = path_with_removed_args if selected else path_with_added_args
                path = change(self.request, {key: row["value"]})
                values.append(
                    {
                        "value": row["value"],
                        "label": row["value"],
                        "count": row["count"],
                        "toggle_url": self.ds.absolute_url(self.request, path),
                        "selected": selected,
                    }
                )
            results.append(
                {
                    "name": column,
                    "type": self.type,
                    "results": values,
                    "hideable": source_and_config["source"] != "metadata",
                    "toggle_url": path_with_removed_args(self.request, {"_facet_month": column}),
                    "truncated": len(rows.rows) > size,
                }
            )
        return results, timed_out


class AuthorFacet(Facet):
    """Facet articles by author through ``article_authors`` (``?_facet_author=1``).

    Authors are many-to-many with articles, so no column of ``articles`` holds
    them; selecting one adds Datasette's own ``_through`` filter.
    """

    type = "author"

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        if not self.get_configs() or self.table != "articles":
            return [], []
        size = self.get_facet_size()
        sql = (
            "select au.id as value, au.name as label, count(*) as count "
            "from article_authors aa join authors au on au.id = aa.author_id "
            f"where aa.article_id in (select id from ({self.sql})) "
            f"group by au.id order by count desc, au.name limit {size + 1}"
        )
        try:
            rows = await self.ds.execute(self.database, sql, self.params, truncate=False)
        except QueryInterrupted:
            return [], ["author"]
        chosen = set(self.request.args.getlist("_through"))
        values = []
        for row in rows.rows[:size]:
            through = json.dumps({**THROUGH_AUTHOR, "value": row["value"]})
            selected = through in chosen
            change = path_with_removed_args if selected else path_with_added_args
            path = change(self.request, {"_through": through})
            values.append(
                {
                    "value": row["value"],
                    "label": row["label"],
                    "count": row["count"],
                    "toggle_url": self.ds.absolute_url(self.request, path),
                    "selected": selected,
                }
            )
        source = self.get_configs()[0]["source"]
        facet = {
            "name": "byline",
            "type": self.type,
            "results": values,
            "hideable": source != "metadata",
            "toggle_url": path_with_removed_args(self.request, {"_facet_author": "1"}),
            "truncated": len(rows.rows) > size,
        }
        return [facet], []


@hookimpl
def register_facet_classes() -> list[type[Facet]]:
    return [MonthFacet, AuthorFacet]


_ROW_LINKS = {"capture_id": ("captures", "WARC capture"), "crawl_id": ("crawls", "crawl")}


def _thread_link(datasette: Any, database: str, article_id: str, label: str) -> str:
    url = datasette.urls.database(database) + "/thread?article=" + str(escape(article_id))
    return f'<a href="{url}">{escape(label)}</a>'


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Markup | None:
    """``articles.comments_count`` links to the thread, ``capture_id`` and
    ``crawl_id`` link to their rows (Datasette's row page leaves foreign keys
    unlinked); in query results an ``article_id`` links to the article's row
    and thread."""
    if table == "articles" and column == "comments_count" and value is not None:
        return Markup(_thread_link(datasette, database, row["id"], f"{value} (read thread)"))
    if table in ("articles", "comments") and column in _ROW_LINKS and value is not None:
        target, label = _ROW_LINKS[column]
        url = datasette.urls.row(database, target, tilde_encode(str(value)))
        return Markup(f'<a href="{url}">{escape(label)}</a> <em>{escape(value)}</em>')
    if table is None and column == "article_id" and isinstance(value, str):
        row_url = datasette.urls.row(database, "articles", value)
        return Markup(
            f'<a href="{row_url}">{escape(value)}</a> · '
            + _thread_link(datasette, database, value, "thread")
        )
    return None
