"""Byline splitting and author finding."""

from __future__ import annotations

import lxml.html
import pytest

from scrapers.parsers.authors.byline import extract_authors
from scrapers.parsers.authors.names import is_organisation, split_byline
from scrapers.parsers.document.metadata import collect_metadata


@pytest.mark.parametrize(
    ("raw", "names", "source"),
    [
        ("By Peter Spinella (dpa)", ["Peter Spinella"], "dpa"),
        ("By Ana García and Luis Pérez", ["Ana García", "Luis Pérez"], None),
        ("A. Smith, B. Jones & C. Brown", ["A. Smith", "B. Jones", "C. Brown"], None),
        ("Por Ana García y Luis Pérez", ["Ana García", "Luis Pérez"], None),
        ("Von Anna Schmidt und Jonas Weber", ["Anna Schmidt", "Jonas Weber"], None),
        ("Jane Doe, Staff Writer", ["Jane Doe"], None),
        ("Jane Doe | May 3, 2021", ["Jane Doe"], None),
        ("By Jane Doe jane.doe@example.com @janedoe", ["Jane Doe"], None),
        ("Posted by By Jane Doe", ["Jane Doe"], None),
        ("admin", [], None),
        ("Walter von Aachen", ["Walter von Aachen"], None),
        ("Veröffentlicht am 3. Mai 2021", [], None),
    ],
)
def test_split_byline(raw, names, source):
    assert split_byline(raw) == (names, source)


def test_site_name_is_not_an_author():
    assert split_byline("By Havana Times", "Havana Times") == ([], None)


def _authors(html: str):
    doc = lxml.html.document_fromstring(html)
    return extract_authors(doc, collect_metadata(doc), site_name="Example News")


def test_json_ld_person_with_profile_url():
    authors, source = _authors(
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
        '{"@type": "Person", "name": "Ana García", "url": "https://x.example/a"}}</script>'
        "<p>Ana García</p>"
    )
    assert [(a.name, a.url) for a in authors] == [("Ana García", "https://x.example/a")]
    assert source is None


def test_json_ld_organization_is_a_source_not_an_author():
    authors, source = _authors(
        '<script type="application/ld+json">{"@type": "Article", "author": '
        '{"@type": "Organization", "name": "Reuters"}}</script><p>text</p>'
    )
    assert authors == [] and source == "Reuters"


def test_visible_byline_with_links():
    authors, _ = _authors(
        '<div class="entry-meta"><span class="byline">By <span class="author vcard">'
        '<a href="/author/a/" rel="author">Ann Lee</a></span> and <span class="author vcard">'
        '<a href="/author/b/" rel="author">Bo Kim</a></span></span></div>'
    )
    assert [(a.name, a.url) for a in authors] == [
        ("Ann Lee", "/author/a/"),
        ("Bo Kim", "/author/b/"),
    ]


def test_meta_author_not_shown_loses_to_visible_byline():
    authors, _ = _authors(
        '<meta name="author" content="wpadmin2"><p class="byline">By Ann Lee</p><p>Text.</p>'
    )
    assert [a.name for a in authors] == ["Ann Lee"]


def test_comment_authors_are_ignored():
    authors, _ = _authors(
        '<div id="comments"><div class="comment-author vcard"><cite class="fn">Nick</cite></div></div>'
    )
    assert authors == []


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Von | Tomas Spahn", ["Tomas Spahn"]),  # a prefix standing alone is no name
        ("Janic Cathomen, 01.12.2021", ["Janic Cathomen"]),
        ("Montag, 3. Mai 2021", []),  # a weekday beside a date is no name
        ("Redacci&oacute;n Diario", ["Redacción Diario"]),  # escaped twice in metadata
        ("Emily Burack | Edit", ["Emily Burack"]),
        ("vom Krimiblogger", ["Krimiblogger"]),
        ("Nicolas Gutierrez C.", ["Nicolas Gutierrez C."]),  # the initial keeps its dot
        ("Inga Hoeltmann | Expertin für Neue Arbeit", ["Inga Hoeltmann"]),  # a description
        ("Text von Christian Seiler Illustration von Markus Roost", ["Christian Seiler"]),
        ("Foto: Ingo Schneider", []),  # a photo credit names no author
    ],
)
def test_split_byline_leftovers(raw, names):
    assert split_byline(raw)[0] == names


