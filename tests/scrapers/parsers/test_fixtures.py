"""Whole pages in the demo site's WordPress markups, checked field by field."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from scrapers.parsers import parse_page

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "article"


def _parse(name: str, url: str, **kw):
    return parse_page((FIXTURES / name).read_bytes(), url, **kw)


@pytest.fixture(scope="module")
def classic():
    return _parse("classic_reference.html", "https://havanatimes.org/news/putin/")


@pytest.fixture(scope="module")
def modern():
    return _parse(
        "modern_post.html", "https://diario.example/2021/03/15/la-ciudad-estrena-tranvia/"
    )


def test_classic_reference_fields(classic):
    assert classic.title == "Putin Restates Russia’s Support for Maduro in Venezuela"
    assert classic.author_names == ["Peter Spinella"]
    assert classic.authors[0].url == "https://havanatimes.org/author/peter-spinella/"
    assert classic.source == "dpa"
    assert classic.published == "2019-04-24T10:15:00-04:00"
    assert classic.modified is None
    assert classic.language == "en"
    assert classic.tags == ["Russia", "Venezuela"]
    assert classic.post_id == "149"
    assert classic.canonical_url.endswith(
        "/putin-restates-russias-support-for-maduro-in-venezuela/"
    )
    assert classic.is_article is True


def test_classic_reference_body_is_exactly_the_entry_content(classic):
    expected = (FIXTURES / "classic_reference.body.txt").read_text(encoding="utf-8")
    assert classic.body == expected
    assert "Share this" not in classic.body and "Facebook" not in classic.body
    assert "death squads" not in classic.body  # comment
    assert "<figcaption>" not in classic.body_html and "<script" not in classic.body_html


def test_classic_reference_caption_and_credit_are_media(classic):
    [photo] = classic.media
    assert photo.url == "https://havanatimes.org/wp-content/uploads/2019/04/putin.jpg"
    assert (photo.caption, photo.credit, photo.kind, photo.position) == (
        "Presidents Maduro and Putin.",
        "sputnik",
        "image",
        0,
    )
    assert "Photo: sputnik" not in classic.body


def test_modern_fields(modern):
    assert modern.title == "La ciudad estrena su nuevo tranvía"
    assert [(a.name, a.url) for a in modern.authors] == [
        ("Ana García", "https://diario.example/author/ana-garcia/"),
        ("Luis Pérez", "https://diario.example/author/luis-perez/"),
    ]
    assert modern.published == "2021-03-15T09:30:00+01:00"
    assert modern.modified == "2021-03-16T12:00:00+01:00"
    assert modern.language == "es"
    assert modern.section == "Ciudad"
    assert modern.tags == ["Transporte", "Urbanismo"]
    assert modern.site_name == "Diario del Puerto"
    assert modern.image == "https://diario.example/wp-content/uploads/2021/03/tranvia.jpg"
    assert modern.description == "El tranvía une el puerto con la estación."
    assert modern.post_id == "4711"
    assert modern.is_article is True


def test_modern_body_keeps_structure_and_drops_chrome(modern):
    paragraphs = modern.body.split("\n\n")
    assert paragraphs[0].startswith("El nuevo tranvía une")
    assert "Un proyecto de diez años" in paragraphs  # h2
    assert "El tranvía a su paso por la plaza mayor." not in modern.body  # figcaption: media
    assert [(m.url, m.caption) for m in modern.media] == [
        (
            "https://diario.example/wp-content/uploads/2021/03/tranvia.jpg",
            "El tranvía a su paso por la plaza mayor.",
        )
    ]
    assert "Es un día histórico para la ciudad y para todos sus vecinos." in paragraphs
    assert "Doce paradas en total" in paragraphs  # list item
    assert paragraphs[-1].startswith("El billete sencillo")
    for junk in ("Share this", "Related posts", "Publicado en", "Post navigation", "llevábamos"):
        assert junk not in modern.body


def test_listing_page_is_not_an_article():
    art = _parse("listing_home.html", "https://havanatimes.org/")
    assert art.is_article is False
    # the listing's links, absolute and deduplicated, for the spider to follow
    assert art.links[:4] == [
        "https://havanatimes.org/",
        "https://havanatimes.org/c/",
        "https://havanatimes.org/b/",
        "https://havanatimes.org/a/",
    ]
    assert len(art.links) == len(set(art.links))


def test_articles_carry_no_links():
    assert _parse("classic_reference.html", "https://havanatimes.org/news/putin/").links == []


def test_selectors_override_body_and_byline():
    art = _parse(
        "classic_reference.html",
        "https://havanatimes.org/news/putin/",
        selectors={
            "body": "div.entry-content p:last-of-type",
            "byline": "#site-description",
            "published": "h1",
        },
    )
    assert art.body.startswith("Maduro announced his visit")
    assert art.author_names == ["Open-minded writing from Cuba"]


def test_parse_is_fast():
    body = (FIXTURES / "modern_post.html").read_bytes()
    start = time.perf_counter()
    for _ in range(50):
        parse_page(body, "https://diario.example/x/")
    assert (time.perf_counter() - start) / 50 < 0.02


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"\x00\x01\x02" * 1000,
        b"<script>var a = 1;</script>",
        b"<html><body></body></html>",
        b"<div>" * 50_000 + b"x",
    ],
)
def test_bad_pages_give_an_empty_record(body):
    art = parse_page(body, "https://example.com/")
    assert art.body == "" or art.body == "x"
    assert art.is_article is False or art.body
