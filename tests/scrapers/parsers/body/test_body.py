"""Container choice and pruning rules of the body extractor (small pages)."""

from __future__ import annotations

import lxml.html

from scrapers.parsers.body.extract import extract_body

PARA = "<p>{} is a sentence of the article that is long enough to count as text.</p>"


def _body(html: str) -> str:
    return extract_body(lxml.html.document_fromstring(html)).text


def test_big_sidebar_without_the_headline_is_not_the_article():
    sidebar = "".join(PARA.format(f"Sidebar widget {i}") for i in range(8))
    article = "".join(PARA.format(f"Story {i}") for i in range(3))
    html = (
        f"<html><body><div class='content'><h1>Story</h1><div class='post'>{article}</div></div>"
        f"<div class='sidebar'>{sidebar}</div></body></html>"
    )
    text = _body(html)
    assert "Story 0" in text and "Sidebar widget" not in text


def test_share_heading_above_the_article_does_not_cut_it():
    article = "".join(PARA.format(f"Story {i}") for i in range(6))
    html = (
        "<html><body><div class='entry-content'><div><h3>Share this</h3></div>"
        f"<div>{article}</div></div></body></html>"
    )
    assert "Story 5" in _body(html)


def test_related_heading_after_the_article_cuts_what_follows():
    article = "".join(PARA.format(f"Story {i}") for i in range(6))
    html = (
        f"<html><body><div class='entry-content'>{article}<h3>Related posts</h3>"
        "<p>Another story you may like</p></div></body></html>"
    )
    text = _body(html)
    assert "Story 5" in text and "Another story" not in text


def test_noscript_left_open_does_not_swallow_the_page():
    article = "".join(PARA.format(f"Story {i}") for i in range(12))
    html = f"<html><body><noscript><div id='nojs'></noscript><div>{article}</div></body></html>"
    assert "Story 11" in _body(html)


def test_small_noscript_is_dropped():
    article = "".join(PARA.format(f"Story {i}") for i in range(3))
    html = f"<html><body><div>{article}<noscript>Enable JavaScript</noscript></div></body></html>"
    assert "JavaScript" not in _body(html)


def test_unclosed_sidebar_wrapping_the_article_is_not_dropped():
    # Broken markup nests the whole page in a region named like a sidebar.
    article = "".join(PARA.format(f"Story {i}") for i in range(6))
    html = (
        "<html><body><h1>Site</h1><div class='sidebar'><ul><li><a href='/'>Home</a></li>"
        f"<li class='widget'><div class='post'>{article}</div></li></ul></div></body></html>"
    )
    assert "Story 5" in _body(html)


def test_feedback_prompt_after_the_article_is_cut():
    article = "".join(PARA.format(f"Story {i}") for i in range(6))
    html = (
        f"<html><body><div class='entry-content'>{article}<h4>War der Artikel nützlich?</h4>"
        "<p>Ja Nein</p></div></body></html>"
    )
    assert "nützlich" not in _body(html)


_PARAS = "".join(
    f"<p>Paragraph {n} of the article body with enough words to count.</p>" for n in range(6)
)


def test_lead_before_the_content_container_is_kept():
    html = (
        "<html><body><nav><a href='/'>Home</a></nav><div class='article'><h1>Story</h1>"
        "<div class='article-intro'><p class='teaser'>The lead says what happened and where it did.</p></div>"
        f"<div class='article-content'>{_PARAS}</div></div></body></html>"
    )
    text = _body(html)
    assert text.startswith("The lead says what happened and where it did.\n\nParagraph 0")


def test_link_list_between_headline_and_content_is_not_a_lead():
    links = "".join(f"<a href='/{n}'>Another story number {n} to read</a> " for n in range(4))
    html = (
        f"<html><body><div class='article'><h1>Story</h1><div class='teaser'>{links}</div>"
        f"<div class='article-content'>{_PARAS}</div></div></body></html>"
    )
    assert "Another story" not in _body(html)


def test_teaser_outside_the_headline_wrapper_is_not_a_lead():
    html = (
        "<html><body><h1>Story</h1><div class='teaser'>Other story teaser text here.</div>"
        f"<div class='wrap'><div class='article-content'>{_PARAS}</div></div></body></html>"
    )
    assert "teaser text" not in _body(html)


