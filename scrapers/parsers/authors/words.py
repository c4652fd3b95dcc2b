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
    # links and buttons beside a byline ("Alles von X", "Kontakt", "Folgen")
    + ["alles", "weitere", "kontakt", "contact", "kontaktieren", "folgen", "abonnieren", "e-mail", "newsletter"]
    + ["subscribe", "print", "drucken", "tweet", "teilen"]
)
# fmt: on
# fmt: off
# Job titles printed with a name ("Anna Schmidt, Redakteurin", "Chefredakteur Peter
# Müller", "Par Jean Dupont, journaliste"), in the languages of the pages.
TITLES = frozenset(
    ["redakteur", "redakteurin", "chefredakteur", "chefredakteurin", "volontär", "volontärin", "journalist", "journalistin", "reporterin", "korrespondent", "korrespondentin", "autorin", "gastautor", "gastautorin", "herausgeber", "herausgeberin", "redaktionsleiter", "redaktionsleiterin", "ressortleiter", "ressortleiterin", "fotograf", "fotografin", "praktikant", "praktikantin", "moderator", "moderatorin", "pressesprecher", "pressesprecherin"]
    + ["reporter", "correspondent", "columnist", "editor", "writer", "contributor", "photographer", "freelancer"]
    + ["journaliste", "rédacteur", "rédactrice", "correspondant", "correspondante", "chroniqueur", "chroniqueuse", "envoyé", "envoyée"]
    + ["periodista", "redactor", "redactora", "corresponsal", "colaborador", "colaboradora", "columnista", "enviado", "enviada"]
    + ["jornalista", "repórter", "colunista", "correspondente", "editora"]
    + ["giornalista", "redattore", "redattrice", "inviato", "inviata", "corrispondente", "collaboratore", "collaboratrice"]
    + ["verslaggever", "redacteur", "redactrice", "eindredacteur", "correspondente"]
    # the jobs of a company's blog ("Jane Doe, Product Manager, Google Maps")
    + ["manager", "engineer", "intern", "scientist", "designer", "developer", "analyst", "specialist", "strategist", "producer", "consultant", "officer"]
)
# fmt: on
# fmt: off
ROLE_WORDS = frozenset(
    ["staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "contributor", "contributing", "columnist", "photographer", "senior", "chief", "managing", "associate", "editorial", "news", "desk", "freelance", "journalist", "author", "special", "guest", "political", "business", "sports", "updated", "chefredakteur", "chefredakteurin", "published", "posted", "on", "at", "in", "the", "for", "of", "phd", "md", "redakteur", "redakteurin", "autor", "autora", "periodista", "redactor", "redactora", "corresponsal", "international", "national", "bureau"]
    # offices printed after a name ("Ryan Merkley, CEO")
    + ["ceo", "cto", "cfo", "founder", "co", "president", "director", "spokesperson", "publisher"]
    + list(TITLES)
)
# fmt: on
NOT_NAMES = frozenset(
    ["admin", "administrator", "administrador", "user", "guest", "anonymous", "unknown", "staff"]
    # placeholders of CMS defaults ("Super User" of Joomla, a "publisher" field left as is)
    + ["super user", "publisher"]
    # a byline's prefix or a tool label left standing alone ("Von | Name", "Edit")
    + ["by", "von", "from", "por", "par", "door", "di", "da", "av", "af", "edit", "text"]
    + ["kontakt", "contact"]
    # the links of a byline line ("By Radish | Permalink | Comments (6)")
    + ["permalink", "trackback", "pingback", "tweet", "print", "drucken", "teilen", "share"]
    # what a link to the authors' index says ("Authors List", "Autoren Übersicht")
    + ["list", "liste", "index", "archive", "archiv", "overview", "übersicht", "size"]
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


# Months and weekdays, whole and abbreviated, in the languages of the pages: a word
# of a date that a byline's separators cut off ("Jason Shafrin - Nov•06•12").
# fmt: off
CALENDAR = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    + ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    + ["januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "jän", "mär", "okt", "dez"]
    + ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so"]
    + ["janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    + ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lun", "mer", "jeu", "ven", "sam", "dim"]
    + ["enero", "febrero", "marzo", "abril", "mayo", "junio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
    + ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado"]
    + ["gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre"]
    + ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"]
    + ["januari", "februari", "maart", "mei", "augustus", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    + ["janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro"]
)
# fmt: on

# Links to the thread printed in a byline line ("Leave a Comment", "No Comments", "3 Kommentare").
COMMENT_WORDS = frozenset(
    [
        "comment",
        "comments",
        "kommentar",
        "kommentare",
        "kommentieren",
        "commentaire",
        "commentaires",
    ]
    + ["comentario", "comentarios", "comentar", "commento", "commenti", "reactie", "reacties"]
    + ["comentário", "comentários", "reply", "replies", "antworten", "respond", "responses"]
)
# Words publications are named with ("Nyasa Times", "Presse Augsburg"), not people.
PUBLICATION_WORDS = frozenset(
    ["today", "news", "times", "post", "daily", "weekly", "journal", "magazine", "magazin"]
    + ["presse", "press", "zeitung", "online", "blog", "radio", "tv", "media", "verlag", "review"]
)