def test_teaser_bylines_lose_to_the_byline_beside_the_headline():
    teaser = '<li><p class="byline">Von Hilde Butz</p><a href="/x">Other story</a></li>'
    doc = lxml.html.document_fromstring(
        f"<ul>{teaser * 3}</ul><article><h1>Story</h1><p>Von Lisa Petrich</p><p>Text.</p></article>"
    )
    authors, _ = extract_authors(doc, collect_metadata(doc), title="Story")
    assert [a.name for a in authors] == ["Lisa Petrich"]


def test_site_profile_byline_keeps_descriptions():
    assert split_byline("Open-minded writing from Cuba", trusted=True)[0] == [
        "Open-minded writing from Cuba"
    ]


def test_label_and_name_in_separate_elements():
    doc = lxml.html.document_fromstring(
        "<article><h1>Story</h1><p><strong>Text:</strong> Klaus Friedrich</p><p>Body.</p></article>"
    )
    authors, _ = extract_authors(doc, collect_metadata(doc), title="Story")
    assert [a.name for a in authors] == ["Klaus Friedrich"]


def _names(html: str, title: str = "Story") -> list[str]:
    doc = lxml.html.document_fromstring(html)
    return [a.name for a in extract_authors(doc, collect_metadata(doc), title=title)[0]]


def test_json_ld_author_given_as_a_graph_reference():
    graph = (
        '{"@graph": [{"@type": "Article", "author": {"@id": "https://x.example/#p1"}},'
        ' {"@type": "Person", "@id": "https://x.example/#p1", "name": "Karoline Herr"}]}'
    )
    html = f'<script type="application/ld+json">{graph}</script><h1>Story</h1><p>Karoline Herr</p>'
    assert _names(html) == ["Karoline Herr"]


@pytest.mark.parametrize("label", ["Written by", "Verfasst von", "Escrito por"])
def test_labelled_card_data_names_the_author(label):
    html = (
        f'<meta name="twitter:label1" content="{label}">'
        '<meta name="twitter:data1" content="Doris Schuppe"><h1>Story</h1><p>Text.</p>'
    )
    assert _names(html) == ["Doris Schuppe"]


def test_other_card_data_is_not_an_author():
    html = (
        '<meta name="twitter:label1" content="Est. reading time">'
        '<meta name="twitter:data1" content="3 minutes"><h1>Story</h1><p>Text.</p>'
    )
    assert _names(html) == []


@pytest.mark.parametrize(
    "meta",
    [
        '<span class="sr">| By </span> <span>Cara Stiles</span> | <time>April 13, 2020</time>',
        "<b>Von:</b><br> Cara Stiles",
        "<span>&#8211;&nbsp;Redaktion: Cara Stiles (Pressesprecherin)</span>",
        "Autoren Cara Stiles und Jutta Klaukien",
        "Blog Beitrag von Cara Stiles",
    ],
)
def test_byline_labels_in_many_shapes(meta):
    names = _names(f"<article><h1>Story</h1><div>{meta}</div><p>Body text.</p></article>")
    assert names[0] == "Cara Stiles"


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Isabel Caro , Rocío Latorre y José Miguel Wilson Hace 13 horas", None),
        ("Edilson La Rosa edilsonlarosa", ["Edilson La Rosa"]),  # user name after the name
        ("Web Commerce GmbH www.w-commerce.de", []),  # a company is not an author
        ("Deutscher Caritasverband e.V.", []),
        ("Matthias \n\n herrpfleger", ["Matthias"]),  # a login beside the name
        ("By Min Zhang", ["Min Zhang"]),
        ("Autor: Redaktion Gelbe Liste \n Stand: 01.11.2021", ["Redaktion Gelbe Liste"]),
        ("Die Autorin Nora Bossong im Gespräch", []),  # a headline that mentions an author
    ],
)
def test_split_byline_trailers_and_organisations(raw, names):
    expected = ["Isabel Caro", "Rocío Latorre", "José Miguel Wilson"] if names is None else names
    assert split_byline(raw)[0] == expected


