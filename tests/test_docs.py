"""Docs that cannot drift: every command, setting and spider is in the README."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

import settings
from archive.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_archive_setting_is_documented():
    names = [n for n in vars(settings) if n.startswith("ARCHIVE_")]
    assert names
    missing = [n for n in names if f"`{n}`" not in README]
    assert not missing


def test_every_command_is_documented_and_has_help():
    runner = CliRunner()
    for name, command in main.commands.items():
        assert f"newsarchive {name}" in README, name
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and command.help, name
        assert "Example" in result.output, f"{name} --help shows no example"


def test_every_spider_is_documented():
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    for name in SpiderLoader.from_settings(get_project_settings()).list():
        assert re.search(rf"`{name}`", README), name


def test_quick_start_commands_exist():
    makefile = (ROOT / "Makefile").read_text()
    assert "make demo" in README and "make test" in README
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
