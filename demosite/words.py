"""Word lists for the generated news prose, per language.

Plain data, kept apart from the generator so the grammar (``textgen``) stays
readable.  Names come from several cultures because real comment sections do.
"""

from __future__ import annotations

STAFF = {
    "en": [
        "Peter Spinella", "Helen Okafor", "Martin Kowalski", "Aisha Rahman", "David Chen",
        "Sarah Lindqvist", "James O'Connor", "Priya Natarajan", "Tom Whitfield", "Lucía Fernández",
        "Kenji Watanabe", "Rachel Goldberg", "Samuel Mensah", "Claire Dubois", "Omar Haddad",
    ],
    "es": ["Carlos Muñoz", "Begoña Ibáñez", "Andrés Peña", "María José Núñez", "Iván Cortés"],
    "ru": ["Анна Смирнова", "Дмитрий Волков", "Ольга Кузнецова", "Сергей Морозов"],
}

AGENCIES = ["dpa", "AFP", "EFE", "IPS", "AP"]

COMMENTERS = {
    "en": [
        "Dan", "Nick", "Mike Nichols", "Brian Henderson", "Sam Gonzalez", "Carlyle MacDuff",
        "Jennifer Walsh", "Ahmed Saleh", "Liam Murphy", "Grace Kim", "Olu Adeyemi", "Hans Becker",
        "Marta Silva", "Raj Patel", "Yuki Tanaka", "Chloe Martin", "Ivan Petrov", "Fatima Zahra",
        "Bob", "observer", "Kate W.", "John Smith", "Pedro Alvarez", "Ngozi Eze", "Tariq",
        "Elena Rossi", "Dave from Ohio", "Mei Ling", "Patrick O'Brien", "Sven Johansson",
    ],
    "es": [
        "Julio de la Vega", "Ramiro Castañeda", "Lucía Gómez", "Jesús Ordóñez", "Ana Belén Ruiz",
        "Tomás Echeverría", "Nuria Peñalver", "Joaquín", "Mariela", "Óscar Ibarra",
    ],
    "ru": [
        "Алексей", "Мария Иванова", "Игорь П.", "Наталья", "Владимир Соколов", "Евгений",
        "Татьяна Лебедева", "Пётр",
    ],
}

SECTIONS = [
    # (name, slug, language, charset)
    ("World", "world", "en", "utf-8"),
    ("Latin America", "latin-america", "en", "utf-8"),
    ("Politics", "politics", "en", "utf-8"),
    ("Economy", "economy", "en", "utf-8"),
    ("Culture", "culture", "en", "utf-8"),
    ("Sports", "sports", "en", "utf-8"),
    ("Opinion", "opinion", "en", "utf-8"),
    ("En Español", "en-espanol", "es", "utf-8"),
    ("Archivo", "archivo", "es", "windows-1252"),
    ("Русский", "russkij", "ru", "utf-8"),
]
SECTION_WEIGHTS = [16, 12, 14, 10, 8, 6, 6, 10, 6, 8]

TAGS = {
    "en": [
        "Venezuela", "Russia", "Cuba", "United States", "China", "Brazil", "Mexico",
        "elections", "sanctions", "oil", "migration", "human rights", "trade", "health",
        "climate", "football", "music", "film", "inflation", "protests", "Congress", "energy",
    ],
    "es": ["Venezuela", "Cuba", "economía", "elecciones", "migración", "cultura", "España"],
    "ru": ["Москва", "экономика", "выборы", "культура", "спорт"],
}

EN = {
    "actor": [
        "the foreign minister", "the president", "opposition leaders", "the central bank",
        "union representatives", "the health ministry", "regional governors", "the prime minister",
        "local officials", "a government spokesperson", "the defense ministry", "civic groups",
        "the electoral council", "senior diplomats", "farmers' associations", "the mayor",
    ],
    "place": [
        "Caracas", "Havana", "Moscow", "Washington", "Brasília", "Mexico City", "Bogotá", "Lima",
        "Madrid", "Berlin", "Beijing", "Buenos Aires", "Santiago", "Kyiv", "Geneva", "Nairobi",
    ],
    "topic": [
        "fuel prices", "the new budget", "the trade agreement", "the election timetable",
        "food imports", "the pension reform", "the vaccination campaign", "the border crossings",
        "the power outages", "the fishing quotas", "public transport fares", "the mining licences",
        "the minimum wage", "the water shortages", "the press law", "the tourism season",
    ],
    "verb": [
        "criticized", "defended", "welcomed", "questioned", "rejected", "announced changes to",
        "called for talks on", "warned about", "promised to review", "pushed back against",
    ],
    "title_verb": [
        "Defends", "Rejects", "Questions", "Backs", "Unveils Plan on", "Warns Over",
        "Pledges Action on", "Signals Shift on", "Faces Pressure Over", "Seeks Talks on",
    ],
    "title_actor": [
        "Government", "Opposition", "Central Bank", "Unions", "Ministers", "Governors",
        "Senate", "Farmers", "Students", "Doctors", "Mayor", "Court",
    ],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "adj": ["unprecedented", "difficult", "long-awaited", "controversial", "modest", "urgent"],
    "number": ["two", "three", "dozens of", "hundreds of", "several", "at least five"],
    "group": ["residents", "workers", "analysts", "economists", "families", "businesses"],
}

