"""Signs that a script loads the page's comment thread (pure, from the HTML alone).

The HTML of such a page holds no comments, or only the first few, but it
shows how the rest arrives.  Each sign is general; none names a site:

- ``embed:NAME``: a known third-party embed (:mod:`.thirdparty`) and no comments;
- ``holder:NAME``: an element named for a widget by the provider pattern
  (:mod:`.holders`: ``<NAME-comments>``, ``#NAME_thread``) and no comments;
- ``element``: a custom element or an iframe that names comments, in a
  comment region;
- ``region``: a comment container that is empty, says it is loading, or
  names where its content comes from (``data-*src``, ``data-*url``,
  ``data-lazy*``), or a link to the page's comments (``#comments``) whose
  target is not in the HTML;
- ``control``: a button in a comment region that shows or loads comments
  ("Show comments (12)", "Load more comments", "Mostrar comentarios");
- ``json``: thread JSON in a ``<script type="application/json">``.

The browser stage renders the pages that show any (``ARCHIVE_BROWSER=auto``),
and a thread with signs that no browser rendered is never called complete.
Only pages whose classes or ids name comments (or that embed a known system)
are looked at, and then mostly inside their comment regions: the parse of a
page without comments pays for one test.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin

from lxml import etree

from scrapers.parsers.comments.holders import find_holder
from scrapers.parsers.comments.jsonthread import comments_in, load_json
from scrapers.parsers.comments.scan import Scan
from scrapers.parsers.comments.thirdparty import Embed

_THREAD = re.compile(
    r"(?<!\w)(?:comments?|replies|discussion|conversation|comentarios?|comentários|respuestas|"
    r"respostas|commentaires?|réponses|kommentare?|commenti|risposte|reacties|komentarz[ey]?|"
    r"комментари[йяие]в?|ответы|обсуждение)(?!\w)",
    re.I,
)
_REVEAL = re.compile(
    r"(?<!\w)(?:load|show|view|see|display|read|more|older|previous|expand|cargar|mostrar|ver|"
    r"más|carregar|mais|exibir|charger|afficher|voir|plus|laden|anzeigen|mehr|weitere|carica|"
    r"mostra|altri|vedi|toon|laad|meer|pokaż|więcej|załaduj|показать|загрузить|ещё|еще|"
    r"раскрыть|развернуть)(?!\w)",
    re.I,
)
_NEVER = re.compile(
    r"(?<!\w)(?:reply|respond|share|report|cancel|post|submit|send|log ?in|sign ?in|subscribe|"
    r"sort|newest|oldest|edit|delete|responder|répondre|ответить|войти)(?!\w)",
    re.I,
)
_LOADING = re.compile(
    r"loading|cargando|carregando|chargement|wird geladen|caricamento|bezig|загрузка", re.I
)
# A class or id token that names the thread's own container ("comments",
# "comment-list", "js-comments-area"); not its parts ("comment-form").
_REGION_TOKEN = re.compile(
    r"^(?:(?:js|article|post|story|reader|readers|user|page|entry|news|blog|site|main|the|all|"
    r"lazy|async)[-_])?(?:comments?|discussion|kommentare|comentarios|commentaires|commenti|"
    r"комментарии)(?:[-_]?(?:list|section|area|container|wrapper|root|thread|widget|box|holder|"
    r"app|module|embed|placeholder|content|field))?$",
    re.I,
)
_DATA_SOURCE = re.compile(r"src|url|lazy|dynamic|load|endpoint|api|async", re.I)
_CONTAINERS = frozenset(("div", "section", "aside", "ol", "ul", "footer", "main"))
_HREFS = etree.XPath("/descendant::a/@href[contains(., '#')]", smart_strings=False)
# id() is libxml2's table of the document's ids (no walk); names need the walk
_BY_ID = etree.XPath("id($f)")
_BY_NAME = etree.XPath("/descendant::*[@name=$f]")
_FRAGMENT_NAME = re.compile(r"comment|discuss|kommentar|comentario|коммент", re.I)
_JSON_SCRIPTS = etree.XPath("/descendant::script[@type='application/json' or @type='text/json']")
_WIDGET_TAG = re.compile(r"comment|discussion|talk|thread", re.I)
_FRAME_NAMES = re.compile(r"omment|disqus|discussion", re.I)


def _label(el: etree._Element) -> str:
    text = " ".join((el.text_content() or "").split())
    return " ".join(x for x in (text, el.get("aria-label"), el.get("title")) if x)[:120]


def _control(el: etree._Element) -> bool:
    """A button (or script link) that shows or loads comments."""
    href = (el.get("href") or "").strip()
    if el.tag == "a" and href not in ("", "#") and not href.lower().startswith("javascript"):
        return False  # a link to a place (see _missing_anchor)
    label = _label(el)
    if not label or len(label) > 80 or _NEVER.search(label):
        return False
    return bool(_THREAD.search(label) and (_REVEAL.search(label) or el.tag == "button"))


def _widget(el: etree._Element) -> bool:
    """A custom element or an iframe that names comments."""
    if el.tag == "iframe":
        names = " ".join(el.get(k) or "" for k in ("src", "id", "title", "class", "name"))
        return bool(_FRAME_NAMES.search(names))
    return isinstance(el.tag, str) and "-" in el.tag and bool(_WIDGET_TAG.search(el.tag))


def _outermost(marked: list) -> list:
    """The marked elements not inside another marked one (the regions);
    never the whole page (a ``body`` whose class says "comments-open")."""
    inside = {el for el in marked if el.tag not in ("html", "body")}
    return [el for el in inside if not any(a in inside for a in el.iterancestors())]


def _empty_container(el: etree._Element) -> bool:
    """A comment container that is empty, loading, or names its source."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag not in _CONTAINERS and "-" not in tag:
        return False
    tokens = f"{el.get('id') or ''} {el.get('class') or ''}".split()
    if not any(_REGION_TOKEN.match(t) for t in tokens):
        return False
    if any(k.startswith("data-") and _DATA_SOURCE.search(k) for k in el.attrib):
        return True
    text = " ".join((el.text_content() or "").split())
    return (not text or (len(text) < 60 and bool(_LOADING.search(text)))) and (
        el.find(".//form") is None
    )


