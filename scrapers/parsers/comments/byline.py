"""Comment bylines stated in words rather than markup.

Many themes print who wrote a comment and when as one line of text, with no
element around the name or the date: "Posted by: NAME | DATE" (TypePad),
"NAME on DATE" (old WordPress themes), "Submitted by NAME on DATE" (Drupal),
"Comment by NAME — DATE", "NAME said..." (Blogger), "by NAME (uid) on DATE"
(Slashdot), "DATE / NAME says:".  ``read_byline`` splits such a line into the
name and the date; ``clean_name`` takes the labels, "says"-words and glued
profile URLs off a name, in the languages the archive meets most.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapers.parsers.comments.when import MAY_DATE, comment_date
from scrapers.parsers.dates.parse import MONTHS

MAX_LINE = 160  # a byline is short; a longer line is comment text
_MAX_NAME = 60
_MAX_WORDS = 6

# "Posted by", "Comment by", "Kommentar von", "Publié par", "Escrito por", "by"
_LABEL = re.compile(
    r"^(?:(?:comment(?:ed)?|posted|submitted|written|reply|replied|answer(?:ed)?|kommentar"
    r"|antwort|geschrieben|verfasst|eingetragen|commentaire|publié|posté|écrit|réponse"
    r"|comentario|comentado|publicado|escrito|enviado|respuesta|commento|pubblicato|scritto"
    r"|inviato|risposta|geplaatst|reactie|napisał[a]?|комментарий|ответ|опубликовал[а]?)"
    r"\s+)?(?:by|von|par|de|por|di|da|door|av|af|od|от)\s*:?\s+"
    r"|^(?:author|autor|auteur|autore|auteur|name|nombre|nom|nome|from|commenter|poster)\s*:\s*",
    re.I,
)
# a label after other words: "Ein Argument geschrieben von NAME", "Re: X posted by NAME"
_MID_LABEL_HINT = re.compile(r" (?:by|von|par|por|door|di) ", re.I)
_MID_LABEL = re.compile(
    r"\s(?:posted|written|submitted|commented|geschrieben|verfasst|kommentiert|publié|écrit"
    r"|escrito|publicado|scritto|pubblicato|geplaatst)\s+(?:by|von|par|por|di|door)\s*:?\s+",
    re.I,
)
# the words a label starts with: the regex is tried only on names that start so
_LABEL_STARTS = frozenset(
    [
        "comment",
        "commented",
        "posted",
        "submitted",
        "written",
        "reply",
        "replied",
        "answer",
        "answered",
        "kommentar",
        "antwort",
        "geschrieben",
        "verfasst",
        "eingetragen",
        "commentaire",
        "publié",
        "posté",
        "écrit",
        "réponse",
        "comentario",
        "comentado",
        "publicado",
        "escrito",
        "enviado",
        "respuesta",
        "commento",
        "pubblicato",
        "scritto",
        "inviato",
        "risposta",
        "geplaatst",
        "reactie",
        "napisał",
        "napisała",
        "комментарий",
        "ответ",
        "опубликовал",
        "опубликовала",
        "by",
        "von",
        "par",
        "de",
        "por",
        "di",
        "da",
        "door",
        "av",
        "af",
        "od",
        "от",
        "author",
        "autor",
        "auteur",
        "autore",
        "name",
        "nombre",
        "nom",
        "nome",
        "from",
        "commenter",
        "poster",
    ]
)
# "says:", "said...", "wrote", "schreibt", "a écrit", "escribió", "ha scritto", "пишет"
_SUFFIX = re.compile(
    r"\s*(?:says|said|wrote|writes|sagt|sagte|schreibt|schrieb|meint|meinte|dit|a dit|écrit"
    r"|a écrit|dice|dijo|escribe|escribió|comenta|comentó|scrive|ha scritto|disse|diz"
    r"|escreveu|schreef|zegt|пишет|написал[а]?|сказал[а]?)\s*(?:\.{2,3}|…)?\s*[:,]?\s*$",
    re.I,
)
# (the suffix regex is tried only on names that end with one of its words:
# searched from every position, it is slow to fail)
_SUFFIX_TEXT = """says said wrote writes sagt sagte schreibt schrieb meint meinte dit écrit dice dijo
escribe escribió comenta comentó scrive scritto disse diz escreveu schreef zegt пишет написал
написала сказал сказала"""
_SUFFIX_WORDS = tuple(_SUFFIX_TEXT.split())
_SUFFIX_END = " \t:,.…"
_NOT_VERIFIED = re.compile(
    r"\s*\((?:not verified|nicht überprüft|no verificado|non vérifié|non verificato|"
    r"niet geverifieerd)\)",
    re.I,
)
# "tinfoilhat (88231)": a user number; "NAME [URL]": a link to the commenter's site
_TRAILING_GROUP = re.compile(r"\s*(?:\([^()]{0,20}\)|\[[^\[\]]{0,20}\])\s*$")
_NUMBERING = re.compile(r"^(?:#\s?\d{1,5}|\d{1,5}[.)])\s+")  # "1. NAME", "#12 NAME"
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_EDGE = " \t\n|:;,-–—·•»«@/\\()[]{}#*"
# Words that are never a name on their own: a link or label left in the line.
_NOT_NAMES = frozenset(
    [
        "reply",
        "permalink",
        "link",
        "quote",
        "report",
        "edit",
        "delete",
        "posted",
        "comment",
        "comments",
        "submitted",
        "by",
        "on",
        "at",
        "antworten",
        "responder",
        "répondre",
        "rispondi",
        "share",
        "like",
    ]
)

# Where a line may be cut between its name part and its date part.
_SEP = re.compile(
    r"\s*(?:\||—|–|//|·|•|»|«|::|\s/\s|\s-\s|\s@\s?|,\s|\n)\s*"
    r"|\s+(?:on|at|am|um|le|el|il|em|op|den|der)\s+",
    re.I,
)
_TRAILING_REF = re.compile(r"\s*\([^()]{0,20}\)\s*$")  # "(#6401)", "(Link)"


@dataclass(slots=True)
class Byline:
    """What one byline line says: the name (None when it names nobody) and
    the date as printed, with its parse."""

    name: str | None
    raw: str | None
    iso: str | None
    approx: bool
    marked: bool  # a label or a "says" word was there: the name is one for sure


def clean_name(text: str) -> tuple[str | None, bool]:
    """``(name, marked)``: the name without labels, "says", "(not verified)",
    a user number or a URL glued before it; ``None`` when what is left is no
    name (too long, a sentence, a lone action word)."""
    name = _URL.sub(" ", text) if ("http" in text or "www." in text) else text
    name = " ".join(name.split())
    if name[:1].isdigit() or name[:1] == "#":
        name = _NUMBERING.sub("", name)
    marked = False
    if " " in name and _MID_LABEL_HINT.search(name):  # "A title written by NAME"
        m = _MID_LABEL.search(name)
        if m and m.end() < len(name):
            name, marked = name[m.end() :], True
    for _ in range(2 if name.split(" ", 1)[0].lower().rstrip(":") in _LABEL_STARTS else 0):
        m = _LABEL.match(name)
        if not m or m.end() >= len(name):
            break
        name, marked = name[m.end() :], True
    if name.rstrip(_SUFFIX_END).lower().endswith(_SUFFIX_WORDS):
        m = _SUFFIX.search(name)
        if m and m.start() > 0:
            name, marked = name[: m.start()], True
    if "(" in name or "[" in name:
        name = _TRAILING_GROUP.sub("", _NOT_VERIFIED.sub("", name))
    name = name.strip(_EDGE)
    if not _is_name(name):
        return None, False
    return name, marked


def _is_name(name: str) -> bool:
    if not name or len(name) > _MAX_NAME or not any(c.isalpha() for c in name):
        return False
    words = name.split()
    if len(words) > _MAX_WORDS or any(c in name for c in "?!;"):
        return False
    return not (len(words) == 1 and name.lower() in _NOT_NAMES)


def read_byline(line: str, fetched_at: str | None) -> Byline | None:
    """The name and date a byline states, or None when the line is none.

    The date is found in the whole line first; the line is then cut at the
    earliest separator ("|", "—", " on ", ...) whose one side still gives that
    date and whose other side gives none: that side is the name.
    """
    line = " ".join(line.split())
    if not line or len(line) > MAX_LINE:
        return None
    iso, approx = comment_date(line, fetched_at)
    if iso is None:
        name, marked = clean_name(line)
        return Byline(name, None, None, False, marked) if name and marked else None
    for start, end in _cuts(line):
        left, right = line[:start], line[end:]
        if not left or not right:
            continue
        if _dates(right, iso, fetched_at) and not _has_date(left, fetched_at):
            return _byline(left, right, iso, approx)
        if _dates(left, iso, fetched_at) and not _has_date(right, fetched_at):
            return _byline(right, left, iso, approx)
    # the line is the date alone (or a date whose name part could not be cut off)
    return Byline(None, _raw(line), iso, approx, False) if _date_words(line) else None


def _cuts(line: str):
    """Where to try cutting: the separators, then the spaces before a word
    that may start a date (a number, a month or a weekday)."""
    for m in _SEP.finditer(line):
        yield m.start(), m.end()
    at = 0
    for word in line.split(" "):
        if at and word and (word[0].isdigit() or word.lower().strip(".,") in _STARTS_A_DATE):
            yield at - 1, at
        at += len(word) + 1


def _dates(side: str, iso: str, fetched_at: str | None) -> bool:
    """``side`` gives the line's date and little else (no sentence around it)."""
    return (
        _date_words(side)
        and MAY_DATE.search(side) is not None
        and (comment_date(side, fetched_at)[0] == iso)
    )


