"""The data card (``README.md``) that travels with an export.

It answers what a reader of the files asks first: what was crawled, when,
from which sites, how many rows, what each field means, how to cite the
data and how to load it in pandas, R and DuckDB.
"""

from __future__ import annotations

from typing import Any

from archive.export.fields import RESOURCES
from archive.export.writers import FORMULA_PREFIXES

_LOAD = {
    "csv": {
        "pandas": (
            'articles = pd.read_csv("articles.csv", dtype=str, keep_default_na=False)\n'
            'comments = pd.read_csv("comments.csv", dtype=str, keep_default_na=False)'
        ),
        "R": (
            'articles <- readr::read_csv("articles.csv", col_types = readr::cols(.default = "c"))\n'
            'comments <- readr::read_csv("comments.csv", col_types = readr::cols(.default = "c"))'
        ),
        "duckdb": "select * from read_csv('comments.csv', header = true, all_varchar = true)",
    },
    "jsonl": {
        "pandas": (
            'articles = pd.read_json("articles.jsonl", lines=True)\n'
            'comments = pd.read_json("comments.jsonl", lines=True)'
        ),
        "R": (
            'articles <- jsonlite::stream_in(file("articles.jsonl"))\n'
            'comments <- jsonlite::stream_in(file("comments.jsonl"))'
        ),
        "duckdb": "select * from read_json('comments.jsonl', format = 'newline_delimited')",
    },
    "parquet": {
        "pandas": (
            'articles = pd.read_parquet("articles.parquet")\n'
            'comments = pd.read_parquet("comments.parquet")'
        ),
        "R": (
            'articles <- arrow::read_parquet("articles.parquet")\n'
            'comments <- arrow::read_parquet("comments.parquet")'
        ),
        "duckdb": "select * from 'comments.parquet'",
    },
}


def _fields_table(name: str) -> list[str]:
    lines = [f"### {name}", "", "| field | type | meaning |", "|---|---|---|"]
    lines += [f"| `{f.name}` | {f.type} | {f.description} |" for f in RESOURCES[name]]
    return [*lines, ""]


def _loading(fmt: str) -> list[str]:
    snippets = _LOAD[fmt]
    ext = fmt
    return [
        "## Loading",
        "",
        "pandas:",
        "",
        "```python",
        "import pandas as pd",
        snippets["pandas"],
        "thread = comments.merge(articles, left_on='article_id', right_on='id', "
        "suffixes=('', '_article'))",
        "```",
        "",
        "R:",
        "",
        "```r",
        snippets["R"],
        "thread <- merge(comments, articles, by.x = 'article_id', by.y = 'id')",
        "```",
        "",
        "DuckDB:",
        "",
        "```sql",
        snippets["duckdb"] + ";",
        f"select a.title, count(*) from 'comments.{ext}' c join 'articles.{ext}' a "
        "on a.id = c.article_id group by all order by 2 desc;",
        "```",
        "",
    ]


def _csv_note(fmt: str) -> list[str]:
    if fmt != "csv":
        return []
    shown = {"\t": "a tab", "\r": "a carriage return"}
    names = [shown.get(p, f"`{p}`") for p in FORMULA_PREFIXES]
    prefixes = ", ".join(names[:-1]) + " or " + names[-1]
    return [
        "## CSV conventions",
        "",
        "UTF-8 without BOM, comma-separated, RFC 4180 quoting (CRLF line ends, quotes "
        "doubled). Lists (`authors`, `author_ids`, `tags`) are JSON arrays; booleans are "
        "`true`/`false`; empty cells are missing values. To keep spreadsheets from "
        f"running text as formulas, a text cell that begins with {prefixes} "
        "has an apostrophe (`'`) put before it: strip one leading `'` from such cells to "
        "get the exact text, or use the JSON Lines or Parquet export, which are unaltered.",
        "",
    ]


def _crawled(counts: dict[str, int], prov: dict[str, Any], chosen: str) -> list[str]:
    crawls = prov["crawls"]
    sites = [f"- {site}: {n:,} articles" for site, n in prov["sites"]] or ["- (none)"]
    return [
        "## What was crawled",
        "",
        f"- Selection: {chosen}.",
        f"- Articles published {prov['first_published'] or '?'} to "
        f"{prov['last_published'] or '?'}, fetched {prov['first_fetched'] or '?'} to "
        f"{prov['last_fetched'] or '?'}.",
        f"- Crawls in the archive: {crawls['n']} ({crawls['spiders'] or 'no spider recorded'}), "
        f"{crawls['first'] or '?'} to {crawls['last'] or '?'}.",
        f"- Rows: {counts['articles']:,} articles, {counts['comments']:,} comments, "
        f"{counts['authors']:,} authors, {counts.get('media', 0):,} media (pictures and videos "
        "with their captions).",
        "",
        "Sites:",
        "",
        *sites,
        "",
        "Every page was archived byte for byte in WARC files; `capture_id` is the "
        "WARC-Record-ID of the response each row was parsed from.",
        "",
    ]


def data_card(
    *,
    fmt: str,
    counts: dict[str, int],
    prov: dict[str, Any],
    selection: dict[str, Any],
    created: str,
) -> str:
    """The README.md of an export, in Markdown."""
    chosen = ", ".join(f"{k}={v!r}" for k, v in selection.items() if v) or "the whole archive"
    lines = [
        "# News articles and reader comments (newsarchive export)",
        "",
        f"Exported {created} by newsarchive as {fmt.upper()}: `articles.{fmt}`, "
        f"`comments.{fmt}`, `authors.{fmt}`, `media.{fmt}`, described in `datapackage.json` "
        "(Frictionless Data Package: field types, row counts, sha256 of every file).",
        "",
        *_crawled(counts, prov, chosen),
        "## Files and fields",
        "",
        "Ids are stable across exports of the same archive: `comments.article_id` -> "
        "`articles.id`, `comments.parent_id` -> `comments.id` (the comment replied to), "
        "`articles.author_ids` -> `authors.id`, `media.article_id` -> `articles.id` (captions "
        "and credits are there, not in `articles.body`).",
        "",
        *_fields_table("articles"),
        *_fields_table("comments"),
        *_fields_table("authors"),
        *_fields_table("media"),
        *_csv_note(fmt),
        *_loading(fmt),
        "## How to cite",
        "",
        "Cite the original articles by their `url` and publication date. Cite this dataset as:",
        "",
        f"> newsarchive export of {chosen}, created {created}, "
        f"{counts['articles']:,} articles and {counts['comments']:,} comments "
        "(sha256 of each file in datapackage.json).",
        "",
        "## Rights",
        "",
        "The texts and comments belong to their authors and publishers. The data is "
        "archived for research; check your right to redistribute it before publishing.",
        "",
    ]
    return "\n".join(lines)
