"""Headline selection and site-name stripping."""

from __future__ import annotations

import lxml.html
import pytest

from scrapers.parsers import parse_page
from scrapers.parsers.document.metadata import collect_metadata
from scrapers.parsers.title.choose import extract_title
from scrapers.parsers.title.site_name import strip_site_name


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


@pytest.mark.parametrize(
    "kicker",
    [
        '<span class="kicker">Brexit</span>',
        '<span class="entry-title__toptitle">Brexit</span>',
        '<div class="topic-label"> Brexit </div>',
        '<span class="overline">Brexit</span><span class="visually-hidden"> - </span>',
        '<span class="ts-overline">Brexit </span><span class="ts-colon">: </span>',
        '<span class="article-subtitle">Brexit</span>',
    ],
)
def test_kicker_in_the_heading_is_not_the_headline(kicker):
    html = f"<title>Brexit: Vote delayed again | Paper</title><h1>{kicker} Vote delayed again</h1>"
    assert _title(html) == "Vote delayed again"


@pytest.mark.parametrize(
    "h1",
    [
        # a subline after the headline is part of it
        '<h1>Vote delayed again <span class="subline">Chaos looms</span></h1>',
        # text before the marked element: the element is inside the headline
        '<h1>Vote <span class="label">delayed</span> again</h1>',
        # a long first part is the headline's own text, whatever its class
        '<h1><span class="topic">Parliament votes to delay the vote on the deal</span> again</h1>',
    ],
)
def test_heading_parts_that_are_not_kickers_stay(h1):
    doc = lxml.html.document_fromstring(h1)
    assert _title(h1) == doc.find(".//h1").text_content().strip().replace("  ", " ")


def test_dates_are_read_by_a_headline_with_a_kicker():
    html = (
        "<html><head><title>Wir dekorieren um | Site</title></head>"
        "<body><h1>Site</h1><span>Mittwoch, 26.02.2020</span>"
        '<article><h1><span class="overline">Arbeit</span>Wir dekorieren um</h1>'
        "<p>Von Anna Berg, 01.05.2017</p>"
        + "<p>Ein Absatz mit genug Text, um der Artikel zu sein.</p>" * 5
        + "</article></body></html>"
    ).encode()
    article = parse_page(html, "https://example.org/a")
    assert article.title == "Wir dekorieren um"
    assert article.published == "2017-05-01"


def test_dash_in_a_number_range_is_not_a_separator():
    raw = "Weekly report 14. - 20. January 2022 - SLF"
    assert strip_site_name(raw) == "Weekly report 14. - 20. January 2022"
    assert strip_site_name("Budget 2022 - City Paper") == "Budget 2022"


def test_stated_title_that_title_tag_extends_is_bare():
    # The trailing question is part of the headline: <title> adds the site after it.
    html = (
        '<meta property="og:title" content="Corona report of 22 April 2020 – what now?">'
        "<title>Corona report of 22 April 2020 – what now? – THE DAILY AXIS</title>"
    )
    assert _title(html) == "Corona report of 22 April 2020 – what now?"


def test_subheading_that_states_most_of_the_metadata_title():
    html = (
        '<meta property="og:title" content="Windows 7 now reports home too // #privacy #windows">'
        '<div class="site-title"><h1>My blog</h1></div>'
        "<div class='post'><h2>Windows 7 now reports home too</h2><p>Text.</p></div>"
    )
    assert _title(html, site="My blog") == "Windows 7 now reports home too"


def test_short_subheading_does_not_agree_by_prefix():
    html = (
        '<meta property="og:title" content="Corona: how to get through the crisis calmly">'
        "<h2>Corona</h2><p>Text.</p>"
    )
    assert _title(html) == "Corona: how to get through the crisis calmly"


def test_first_subheading_when_only_title_tag_names_the_page():
    html = (
        "<title>Writing style</title><nav><h2>Menu entries here</h2></nav>"
        '<h2 class="sr-only">Main content</h2>'
        "<main><h2>Write for your readers</h2><p>Text of the page.</p></main>"
    )
    assert _title(html) == "Write for your readers"


def test_title_tag_wins_over_subheading_when_og_title_is_stated():
    html = (
        '<meta property="og:title" content="Calm through the crisis"><title>Calm | Paper</title>'
        '<h2 class="dossier">Corona dossier</h2><p>Text.</p>'
    )
    assert _title(html) == "Calm through the crisis"


def test_inline_markup_adds_no_space_before_punctuation():
    html = (
        "<title>Women in the THW: past and future</title>"
        '<h1>Women in the <abbr title="Technisches Hilfswerk">THW</abbr>: past and future</h1>'
    )
    assert _title(html) == "Women in the THW: past and future"