def _authors_at(html: str, url: str) -> list[str]:
    doc = lxml.html.document_fromstring(html)
    return [a.name for a in extract_authors(doc, collect_metadata(doc), title="Story", url=url)[0]]


def test_byline_naming_more_people_than_the_metadata_wins():
    html = (
        '<meta name="author" content="Rudolf Fischer"><article><h1>Story</h1>'
        "<p>von Rudolf Fischer, Simon Kohler</p><p>Body.</p></article>"
    )
    assert _authors_at(html, "https://x.example/a") == ["Rudolf Fischer", "Simon Kohler"]


def test_metadata_author_that_is_the_publication_loses_to_the_byline():
    html = (
        '<meta name="author" content="L-MAG"><article><h1>Story</h1><p>Von Claudia Lindner</p>'
        "<p>Body.</p><footer>L-MAG</footer></article>"
    )
    assert _authors_at(html, "https://www.l-mag.de/story") == ["Claudia Lindner"]


def test_personal_site_owner_stays_the_author():
    html = '<meta name="author" content="Wolfgang Michal"><h1>Story</h1><p>Wolfgang Michal</p>'
    assert _authors_at(html, "https://www.wolfgangmichal.de/x") == ["Wolfgang Michal"]


@pytest.mark.parametrize(
    ("title", "url", "names"),
    [
        (
            "Sorgfaltspflicht | Wolfgang Michal",
            "https://www.wolfgangmichal.de/x",
            ["Wolfgang Michal"],
        ),
        (
            "Zeitphilosophie – Dr. Alexander Klier",
            "https://alexander-klier.net/z",
            ["Alexander Klier"],
        ),
        ("Update | C.Habermueller", "https://chabermu.wordpress.com/x", ["C.Habermueller"]),
        ("Story | Miami Today", "https://www.miamitodaynews.com/x", []),  # a publication
        ("Story | Jane Doe", "https://news.example/x", []),  # the host does not spell her name
        ("Story | EAT SMARTER", "https://eatsmarter.de/x", []),  # a brand, in capitals
    ],
)
def test_personal_site_is_its_owners_when_no_byline_names_anyone(title, url, names):
    html = (
        f"<html><head><title>{title}</title></head><body><h1>Story</h1><p>Body.</p></body></html>"
    )
    assert _authors_at(html, url) == names


_PROSE = "<p>" + "A long paragraph of the article that runs on for a while. " * 3 + "</p>"


def test_signature_ending_the_article():
    html = f"<article><h1>Story</h1>{_PROSE * 3}<p><b><i>Stefan Wasmer</i></b></p></article>"
    assert _names(html) == ["Stefan Wasmer"]


def test_emphasised_phrase_in_the_middle_is_not_a_signature():
    html = f"<article><h1>Story</h1>{_PROSE}<p><b>Read This First</b></p>{_PROSE}</article>"
    assert _names(html) == []


def test_text_label_far_below_the_headline():
    html = (
        f"<article><h1>Story</h1>{'<p>filler</p>' * 200}{_PROSE}"
        "<p>(continued)<br><strong>Text:</strong> Klausmartin Friedrich</p></article>"
    )
    assert _names(html) == ["Klausmartin Friedrich"]


def test_label_and_name_in_separate_template_fields():
    html = (
        "<article><h1>Story</h1><div><div class='field'><p class='label'><strong>By</strong></p>"
        "</div><div class='field'><p class='full-name'>Todd Bates</p></div></div>"
        "<p>Body text of the story.</p></article>"
    )
    assert _names(html) == ["Todd Bates"]


def test_label_alone_in_a_long_block_is_not_a_byline():
    html = (
        "<article><h1>Story</h1><div><p><strong>By</strong></p><p>" + "words " * 30 + "</p></div>"
        "<p>Body.</p></article>"
    )
    assert _names(html) == []


