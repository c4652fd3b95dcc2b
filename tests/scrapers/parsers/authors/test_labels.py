"""Labelled bylines in the languages of the pages, and meta lines that print
the date first (issue #17: "By", "Von", "par", "Autor:", "Posted … by",
"date | name" bylines missed on unseen pages)."""

from __future__ import annotations

import lxml.html
import pytest

from scrapers.parsers.authors.byline import extract_authors
from scrapers.parsers.authors.labels import after_date, dated_name
from scrapers.parsers.document.metadata import collect_metadata

TITLE = "Farm prices rise"
TEXT = "<p>" + "Farm prices rose again in March after a dry winter. " * 6 + "</p>"


def names(header: str, tail: str = "", head: str = "") -> list[str]:
    """The authors of an article whose header (under the headline) is ``header``."""
    html = (
        f"<html><head><title>{TITLE}</title>{head}</head><body><article>"
        f"<h1>{TITLE}</h1>{header}{TEXT}{TEXT}{tail}</article></body></html>"
    )
    doc = lxml.html.document_fromstring(html)
    authors, _ = extract_authors(
        doc, collect_metadata(doc), title=TITLE, url="https://news.example/2021/farm/"
    )
    return [a.name for a in authors]


@pytest.mark.parametrize(
    "header",
    [
        "<div>Por: Juan Pérez</div>",  # a colon after the preposition
        "<div>Escrito por Juan Pérez</div>",
        "<div>Publicado por Juan Pérez</div>",
        "<div>Scritto da Juan Pérez</div>",
        "<div>di Juan Pérez</div>",  # Italian, lowercase
        "<div>Geschreven door Juan Pérez</div>",
        "<div>Geschrieben von Juan Pérez</div>",
        "<div>Verfasst von Juan Pérez</div>",
        "<div>Rédigé par Juan Pérez</div>",
        "<div>Tekst: Juan Pérez</div>",
        "<div>Texte : Juan Pérez</div>",
        "<div>Redactie: Juan Pérez</div>",
        "<div>Redação: Juan Pérez</div>",
        "<div>A cura di Juan Pérez</div>",
        "<div><strong>Autorin:</strong> Juan Pérez</div>",
        '<span>Geschrieben von <a href="/userinfo.php?uid=6">Juan Pérez</a></span>',
        # Drupal's "submitted" line, the name in its own span
        '<div class="submitted">Submitted by <span class="username">Juan Pérez</span>'
        " on Mon, 05/03/2021 - 10:00</div>",
        '<div class="submitted">Gespeichert von <span class="username">Juan Pérez</span>'
        " am 24. Juli 2017 - 18:55</div>",
    ],
)
def test_labelled_bylines_in_more_languages(header):
    assert names(header) == ["Juan Pérez"]


@pytest.mark.parametrize(
    "header",
    [
        "<div>Posted on May 3, 2021 by Jane Doe</div>",
        '<div class="entry-meta">Posted on May 3, 2021 by <a href="/u/jd">Jane Doe</a></div>',
        "<div>06.11.2023 13:30 von Jane Doe</div>",
        "<div>Publié le 3 mai 2021 par Jane Doe</div>",
        "<div>Publicado el 3 de mayo de 2021 por Jane Doe</div>",
        "<div>Pubblicato il 3 maggio 2021 da Jane Doe</div>",
        "<div>Geplaatst op 3 mei 2021 door Jane Doe</div>",
        "<div>Publicado em 3 de maio de 2021 por Jane Doe</div>",
        "<div>Publié le 03/05/2021 à 10h00 par Jane Doe</div>",
        '<div><time datetime="2021-05-03">May 3, 2021</time> by <a href="/x">Jane Doe</a></div>',
        # a relative time before the label
        "<div>| 9 Hours Ago By Jane Doe</div>",
        "<div>vor 3 Stunden von Jane Doe</div>",
        "<div>hace 2 horas por Jane Doe</div>",
        "<div>il y a 3 heures par Jane Doe</div>",
    ],
)
def test_a_byline_after_the_date(header):
    assert names(header) == ["Jane Doe"]


@pytest.mark.parametrize(
    "header",
    [
        "<div>03.05.2021 | Jane Doe</div>",
        '<div><span class="field-content">25.10.2022 - Jane Doe</span></div>',
        "<div>Jane Doe · 3. Mai 2021</div>",
    ],
)
def test_a_name_beside_the_date_in_a_meta_line(header):
    assert names(header) == ["Jane Doe"]


def test_a_publication_beside_the_date_is_no_author():
    html = "<div>News Example • 02.02.2022</div>"
    assert names(html) == []


def test_after_date():
    assert after_date("Posted on May 3, 2021 by Jane Doe") == "by Jane Doe"
    assert after_date("06.11.2023 13:30 Uhr von Olga") == "von Olga"
    # a sentence after a date names no byline
    assert after_date("KB3075249 vom 18.08.2015: offizielle Beschreibung von Microsoft") is None
    assert after_date("Im Jahr 2021 von Experten geschätzt") is None


def test_dated_name():
    assert dated_name("25.10.2022 - Reiner Nagel") == "Reiner Nagel"
    assert dated_name("Reiner Nagel | 25.10.2022") == "Reiner Nagel"
    assert dated_name("25.10.2022 - Berlin") is None  # one word: a place
    assert dated_name("Mittwoch, 01. November 2023 - Handel \n Lebensmittel Praxis") is None


def test_a_term_labels_the_field_after_it():
    html = (
        "<dl><dt>Auteur</dt><dd><a href='/staff/jd/'>Jane Doe</a></dd><dt>Cover</dt><dd>x</dd></dl>"
    )
    assert names(html) == ["Jane Doe"]
    assert names("<table><tr><th>Autor</th><td>Jane Doe</td></tr></table>") == ["Jane Doe"]
