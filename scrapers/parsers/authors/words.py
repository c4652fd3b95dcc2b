"""The words of bylines: labels, roles, name particles and organisation words.

Vocabulary, not logic: :mod:`names` decides with these lists what in a
byline is a person's name.
"""

from __future__ import annotations

# fmt: off
LABEL_WORDS = frozenset(
    ["published", "publiziert", "veröffentlicht", "posted", "eingestellt", "alle", "all", "posts", "view", "more", "mehr", "profil", "profile", "über", "about", "auteurs", "autoren", "shares", "share", "follow", "twitter", "email", "read", "bio", "schließen", "close", "updated", "aktualisiert", "artikel", "articles", "stories", "see", "erstellt", "publicado", "actualizado", "rezept", "recipe", "edited", "edition", "revised", "gespeichert", "unter", "filed", "under", "authors", "author", "autor", "autorin", "autoren"]
    # credits for other work that follow the writer's name ("... Illustration von X")
    + ["illustration", "illustrationen", "foto", "fotos", "photo", "photos", "bild", "bilder", "grafik", "video", "kamera"]
    # "as of", "press release": labels of the lines around a byline
    + ["stand", "pressemitteilung", "pressemeldung"]
    # reading time and relative dates printed after the names ("... Hace 13 horas")
    + ["hace", "vor", "lesezeit", "lesedauer", "reading", "tiempo", "min.", "minutes", "minuten"]
)
# fmt: on
# fmt: off
ROLE_WORDS = frozenset(
    ["staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "contributor", "contributing", "columnist", "photographer", "senior", "chief", "managing", "associate", "editorial", "news", "desk", "freelance", "journalist", "author", "special", "guest", "political", "business", "sports", "updated", "chefredakteur", "chefredakteurin", "published", "posted", "on", "at", "in", "the", "for", "of", "phd", "md", "redakteur", "redakteurin", "autor", "autora", "periodista", "redactor", "redactora", "corresponsal", "international", "national", "bureau"]
    # offices printed after a name ("Ryan Merkley, CEO")
    + ["ceo", "cto", "cfo", "founder", "co", "president", "director", "spokesperson", "publisher"]
)
# fmt: on
NOT_NAMES = frozenset(
    ["admin", "administrator", "administrador", "user", "guest", "anonymous", "unknown", "staff"]
    # placeholders of CMS defaults ("Super User" of Joomla, a "publisher" field left as is)
    + ["super user", "publisher"]
    # a byline's prefix or a tool label left standing alone ("Von | Name", "Edit")
    + ["by", "von", "from", "por", "par", "door", "di", "da", "av", "af", "edit", "text"]
    # articles left over when a label is cut off ("Die Autorin ...")
    + ["die", "der", "das", "the", "el", "la", "le", "les", "los", "las"]
)


# Lowercase words that belong to names ("Walter von Aachen", "Luis de la Cruz").
PARTICLES = frozenset(
    [
        "von",
        "vom",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "zu",
        "zum",
        "ter",
        "ten",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
        "e",
        "und",
        "and",
        "of",
        # in the names of other languages ("Juan de los Santos", "Maria das Dores",
        # "Jan op den Akker", "Puig i Cadafalch")
        "los",
        "las",
        "das",
        "des",
        "dei",
        "degli",
        "dal",
        "op",
        "te",
        "het",
        "'t",
        "ben",
        "i",
    ]
)


# Legal forms and words that name companies and associations, not people.
ORGANISATION = frozenset(
    ["gmbh", "ag", "kg", "ohg", "ug", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "corp", "s.a."]
    + ["e.v.", "e.v"]
    + ["verlag", "verein", "gesellschaft", "company", "corporation", "limited"]
)