def test_byline_spelling_out_the_short_metadata_name_wins():
    html = (
        '<html><head><meta name="author" content="Todd"></head><body><article><h1>Story</h1>'
        "<p class='byline'>By Todd Bates</p><p>Todd wrote this.</p></article></body></html>"
    )
    assert _names(html) == ["Todd Bates"]


def test_login_in_metadata_becomes_the_name_the_page_prints():
    html = (
        '<html><head><meta name="author" content="christian.stadtfeld"></head><body><h1>Story</h1>'
        "<p>Long text of the story.</p><p>(Christian P. Stadtfeld) +++</p></body></html>"
    )
    assert _names(html) == ["Christian P. Stadtfeld"]


def test_login_in_metadata_kept_when_the_page_prints_no_name():
    html = (
        '<html><head><meta name="author" content="jane.doe"></head><body><h1>Story</h1>'
        "<p>jane doe is a login here.</p></body></html>"
    )
    assert _names(html) == ["jane.doe"]


_ESSAY = "<p>" + "A long paragraph of the essay. " * 20 + "</p>"


@pytest.mark.parametrize(
    ("notice", "names"),
    [
        ("(c) Johannes Wolf • Weitere Rechte siehe Impressum", ["Johannes Wolf"]),
        ("DATENSCHUTZ | COPYRIGHT ANDRÉ LOIBL | THIS IS A PROJECT", ["André Loibl"]),
        ("(Lizenz) 2006-2008 by Martin Weber", ["Martin Weber"]),
        ("© 2021 Example News. All rights reserved", []),  # the site's own name
        ("© 2021 Web Commerce GmbH", []),
        ("© 2021 Miami Today", []),  # a publication's name
        ("Foto: © Jane Doe", []),  # a picture credit
    ],
)
def test_copyright_notice_names_the_writer_of_a_page_naming_nobody(notice, names):
    html = (
        f"<html><body><h1>Story</h1>{_ESSAY}{_ESSAY}<footer><p>{notice}</p></footer></body></html>"
    )
    assert [a.name for a in _authors(html)[0]] == names


def test_copyright_notice_high_up_names_a_photographer():
    html = f"<html><body><h1>Story</h1><p>© Jane Doe</p>{_ESSAY}{_ESSAY}</body></html>"
    assert _names(html) == []


def test_french_and_italian_author_labels():
    assert split_byline("Auteur : Kossivi Tiassou") == (["Kossivi Tiassou"], None)
    assert split_byline("Autore: Mario Rossi") == (["Mario Rossi"], None)
    html = "<article><h1>Story</h1><p>Auteur : Kossivi Tiassou </p><p>Body.</p></article>"
    assert _names(html) == ["Kossivi Tiassou"]


def test_metadata_author_with_a_web_address_is_the_publication():
    html = (
        '<html><head><meta name="author" content="Deutsche Welle (www.dw.com)"></head><body>'
        "<h1>Story</h1><p>Auteur : Kossivi Tiassou</p><p>Text.</p><p>Deutsche Welle</p></body></html>"
    )
    doc = lxml.html.document_fromstring(html)
    authors, source = extract_authors(doc, collect_metadata(doc), title="Story")
    assert [a.name for a in authors] == ["Kossivi Tiassou"] and source == "Deutsche Welle"


def test_teaser_marked_with_an_author_class_is_not_a_byline():
    teaser = (
        "<li class='post autor-jane-doe'><h2><a href='/other-story/'>Lisa Jeschke im Gespräch"
        "</a></h2></li>"
    )
    html = (
        f"<body><h1>Story</h1><ul>{teaser}</ul><p>Body of the story.</p><p>More.</p>"
        "<div class='byline'><a rel='author' href='/author/nc/'>Nicole Collignon</a></div></body>"
    )
    assert _names(html) == ["Nicole Collignon"]


def test_author_card_headed_by_the_name_is_a_byline():
    html = (
        "<body><h1>Story</h1><div class='author-info'><h3><a href='/author/ih/'>Inga Hoeltmann"
        "</a></h3></div><p>Body of the story.</p></body>"
    )
    assert _names(html) == ["Inga Hoeltmann"]