def test_related_posts_block_is_never_the_article():
    related = "".join(PARA.format(f"Teaser {n}") for n in range(4))
    body = "".join(PARA.format(f"Body {n}") for n in range(3))
    html = (
        f"<html><body><article class='post'><h1>Story</h1>{body}</article>"
        f"<div class='section related-posts'><div class='row'>{related}</div></div></body></html>"
    )
    text = _body(html)
    assert "Body 0 is a sentence" in text and "Teaser" not in text


def test_calls_to_action_inside_the_article_are_dropped():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}"
        "<section class='c-letters-cta'><p>We want to hear what you think.</p></section>"
        "<div id='spenden' class='formular'><h3>Sie lesen gern hier?</h3></div>"
        "<span class='post-ratings'>War der Artikel nützlich?</span></article></body></html>"
    )
    text = _body(html)
    assert "Paragraph 5" in text
    assert "hear" not in text and "lesen" not in text and "nützlich" not in text


def test_a_wrapper_named_non_paywall_is_not_boilerplate():
    html = (
        f"<html><body><main><section class='row non-paywall'><article><h1>Story</h1>{_PARAS}"
        "</article></section></main></body></html>"
    )
    assert "Paragraph 0" in _body(html)


def test_elements_named_as_credits_are_dropped_and_captions_leave_for_media():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<figure><img src='a.jpg'><figcaption>"
        "Presidents Maduro and Putin. Photo: sputnik</figcaption></figure>"
        "<p class='image-credit'>Photograph by Ed Marshall</p></article></body></html>"
    )
    text = _body(html)
    assert "Presidents Maduro" not in text  # a caption is media (test_media.py)
    assert "Ed Marshall" not in text and "Paragraph 5" in text


def test_teasers_of_other_articles_inside_the_container_are_dropped():
    teaser = (
        "<div class='modTeaser'><h2><a href='/other'>Another story</a></h2>"
        "<p>What the other story is about, in a sentence or two.</p></div>"
    )
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<div class='articleList'>{teaser * 2}"
        f"</div><div class='teaser-box'>{teaser}</div></article></body></html>"
    )
    text = _body(html)
    assert "Paragraph 5" in text and "other story" not in text


def test_lead_named_teaser_inside_the_container_stays():
    html = (
        "<html><body><article><h1>Story</h1><p class='article-teaser'>The lead of the story, "
        f"which sums it up.</p>{_PARAS}</article></body></html>"
    )
    assert _body(html).startswith("The lead of the story")


def test_closing_calls_to_subscribe_or_follow_are_trimmed():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<p>Subscribe now to our e-edition for "
        "the full story.</p><p>Follow The Gleaner on Twitter and Instagram.</p></article>"
        "</body></html>"
    )
    text = _body(html)
    assert text.endswith("Paragraph 5 of the article body with enough words to count.")


def test_a_call_to_action_inside_the_article_stays():
    html = (
        "<html><body><article><h1>Story</h1><p>Readers can subscribe to the council's "
        f"newsletter, the mayor said.</p>{_PARAS}</article></body></html>"
    )
    assert "subscribe to the council's newsletter" in _body(html)


def test_lead_named_so_inside_the_article_header_is_kept():
    # The headline stands apart from the article; the lead sits in the article's
    # header beside the byline and the date.
    html = (
        "<html><body><h1>Story</h1><div class='wrap'><article><div class='article-header'>"
        "<p class='article-excerpt'>The lead says what happened and where it did.</p>"
        "<div class='author'>Von Jane Doe</div></div>"
        f"<div class='article-content'>{_PARAS}</div></article></div></body></html>"
    )
    text = _body(html)
    assert text.startswith("The lead says what happened and where it did.\n\nParagraph 0")
    assert "Jane Doe" not in text


