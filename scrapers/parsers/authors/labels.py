"""The labels a byline is printed with, in the languages of the pages.

A byline opens with a preposition ("By", "Von", "Par", "Por", "Door", "di"),
a verb and a preposition ("Written by", "Geschrieben von", "Publié par",
"Escrito por", "Scritto da", "Geplaatst door", WordPress's "Posted by",
Drupal's "Submitted by" / "Gespeichert von"), or a noun and a colon
("Autor:", "Auteur :", "Texto:", "Redactie:").  Theme templates also put the
date first ("Posted on May 3, 2021 by Jane Doe", "06.11.2023 13:30 von
Olga", "Publié le 3 mai 2021 par ...") or set the date and the name side by
side in a meta line ("25.10.2022 - Reiner Nagel", "Jane Doe | 03.05.2021").
"""

from __future__ import annotations

import re

from scrapers.parsers.dates.parse import parse_date

# Verbs that stand before the preposition of a byline.
_VERB_WORDS = (
    ["text", "texto", "written", "posted", "published", "submitted", "created", "beitrag"]
    + ["geschrieben", "verfasst", "erstellt", "gespeichert", "eingestellt", "eingereicht"]
    + ["veröffentlicht", "publiziert", "escrito", "publicado", "enviado", "redactado"]
    + [
        "écrit",
        "publié",
        "rédigé",
        "posté",
        "geschreven",
        "geplaatst",
        "gepubliceerd",
        "ingezonden",
    ]
)
# Italian verbs take "da" ("Scritto da"), a word too common to open a byline alone.
_VERB_DA_WORDS = ["scritto", "pubblicato", "inviato"]
# Nouns that label the name after a colon.
_NOUN_WORDS = (
    ["text", "texto", "texte", "testo", "tekst", "autor", "autora", "autores", "autorin"]
    + ["autoren", "author", "authors", "auteur", "auteure", "auteurs", "autore", "autrice"]
    + ["autori", "verfasser", "verfasserin", "redaktion", "redacción", "redação", "redazione"]
    + ["rédaction", "redactie"]
)
_PREPOSITION_WORDS = ["by", "von", "vom", "por", "par", "door", "di"]

_VERBS = rf"(?:blog\s+)?(?:{'|'.join(_VERB_WORDS)})"
_VERBS_DA = rf"(?:{'|'.join(_VERB_DA_WORDS)})"
_NOUNS = rf"(?:{'|'.join(_NOUN_WORDS)})"
_PREPOSITIONS = r"(?:by|von|vom|por|par|door|(?-i:di))"

BY_TEXT = re.compile(
    rf"^[\s\-–—|·•]*(?:(?:{_VERBS}\s+)?{_PREPOSITIONS}\s*:?\s+\S"
    rf"|{_VERBS_DA}\s+da\s*:?\s+\S"
    r"|a\s+cura\s+di\s+\S"
    rf"|{_NOUNS}\s*:\s*\S"
    r"|autoren\s+\S)",
    re.I,
)
# A label standing alone in its element, the name following it ("<b>Von:</b> Name").
BY_LABEL = re.compile(
    rf"^[\s|]*(?:(?:{_VERBS}\s+)?{_PREPOSITIONS}|{_VERBS_DA}\s+da|a\s+cura\s+di|{_NOUNS})\s*:?\s*$",
    re.I,
)
# The first words of the labels above: most texts fail this before any regex runs.
_FIRST_WORDS = frozenset(
    _VERB_WORDS + _VERB_DA_WORDS + _NOUN_WORDS + _PREPOSITION_WORDS + ["blog", "a"]
)
_LEAD = " \t\r\n\xa0-–—|·•"
# Their first letters, and the marks a label may follow ("| By"), to test before the word.
BY_FIRST = frozenset(w[0] for w in _FIRST_WORDS) | frozenset(w[0].upper() for w in _FIRST_WORDS)
BY_FIRST |= frozenset(_LEAD.strip())


def starts_label(text: str | None) -> bool:
    """The text opens with a word a byline label opens with (a cheap test before the regexes)."""
    if not text:
        return False
    words = text.lstrip(_LEAD).split(None, 1)
    return bool(words) and words[0].split(":", 1)[0].casefold() in _FIRST_WORDS


# A preposition after a date ("Posted on May 3, 2021 by", "06.11.2023 13:30 von"),
# a name's first letter after it.
_MID_LABEL = re.compile(r"\s(?:(?i:by|von|par|por|door)|da|di)\s*:?\s+(?=[^\W\d_])")


