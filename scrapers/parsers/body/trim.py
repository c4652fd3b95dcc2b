"""Lines that open or close the article text but are not part of it.

Pruning works on markup; what it leaves at the edges of the text is judged
by the text itself: labels ("Read more", "Kategorien", "Kontakt:"), calls to
subscribe, follow, donate or pay, a footer line of links, a byline set as a
label and a name, advertisement and page-control labels, a slideshow's
controls ("1 of 8", "Next").  Captions are not here: they left the text
with their pictures (``media.py``).
"""

from __future__ import annotations

import re

from scrapers.parsers.body.credits import CHROME

# Paragraphs that end articles but are not part of them: links onward, filing
# labels, and calls to subscribe or follow.
_READ_MORE = re.compile(
    r"^(?:read more|related|see also|more:|also read|lee también|mehr themen|more topics|"
    r"categor(?:y|ies)\s*:|kategorien?\s*:|filed under|last modified|zuletzt (?:geändert|aktualisiert)|"
    r"subscribe|abonnieren|jetzt abonnieren|follow us|folgen sie uns|síguenos|siguenos|suivez-nous)",
    re.I,
)


# (with the full stops, quotes and brackets that close CJK sentences: 。！？」』）)
_SENTENCE_END = re.compile(r"[.!?…:\"”“»«)\]。！？．」』）】]$")
# Calls to action that close a page's article: subscribe, follow, get the app.
_CALL_TO_ACTION = re.compile(
    r"subscri(?:be|ption|ber)|abonnier|newsletter|suscr[ií]b|únete|hazte miembro|"
    r"\bapps? (?:for|für) (?:ios|android)|telegram|canal de youtube|youtube channel|"
    r"follow (?:us|the \w+ on)|síguenos|folgen sie uns|besuchen sie unseren|"
    r"nichts mehr verpassen|nichts mehr versäumen|"
    # appeals for donations and for buying access
    r"jetzt spenden|spenden sie|unterstützen sie (?:uns|unsere|diese)|"
    r"support (?:us|our|independent)|"
    r"donate now|make a donation|help us (?:continue|keep)|\bapoya(?:nos)?\b|"
    r"(?:view|read) the (?:full|whole|rest of the) (?:story|article)|vorteile sichern|"
    r"subskrypc|join now|unlimited (?:digital )?access",
    re.I,
)


TRIM_MAX = 6  # closing paragraphs trimmed at most
LEAD_LABEL = 15  # characters: a shorter opening line without a sentence is a label
CTA_MAX = 350  # characters: a longer closing paragraph is prose, whatever its words
TRIM_SHORT = 50  # characters: a closing line shorter than this and not a sentence is a label


# An advertisement's label and the site's footer line ("Impressum | Datenschutz").
_AD_LABEL = re.compile(r"(?:anzeige|advertisement|werbung|publicidad|reklama)\b", re.I)
_SITE_FOOTER = re.compile(
    r"\bimpressum\b|\bdatenschutz|privacy policy|terms of (?:use|service)|\bcopyright\b", re.I
)
# Labels of page controls left as text: toggles, "show more".
_CONTROL = re.compile(
    r"\w (?:aus|ein)blenden$|^(?:mehr|weniger|alle) anzeigen$|^show (?:more|less|all)$|"
    r"^(?:mehr lesen|weiterlesen|read more|leer más|lire la suite)$",
    re.I,
)
# A pointer onward that closes the text ("... weiter zu X", "Mehr dazu findest du hier.").
_ONWARD = re.compile(
    r"^\W*weiter (?:zu|mit)\b|(?:findest du|finden sie|findet ihr|lest ihr|liest du) \w*\s*hier\W*$",
    re.I,
)
# A rights notice closing the text: an agency's ("Copyright 2008 The Associated
# Press. All rights reserved. This material may not be published ...") or the site's.
_RIGHTS_NOTICE = re.compile(
    r"^\W{0,3}(?:(?:copyright\s*)?(?:©|\(c\)\s)|copyright\s+(?:\d{4}|by\b))|"
    r"all rights reserved|alle rechte vorbehalten|"
    r"todos los derechos reservados|tous droits réservés|tutti i diritti riservati|"
    r"this material may not be (?:published|reproduced)",
    re.I,
)
RIGHTS_MAX = 320  # characters: a longer closing paragraph is prose that mentions rights
# The page's change stamp closing it ("Created ... - Last Modified: ...").
_MODIFIED = re.compile(r"last (?:modified|updated)|zuletzt (?:geändert|aktualisiert)", re.I)
# A server's error message printed into the page (PHP's warnings on old blogs).
_SERVER_ERROR = re.compile(
    r"(?:warning|deprecated|notice|fatal error|parse error|strict standards): .{0,300}"
    r"\bon line \d+",
    re.I | re.S,
)
_BYLINE_LABEL = frozenset(["by", "von", "por", "par", "by:", "von:", "por:", "par:"])


def _drop_label_bylines(paras: list[str]) -> list[str]:
    """Drop a byline set as a label paragraph and a name ("By" / "Sarah Yang"):
    the authors are a field of their own."""
    out: list[str] = []
    skip = False
    for k, p in enumerate(paras):
        if skip:
            skip = False
            continue
        nxt = paras[k + 1] if k + 1 < len(paras) else ""
        if (
            len(p) <= 4
            and p.lower() in _BYLINE_LABEL
            and 0 < len(nxt) < 60
            and not _SENTENCE_END.search(nxt)
        ):
            skip = True
            continue
        out.append(p)
    return out


def trim_text(text: str) -> str:
    """Drop trailing labels left after pruning ("Read more", "Schlagworte", "Share")
    and short calls to subscribe or follow that close the article.  Opening
    one-word labels (a kicker, the section, "By") go too, and a slideshow's
    controls anywhere."""
    paras = text.split("\n\n")
    for _ in range(TRIM_MAX):
        if len(paras) < 2:
            break
        last = paras[-1]
        if (
            (_READ_MORE.match(last) and len(last) < 200)
            or (len(last) < TRIM_SHORT and not _SENTENCE_END.search(last))
            or (len(last) < 30 and last.endswith(":"))  # (introduces what is gone)
            or (len(last) < CTA_MAX and _CALL_TO_ACTION.search(last))
            or (len(last) < 200 and "|" in last and _SITE_FOOTER.search(last))
            or (len(last) < 200 and _MODIFIED.search(last))
            or (len(last) < RIGHTS_MAX and _RIGHTS_NOTICE.search(last))
            or (len(last) < 120 and _ONWARD.search(last))
        ):
            paras.pop()
        else:
            break
    paras = [
        p
        for p in _drop_label_bylines(paras)
        if not (len(p) < 120 and _AD_LABEL.match(p))
        and not (len(p) < 40 and (_CONTROL.search(p) or CHROME.match(p)))
        and not _SERVER_ERROR.match(p)
    ]
    head = 0
    while head < min(3, len(paras) - 1) and (
        len(paras[head]) < LEAD_LABEL and not _SENTENCE_END.search(paras[head])
    ):
        head += 1  # (kickers, section labels and "By" lines over the text)
    return "\n\n".join(paras[head:])