def test_late_label_line_naming_no_person_is_not_a_byline():
    html = (
        f"<article><h1>Story</h1>{'<p>filler</p>' * 200}{_PROSE}"
        "<div>Vom Blech, mit Streuseln &amp; Co.</div></article>"
    )
    assert _names(html) == []


def test_copyright_notice_before_a_huge_word_returns():
    # one start position for the name: linear, no catastrophic backtracking
    html = f"<html><body><h1>Story</h1>{_ESSAY}<p>© 2021 Jane {'x' * 500_000}y</p></body></html>"
    assert _names(html) == []


# Precision rules: what a byline holds besides the people who wrote the article.


def test_topic_links_in_the_byline_line_are_not_authors():
    html = (
        "<article><h1>Story</h1><div class='postMeta--author vcard author'>01.12.2022 / "
        "<a href='/autor/ed/'>Ed Maier</a> / <a href='/thema/csp/' rel='tag'>CSP</a> / "
        "<a href='/category/wirtschaft/'>Wirtschaft</a> / <a href='/tag/pis/'>PiS</a>"
        "</div><p>Body.</p></article>"
    )
    assert _names(html) == ["Ed Maier"]


def test_topic_links_alone_name_nobody():
    html = (
        "<article><h1>Story</h1><div class='entry-author'>01.12.2022 / "
        "<a href='/thema/csp/' rel='tag'>CSP</a> / <a href='/thema/speicher/'>Speicher</a>"
        "</div><p>Body.</p></article>"
    )
    assert _names(html) == []


def test_publication_in_the_metadata_author_ends_the_names_before_its_place():
    html = (
        '<meta name="author" content="hessenschau.de, Frankfurt, Germany">'
        "<h1>Story</h1><p>Body.</p>"
    )
    assert _authors_at(html, "https://www.hessenschau.de/x") == []
    html = (
        '<meta name="author" content="Kirche und Leben, Münster, Germany">'
        "<h1>Story</h1><p>Body.</p>"
    )
    assert _authors_at(html, "https://www.kirche-und-leben.de/x") == []


def test_publication_in_a_byline_is_the_source_and_its_place_no_author():
    names, source = split_byline("By Nada Tawfik, BBC News, New York", publications=("bbcnews",))
    assert (names, source) == (["Nada Tawfik"], "BBC News")
    # a publication that closes the list cuts nothing (and is no name)
    assert split_byline("Nada Tawfik, BBC News", "BBC News", publications=("bbcnews",))[0] == [
        "Nada Tawfik"
    ]


def test_publication_named_by_json_ld_lets_the_visible_byline_win():
    html = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": ['
        '{"@type": "Organization", "name": "SPIEGEL ONLINE"}, '
        '"SPIEGEL ONLINE, Hamburg, Germany"]}</script>'
        "<article><h1>Story</h1><p>Von Clemens Höges</p><p>Body. SPIEGEL ONLINE</p></article>"
    )
    assert _authors_at(html, "https://www.spiegel.de/x") == ["Clemens Höges"]


@pytest.mark.parametrize(
    "raw", ["kath.net", "buchmesse.ARD.de", "facebook.com/vegolosi", "INTERIA.PL"]
)
def test_web_address_is_no_person(raw):
    assert split_byline(raw) == ([], raw)


@pytest.mark.parametrize(
    "raw", ["Deutscher Caritasverband e. V.", "Muster Bau GmbH & Co. KG", "Tecnologías S. L."]
)
def test_legal_form_with_spaces_is_an_organisation(raw):
    assert split_byline(raw) == ([], raw)


def test_initial_e_or_y_is_not_a_conjunction():
    assert split_byline("E. Barreneche")[0] == ["E. Barreneche"]
    assert split_byline("Y. Tanaka y Ana Ruiz")[0] == ["Y. Tanaka", "Ana Ruiz"]
    assert split_byline("Marco Rossi e Anna Bianchi")[0] == ["Marco Rossi", "Anna Bianchi"]