def test_lead_nested_in_a_wrapper_after_the_headline_is_kept():
    html = (
        "<html><body><article><h1>Story</h1><div class='epigraph-container'>"
        "<h2 class='epigraph'>The company announced 150 layoffs for the end of the month.</h2>"
        f"</div><div class='media'></div><div class='article-content'>{_PARAS}</div>"
        "</article></body></html>"
    )
    assert _body(html).startswith("The company announced 150 layoffs")


def test_long_sidebar_beside_a_short_article_is_not_the_article():
    sidebar = "".join(PARA.format(f"Sidebar widget {i}") for i in range(16))
    article = "".join(PARA.format(f"Story {i}") for i in range(3))
    html = (
        f"<html><body><div class='main'><div class='content'><h1>Story</h1>{article}</div>"
        f"<aside class='widgets'>{sidebar}</aside></div></body></html>"
    )
    text = _body(html)
    assert "Story 2" in text and "Sidebar widget" not in text


def test_list_of_other_articles_closing_the_article_is_dropped():
    items = "".join(
        f"<div class='item'><h3><a href='/other-{n}'>Another story {n}</a></h3>"
        f"<p>What the other story number {n} is about, in a sentence or two.</p></div>"
        for n in range(3)
    )
    html = (
        f"<html><body><div class='story'><h1>Story</h1>{_PARAS}<div class='grid'>{items}</div>"
        "</div></body></html>"
    )
    text = _body(html)
    assert "Paragraph 5" in text and "other story" not in text


def test_linked_subheadings_inside_the_article_stay():
    # A table of contents links its headings to anchors of the page.
    sections = "".join(
        f"<h2><a href='#s{n}'>Section {n}</a></h2>{PARA.format(f'Text {n}')}" for n in range(3)
    )
    html = f"<html><body><article><h1>Story</h1>{_PARAS}{sections}</article></body></html>"
    assert "Section 2" in _body(html)


def test_teasers_on_a_front_page_are_its_content():
    items = "".join(
        f"<div class='box'><h3><a href='/p{n}'>Product {n}</a></h3>"
        f"<p>What product number {n} does for the customer, in a sentence or two.</p></div>"
        for n in range(4)
    )
    html = f"<html><body><h1>Welcome</h1>{items}</body></html>"
    assert "product number 3" in _body(html)


def test_headline_column_beside_a_contact_column_is_the_article():
    article = "".join(PARA.format(f"Story {i}") for i in range(8))
    contact = "<h2>Contact</h2><p>Jane Doe, phone +49 40 1234 5678, jane.doe@example.org</p>"
    html = (
        f"<html><body><div id='content'><div id='large'><h1>Story</h1>{article}</div>"
        f"<div id='right'>{contact}</div></div></body></html>"
    )
    text = _body(html)
    assert "Story 7" in text and "Jane Doe" not in text


def test_a_forum_page_with_a_menu_headline_keeps_its_main_region():
    # The only <h1> is the site's logo in a header whose prose is a banner aside:
    # it is no article of its own, so the big form region stays the content.
    posts = "".join(PARA.format(f"Post {i}") for i in range(10))
    html = (
        "<html><body><header><h1>Forum</h1><aside class='banner'>"
        f"{PARA.format('Banner')}{PARA.format('Banner two')}</aside></header>"
        f"<form class='thread'>{posts}</form></body></html>"
    )
    assert "Post 9" in _body(html)


def test_lead_in_a_header_inside_the_container_stays_byline_goes():
    html = (
        "<html><body><article class='post'><header class='intro'><h1>Story</h1>"
        "<p class='a-lead'>The lead of the story, which sums up what happened.</p>"
        "<div class='byline'>By Jane Doe</div><time>12.03.2022</time></header>"
        f"{_PARAS}</article></body></html>"
    )
    text = _body(html)
    assert text.startswith("The lead of the story")
    assert "Jane Doe" not in text and "Paragraph 5" in text


def test_header_without_a_lead_is_dropped():
    html = (
        "<html><body><article class='post'><header><h1>Story</h1><p>By Jane Doe</p></header>"
        f"{_PARAS}</article></body></html>"
    )
    assert _body(html).startswith("Paragraph 0")