# What may stand between a date and the label: a clock's suffix or a time zone, punctuation.
_DATE_END = re.compile(
    r"[\s,.:|·•–—-]*(?:(?:uhr|h|am|pm|a\.m\.|p\.m\.|[A-Z]{2,4}T|UTC|GMT)\b[\s,.]*)?$", re.I
)


def after_date(text: str) -> str | None:
    """The byline that follows a date in a meta line ("by Jane Doe" of "Posted on
    May 3, 2021 by Jane Doe", "9 Hours Ago By Jane Doe"), or None."""
    if len(text) > 160:
        return None
    for m in _MID_LABEL.finditer(text, 0, 80):
        date = text[: m.start()]
        last = max(date.rfind(d) for d in "0123456789")
        if last < 0:
            continue
        if _RELATIVE.search(date) or (_DATE_END.match(date, last + 1) and parse_date(date)[0]):
            return text[m.start() + 1 :]
    return None


# A relative time before the label ("9 Hours Ago By", "vor 3 Stunden von", "hace 2 horas por").
_RELATIVE = re.compile(
    r"\d+\s*\w+\s+(?:ago|geleden|fa)\W*$|(?:vor|hace|há|il\s+y\s+a)\s+\d+\s*\w+\W*$", re.I
)


_SIDES = re.compile(r"\s+[|·•●–—-]\s+|\s*[|·•●]\s*")
_NAME_WORD = re.compile(r"^(?:[^\W\d_a-z][\w'’.-]*|von|van|de|der|den|del|da|di|du|la|le|y)$")


def dated_name(text: str) -> str | None:
    """The name of a meta line that sets a date and a name side by side
    ("25.10.2022 - Reiner Nagel", "Jane Doe | May 3, 2021"), or None.

    Only two parts: the date (it parses) and two to four capitalised words.
    """
    if len(text) > 90 or "\n" in text.strip():
        return None  # (one line: a date and a name, no list)
    parts = _SIDES.split(text.strip())
    if len(parts) != 2:
        return None
    for date, name in (parts, parts[::-1]):
        words = name.split()
        if (
            2 <= len(words) <= 4
            and not any(c.isdigit() for c in name)
            and all(_NAME_WORD.match(w) for w in words)
            and words[0][0].isupper()
            and parse_date(date)[0]
        ):
            return name
    return None


# What the name splitter strips from a byline's start (stacked: "Posted by By ...").
_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|published|reported|submitted|created|text|texto|photos?|story|eingestellt|"
    r"erstellt|geschrieben|verfasst|veröffentlicht|gespeichert|eingereicht|publiziert|artikel|beitrag|"
    r"ein\s+beitrag|blog\s+beitrag|rezept|zum\s+profil|view\s+all\s+posts|all\s+posts|"
    r"all\s+(?:articles|stories)|more|mehr|alles|(?:zeige\s+)?alle\s+(?:artikel|beiträge)|"
    r"escrito|publicado|enviado|redactado|publié|écrit|rédigé|posté|"
    r"scritto|pubblicato|inviato|a\s+cura|geschreven|geplaatst|gepubliceerd|ingezonden)\s+)?"
    r"(?:by|from|von|vom|por|par|door|(?-i:di|da)|av|af|від|от|autor(?:a|in|en)?|authors?|auteure?|autore|autrice|text|texto|"
    r"redacción:|redaktion:|written\s+by)\s*[:.]?\s+"
    r"|^\s*(?:texte|testo|tekst|autores|autori|auteurs|verfasser(?:in)?|redazione|redação|rédaction"
    r"|redactie)\s*:\s*"
    # "Tous les articles de", "Más artículos de", "Altri articoli di", "Meer van"
    r"|^\s*(?:tous\s+les\s+articles|plus\s+d'articles|(?:todos\s+los\s+|más\s+)?artículos|más|"
    r"mais(?:\s+artigos)?|(?:todos\s+os\s+)?artigos|(?:tutti\s+gli|altri)\s+articoli|meer|"
    r"alle\s+artikelen)\s+(?:de|del|do|da|di|van)\s+",
    re.I,
)


def strip_labels(text: str) -> str:
    """Remove stacked prefixes ("Posted by By ...")."""
    for _ in range(3):
        stripped = _PREFIX.sub("", text)
        if stripped == text:
            break
        text = stripped
    return text