def _missing_anchor(doc: etree._Element) -> bool:
    """A link to the page's comments ("12 comments" -> ``#comments``) whose
    target is not in the HTML: a script builds the section."""
    here = None
    for href in {h for h in _HREFS(doc) if _FRAGMENT_NAME.search(h.rpartition("#")[2])}:
        page, fragment = urldefrag(href.strip())
        if page:
            here = here or urldefrag(doc.getroottree().docinfo.URL or "")[0]
            if urldefrag(urljoin(here, page))[0] != here:
                continue  # a link to another page's comments
        if fragment and not _BY_ID(doc, f=fragment) and not _BY_NAME(doc, f=fragment):
            return True
    return False


def _json(doc: etree._Element) -> bool:
    for script in _JSON_SCRIPTS(doc):
        text = script.text or ""
        if len(text) > 2_000_000 or not ("omment" in text or "repl" in text or "posts" in text):
            continue
        answer = load_json(text.encode("utf-8"))
        if answer is not None and comments_in(answer)[0]:
            return True
    return False


def _controls(regions: list) -> bool:
    for region in regions:
        for el in region.iter("button", "a", "span", "div"):
            if (el.tag in ("button", "a") or el.get("role") == "button") and _control(el):
                return True
    return False


def script_signs(
    doc: etree._Element,
    found: Scan,
    *,
    has_comments: bool,
    embed: Embed | None,
    regions: list | None = None,
) -> list[str]:
    """Why a script loads (more of) this page's thread; empty when nothing does.

    ``regions`` are the thread's regions when it has comments (controls are
    looked for there); otherwise the outermost comment-marked elements are.
    """
    signs: list[str] = []
    if embed is None and not found.marked:
        return signs
    if has_comments:
        return ["control"] if _controls(regions or []) else signs
    outer = _outermost(found.marked)
    if embed is not None:
        signs.append(f"embed:{embed.system}")
    holder = find_holder(doc, found.others, outer) if embed is None else None
    if holder is not None:
        signs.append(f"holder:{holder.name}")
    if any(_widget(el) for region in outer for el in region.iter() if el is not region):
        signs.append("element")
    if any(_empty_container(el) for el in found.marked) or _missing_anchor(doc):
        signs.append("region")
    if _json(doc):
        signs.append("json")
    if _controls(outer):
        signs.append("control")
    return signs
