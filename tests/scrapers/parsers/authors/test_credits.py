"""Credits at the end of the article (issue #17: "Written by:" credits and
signature lines missed), and the page's person over the publication that
the metadata names."""

from __future__ import annotations

import pytest

from tests.scrapers.parsers.authors.test_labels import TEXT, names


@pytest.mark.parametrize(
    "tail",
    [
        "<p>Written by: Jane Doe</p>",
        "<p>Geschrieben von: Jane Doe</p>",
        "<p>Texte : Jane Doe</p>",
        "<p><strong>Jane Doe</strong></p>",
        "<p>— Jane Doe</p>",
        # a short closing line (a book's data) between the prose and the signature
        "<p><em>Jane Roe: A Book, 816 pages</em></p><p><strong>Jane Doe</strong></p>",
    ],
)
def test_credits_after_the_text(tail):
    assert names("", tail) == ["Jane Doe"]


def test_a_bold_subheading_is_no_signature():
    tail = "<p><strong>Jane Doe</strong></p><p>These friends have lent me their ears on many occasions.</p>"
    assert names("", tail) == []


def test_a_subheading_after_a_list_of_links_is_no_signature():
    links = "<p>" + "".join(
        f'<a href="https://b{k}.example/">The blog number {k} of mine</a><br>' for k in range(9)
    )
    tail = links + "</p><p><strong>Recurring Eating Companions</strong></p>"
    assert names("", tail) == []


def test_the_page_names_a_person_where_the_metadata_names_the_publication():
    head = '<meta name="author" content="News Example Online">'
    tail = '<p>Geschrieben von <a href="/userinfo.php?uid=6">Cooper</a></p>'
    assert names("", TEXT + tail, head=head) == ["Cooper"]
    # without the person, the metadata's answer stands
    assert names("", "", head=head) == ["News Example Online"]


def _blog(head: str, header: str, url: str) -> list[str]:
    import lxml.html

    from scrapers.parsers.authors.byline import extract_authors
    from scrapers.parsers.document.metadata import collect_metadata

    html = (
        f"<html><head><title>Ferien | Zahlenzauberin</title>{head}</head><body><article>"
        f"<h3>Ferien</h3>{header}{TEXT}</article></body></html>"
    )
    doc = lxml.html.document_fromstring(html)
    authors, _ = extract_authors(
        doc, collect_metadata(doc), site_name="Zahlenzauberin", title="Ferien", url=url
    )
    return [a.name for a in authors]


def test_a_blog_named_after_its_writers_handle():
    url = "https://zahlenzauberin.wordpress.com/2012/08/22/ferien/"
    hcard = '<h4 class="vcard author">von <span class="fn">zahlenzauberin</span></h4>'
    assert _blog("", hcard, url) == ["zahlenzauberin"]
    person = (
        '<script type="application/ld+json">{"@graph": [{"@type": "Article", "author": '
        '{"@id": "#p"}}, {"@type": "Person", "@id": "#p", "name": "zahlenzauberin"}]}</script>'
    )
    assert _blog(person, "", url) == ["zahlenzauberin"]
    # without markup that declares a person, the site's name is the publication's
    assert _blog("", "<p>von zahlenzauberin</p>", url) == []


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("<p>© 2019 Jane Doe</p>", ["Jane Doe"]),
        ("<p>Benni<br>10. September 2017</p>", ["Benni"]),  # a first name over the date
        ("<p>© dpa</p>", []),  # an agency's credit is no person
        ("<p>Benni</p>", []),  # a lone first name without the date's evidence
    ],
)
def test_signatures_with_a_copyright_sign_or_over_the_date(tail, expected):
    assert names("", tail) == expected


def test_a_community_sites_member_link_is_the_byline():
    header = (
        '<div><img src="a.jpg" alt=""> <a href="https://deals.example/user-overview/?u=79003">'
        "MikeNils</a> 18.10.2019, 15:07 Uhr</div>"
    )
    assert names(header) == ["MikeNils"]
    badge = (
        "<div class='user-badge'><a href='/members/127862'><img src='a.jpg' alt='fri.juli'>"
        "<div class='avatar-side-name'> fri.juli </div></a></div>"
    )
    assert names(badge) == ["fri.juli"]
    share = (
        '<div><a href="https://www.facebook.com/sharer.php?u=https://news.example/x">'
        '<img src="fb.png" alt="">Facebook</a></div>'
    )
    assert names(share) == []