@pytest.mark.parametrize(
    "raw",
    [
        "By the numbers",  # a phrase, not a name
        "Zuletzt geändert am: 15.10.2021",
        "Vom Barzahler-Rabatt profitieren",
        "Von Helsingborg nach Göteborg",
        "Article by",  # a label whose name is elsewhere
        "Von der Leyen will Kriegsland Ukraine in EU holen – Österreich zahlt die Zeche",
    ],
)
def test_phrases_are_not_names(raw):
    assert split_byline(raw)[0] == []


def test_phrase_opening_a_list_hides_the_rest_of_it():
    assert split_byline("Bundesministerium für Wirtschaft und Klimaschutz")[0] == []


@pytest.mark.parametrize(
    "raw",
    [
        "Von den umliegenden Höfen kaufte der Burgherr noch Speck, Kaminwurzen und Kartoffeln.",
        "Von Informationskampagnen über Selbstverpflichtungen bis hin zu monetären Anreizen: "
        "Forscher haben untersucht, welche Ansätze am besten funktionieren.",
    ],
)
def test_sentence_starting_with_von_is_not_a_byline(raw):
    assert split_byline(raw)[0] == []


def test_author_box_names_the_linked_author_not_words_of_the_bio():
    html = (
        "<article><h1>Story</h1><p>Body.</p><div class='author-box'>Autor "
        "<a href='/author/team/'>Teufel Blog Redaktion</a> Alles über Lautsprecher, Heimkino "
        "und HiFi-Trends. Zudem haben wir jede Menge Tipps für zu Hause.</div></article>"
    )
    assert _names(html) == ["Teufel Blog Redaktion"]


def test_linked_or_declared_name_is_taken_as_written():
    assert split_byline("Mobasir hassan")[0] == []  # unlinked: a phrase
    assert split_byline("by Mobasir hassan", linked=("Mobasir hassan",))[0] == ["Mobasir hassan"]
    html = '<meta name="author" content="Mobasir hassan"><h1>Story</h1><p>Mobasir hassan</p>'
    assert _names(html) == ["Mobasir hassan"]


def test_label_ending_a_line_is_not_a_name():
    assert split_byline("Daniel Czyżewski\nDOTYCZY: ")[0] == ["Daniel Czyżewski"]
    assert split_byline("Von Jane Roe:")[0] == ["Jane Roe"]  # a label before the name


def test_administrator_account_is_not_a_name():
    assert split_byline("von wordpressadmin |")[0] == []


def test_first_name_completed_from_the_authors_structured_data():
    person = (
        '{"@graph": [{"@type": "Article", "author": {"@id": "#p"}}, {"@type": "Person", '
        '"@id": "#p", "name": "Stefanus", "description": "Stefanus Stahl - Maschinenbauer"}]}'
    )
    html = (
        f'<script type="application/ld+json">{person}</script><article><h1>Story</h1>'
        "<p class='byline'><a href='/author/nuts/'>Stefanus</a></p><p>Body.</p></article>"
    )
    assert _names(html) == ["Stefanus Stahl"]
    family = person.replace(
        '"description": "Stefanus Stahl - Maschinenbauer"', '"familyName": "Stahl"'
    )
    assert _names(html.replace(person, family)) == ["Stefanus Stahl"]
    bio = person.replace("Stefanus Stahl - Maschinenbauer", "Stefanus fährt gern Rad")
    assert _names(html.replace(person, bio)) == ["Stefanus"]  # no surname stated: kept as is


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Story | Urania Berlin", "https://www.urania.de/x"),
        ("Story | GALORE Interviews", "https://galore.de/x"),
        ("Story | NEW WORK Experience", "https://nwx.new-work.se/x"),
    ],
)
def test_site_named_after_its_host_plus_more_words_is_no_person(title, url):
    html = (
        f"<html><head><title>{title}</title></head><body><h1>Story</h1><p>Body.</p></body></html>"
    )
    assert _authors_at(html, url) == []


