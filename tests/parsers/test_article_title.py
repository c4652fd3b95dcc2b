"""Headline selection and site-name stripping."""

from __future__ import annotations

import lxml.html
import pytest

from scrapers.parsers.metadata import collect_metadata
from scrapers.parsers.title import extract_title, strip_site_name


@pytest.mark.parametrize(
    ("raw", "site", "bare"),
    [
        ("Putin backs Maduro | Havana Times", "Havana Times", "Putin backs Maduro"),
        ("Putin backs Maduro - Havana Times", None, "Putin backs Maduro"),
        ("Havana Times » Putin backs Maduro", "Havana Times", "Putin backs Maduro"),
        ("Putin backs Maduro", None, "Putin backs Maduro"),
        (
            "Q&A: what the new law means for renters | City Paper",
            "City Paper",
            "Q&A: what the new law means for renters",
        ),
    ],
)
def test_strip_site_name(raw, site, bare):
    assert strip_site_name(raw, site) == bare


def _title(html: str, site: str | None = None, selector: str | None = None) -> str | None:
    doc = lxml.html.document_fromstring(html)
    return extract_title(doc, collect_metadata(doc), site_name=site, selector=selector)


def test_h1_agreeing_with_title_tag_wins():
    html = "<title>Big News Today | Site</title><h1>Big News Today</h1><h1>Other</h1>"
    assert _title(html) == "Big News Today"


def test_logo_heading_is_skipped():
    html = (
        '<title>Ski touring in Norway | Columbus</title><h1 class="site-title">Columbus</h1>'
        "<article><h1>Ski touring in Norway</h1></article>"
    )
    assert _title(html, site="Columbus") == "Ski touring in Norway"


def test_og_title_without_heading():
    html = '<meta property="og:title" content="Rates rise again - Daily"><title>x</title><p>t</p>'
    assert _title(html) == "Rates rise again"


def test_selector_override():
    html = '<title>A | B</title><h1>A</h1><div class="kicker">Custom headline</div>'
    assert _title(html, selector=".kicker") == "Custom headline"


def test_bad_selector_is_ignored():
    assert _title("<title>A b | S</title><h1>A b</h1>", selector="[[[") == "A b"
