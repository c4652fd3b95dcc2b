"""What a byline prints around a name, cut off before the name is judged, and
the parts of a byline that are no name (a job, a publication, a thread link).

Meta lines run on after the name ("Fabian am Dienstag 6. Mai 2014", "Jean
Dupont le 3 mai 2021", "jancak @ 00:11"), bylines add the writer's job
("Anna Schmidt, Redakteurin", "Chefredakteur Peter Müller"), and templates
print first and last name on lines of their own, so that the page's source
breaks one name in two ("Ralf\\n \\n Balke": the browser shows "Ralf Balke").
"""

from __future__ import annotations

import re

from scrapers.parsers.authors.words import (
    CALENDAR,
    COMMENT_WORDS,
    LABEL_WORDS,
    NOT_NAMES,
    PUBLICATION_WORDS,
    ROLE_WORDS,
    TITLES,
)
from scrapers.parsers.dates.parse import parse_date

_WORD = re.compile(r"\S+")
# What joins a name to the date after it ("am", "on", "le", "el", "il", "op", a dash).
_JOIN_END = re.compile(
    r"(?:\s+(?:am|on|le|el|em|il|op|at|um|den|the|,|\||–|—|-|@))*[\s,|–—-]*$", re.I
)


def cut_date_tail(segment: str) -> str:
    """The segment without the date that follows the name ("R. R. am 07.08.2013 um
    09:07 Uhr" -> "R. R.", "Allen Versfeld August 7, 2012" -> "Allen Versfeld").

    >>> cut_date_tail("Fabian am Dienstag 6. Mai 2014")
    'Fabian'
    >>> cut_date_tail("Jane Doe on May 3, 2021")
    'Jane Doe'
    """
    if not any(c.isdigit() for c in segment):
        return segment
    words = list(_WORD.finditer(segment))
    for k, m in enumerate(words[1:12], 1):
        word = m.group().strip(",.").casefold()
        if word == "@" and k + 1 < len(words) and words[k + 1].group()[0].isdigit():
            return _JOIN_END.sub("", segment[: m.start()])  # a time only: "jancak @ 00:11"
        if (word[:1].isdigit() or word in CALENDAR) and parse_date(segment[m.start() :])[0]:
            return _JOIN_END.sub("", segment[: m.start()])
    return segment


def drop_titles(part: str) -> str:
    """A name without the job title printed before or after it ("Redakteurin",
    "Chefredakteur", "journaliste"), when a name of two words or more remains.

    >>> drop_titles("Anna Schmidt Volontärin")
    'Anna Schmidt'
    """
    words = part.split()
    if (
        len(words) == 3
        and words[-1].casefold().strip(",.;") in TITLES
        and not any(w.casefold() in ROLE_WORDS for w in words[:2])
    ):
        words.pop()  # (not "Associate NFL Editor")
    while len(words) > 2 and words[0].casefold().strip(",.;:") in TITLES:
        words.pop(0)
    return " ".join(words) if len(words) < len(part.split()) else part


_LINE_BREAK = re.compile(r"[ \t\r\f\v\u00a0]*\n\s*")
_ONE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def join_broken_name(text: str) -> str:
    """One name whose parts the page's source sets on lines of their own.

    Lines are no separator in HTML, but bylines often put a name and what
    follows it ("Jane Doe\\n 3 min read") on separate lines, so the split treats
    them as one.  Two or three neighbouring lines that are each one capitalised
    word (no label, no title) are one name.

    >>> join_broken_name("\\n  Ralf\\n \\n  Balke\\n")
    'Ralf Balke'
    >>> join_broken_name("Von\\n Ralf\\n Balke\\n 3 min")
    'Von\\nRalf Balke\\n3 min'
    """
    if "\n" not in text:
        return text
    lines = [x for x in _LINE_BREAK.split(text.strip()) if x]
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line and _name_word(line) and len(run) < 3:
            run.append(line)
            continue
        if len(run) >= 2:
            out.append(" ".join(run))
        else:
            out += run
        run = [line] if line and _name_word(line) else []
        if line and not run:
            out.append(line)
    if len(out) == len(lines):
        return text
    return "\n".join(out)


def _name_word(line: str) -> bool:
    folded = line.casefold()
    return (
        _ONE_WORD.fullmatch(line) is not None
        and line[0].isupper()
        and folded not in LABEL_WORDS
        and folded not in NOT_NAMES
        and folded not in TITLES
    )


def thread_link(part: str) -> bool:
    """A link to the comment thread ("Leave a Comment", "No Comments")."""
    return any(w.casefold().strip(".,:;()") in COMMENT_WORDS for w in part.split())


def publication_named(part: str) -> bool:
    """Capitalised words, one of them a publication's word ("Nyasa Times")."""
    words = part.split()
    return (
        2 <= len(words) <= 4
        and all(w[0].isupper() for w in words)
        and any(w.casefold() in PUBLICATION_WORDS for w in words[1:])
    )


def titled(part: str) -> bool:
    """The part ends with a job title ("Associate NFL Editor", "Redakteurin")."""
    words = part.split()
    return bool(words) and words[-1].casefold().strip(".,;") in TITLES


def plain_link(text: str) -> bool:
    """A link's text that is a name as written ("Catch more fish"), not a label
    ("Alle Artikel") or a phrase around the name ("Zeige alle Beiträge von X")."""
    words = text.casefold().split()
    return len(words) <= 3 and words[0] not in LABEL_WORDS and not NOT_NAMES.intersection(words)


# A date's label left before it ("Published:", "zuletzt bearbeitet:").
_DATE_LABEL = re.compile(r"(?:(?:^|\s+)[^\W\d_A-Z][\w.-]*)*\s*[^\W\d_]+\s*:$")
# What a "Posted by NAME in CATEGORY" line files the post under.
_FILED_IN = re.compile(r"\s+(?:in|im|en|dans|nel|unter|under|filed\s+under)(?:\s.*|\s*[.:]?)$")


def cut_filed_in(text: str) -> str:
    """A "Posted by NAME in CATEGORY" line without what the post is filed under;
    where each name has its place ("Sarah Laitner in Brussels, Maija Palmer in
    London"), each place goes.

    >>> cut_filed_in("Jane Doe in Politics, Europe")
    'Jane Doe'
    >>> cut_filed_in("Sarah Laitner in Brussels, Maija Palmer in London")
    'Sarah Laitner, Maija Palmer'
    """
    if len(_IN.findall(text)) >= 2:
        return _PLACE.sub("", text)
    return _FILED_IN.sub("", text)


_IN = re.compile(r"\s(?:in|im|en|dans|nel)\s")
_PLACE = re.compile(r"\s+(?:in|im|en|dans|nel)\s+[^,;&]*?(?=\s+(?:and|und|et|y|e)\s|[,;&]|$)")


def drop_date_label(head: str) -> str:
    """What stands before a date, without the date's label ("Richard Lam
    Published:" -> "Richard Lam"); "" when the label is all there is
    ("Started:", "Zuletzt geändert am:")."""
    label = _DATE_LABEL.search(head)
    if not label:
        return head
    return head[: label.start()] if " " in head[: label.start()].strip() else ""
