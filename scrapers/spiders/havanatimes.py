"""Havana Times (https://havanatimes.org/): the WordPress spider plus a profile."""

from __future__ import annotations

from scrapers.profiles import PROFILES
from scrapers.spiders.wordpress import WordPressSpider


class HavanaTimesSpider(WordPressSpider):
    name = "havanatimes"
    profile = PROFILES["havanatimes"]