def test_copyright_holder_with_the_hosts_name_among_its_words_is_the_publication():
    html = (
        f"<html><body><h1>Story</h1>{_ESSAY}{_ESSAY}"
        "<footer><p>© Landeshauptstadt Stuttgart</p></footer></body></html>"
    )
    assert _authors_at(html, "https://www.stuttgart.de/x") == []
    html = html.replace("Landeshauptstadt Stuttgart", "Johannes Wolf")
    assert _authors_at(html, "https://www.johanneswolf.de/x") == ["Johannes Wolf"]


@pytest.mark.parametrize(
    ("raw", "names", "source"),
    [
        ("Ryan Merkley, CEO", ["Ryan Merkley"], None),  # an office, not a second person
        ("S.", [], None),  # a lone initial
        ("Super User", [], None),  # a CMS's default account
        ("publisher", [], None),  # a template's placeholder
        (
            "By Glen Owen And Brendan Carlin For The Mail On Sunday",
            ["Glen Owen", "Brendan Carlin"],
            "The Mail On Sunday",
        ),
        ("Ana Ruiz para El País", ["Ana Ruiz"], "El País"),
        ("L-MAG – Das Magazin für Lesben", ["L-MAG"], None),  # a title, not "Name for X"
    ],
)
def test_offices_placeholders_and_publications_written_for(raw, names, source):
    assert split_byline(raw) == (names, source)


def test_headline_in_an_author_classed_element_is_no_byline():
    html = (
        "<article><h1 class='entry-author-title'>Endlich mehr Beschleunigung wagen!</h1>"
        "<p>Body.</p></article>"
    )
    assert _names(html, title="Endlich mehr Beschleunigung wagen!") == []


@pytest.mark.parametrize(
    ("meta", "byline"),
    [
        ("Deutsches Rotes Kreuz", "Deutsches Rotes Kreuz e.V."),
        ("Bundesverband WindEnergie e.V.", "Bundesverband WindEnergie"),
    ],
)
def test_organisation_named_with_its_legal_form_on_either_side(meta, byline):
    html = (
        f'<meta name="author" content="{meta}"><article><h1>Story</h1>'
        f"<p class='byline'>{byline}</p><p>Body.</p></article>"
    )
    doc = lxml.html.document_fromstring(html)
    authors, source = extract_authors(doc, collect_metadata(doc), title="Story")
    assert authors == [] and is_organisation(source)


def test_topic_link_right_after_the_label_is_the_author():
    html = (
        "<article><h1>Story</h1><p class='byline'>Von <a href='/tag/jane-roe/'>Jane Roe</a>"
        " | <a href='/tag/politik/'>Politik</a></p><p>Body.</p></article>"
    )
    assert _names(html) == ["Jane Roe"]


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("By Bashar al-Assad", ["Bashar al-Assad"]),  # particles glued to a name
        ("Valéry Giscard d'Estaing", ["Valéry Giscard d'Estaing"]),
        ("Juan de los Santos", ["Juan de los Santos"]),
        ("Jan op den Akker", ["Jan op den Akker"]),
        ("Par Jean Dupont, publié le 3 mai 2021 à 10h00, mis à jour le 4 mai", ["Jean Dupont"]),
        ("Por Ana García, publicado el 3 de mayo de 2021 a las 10:00", ["Ana García"]),
    ],
)
def test_names_and_dates_that_are_no_phrases(raw, names):
    assert split_byline(raw)[0] == names


def test_a_person_whose_name_is_inside_an_organisations_word_stays():
    html = (
        '<meta name="author" content="Ann"><article><h1>Story</h1>'
        "<p class='byline'>Hannover Verlag GmbH</p><p>Body. Ann</p></article>"
    )
    assert _names(html) == ["Ann"]


@pytest.mark.parametrize("raw", ["a." * 50_000 + "!", "Ab " * 30_000 + "for x", "x@" * 50_000])
def test_huge_byline_strings_name_nobody_at_once(raw):
    # a metadata author can be any size: no regex may take quadratic time on it
    assert split_byline(raw) == ([], None)