def test_teaser_copy_cut_short_loses_to_the_full_headline():
    html = (
        "<title>Diario | Blessing of vehicles this Saturday</title>"
        '<div class="teaser"><h2 class="entry-title">Blessing of vehicles this Saturda..</h2></div>'
        "<h1>Blessing of vehicles this Saturday</h1>"
    )
    assert _title(html) == "Blessing of vehicles this Saturday"


def test_heading_part_the_metadata_states_exactly_wins_over_the_whole_heading():
    html = (
        '<meta property="og:title" content="Why collaborative thinking beats individual smarts">'
        "<title>Open Progress - Why collaborative thinking beats individual smarts | Paper</title>"
        '<h1><span class="article__subheadline">Open Progress</span><br>'
        '<span itemprop="headline">Why collaborative thinking beats individual smarts</span></h1>'
    )
    assert _title(html) == "Why collaborative thinking beats individual smarts"


def test_heading_that_links_home_is_the_site_name():
    html = (
        '<meta property="og:title" content="Whisky tastings January to May 2020 in Halle">'
        '<h1><a href="https://www.whisky.example/">whisky.example</a></h1>'
    )
    assert _title(html) == "Whisky tastings January to May 2020 in Halle"


@pytest.mark.parametrize(
    ("raw", "host", "bare"),
    [
        # the host's name marks the site's part, even when longer than the headline
        ("Magic Cleaning | sheego ♥ Magazin", "www.sheego.de", "Magic Cleaning"),
        (
            "No App Store on iOS 13? | iPhone | Forum | MacNews.de",
            "www.macnews.de",
            "No App Store on iOS 13?",
        ),
        # ... but not a long part that only mentions it (a product name)
        (
            "Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac",
            "www.parallels.com",
            "Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac",
        ),
    ],
)
def test_host_name_marks_the_site_part(raw, host, bare):
    assert strip_site_name(raw, None, host) == bare


def test_highest_rank_content_heading_when_no_h1_and_only_title_tag():
    html = (
        "<title>energy.example | Gas prices</title>"
        '<div class="main-content has-double-sidebar"><div class="article-content">'
        '<p class="back"><a href="/prices/">back to the overview</a></p>'
        '<div class="itc-headline">Energy price crisis: relief and rights at a glance</div>'
        "<h6>Energy price crisis: relief and rights at a glance</h6>"
        "<h5><em>By Leonora Holling</em></h5><p>(21 November 2022) Consumers get one price rise after "
        "another.</p><h6>1. What relief can consumers expect?</h6><p>Text.</p></div>"
        '<div class="sidebar"><h3>Latest news from the site</h3></div></div>'
    )
    assert _title(html) == "Energy price crisis: relief and rights at a glance"
    article = parse_page(html.encode(), "https://energy.example/news/18725/")
    assert article.title == "Energy price crisis: relief and rights at a glance"
    assert article.published == "2022-11-21"  # the dateline under the headline


def test_h2_outranks_h4_when_no_h1():
    html = (
        "<title>Weekly report 14. - 20. January 2022 - SLF</title>"
        "<main><h4>Weekly report 14. - 20. January 2022</h4>"
        '<h2 class="text-hide">Main content</h2>'
        "<h2>Weak layers, favourable avalanche conditions</h2><p>Text.</p></main>"
    )
    assert _title(html) == "Weak layers, favourable avalanche conditions"


def test_of_several_h1_the_one_sharing_most_words_with_the_metadata_title():
    html = (
        '<meta property="og:title" content="Join The Insiders with me?">'
        "<title>The Insiders - Fresh hair in any situation with the new Wellaflex 10-in-1 dry"
        " shampoo - Info</title>"
        "<h1>Wellaflex – fresh hair in any situation with the 10-in-1 dry shampoo</h1>"
        "<p>Text.</p><h1>How to use it</h1><p>Text.</p>"
    )
    assert _title(html) == "Wellaflex – fresh hair in any situation with the 10-in-1 dry shampoo"


def test_stated_title_a_heading_ends_with_is_the_headline():
    # an unmarked kicker printed in the heading before the stated title
    html = (
        "<title>Vaccination stays possible everywhere until February</title>"
        '<meta property="og:title" content="Press releases">'
        '<h1><span class="css-1x">Press release of the Health Office</span> : '
        "Vaccination stays possible everywhere until February</h1>"
    )
    assert _title(html) == "Vaccination stays possible everywhere until February"
    # ... and the stated title is kept whole, a part after a dash included
    html = (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "Aviation takes off after Corona - and FACC profits"}</script>'
        '<h1><span class="headline--topline">Orders at FACC</span><span>: </span>'
        "<span>Aviation takes off after Corona - and FACC profits</span></h1>"
    )
    assert _title(html) == "Aviation takes off after Corona - and FACC profits"