def test_filing_line_and_ads_named_in_parts_are_dropped():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<div class='it-ad'><b>Podcast</b> now</div>"
        "<div class='entry-utility'>This entry was posted in News. Bookmark the permalink.</div>"
        "<p class='postmetadata alt'>Posted on Monday and filed under News.</p></article>"
        "</body></html>"
    )
    text = _body(html)
    assert text.endswith("enough words to count.")


def test_unnamed_lead_in_a_plain_wrapper_before_the_container_is_kept():
    html = (
        "<html><body><article><h1>Story</h1><div class='share'><a href='/s'>Teilen</a></div>"
        "<div><p><strong>The lead of the story in bold type, which sums up what happened, where and "
        "when, and why it matters to the readers.</strong></p></div>"
        f"<div class='entry-content'>{_PARAS}</div></article></body></html>"
    )
    assert _body(html).startswith("The lead of the story in bold")


def test_lead_as_the_own_text_of_a_block_is_kept():
    html = (
        "<html><body><article><h1>Story</h1><div class='x'>The lead of the story as a block "
        "of text, which sums up what happened, where and when, and why it matters.</div>"
        f"<div class='entry-content'>{_PARAS}</div>"
        "</article></body></html>"
    )
    assert _body(html).startswith("The lead of the story as a block")


def test_closing_labels_and_appeals_are_trimmed():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<p>We need your help</p>"
        "<p>Help us continue to bring the news to readers everywhere.</p>"
        "<p>News date : 04/21/2022 Category : Press Releases</p></article></body></html>"
    )
    assert _body(html).endswith("Paragraph 5 of the article body with enough words to count.")


def test_a_donation_reported_in_the_article_stays():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<p>The clinic thanked the resort for "
        "its donation of supplies, which lets it do more for the community.</p></article>"
        "</body></html>"
    )
    assert "its donation of supplies" in _body(html)


def test_donation_and_newsletter_boxes_are_dropped():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<div class='reward rty-new-donation'>"
        "<p>Support this kind of journalism.</p></div><div class='news-letter-section'>"
        "<p>Sign up for our letters.</p></div></article></body></html>"
    )
    text = _body(html)
    assert "journalism" not in text and "letters" not in text


def test_fact_boxes_and_disclaimers_beside_the_text_are_dropped():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<div class='mol-factbox floatRHS'>"
        "<p>A box of facts told in another story about the same topic.</p></div>"
        "<p class='aawp-disclaimer'>Links marked with a star are affiliate links.</p>"
        "<div class='appstores'><h3>Read the magazine in our app for iOS and Android.</h3></div>"
        "<div class='c-flyout'><p>Every small gift helps the people in need.</p></div>"
        "</article></body></html>"
    )
    text = _body(html)
    assert "facts" not in text and "affiliate" not in text and "Paragraph 5" in text
    assert "magazine" not in text and "gift" not in text


def test_picture_credit_lines_are_dropped():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<div class='img'><div>Photograph by "
        "Ed Marshall, Restoration Programme</div></div><p>Beitragsbild: Titelseite vom "
        "2.4.2019</p><div class='cap'><small>(crédito: Minervino Júnior/CB)</small></div>"
        "<div>| © Augusta National/Getty Images</div></article></body></html>"
    )
    text = _body(html)
    assert "Ed Marshall" not in text and "Titelseite" not in text
    assert "Minervino" not in text and "Getty" not in text


def test_a_lead_the_container_repeats_is_not_doubled():
    lead = "The lead of the story, which sums up what happened, where and when, and why."
    html = (
        f"<html><body><article><h1>Story</h1><p class='teaser'>{lead}</p>"
        f"<div class='entry-content'><p>{lead}</p>{_PARAS}</div></article></body></html>"
    )
    assert _body(html).count("The lead of the story") == 1


def test_a_share_bar_above_the_headline_does_not_cut_the_article():
    html = (
        "<html><body><article><div class='col'><div class='row'><ul><li>Artikel teilen: "
        "Gefällt mir</li></ul></div><h1>Story</h1><p class='lead'>The lead of the story, "
        "which sums up what happened and where it did.</p></div>"
        f"<div class='col'>{_PARAS}</div></article></body></html>"
    )
    assert "The lead of the story" in _body(html)


