"""Spiders: they discover and fetch; parsing is done by ``scrapers.parsers``."""
