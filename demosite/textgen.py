"""Deterministic news prose from sentence templates.

Every function takes its own ``random.Random`` so that one article's text never
depends on how many other articles were generated before it (pages render
lazily and in any order).
"""

from __future__ import annotations

import random
import re
import unicodedata
from urllib.parse import quote

from demosite import words

_LISTS = {"en": words.EN, "es": words.ES, "ru": words.RU}
_SENTENCES = {"en": words.EN_SENTENCES, "es": words.ES_SENTENCES, "ru": words.RU_SENTENCES}
_COMMENTS = {"en": words.EN_COMMENTS, "es": words.ES_COMMENTS, "ru": words.RU_COMMENTS}
_SLOT = re.compile(r"\{(\w+)\}")
_SMALL = {"the", "a", "of", "in", "on", "and", "for", "to", "de", "la", "el", "en", "del"}


def _fill(rng: random.Random, template: str, lang: str) -> str:
    table = _LISTS[lang]

    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        value = rng.choice(table[key.lower()])
        return value[:1].upper() + value[1:] if key[0].isupper() else value

    return _SLOT.sub(sub, template)


def title_case(text: str) -> str:
    """English headline capitalisation, leaving small words alone."""
    out = []
    for i, w in enumerate(text.split()):
        out.append(w if (i and w in _SMALL) else w[:1].upper() + w[1:])
    return " ".join(out)


def make_title(rng: random.Random, lang: str) -> str:
    """A headline: actor, verb, topic and (for English) a place."""
    t = _LISTS[lang]
    topic = rng.choice(t["topic"])
    if lang == "en":
        topic = title_case(topic.removeprefix("the "))
        return f"{rng.choice(t['title_actor'])} {rng.choice(t['title_verb'])} {topic} in {rng.choice(t['place'])}"
    if lang == "es":
        return f"{rng.choice(t['title_actor'])} {rng.choice(t['title_verb'])} {topic}"
    return f"{rng.choice(t['title_actor'])} {rng.choice(t['title_verb'])} {topic}"


def make_paragraph(rng: random.Random, lang: str) -> str:
    """Two to five sentences from the language's templates."""
    n = rng.randint(2, 5)
    text = " ".join(_fill(rng, rng.choice(_SENTENCES[lang]), lang) for _ in range(n))
    return text.replace(" de el ", " del ").replace(" a el ", " al ") if lang == "es" else text


def make_paragraphs(rng: random.Random, lang: str, n: int) -> list[str]:
    return [make_paragraph(rng, lang) for _ in range(n)]


def make_comment_text(rng: random.Random, lang: str) -> str:
    """A reader comment: mostly one short paragraph, sometimes several
    paragraphs or hard line breaks (which WordPress renders as ``<br />``)."""
    pool = _COMMENTS[lang]
    paras = []
    for _ in range(rng.choice((1, 1, 1, 1, 2, 2, 3))):
        lines = []
        for _ in range(rng.choice((1, 1, 1, 1, 2, 3))):
            k = rng.randint(1, 3)
            line = " ".join(_fill(rng, rng.choice(pool), lang) for _ in range(k))
            lines.append(line)
        paras.append("\n".join(lines))
    return "\n\n".join(paras)


_TRANSLIT = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l"})


def slugify(text: str, lang: str = "en") -> str:
    """WordPress-style slug.  Latin text loses its accents (``remove_accents``);
    Cyrillic is kept and percent-encoded lowercase, as WordPress stores it."""
    text = text.lower().replace("’", "").replace("'", "")
    if lang == "ru":
        text = re.sub(r"[^\w\s-]", "", text)
        text = re.sub(r"[\s_-]+", "-", text).strip("-")
        return quote(text, safe="-").lower()
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9\s-]", "", text)
    return re.sub(r"[\s-]+", "-", text).strip("-")