def test_every_stated_og_title_counts():
    html = (
        '<meta property="og:title" content="Decanting wine: all you need to know">'
        '<meta property="og:title" content="Decanting wine: everything about a special step">'
        '<h1 class="entry-title">Decanting wine: everything about a special step</h1>'
        '<div class="teaser"><h1>Other wines of the month</h1></div>'
    )
    assert _title(html) == "Decanting wine: everything about a special step"


def test_heading_that_extends_the_stated_headline_is_the_fuller_headline():
    html = (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "Ultium Cells raises gigafactory capacity"}</script>'
        "<title>Ultium Cells raises gigafactory capacity - Battery News</title>"
        "<h1>Ultium Cells raises gigafactory capacity in Tennessee</h1><p>Text.</p>"
    )
    assert _title(html) == "Ultium Cells raises gigafactory capacity in Tennessee"


@pytest.mark.parametrize(
    "title",
    [
        "ContraCostaTimes.com - Heathrow crash report: Engines failed",  # the site before
        "Heathrow crash report: Engines failed | World | The Daily Paper of the Valley",
        "The Telegraph - Calcutta (Kolkata) | Nation | Heathrow crash report: Engines failed",
    ],
)
def test_the_part_of_the_title_the_page_prints_is_the_headline(title):
    # no heading agrees with the title; the page prints one of its parts whole
    html = (
        f"<title>{title}</title><h1>Latest News</h1>"
        '<table><tr><td><font size="4"><b>Heathrow crash report: Engines failed</b></font></td>'
        "</tr><tr><td>By A. Writer</td></tr></table><p>Text of the story.</p>"
    )
    assert _title(html) == "Heathrow crash report: Engines failed"


def test_title_parts_printed_in_navigation_or_as_a_link_are_not_the_headline():
    html = (
        "<title>Writing style - webdesign.example - Webdesign</title>"
        '<ul class="breadcrumb"><li><a href="/">Home</a></li><li><span>Writing style</span></li></ul>'
        '<a href="/">webdesign.example - Webdesign</a>'
        "<main><h2>Write for your readers</h2><p>Text of the page.</p></main>"
    )
    assert _title(html) == "Write for your readers"


def test_an_h1_close_to_another_part_of_the_title_beats_a_printed_part():
    html = (
        "<title>Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac</title>"
        "<h1>Parallels Desktop 15 for Mac</h1><div><h3>Run Windows on Mac</h3></div>"
    )
    assert _title(html) == "Parallels Desktop 15 for Mac"


def test_one_word_heading_inside_a_title_part_does_not_agree():
    # a widget's "Archive" is a word of the title's "Blog Archive" part, not the headline
    html = (
        "<title>Disfunctions » Blog Archive » Podcasts in Plex</title>"
        '<div id="sidebar"><h2 class="widgettitle">Archive</h2><ul><li>x</li></ul></div>'
        '<div class="post"><h2>Podcasts in Plex</h2><p>Text.</p></div>'
    )
    assert _title(html) == "Podcasts in Plex"


@pytest.mark.parametrize("h1", ["Willkommen!", "Chorgeschichte"])
def test_the_only_h1_is_the_headline_even_of_one_word(h1):
    html = f"<title>Anwalt Example</title><h1>{h1}</h1><p>Text of the page.</p>"
    assert _title(html) == h1


def test_the_logo_heading_names_the_site_to_cut_off_the_title():
    html = (
        "<title>Beef liver with apple and onion | Love goes through the stomach</title>"
        '<div id="header"><h1><a href="https://recipes.example">Love goes through the stomach</a>'
        "</h1></div><div class='post'><p>Text of the recipe.</p></div>"
    )
    assert _title(html) == "Beef liver with apple and onion"


def test_a_wayback_copy_s_link_to_the_archived_home_page_is_the_site_s_name():
    html = (
        "<title>Time 4 talks » Blog Archive » More digital cinemas in Switzerland</title>"
        '<h1><a href="https://web.archive.org/web/20140226054445/http://www.time4talks.example/">'
        "Time 4 talks</a></h1><p>Text.</p>"
    )
    assert _title(html) == "More digital cinemas in Switzerland"


