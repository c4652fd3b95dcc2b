"""File names built from outside text stay file names.

WARC file names carry a prefix (a setting) and the host name; WACZ members
and exports are named from database rows.  None of these may climb out of
the folder they are written to or read from (``../``, ``/``, ``\\``, NUL).
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_component(text: str, fallback: str = "x") -> str:
    """One safe path component: letters, digits, ``. _ -``; no leading dot.

    >>> safe_component("../../etc/passwd"), safe_component("news archive"), safe_component("..")
    ('etc_passwd', 'news_archive', 'x')
    """
    cleaned = _UNSAFE.sub("_", text).strip("._") or fallback
    return cleaned[:100]


def is_plain_name(name: str) -> bool:
    """Whether a stored file name is a bare name (no folder part, not ``..``).

    >>> is_plain_name("a.warc.gz"), is_plain_name("../a.warc.gz"), is_plain_name("/etc/x")
    (True, False, False)
    """
    return bool(name) and name not in (".", "..") and not re.search(r"[/\\\x00]", name)
