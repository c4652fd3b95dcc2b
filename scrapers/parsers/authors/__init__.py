"""The article's authors: the byline split into people.

- ``byline``: where the byline is (markup, labels, links) and the authors it names;
- ``labels``: the labels bylines are printed with, in the languages of the pages;
- ``lines``: the elements that state a byline by its label, found in the page scan;
- ``context``: what is no byline (teasers of other articles, menus, a link in a sentence);
- ``credits``: credits after the text ("Written by:", signatures);
- ``meta``: authors the metadata states (JSON-LD, meta tags);
- ``links``: author-profile and topic links;
- ``names``: a byline string split into names, labels and roles dropped;
- ``trims``: dates, job titles and line breaks around a name;
- ``words``: the word lists names are told by (labels, particles, organisations);
- ``fallbacks``: the site owner or copyright holder, when the page names nobody;
- ``box``: author boxes (picture, name, biography), whose biography is no byline.

May import: :mod:`scrapers.parsers.document`, :mod:`scrapers.parsers.dates`.
"""

from scrapers.parsers.authors.byline import extract_authors

__all__ = ["extract_authors"]