def _has_date(side: str, fetched_at: str | None) -> bool:
    return MAY_DATE.search(side) is not None and comment_date(side, fetched_at)[0] is not None


def date_alone(raw: str) -> bool:
    """A printed date with no other words (no name or label around it)."""
    return _date_words(raw)


def name_beside(line: str, raw: str) -> str | None:
    """The name in a byline whose date is known (``raw``, as printed): the
    part of the line that is left, without labels ("NAME — DATE",
    "Posted by NAME on DATE")."""
    i = line.find(raw)
    if i < 0:
        return None
    before, after = line[:i], line[i + len(raw) :]
    for side in (before, after):
        side = _TRAILING_SEP.sub("", _LEADING_SEP.sub("", side))
        if side:
            name, _ = clean_name(side)
            if name:
                return name
    return None


_LEADING_SEP = re.compile(r"^(?:\s|[|—–·•»«/@,:-]|\b(?:on|at|am|um|le|el|il)\b)+", re.I)
_TRAILING_SEP = re.compile(r"(?:\s|[|—–·•»«/@,:-]|\b(?:on|at|am|um|le|el|il|em|op)\b)+$", re.I)


def may_name(line: str) -> bool:
    """Whether a line without a date may still name a commenter: it starts with
    a label ("Posted by") or ends with a "says" word (a cheap test first)."""
    first = line.split(" ", 1)[0].lower().rstrip(":")
    return first in _LABEL_STARTS or line.rstrip(_SUFFIX_END).lower().endswith(_SUFFIX_WORDS)


