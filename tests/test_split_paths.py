"""The names other code imports from the split modules stay importable there.

``archive/warc.py`` and ``scrapers/parsers/boilerplate.py`` were split into
modules with one job each; their ``__all__`` lists what callers, settings and
docs may import from the old paths, and each name is the object the new
module defines (not a copy that could drift).
"""

from __future__ import annotations

import importlib

import pytest

import archive.warc
import scrapers.parsers.boilerplate


@pytest.mark.parametrize("module", [archive.warc, scrapers.parsers.boilerplate])
def test_every_public_name_resolves(module):
    missing = [name for name in module.__all__ if not hasattr(module, name)]
    assert missing == []


@pytest.mark.parametrize(
    ("old", "name", "new"),
    [
        ("archive.warc", "Revisit", "archive.warc_records"),
        ("archive.warc", "NOT_MODIFIED", "archive.warc_records"),
        ("archive.warc", "payload_digest", "archive.warc_digest"),
        ("archive.warc", "recover_open_files", "archive.warc_recovery"),
        ("archive.warc", "OPEN_SUFFIX", "archive.warc_recovery"),
        ("scrapers.parsers.boilerplate", "is_boilerplate", "scrapers.parsers.boilerplate_markup"),
        ("scrapers.parsers.boilerplate", "is_hidden", "scrapers.parsers.boilerplate_markup"),
        ("scrapers.parsers.boilerplate", "EXCLUDED_REGION", "scrapers.parsers.boilerplate_markup"),
        ("scrapers.parsers.boilerplate", "LEAD", "scrapers.parsers.header_leads"),
    ],
)
def test_old_path_is_the_new_object(old, name, new):
    assert getattr(importlib.import_module(old), name) is getattr(
        importlib.import_module(new), name
    )