def test_opening_labels_over_the_text_are_dropped():
    html = (
        "<html><body><article><h1>Story</h1><div class='entry-content'><span>Promis</span>"
        f"<p>By</p>{_PARAS}</div></article></body></html>"
    )
    assert _body(html).startswith("Paragraph 0")


def test_more_topics_heading_after_the_article_cuts_what_follows():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<h3>Weitere Tourentipps</h3>"
        "<p>Another tour you may like</p><p>Diese Artikel könnten euch auch interessieren:</p>"
        "</article></body></html>"
    )
    text = _body(html)
    assert "Paragraph 5" in text and "Another tour" not in text


def test_author_boxes_are_dropped():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<div class='saboxplugin-wrap'><p>Jane "
        "Doe is a photographer from Hamburg.</p></div><div class='authorbox'><p>John Roe "
        "writes about law.</p></div></article></body></html>"
    )
    text = _body(html)
    assert "photographer" not in text and "writes about law" not in text


def test_a_closing_label_introducing_a_removed_embed_is_trimmed():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<p>Die Karte zum Abspeichern:</p>"
        "<iframe src='https://maps.example.org/x'></iframe></article></body></html>"
    )
    assert _body(html).endswith("enough words to count.")


def test_author_label_after_the_article_cuts_the_bio():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<p><b>AUTOR</b></p><p>Dr. Jane Doe</p>"
        "<p>ist Gründungspartnerin einer Kanzlei in Berlin.</p></article></body></html>"
    )
    text = _body(html)
    assert "Paragraph 5" in text and "Jane Doe" not in text and "Kanzlei" not in text


def test_byline_as_label_and_name_paragraphs_is_dropped():
    html = (
        "<html><body><article><h1>Story</h1><div class='entry-content'><p>The lead of the "
        "story, which sums up what happened.</p><p>By</p><p>Sarah Yang</p>"
        f"{_PARAS}</div></article></body></html>"
    )
    text = _body(html)
    assert "Sarah Yang" not in text and text.startswith("The lead of the story")


def test_closing_paywall_promotion_is_trimmed():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<p>To view the full story, please "
        "subscribe to The Times.</p><p>When you join The Times family, you will get "
        "unlimited digital access to journalism you will not get anywhere else.</p>"
        "<p>Join now or renew to get: instant access to stories and special reports.</p>"
        "</article></body></html>"
    )
    assert _body(html).endswith("enough words to count.")


def test_ad_labels_and_a_closing_footer_line_are_dropped():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<p>ANZEIGE - Heute mal ausgehen?</p>"
        f"{PARA.format('Story')}<p>IMPRESSUM | DATENSCHUTZ | COPYRIGHT JANE DOE</p></article>"
        "</body></html>"
    )
    text = _body(html)
    assert "ANZEIGE" not in text and "IMPRESSUM" not in text and "Paragraph 5" in text


def test_labels_of_page_controls_are_dropped():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<div class='citation'><div>Quellen "
        "ausblenden</div><ol><li>Smith, J. (2020): A study of anxieties, in: Journal.</li></ol>"
        "</div></article></body></html>"
    )
    text = _body(html)
    assert "ausblenden" not in text and "A study of anxieties" in text


def test_server_error_messages_in_the_text_are_dropped():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<p><b>Warning</b>: Creating default "
        "object from empty value in /www/wp-includes/classes.php on line 407</p>"
        "<p>The article goes on after the warning, as articles do.</p></article></body></html>"
    )
    text = _body(html)
    assert "Warning" not in text and "goes on after the warning" in text


def test_a_closing_change_stamp_is_trimmed():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<p><small>howto.html - Created "
        "03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm</small></p></article></body></html>"
    )
    assert _body(html).endswith("enough words to count.")


def test_closing_pointers_onward_are_trimmed():
    html = (
        f"<html><body><article><h1>Story</h1>{_PARAS}<p>Alles über Wanderschuhe findest "
        "Du <a href='/schuhe'>hier</a>.</p><p><a href='/next'>... weiter zu \"die Wortwahl\""
        "</a></p></article></body></html>"
    )
    assert _body(html).endswith("enough words to count.")