def _byline(name_side: str, date_side: str, iso: str, approx: bool) -> Byline:
    name, marked = clean_name(name_side)
    return Byline(name, _raw(date_side), iso, approx, marked)


def _raw(date_side: str) -> str:
    return _TRAILING_REF.sub("", date_side).strip(_EDGE.replace("(", "").replace(")", "") + ".")


_LETTERS = re.compile(r"[^\W\d_]+")
_WEEKDAY_WORDS = """mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday
thursday friday saturday sunday mo di mi do fr sa so montag dienstag mittwoch donnerstag
freitag samstag sonntag lun mar mer jeu ven sam dim lundi mardi mercredi jeudi vendredi samedi
dimanche lunes martes miércoles jueves viernes sábado domingo lunedì martedì mercoledì giovedì
venerdì sabato domenica maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"""
# Words a printed date may hold besides its numbers: months, weekdays, "at",
# "am"/"pm", "Uhr", "de", relative units ("2 hours ago", "vor 3 Tagen").
_OTHER_DATE_WORDS = """at am pm a m p um uhr de del à las los le el h o clock ago vor hace il y
on the of st nd rd th er gegen sec secs second seconds min mins minute minutes hr hrs hour hours
day days week weeks month months year years yesterday today sek minuten stunde stunden tag tagen
woche wochen monat monaten jahr jahren gestern heute"""
_WEEKDAYS = frozenset(_WEEKDAY_WORDS.split())
_DATE_VOCABULARY = frozenset(MONTHS) | _WEEKDAYS | frozenset(_OTHER_DATE_WORDS.split())
_STARTS_A_DATE = frozenset(MONTHS) | _WEEKDAYS


def _date_words(text: str) -> bool:
    """At most one word that no printed date holds ("Posted", a time zone)."""
    unknown = 0
    for word in _LETTERS.findall(text):
        if word.lower() not in _DATE_VOCABULARY:
            unknown += 1
            if unknown > 1:
                return False
    return True