@pytest.mark.parametrize(
    ("raw", "host", "bare"),
    [
        # the host's name in a short first part: the site's, and the short parts after it
        (
            "EFC Bembel Regensburg - Eintracht stands for the future - Club Press - News",
            "https://www.bembel.example/504",
            "Eintracht stands for the future",
        ),
        (
            "Bembel Blog » Blog Archive » Eintracht stands for the future",
            "bembel.example",
            "Eintracht stands for the future",
        ),
        # ... but not a headline that starts with the host's name
        (
            "Bembel opens a new shop in the old town - Bembel News",
            "bembel.example",
            "Bembel opens a new shop in the old town",
        ),
    ],
)
def test_host_name_in_a_short_first_part(raw, host, bare):
    assert strip_site_name(raw, None, host) == bare


def test_kicker_set_off_by_a_separator_hidden_from_the_eye():
    html = (
        "<title>Zoonoses – How destroyed habitats favour epidemics | Paper</title>"
        '<h1 itemprop="headline"><span class="head">Zoonoses</span>'
        '<span aria-hidden="true" role="presentation"> – </span>'
        "<span>How destroyed habitats favour epidemics</span></h1>"
    )
    assert _title(html) == "How destroyed habitats favour epidemics"


def test_subheading_that_ends_the_metadata_title_after_a_kicker():
    html = (
        '<meta property="og:title" content="Covid-19: Can the spread in Germany be controlled?">'
        '<nav class="breadcrumb"><ol><li><h1 itemprop="name">Covid-19: Can the spread in Germany'
        " be controlled?</h1></li></ol></nav>"
    )
    assert _title(html) == "Covid-19: Can the spread in Germany be controlled?"
    html = (
        "<title>Covid-19: Can the spread in Germany be controlled? - Science</title>"
        '<header><h2><span class="content__kicker">Covid-19</span><span class="sr-only">: </span>'
        '<span class="content__title">Can the spread in Germany be controlled?</span></h2></header>'
    )
    assert _title(html) == "Can the spread in Germany be controlled?"


def test_kicker_and_separator_before_a_two_word_stated_title():
    html = (
        '<meta property="og:site_name" content="Lake Voice">'
        "<title>Climate pioneers? - Lake Voice</title>"
        '<article><h1 class="entry-title">Energy transition: Climate pioneers?</h1><p>Text.</p>'
        "</article>"
    )
    assert _title(html, site="Lake Voice") == "Climate pioneers?"


def test_a_layout_wrapper_named_for_its_sidebar_is_not_a_sidebar():
    html = (
        '<meta property="og:title" content="The historical somersault (2021/5)">'
        '<div class="layoutTwoColumnsRightSidebar"><header><h2>The historical somersault</h2>'
        "</header>" + "<p>A paragraph of the article with enough words in it.</p>" * 5 + "</div>"
    )
    assert _title(html) == "The historical somersault"


@pytest.mark.parametrize(
    "h1",
    [
        '<article><h1>VW chief warns of Tesla and "Golf from China"</h1></article>',
        '<h1 class="entry-title">Buyer\'s guide: electronic cat toys keep cats busy</h1>',
    ],
)
def test_the_visible_h1_of_the_article_wins_over_the_json_ld_headline(h1):
    html = (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "The best electronic cat toy 2022 - comparison"}</script>'
        f"<div class='logo'>Pets</div>{h1}<p>Text.</p>"
    )
    doc = lxml.html.document_fromstring(h1)
    assert _title(html) == doc.find(".//h1").text_content()


def test_json_ld_headline_wins_over_an_h1_outside_the_article():
    html = (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "The best electronic cat toy 2022"}</script>'
        "<div class='top'><h1>Pet news and reviews</h1></div><article><p>Text.</p></article>"
    )
    assert _title(html) == "The best electronic cat toy 2022"


def test_fuller_h1_beats_a_teaser_s_copy_of_the_stated_title():
    html = (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "Ultium Cells raises gigafactory capacity"}</script>'
        "<main><h1>Ultium Cells raises gigafactory capacity in Tennessee</h1><p>Text.</p></main>"
        '<div class="slider"><article class="slide-entry"><h3 class="entry-title">'
        "Ultium Cells raises gigafactory capacity</h3></article></div>"
    )
    assert _title(html) == "Ultium Cells raises gigafactory capacity in Tennessee"
    # ... but not when the copy is a part of that <h1> (title and subtitle in one heading)
    html = (
        '<meta property="og:title" content="Broadcaster hides the demonstration">'
        '<h1><span class="entry-title-primary">Broadcaster hides the demonstration</span> '
        '<span class="entry-subtitle">A subtitle for it</span></h1>'
    )
    assert _title(html) == "Broadcaster hides the demonstration"


