"""The article's text: the container that holds it, pruned of what is not the article,
and the pictures taken out of it with their captions.

- ``extract``: the text container (the headline's column) and the body's text;
- ``post``: the post's own block (post markup around the headline), which confines
  the container on short posts;
- ``boilerplate``: the pruning passes, then one walk dropping boilerplate blocks;
- ``markup``: one element's markup as boilerplate (class/id/role words, hidden);
- ``sizes``: text and link-text sizes of blocks;
- ``end_markers``: the heading that ends the article ("Related posts") and what follows;
- ``meta_lines``: date-only, rights and picture-credit lines;
- ``teasers``: lists of other articles that close the page;
- ``header_leads`` and ``lead``: headers reduced to their lead, leads found in headers;
- ``trim``: closing labels and calls to action trimmed off the text;
- ``media``, ``pictures`` and ``credits``: figures, captions and credits out of the
  text, as the article's media (pictures and videos in page order, caption and
  credit apart).

May import: :mod:`scrapers.parsers.document`, :mod:`scrapers.parsers.dates`.
"""

from scrapers.parsers.body.extract import extract_body, strip_junk

__all__ = ["extract_body", "strip_junk"]
