"""Bylines that are not the article's: teasers of other articles, menus, links
in running text (issue #17: a desk or another writer given where the
article's own byline is visible)."""

from __future__ import annotations

from tests.scrapers.parsers.authors.test_labels import names

TEASERS = (
    '<div class="rail">'
    + "".join(
        f'<article class="teaser"><h3><a href="/story-{k}/">Another story number {k}</a></h3>'
        f'<footer><span class="author">Doris Weber {k}</span></footer></article>'
        for k in "ABC"
    )
    + "</div>"
)


def test_a_teasers_byline_is_not_the_articles():
    assert names(TEASERS) == []
    assert names(TEASERS + '<p class="byline">By Jane Doe</p>') == ["Jane Doe"]


def test_a_card_that_is_one_link_is_a_teaser():
    cards = "".join(
        f'<a class="card" href="/other-{k}/"><div>Other story {k} <span class="author">'
        f"von Doris Weber</span></div></a>"
        for k in "AB"
    )
    assert names(cards) == []


def test_a_list_of_threads_with_their_starters_is_no_byline():
    threads = "<ul>" + "".join(
        f'<li><a href="/t/{k}">A thread about something else {k}</a> '
        f'<span class="article_date">By: user{k}</span></li>'
        for k in "ABC"
    )
    assert names(threads + "</ul>") == []


def test_the_articles_own_linked_headline_stands_alone():
    """A blog's post header links its title to the permalink; not a teaser, even
    where the headline is not recognised as such."""
    html = (
        '<div class="post"><div class="posttitle"><h2><a href="/?p=1" rel="bookmark">'
        "Rectangles, fourteen hundred</a></h2>"
        '<p class="post-info">October 25th, 2012 by <a href="/?author=1" rel="author">'
        "Dan Meyer</a></p></div></div>"
    )
    assert names(html) == ["Dan Meyer"]


def test_menus_list_authors_but_name_none():
    menu = (
        '<ul class="menu"><li class="menu-item"><a href="/autor/evelyn-callapino/">'
        'Evelyn Callapino</a></li><li class="menu-item"><a href="/autor/jimena-costa/">'
        "Jimena Costa</a></li></ul>"
    )
    assert names(menu) == []
    assert names(f"<nav>{menu}</nav>") == []


def test_a_profile_link_in_a_sentence_is_no_byline():
    html = (
        '<p>Yes, we would like to have even <a href="https://quotes.example/authors/g/groucho">'
        "you</a> as a member. Really.</p>"
    )
    assert names(html, tail='<p>Posted by <a rel="author" href="/me">Seth Godin</a></p>') == [
        "Seth Godin"
    ]


def test_rel_author_with_more_tokens():
    html = (
        '<div>9 Hours Ago By <a href="https://ex.example/" rel="author external">Jane Doe</a></div>'
    )
    assert names(html) == ["Jane Doe"]


def test_an_accounts_handle_gives_way_to_a_printed_name():
    html = (
        '<div class="submitted">Gespeichert von human am 7. Juli 2019 - 18:44</div>'
        "<p><b>Blog Beitrag von Margarita Koreneva</b></p>"
    )
    assert names(html) == ["Margarita Koreneva"]
    # a handle linked to its profile is the byline's own
    html = '<div>by <a href="/users/baseballgirl">baseballgirl</a> on Aug 8, 2012</div>'
    assert names(html + '<div class="author">Other Person</div>') == ["baseballgirl"]


def test_a_card_linking_to_a_page_whose_address_says_team_is_still_a_teaser():
    card = (
        '<a href="/karriere/brauchen-wir-diesen-status-bei-teams-und-slack">'
        '<div>Another story <span class="author">von Anna Dunst</span></div></a>'
    )
    assert names(card) == []


def test_a_site_wide_meta_tag_gives_way_to_a_byline_linked_to_the_authors_page():
    head = '<meta name="author" content="Matthias Hille - Lukas Balbach">'
    html = '<p class="date">Erstellt von <a href="/author/fabian/">Fabian</a> am 6. Mai 2014</p>'
    footer = "<p>Matthias Hille - Lukas Balbach</p>"  # (the site's owners, printed in the footer)
    assert names(html, footer, head=head) == ["Fabian"]
    # JSON-LD describes the article: it stands
    head = (
        '<script type="application/ld+json">{"@type": "Article", "author": '
        '{"@type": "Person", "name": "Matthias Hille"}}</script>'
    )
    assert names(html, footer, head=head) == ["Matthias Hille"]


def test_a_link_to_the_authors_index_names_nobody():
    assert names('<div><a href="/author/">Authors List</a></div>') == []