@pytest.mark.parametrize(
    "head",
    [
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "Olive &amp; Herb Focaccia, the easy way&#8230;"}</script>',
        '<meta property="og:title" content="Olive &amp;amp; Herb Focaccia, the easy way&amp;#8230;">',
    ],
)
def test_character_references_in_stated_titles_are_read(head):
    assert _title(f"<html><head>{head}</head><body><p>x</p></body></html>") == (
        "Olive & Herb Focaccia, the easy way…"
    )


@pytest.mark.parametrize(
    "raw",
    [
        "10,000 trusted domains infected by crimeware Trojan (14/01/2008)",
        "10,000 trusted domains infected by crimeware Trojan (from The Herald )",
    ],
)
def test_a_date_or_source_credit_closing_the_title_is_cut(raw):
    assert strip_site_name(raw) == "10,000 trusted domains infected by crimeware Trojan"
    assert strip_site_name("The historical somersault (2021/5)") == (
        "The historical somersault (2021/5)"
    )


@pytest.mark.parametrize(
    "h1",
    [
        'Council approves the new budget <time datetime="2021-03-12">12.03.2021</time>',
        'Council approves the new budget <span class="post-date">(12.03.2021)</span>',
        "Council approves the new budget - 12.03.2021",
        "Council approves the new budget (2021-03-12)",
    ],
)
def test_a_date_closing_the_headline_is_not_part_of_it(h1):
    assert _title(f"<title>City Paper</title><h1>{h1}</h1>") == "Council approves the new budget"


@pytest.mark.parametrize(
    "h1",
    ["Minutes of the council meeting of 12.03.2021", "Results: Regional meeting, Aalen, 19.5.2007"],
)
def test_a_date_in_the_words_of_the_headline_stays(h1):
    assert _title(f"<title>City Paper</title><h1>{h1}</h1>") == h1


def test_a_post_filed_under_branding_is_not_the_site_s_logo():
    html = (
        "<title>Think Pink: Five Tips for Non-Profits – The Buzz Bin</title>"
        '<div class="hentry post category-personal-branding tag-logo-design">'
        '<h1 class="entry-title">Think Pink: Five Tips for Non-Profits</h1><p>Text.</p></div>'
    )
    assert _title(html) == "Think Pink: Five Tips for Non-Profits"


def test_a_form_wrapping_the_whole_page_is_no_form_around_the_headline():
    # ASP.NET pages put everything in one <form>; a one-word <h1> names the blog
    html = (
        '<title>The Classy Way To Get Media Coverage</title><body><form id="Form">'
        "<h1>OnStartups</h1><div class='post'><h3><a href='/bid/1/The-Classy-Way.aspx'>"
        "The Classy Way To Get Media Coverage</a></h3>"
        + "<p>A paragraph of the post with enough words to be the text.</p>" * 4
        + "</div><aside><h3>Poll: your opinion</h3></aside></form></body>"
    )
    assert _title(html) == "The Classy Way To Get Media Coverage"


@pytest.mark.parametrize(
    "element",
    [
        '<div class="articleTitle">Aspen die-off alarms foresters</div>',
        '<span class="headline">Aspen die-off alarms foresters</span>',
        '<td class="news_title"><b>Aspen die-off alarms foresters</b></td>',
    ],
)
def test_an_element_named_the_headline_when_the_title_names_only_the_site(element):
    html = (
        "<title>Cortez Journal Online</title><body><div class='site-title'>Cortez Journal</div>"
        '<div class="sidebar"><span class="headline">Other story in the sidebar</span></div>'
        f"<table><tr>{element}</tr></table>"
        "<p>A paragraph of the story with enough words to be the text.</p><h3>Hot Jobs</h3></body>"
    )
    assert _title(html) == "Aspen die-off alarms foresters"


def test_a_subheadline_or_a_teaser_headline_is_not_named_the_headline():
    html = (
        "<title>Cortez Journal Online</title><body>"
        '<ul class="related-list"><li><span class="headline">Other story elsewhere</span></li></ul>'
        '<p class="subheadline">A line under a missing headline here</p>'
        "<h2>The story's own heading</h2><p>Text.</p></body>"
    )
    assert _title(html) == "The story's own heading"


def test_a_copy_hidden_on_small_screens_is_no_hidden_heading():
    html = (
        "<title>Magic Cleaning | sheego Magazin</title><body>"
        '<div class="cms-1 l-hidden-xs l-hidden-s"><div class="l-headline"><span class="l-bold">'
        "The best tricks of Marie Kondo for the wardrobe</span></div></div><p>Text.</p></body>"
    )
    assert _title(html) == "The best tricks of Marie Kondo for the wardrobe"
