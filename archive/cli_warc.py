"""Commands registered on the ``newsarchive`` group (see ``archive.cli``)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