EN_SENTENCES = [
    "{Actor} {verb} {topic} on {day}, saying the situation in {place} had become {adj}.",
    "Speaking to reporters in {place}, {actor} said {topic} would be discussed again next week.",
    "{Number} {group} gathered outside the ministry to protest against {topic}.",
    "According to figures released on {day}, {topic} have weighed heavily on {group} in {place}.",
    "Critics argue that the decision on {topic} came too late for many {group}.",
    "“We are not going to accept this,” one of the organisers told local media in {place}.",
    "The announcement follows months of {adj} negotiations between {actor} and {group}.",
    "{Actor} did not respond to requests for comment on {topic}.",
    "Analysts in {place} said the move was {adj} but unlikely to change much in the short term.",
    "It was not immediately clear how {topic} would affect {group} outside {place}.",
    "Earlier this year, {actor} {verb} {topic}, a step that drew criticism from {group}.",
    "{Number} {group} interviewed by this newspaper described the measures as {adj}.",
    "The debate over {topic} is expected to dominate the agenda in {place} for weeks.",
    "Officials said more details would be published on {day}.",
]

EN_COMMENTS = [
    "Great article, thanks for the reporting.",
    "This is exactly what everyone expected to happen.",
    "I lived in {place} for years and this does not surprise me at all.",
    "Who is going to pay for {topic}? Not the politicians, that is for sure.",
    "Interesting, but the article leaves out the role of {actor}.",
    "Same story every year. Nothing changes.",
    "I disagree. {Actor} has done more than most people give them credit for.",
    "Does anyone have a source for the numbers in the fourth paragraph?",
    "Sad news for the people of {place}.",
    "Let's see what happens on {day}.",
    "Well said!",
    "The real problem is {topic}, and nobody wants to talk about it.",
    "My family in {place} says prices have doubled since January.",
    "Thanks for keeping us informed.",
]

ES = {
    "actor": [
        "el ministro de Economía", "la oposición", "el Gobierno", "los sindicatos",
        "la alcaldesa", "el Banco Central", "los gobernadores", "la fiscalía",
    ],
    "place": ["Caracas", "La Habana", "Bogotá", "Madrid", "Lima", "Córdoba", "Málaga", "Cádiz"],
    "topic": [
        "la reforma de las pensiones", "el precio del pan", "la migración", "las elecciones",
        "la escasez de combustible", "el nuevo presupuesto", "la temporada turística",
    ],
    "adj": ["difícil", "histórica", "polémica", "urgente", "insuficiente", "pequeña"],
    "day": ["el lunes", "el martes", "el miércoles", "el jueves", "el viernes", "el sábado"],
    "title_actor": ["El Gobierno", "La oposición", "Los sindicatos", "El Banco Central"],
    "title_verb": ["defiende", "rechaza", "cuestiona", "anuncia cambios en", "critica"],
}

ES_SENTENCES = [
    "{Actor} anunció {day} nuevas medidas sobre {topic} en {place}.",
    "Según los datos publicados {day}, la situación en {place} sigue siendo {adj}.",
    "“No vamos a aceptar esta decisión”, declaró un portavoz de {actor}.",
    "Los vecinos de {place} se quejan de que {topic} afecta a miles de familias.",
    "La decisión sobre {topic} llega tras meses de negociaciones con {actor}.",
    "Analistas consultados por este diario calificaron la medida de “{adj}”.",
    "¿Quién pagará {topic}? La pregunta se repite en las calles de {place}.",
    "El debate sobre {topic} continuará la próxima semana en {place}.",
]

ES_COMMENTS = [
    "Muy buen artículo, gracias.",
    "¡Siempre la misma historia!",
    "Mi familia en {place} dice que todo está más caro.",
    "¿Y quién paga {topic}? Nosotros, como siempre.",
    "Estoy de acuerdo con el comentario anterior.",
    "Qué pena lo que pasa en {place}.",
]

RU = {
    "actor": ["правительство", "министерство финансов", "мэрия", "профсоюзы", "оппозиция"],
    "place": ["Москве", "Санкт-Петербурге", "Казани", "Новосибирске", "Екатеринбурге"],
    "topic": ["пенсионной реформы", "цен на бензин", "нового бюджета", "выборов", "транспорта"],
    "day": ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу"],
    "title_actor": ["Правительство", "Мэрия", "Профсоюзы", "Оппозиция"],
    "title_verb": ["обсудили вопрос", "выступили против", "подготовили план"],
}

RU_SENTENCES = [
    "Как сообщили {day} в {place}, обсуждение {topic} продолжится.",
    "По словам экспертов, ситуация вокруг {topic} остаётся сложной.",
    "Представители властей заявили, что решение будет принято в ближайшее время.",
    "«Мы не согласны с таким подходом», — сказал один из участников встречи в {place}.",
    "Жители в {place} жалуются, что вопрос {topic} решается слишком медленно.",
    "Окончательные итоги будут подведены {day}.",
]

RU_COMMENTS = [
    "Спасибо за статью!",
    "Опять то же самое.",
    "А кто за это заплатит?",
    "Полностью согласен с автором.",
    "Интересно, что будет дальше.",
]

PING_SITES = [
    ("Latin Monitor", "https://latinmonitor.example.com"),
    ("The Caribbean Ledger", "https://caribbeanledger.example.org"),
    ("Policy Notes", "https://policynotes.example.net"),
]
