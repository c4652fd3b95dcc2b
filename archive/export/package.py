"""``datapackage.json`` and the ``README.md`` data card of an export.

The descriptor follows the Frictionless Data Package (v2) layout: one
tabular resource per file with its Table Schema, keys, row count, size and
sha256, so ``frictionless validate datapackage.json`` checks the files.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from archive import __version__
from archive.export.fields import FOREIGN_KEYS, PRIMARY_KEYS, RESOURCES

MEDIATYPES = {
    "csv": "text/csv",
    "jsonl": "application/jsonl",
    "parquet": "application/vnd.apache.parquet",
}
LICENSE_NOTE = (
    "The texts belong to their authors and publishers; the archive is kept as evidence for "
    "research. Check your right to redistribute before publishing the data."
)


def sha256_file(path: Path) -> str:
    """Hash in 1 MiB chunks: constant memory for any file size."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _schema(name: str) -> dict[str, Any]:
    fields = []
    for f in RESOURCES[name]:
        field: dict[str, Any] = {"name": f.name, "type": f.type, "description": f.description}
        if f.type == "datetime":
            field["format"] = "%Y-%m-%dT%H:%M:%SZ"
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "primaryKey": [PRIMARY_KEYS[name]]}
    if name in FOREIGN_KEYS:
        schema["foreignKeys"] = [
            {
                "fields": [fk["fields"]],
                "reference": {
                    # "" is the resource itself in Table Schema (reply -> parent comment).
                    "resource": "" if fk["reference"]["resource"] == name else "articles",
                    "fields": [fk["reference"]["fields"]],
                },
            }
            for fk in FOREIGN_KEYS[name]
        ]
    return schema


def resource_descriptor(name: str, path: Path, fmt: str, rows: int) -> dict[str, Any]:
    res: dict[str, Any] = {
        "name": name,
        "type": "table",
        "path": path.name,
        "format": fmt,
        "mediatype": MEDIATYPES[fmt],
        "rows": rows,
        "bytes": path.stat().st_size,
        "hash": f"sha256:{sha256_file(path)}",
        "schema": _schema(name),
    }
    if fmt == "csv":
        res["encoding"] = "utf-8"
        res["dialect"] = {"csv": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"'}}
    elif fmt == "jsonl":
        res["encoding"] = "utf-8"
    return res


def datapackage(
    resources: list[dict[str, Any]], *, created: str, selection: dict[str, Any]
) -> dict[str, Any]:
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "newsarchive-export",
        "title": "News articles and their reader comments (newsarchive export)",
        "description": (
            "Articles, reader comments, authors and the articles' media (pictures with their "
            "captions and credits) archived by newsarchive. Ids are stable across exports: "
            "comments.article_id, media.article_id and articles.author_ids join the files."
        ),
        "version": "1.0.0",
        "created": created,
        "licenses": [{"name": "other-at", "title": LICENSE_NOTE}],
        "sources": [{"title": "newsarchive crawls (SQLite archive and WARC files)"}],
        "contributors": [{"title": f"newsarchive {__version__}", "roles": ["creator"]}],
        "newsarchive": {"selection": selection, "version": __version__},
        "resources": resources,
    }


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
