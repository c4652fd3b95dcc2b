"""What a byline prints around the names (issue #17: junk kept, "Alles von X",
"Kontakt", job titles; one name split across lines)."""

from __future__ import annotations

import pytest

from scrapers.parsers.authors.names import split_byline
from scrapers.parsers.authors.trims import cut_date_tail, drop_titles, join_broken_name


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        # the date after the name, with or without a joining word
        ("Von R. R. am 07.08.2013 um 09:07 Uhr", ["R. R."]),
        ("Erstellt von Fabian am Dienstag 6. Mai 2014", ["Fabian"]),
        ("Posted by Ed Kent on Wednesday, January 9th, 2008 at 8:43 am under: .", ["Ed Kent"]),
        ("Allen Versfeld August 7, 2012", ["Allen Versfeld"]),
        ("Jean Dupont le 3 mai 2021", ["Jean Dupont"]),
        ("Juan de la Cruz, 3 de mayo de 2021", ["Juan de la Cruz"]),
        ("jancak @ 00:11", ["jancak"]),
        # a weekday or month left alone by the separators, a date's label
        ("Von\n Tomas Spahn \n\n Fr, 18. Oktober 2019", ["Tomas Spahn"]),
        ("Written By: Jason Shafrin \n -\n Nov•\n 06•12", ["Jason Shafrin"]),
        ("Author: Luke Van Leuveren\n Started: 29 Dec, 2007", ["Luke Van Leuveren"]),
        ("By Richard Lam (AP) Published: 2008-01-09 02:55:03", ["Richard Lam"]),
        ("von tennisnet.com\n zuletzt bearbeitet: 04.02.2022, 08:27 Uhr", []),
        # a dateline's place or an affiliation before the date, after the name
        ("BS Reporter / New Delhi January 9, 2008", ["BS Reporter"]),
        ("By Dan Cross, About.com Guide October 30, 2012", ["Dan Cross"]),
        # "Posted by NAME in CATEGORY" (the category link left out)
        ("Posted by lasagnechef in .", ["lasagnechef"]),
        ("Posted by Jane Doe in Politics, Europe", ["Jane Doe"]),
        (
            "By Sarah Laitner in Brussels, Maija Palmer in London and Kevin Allison in Paris",
            ["Sarah Laitner", "Maija Palmer", "Kevin Allison"],
        ),
    ],
)
def test_dates_and_labels_around_the_name(raw, names):
    assert split_byline(raw)[0] == names


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Von Anna Schmidt, Redakteurin", ["Anna Schmidt"]),
        ("Anna Schmidt Volontärin", ["Anna Schmidt"]),
        ("Von Chefredakteur Peter Müller", ["Peter Müller"]),
        ("Par Jean Dupont, journaliste", ["Jean Dupont"]),
        ("Por Juan Pérez, periodista", ["Juan Pérez"]),
        ("di Mario Rossi, giornalista", ["Mario Rossi"]),
        ("Door Jan Jansen, verslaggever", ["Jan Jansen"]),
        # a job description after the name, however many words
        ("Scott Garbarini, Associate NFL Editor", ["Scott Garbarini"]),
        ("DAVID LIEBERMAN, Executive Editor", ["DAVID LIEBERMAN"]),
        ("OUR SPECIAL CORRESPONDENT", ["OUR SPECIAL CORRESPONDENT"]),  # no name left: kept
        # a job, then its unit, in a company's blog
        ("Cedric Dupont, Product Manager, Google Maps", ["Cedric Dupont"]),
        (
            "Niti Mangtani, Group Product Manager, Google Offers and Michaela Feller, "
            "Product Manager, Google Shopping",
            ["Niti Mangtani", "Michaela Feller"],
        ),
    ],
)
def test_job_titles(raw, names):
    assert split_byline(raw)[0] == names


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Von Anna Schmidt Alles von Anna Schmidt", ["Anna Schmidt"]),
        ("Alles von Anna Schmidt", ["Anna Schmidt"]),
        ("Mehr von Anna Schmidt", ["Anna Schmidt"]),
        ("Zeige alle Beiträge von mywakenews →", ["mywakenews"]),
        ("Tous les articles de Jean Dupont", ["Jean Dupont"]),
        ("Anna Schmidt Kontakt", ["Anna Schmidt"]),
        ("Kontakt: Jan Koch", []),
        ("Kontakt", []),
        ("Foto: Ingo Schneider", []),
        ("By the BerryReview Team · Leave a Comment", []),
        ("by Mackenzie Fogelson on 11/06/2012 • No Comments |", ["Mackenzie Fogelson"]),
        ("By Radish on Monday November 12, 2012 2:53 pm | Permalink | Comments (6)", ["Radish"]),
        ("By Collins Mtika, Nyasa Times", ["Collins Mtika"]),
        ("Agam Shah\n IDG News Service", ["Agam Shah"]),
        ("Print Text", []),
        ("Nigel | Subscribe To Our Feed", ["Nigel"]),
        ("posted by Sofia ● August 6, 2012", ["Sofia"]),
    ],
)
def test_links_and_labels_beside_the_name(raw, names):
    assert split_byline(raw)[0] == names


def test_a_publication_after_the_name_is_the_source():
    assert split_byline("By Collins Mtika, Nyasa Times") == (["Collins Mtika"], "Nyasa Times")


def test_a_name_on_two_source_lines_is_one_name():
    assert split_byline("\n  Ralf\n \n  Balke\n") == (["Ralf Balke"], None)
    assert split_byline("Von\n Ralf\n Balke\n 3 min") == (["Ralf Balke"], None)
    assert join_broken_name("Jane Doe\n 3 min read") == "Jane Doe\n 3 min read"


def test_a_linked_name_is_taken_as_written():
    names, _ = split_byline("Autor \n Catch more fish", linked=("Catch more fish",))
    assert names == ["Catch more fish"]
    names, _ = split_byline("Jane Doe \n Alle Artikel", linked=("Alle Artikel",))
    assert names == ["Jane Doe"]


def test_helpers():
    assert cut_date_tail("Jane Doe on May 3, 2021") == "Jane Doe"
    assert cut_date_tail("Jane Doe") == "Jane Doe"
    assert drop_titles("Anna Schmidt Volontärin") == "Anna Schmidt"
    assert drop_titles("Associate NFL Editor") == "Associate NFL Editor"
